import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AnyEventObject, assign, createActor, sendTo, setup } from 'xstate';
import { createHandoffActor } from '../../src/handoff/handoff-actor.js';
import type {
  HandoffConnection,
  HandoffEvent,
  HandoffOpenRequest,
  HandoffTransport,
} from '../../src/handoff/handoff-transport.js';
import { SPANISH_SUMMARY } from '../support/navigator-test-clients.js';

/** A transport that records calls and lets the test play the service. */
function scriptedTransport() {
  const calls: string[] = [];
  let emit: (event: HandoffEvent) => void = () => {};
  let opened: HandoffOpenRequest | undefined;
  const transport: HandoffTransport = {
    open(request, listener) {
      opened = request;
      emit = listener;
      const connection: HandoffConnection = {
        send: (clientId, text) => calls.push(`send ${clientId} ${text}`),
        typing: (typing) => calls.push(`typing ${typing}`),
        requestCallback: (request) => calls.push(`callback ${request.phone}`),
        requestFollowUp: (request) => calls.push(`follow-up ${request.phone} ${request.when}`),
        end: () => calls.push('end'),
        close: () => calls.push('close'),
      };
      return connection;
    },
    availability: async () => ({ open: true, hours: { timeZone: 'UTC', description: '' } }),
    endStored: () => calls.push('endStored'),
  };
  return { transport, calls, emit: (event: HandoffEvent) => emit(event), opened: () => opened };
}

test('the machine receives the transport events and its commands reach the transport', () => {
  const scripted = scriptedTransport();
  const machine = setup({
    types: { context: {} as { seen: string[] }, events: {} as AnyEventObject },
    actors: { navigator: createHandoffActor(scripted.transport) },
  }).createMachine({
    context: { seen: [] },
    initial: 'live',
    states: {
      live: {
        invoke: { id: 'navigator', src: 'navigator', input: { summary: SPANISH_SUMMARY } },
        on: {
          '*': { actions: assign({ seen: ({ context, event }) => [...context.seen, event.type] }) },
          'visitor.send': { actions: sendTo('navigator', { type: 'send', clientId: 'client-1', text: 'hola' }) },
          'visitor.typing': { actions: sendTo('navigator', { type: 'typing', typing: true }) },
          'visitor.end': { actions: sendTo('navigator', { type: 'end' }) },
          leave: 'gone',
        },
      },
      gone: {},
    },
  });
  const actor = createActor(machine).start();
  assert.equal(scripted.opened()?.summary, SPANISH_SUMMARY);

  scripted.emit({ type: 'connected', conversationId: 'c', secret: 's', resumed: false });
  scripted.emit({ type: 'queued', position: 2 });
  assert.deepEqual(actor.getSnapshot().context.seen, ['connected', 'queued']);

  actor.send({ type: 'visitor.send' });
  actor.send({ type: 'visitor.typing' });
  actor.send({ type: 'visitor.end' });
  assert.deepEqual(scripted.calls, ['send client-1 hola', 'typing true', 'end']);

  actor.send({ type: 'leave' });
  assert.equal(scripted.calls.at(-1), 'close', 'leaving the state closes the connection without ending it');
});
