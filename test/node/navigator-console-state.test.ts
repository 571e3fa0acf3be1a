import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConversationDetail } from '../../src/handoff/handoff-protocol.js';
import {
  addOwnMessage,
  applyNavigatorEvent,
  arrivals,
  type ConsoleState,
  INITIAL_CONSOLE_STATE,
  visitorIsTyping,
} from '../../navigator/console/console-state.js';
import { SPANISH_SUMMARY } from '../support/navigator-test-clients.js';

const detail: ConversationDetail = {
  id: 'conversation-1',
  state: 'active',
  summary: SPANISH_SUMMARY,
  waitingSince: 0,
  visitorConnected: true,
};

function opened(): ConsoleState {
  return applyNavigatorEvent(INITIAL_CONSOLE_STATE, { type: 'conversation', conversation: detail, messages: [] }, 0);
}

const visitorMessage = (seq: number, text: string) =>
  ({
    type: 'message',
    conversationId: 'conversation-1',
    message: { seq, from: 'visitor', clientId: `visitor-${seq}`, text, at: seq },
  }) as const;

test('the transcript is in sequence order and a message delivered twice shows once', () => {
  let state = opened();
  state = applyNavigatorEvent(state, visitorMessage(2, 'segundo'), 0);
  state = applyNavigatorEvent(state, visitorMessage(1, 'primero'), 0);
  state = applyNavigatorEvent(state, visitorMessage(2, 'segundo'), 0);
  assert.deepEqual(
    state.conversations['conversation-1']?.messages.map((m) => m.text),
    ['primero', 'segundo'],
  );
});

test("the navigator's message shows at once as pending, then takes its place when acknowledged", () => {
  let state = addOwnMessage(opened(), 'conversation-1', 'mine-1', 'Hola, soy Ana', 5);
  state = applyNavigatorEvent(state, visitorMessage(1, 'hola'), 6);
  assert.deepEqual(
    state.conversations['conversation-1']?.messages.map((m) => [m.text, m.pending]),
    [
      ['hola', false],
      ['Hola, soy Ana', true],
    ],
  );
  state = applyNavigatorEvent(state, { type: 'ack', conversationId: 'conversation-1', clientId: 'mine-1', seq: 2 }, 7);
  // The same message replayed after a reconnect is not added again.
  state = applyNavigatorEvent(
    state,
    {
      type: 'message',
      conversationId: 'conversation-1',
      message: { seq: 2, from: 'navigator', clientId: 'mine-1', text: 'Hola, soy Ana', at: 7 },
    },
    8,
  );
  assert.deepEqual(
    state.conversations['conversation-1']?.messages.map((m) => [m.seq, m.text, m.pending]),
    [
      [1, 'hola', false],
      [2, 'Hola, soy Ana', false],
    ],
  );
});

test('a refused message is marked as not sent', () => {
  let state = addOwnMessage(opened(), 'conversation-1', 'mine-1', 'x', 5);
  state = applyNavigatorEvent(
    state,
    { type: 'error', code: 'conversation-ended', message: '', conversationId: 'conversation-1', clientId: 'mine-1' },
    6,
  );
  assert.equal(state.conversations['conversation-1']?.messages[0]?.failed, 'conversation-ended');
  assert.equal(state.notice, null);
});

test('a lost race for a conversation becomes a notice', () => {
  const state = applyNavigatorEvent(
    INITIAL_CONSOLE_STATE,
    { type: 'error', code: 'already-claimed', message: '', conversationId: 'elsewhere' },
    0,
  );
  assert.deepEqual(state.notice, { code: 'already-claimed', conversationId: 'elsewhere' });
});

test("the visitor's typing shows for a few seconds, and ends with their message", () => {
  let state = applyNavigatorEvent(opened(), { type: 'typing', conversationId: 'conversation-1', typing: true }, 1000);
  const conversation = () => state.conversations['conversation-1'];
  assert.equal(visitorIsTyping(conversation()!, 2000), true);
  assert.equal(visitorIsTyping(conversation()!, 8000), false, 'a lost "stopped typing" does not leave it on');
  state = applyNavigatorEvent(state, visitorMessage(1, 'listo'), 2500);
  assert.equal(visitorIsTyping(conversation()!, 2600), false);
});

test('an ended conversation stays visible with who ended it; a returned one leaves the console', () => {
  let state = applyNavigatorEvent(opened(), { type: 'ended', conversationId: 'conversation-1', by: 'visitor' }, 0);
  assert.equal(state.conversations['conversation-1']?.endedBy, 'visitor');
  state = applyNavigatorEvent(opened(), { type: 'released', conversationId: 'conversation-1' }, 0);
  assert.equal(state.conversations['conversation-1'], undefined);
});

test('arrivals are the queue entries not seen before', () => {
  const entry = (id: string) => ({
    id,
    language: 'es',
    reason: 'asked' as const,
    urgent: false,
    crisis: false,
    crisisKinds: [],
    categories: [],
    waitingSince: 0,
    visitorConnected: true,
  });
  assert.deepEqual(
    arrivals([entry('a')], [entry('a'), entry('b')]).map((e) => e.id),
    ['b'],
  );
});

test("waiting times use the service's clock", () => {
  const state = applyNavigatorEvent(INITIAL_CONSOLE_STATE, { type: 'queue', entries: [], now: 10_000 }, 4_000);
  assert.equal(state.clockOffsetMs, 6_000);
});

test('queue changes add, replace and remove entries, and the console keeps crisis first', () => {
  const entry = (id: string, crisis = false, waitingSince = 0) => ({
    id,
    language: 'es',
    reason: 'asked' as const,
    urgent: crisis,
    crisis,
    crisisKinds: [],
    categories: [],
    waitingSince,
    visitorConnected: true,
  });
  let state = applyNavigatorEvent(
    INITIAL_CONSOLE_STATE,
    { type: 'queue', entries: [entry('a'), entry('b', false, 5)], now: 0 },
    0,
  );
  state = applyNavigatorEvent(
    state,
    {
      type: 'queue-changed',
      added: [entry('c', true, 9), { ...entry('b', false, 5), visitorConnected: false }],
      removed: ['a'],
      now: 0,
    },
    0,
  );
  assert.deepEqual(
    state.queue.map((e) => [e.id, e.visitorConnected]),
    [
      ['c', true],
      ['b', false],
    ],
  );
});

test('callback changes add and remove requests without the whole list', () => {
  const request = (id: number) => ({ id, phone: '555 0100', bestTime: 'mornings', language: 'es', createdAt: id });
  let state = applyNavigatorEvent(INITIAL_CONSOLE_STATE, { type: 'callbacks', requests: [request(1), request(2)] }, 0);
  state = applyNavigatorEvent(state, { type: 'callbacks-changed', added: [request(3)], removed: [1] }, 0);
  assert.deepEqual(
    state.callbacks.map((r) => r.id),
    [2, 3],
  );
});
