/**
 * The widget's side of the navigator's desk, in the conversation machine with a fake navigator
 * connection the test drives: phrases kept as phrase keys, services kept as ids and looked up
 * in the widget's directory, the safety check's quick replies (crisis lines at once on "not
 * safe"), and the follow-up opt-in.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createActor, fromCallback, fromPromise } from 'xstate';
import { conversationMachine } from '../../src/conversation/conversation.machine.js';
import type { FoundServices } from '../../src/conversation/conversation-types.js';
import { triageText } from '../../src/conversation/triage.js';
import type { Service } from '../../src/directory/snapshot.js';
import type { HandoffCommand } from '../../src/handoff/handoff-actor.js';
import type { HandoffEvent, HandoffOpenRequest } from '../../src/handoff/handoff-transport.js';

const FOOD_BANK = { id: 'harbour-food-bank', name: { en: 'Harbour Food Bank', es: 'Banco de alimentos Harbour' } };

/** A visitor chatting with Ana, over a fake connection; services are looked up in a one-record directory. */
async function chatting() {
  const commands: HandoffCommand[] = [];
  const lookedUp: string[][] = [];
  let report: (event: HandoffEvent) => void = () => {};
  const machine = conversationMachine.provide({
    actors: {
      triageText: fromPromise(async ({ input }: { input: { text: string } }) => triageText(input.text)),
      lookupServices: fromPromise<FoundServices, { ids: string[] }>(async ({ input }) => {
        lookedUp.push(input.ids);
        return {
          results: input.ids
            .filter((id) => id === FOOD_BANK.id)
            .map(() => ({ service: FOOD_BANK as unknown as Service, reasons: [] })),
          timeZone: 'America/Toronto',
          distanceUnit: 'km',
        };
      }),
      navigator: fromCallback<HandoffCommand, HandoffOpenRequest>(({ sendBack, receive }) => {
        report = (event) => sendBack(event);
        receive((command) => commands.push(command));
      }),
    },
  });
  const actor = createActor(machine, {
    input: { language: 'es', config: { liveChat: true }, clientPrefix: 'testprefix' },
  }).start();
  actor.send({ type: 'TALK_TO_PERSON' });
  report({ type: 'connected', conversationId: 'c1', secret: 's1', resumed: false });
  report({ type: 'navigator-joined', name: 'Ana' });
  let seq = 0;
  const fromNavigator = (text: string, content?: Extract<HandoffEvent, { type: 'message' }>['content']) =>
    report({
      type: 'message',
      seq: ++seq,
      clientId: `n${seq}`,
      text,
      at: 0,
      from: 'navigator',
      ...(content ? { content } : {}),
    });
  return { actor, commands, lookedUp, report, fromNavigator };
}

const last = (actor: Awaited<ReturnType<typeof chatting>>['actor']) => actor.getSnapshot().context.messages.at(-1);
const replyTypes = (actor: Awaited<ReturnType<typeof chatting>>['actor']) =>
  actor.getSnapshot().context.replies.map((reply) => reply.event.type);

describe("the navigator's desk in the widget's conversation", () => {
  test('keeps a phrase as its key, so it shows in the visitor language and follows a switch', async () => {
    const { actor, fromNavigator } = await chatting();
    fromNavigator("Hello, I'm a 211 navigator.", { kind: 'phrase', phrase: 'greeting', lang: 'en' });
    assert.deepEqual(last(actor), {
      id: last(actor)?.id,
      from: 'navigator',
      kind: 'text',
      text: "Hello, I'm a 211 navigator.",
      seq: 1,
      name: 'Ana',
      lang: 'en',
      phrase: 'greeting',
    });
  });

  test('keeps free text as typed, marked with the language it was written in', async () => {
    const { actor, fromNavigator } = await chatting();
    fromNavigator('Let me check.', { kind: 'text', lang: 'en' });
    assert.deepEqual(
      { ...last(actor), id: 0 },
      {
        id: 0,
        from: 'navigator',
        kind: 'text',
        text: 'Let me check.',
        seq: 1,
        name: 'Ana',
        lang: 'en',
      },
    );
  });

  test('keeps services as ids and fills in the records from the widget directory', async () => {
    const { actor, fromNavigator, lookedUp } = await chatting();
    fromNavigator('Harbour Food Bank\nGone Service', { kind: 'services', serviceIds: [FOOD_BANK.id, 'gone'] });
    assert.deepEqual(lookedUp, [[FOOD_BANK.id, 'gone']]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const message = last(actor);
    assert.ok(message?.from === 'navigator' && message.kind === 'services');
    assert.deepEqual(message.serviceIds, [FOOD_BANK.id, 'gone']);
    assert.equal(message.lookedUp, true);
    assert.deepEqual(
      message.results.map((result) => result.service.id),
      [FOOD_BANK.id],
      'an id the directory does not know is left out',
    );
    assert.equal(message.timeZone, 'America/Toronto');
  });

  test('does not show or look up services again when a reconnect replays them', async () => {
    const { actor, report, lookedUp } = await chatting();
    const event = {
      type: 'message' as const,
      seq: 1,
      clientId: 'n1',
      text: 'x',
      at: 0,
      from: 'navigator' as const,
      content: { kind: 'services' as const, serviceIds: [FOOD_BANK.id] },
    };
    report(event);
    report(event);
    assert.equal(lookedUp.length, 1);
    assert.equal(actor.getSnapshot().context.messages.filter((m) => m.from === 'navigator').length, 1);
  });

  test('offers the safety answers as quick replies and shows crisis lines at once on "not safe"', async () => {
    const { actor, fromNavigator, commands } = await chatting();
    fromNavigator('Are you safe right now?', { kind: 'safety-check' });
    assert.deepEqual(last(actor), { ...last(actor), phrase: 'areYouSafe' });
    assert.deepEqual(replyTypes(actor).slice(0, 3), ['LIVE_SAFETY_ANSWER', 'LIVE_SAFETY_ANSWER', 'LIVE_SAFETY_ANSWER']);
    actor.send({ type: 'LIVE_SAFETY_ANSWER', answer: 'not-safe' });
    const messages = actor.getSnapshot().context.messages;
    assert.deepEqual(
      messages.slice(-3).map((m) => m.kind),
      ['choice', 'text', 'crisis'],
    );
    assert.deepEqual(commands.at(-1), {
      type: 'send',
      clientId: 'testprefix-1',
      text: 'safety-answer: not-safe',
      content: { kind: 'safety-answer', answer: 'not-safe' },
    });
    assert.deepEqual(actor.getSnapshot().context.live?.pending.at(-1)?.content, {
      kind: 'safety-answer',
      answer: 'not-safe',
    });
  });

  test('tells the retention before asking for a number, then sends the follow-up request', async () => {
    const { actor, fromNavigator, commands, report } = await chatting();
    fromNavigator('Can I follow up with you?', { kind: 'follow-up-offer', retentionDays: 14 });
    assert.deepEqual(last(actor), {
      ...last(actor),
      line: { key: 'lines:live.desk.followUp.explain', params: { days: 14 } },
    });
    assert.deepEqual(replyTypes(actor).slice(0, 2), ['ACCEPT_FOLLOW_UP', 'DECLINE_FOLLOW_UP']);
    actor.send({ type: 'ACCEPT_FOLLOW_UP' });
    assert.equal(actor.getSnapshot().hasTag('follow-up-form'), true);
    assert.deepEqual(
      replyTypes(actor),
      ['DECLINE_FOLLOW_UP', 'END_CHAT'],
      'only the way out is offered under the form',
    );
    actor.send({ type: 'SUBMIT_FOLLOW_UP', phone: '519 555 0199', when: 'next-week' });
    assert.equal(actor.getSnapshot().hasTag('follow-up-form'), false);
    assert.deepEqual(
      { ...commands.at(-1), clientId: 'x' },
      { type: 'request-follow-up', clientId: 'x', phone: '519 555 0199', when: 'next-week' },
    );
    report({ type: 'follow-up-saved', clientId: 'x', dueAt: 1 });
    assert.deepEqual(last(actor), { ...last(actor), line: { key: 'lines:live.desk.followUp.saved' } });
  });

  test('a declined follow-up tells the navigator and asks for nothing', async () => {
    const { actor, fromNavigator, commands } = await chatting();
    fromNavigator('Can I follow up with you?', { kind: 'follow-up-offer', retentionDays: 30 });
    actor.send({ type: 'DECLINE_FOLLOW_UP' });
    assert.equal(actor.getSnapshot().hasTag('follow-up-form'), false);
    assert.deepEqual(commands.at(-1), {
      type: 'send',
      clientId: 'testprefix-1',
      text: 'follow-up-answer: no',
      content: { kind: 'follow-up-answer', accepted: false },
    });
  });
});
