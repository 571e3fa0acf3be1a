import { expect } from '@open-wc/testing';
import { createActor, fromCallback, fromPromise } from 'xstate';
import type { ChatMessage } from '../../src/conversation/chat-message.js';
import { conversationMachine } from '../../src/conversation/conversation.machine.js';
import { withCurrentLiveChatInput } from '../../src/conversation/live-chat.js';
import { triageText } from '../../src/conversation/triage.js';
import type { HandoffCommand } from '../../src/handoff/handoff-actor.js';
import type { HandoffEvent, HandoffOpenRequest } from '../../src/handoff/handoff-transport.js';

/** Starts a conversation whose navigator connection is a fake the test drives. */
function startWithNavigator() {
  const commands: HandoffCommand[] = [];
  const opened: HandoffOpenRequest[] = [];
  let report: (event: HandoffEvent) => void = () => {};
  const machine = conversationMachine.provide({
    actors: {
      triageText: fromPromise(async ({ input }: { input: { text: string } }) => triageText(input.text)),
      navigator: fromCallback<HandoffCommand, HandoffOpenRequest>(({ input, sendBack, receive }) => {
        opened.push(input);
        report = (event) => sendBack(event);
        receive((command) => commands.push(command));
      }),
    },
  });
  const actor = createActor(machine, {
    input: { language: 'es', config: { liveChat: true }, clientPrefix: 'testprefix' },
  }).start();
  return { actor, commands, opened, report: (event: HandoffEvent) => report(event) };
}

const lastMessages = (messages: ChatMessage[], count: number) => messages.slice(-count);

describe('live chat with a navigator (machine)', () => {
  it('opens a live chat with a summary of the conversation when the visitor asks for a person', () => {
    const { actor, opened } = startWithNavigator();
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'housing' });
    actor.send({ type: 'TALK_TO_PERSON' });
    expect(actor.getSnapshot().matches({ withPerson: { live: 'talking' } })).to.equal(true);
    expect(opened[0]?.summary).to.deep.include({ language: 'es', reason: 'asked', crisis: false });
    expect(opened[0]?.summary.needs).to.deep.equal([{ words: '', categories: ['housing'] }]);
    expect(actor.getSnapshot().hasTag('live-connecting')).to.equal(true);
  });

  it('adds the crisis lines to a live chat when asked, without leaving the navigator', () => {
    const { actor, commands } = startWithNavigator();
    actor.send({ type: 'TALK_TO_PERSON' });
    actor.send({ type: 'SHOW_CRISIS_LINES' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.matches({ withPerson: { live: 'talking' } })).to.equal(true);
    expect(snapshot.context.messages.at(-1)).to.deep.include({ kind: 'crisis', asked: true });
    expect(commands.map((command) => command.type)).not.to.include('end');
  });

  it('shows waiting, the navigator joining, their messages, and delivery of the visitor’s', () => {
    const { actor, commands, report } = startWithNavigator();
    actor.send({ type: 'TALK_TO_PERSON' });
    report({ type: 'connected', conversationId: 'c1', secret: 's1', resumed: false });
    report({ type: 'queued', position: 2 });
    expect(actor.getSnapshot().hasTag('live-waiting')).to.equal(true);
    expect(actor.getSnapshot().context.live).to.deep.include({ position: 2, conversationId: 'c1' });
    actor.send({ type: 'SUBMIT_TEXT', text: 'Hola, necesito ayuda con la renta' });
    expect(commands.at(-1)).to.deep.equal({
      type: 'send',
      clientId: 'testprefix-1',
      text: 'Hola, necesito ayuda con la renta',
    });
    const sent = actor.getSnapshot().context.messages.at(-1);
    expect(sent).to.deep.include({ from: 'visitor', delivery: 'sending', clientId: 'testprefix-1' });
    report({ type: 'ack', clientId: 'testprefix-1', seq: 1 });
    expect(actor.getSnapshot().context.messages.find((m) => m.id === sent?.id)).to.deep.include({ delivery: 'sent' });
    expect(actor.getSnapshot().context.live?.pending).to.deep.equal([]);
    report({ type: 'navigator-joined', name: 'Ana' });
    report({
      type: 'message',
      seq: 2,
      clientId: 'n1',
      text: 'Hola, soy Ana. ¿En qué le ayudo?',
      at: 0,
      from: 'navigator',
    });
    report({
      type: 'message',
      seq: 2,
      clientId: 'n1',
      text: 'Hola, soy Ana. ¿En qué le ayudo?',
      at: 0,
      from: 'navigator',
    });
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().hasTag('live-chatting')).to.equal(true);
    expect(context.live).to.deep.include({ navigatorName: 'Ana', lastSeq: 2 });
    expect(lastMessages(context.messages, 2)).to.deep.equal([
      {
        id: context.messages.at(-2)?.id,
        from: 'assistant',
        kind: 'text',
        line: { key: 'lines:live.joined', params: { name: 'Ana' } },
      },
      {
        id: context.messages.at(-1)?.id,
        from: 'navigator',
        kind: 'text',
        text: 'Hola, soy Ana. ¿En qué le ayudo?',
        seq: 2,
        name: 'Ana',
      },
    ]);
  });

  it('marks a refused message as not sent and says why', () => {
    const { actor, report } = startWithNavigator();
    actor.send({ type: 'TALK_TO_PERSON' });
    actor.send({ type: 'SUBMIT_TEXT', text: 'x'.repeat(10) });
    report({ type: 'error', code: 'message-too-long', message: 'too long', clientId: 'testprefix-1', limit: 2000 });
    const { context } = actor.getSnapshot();
    expect(context.messages.find((m) => m.from === 'visitor' && 'clientId' in m)).to.deep.include({
      delivery: 'failed',
    });
    expect(context.messages.at(-1)).to.deep.include({
      line: { key: 'lines:live.error.message-too-long', params: { limit: 2000 } },
    });
    expect(context.live?.pending).to.deep.equal([]);
  });

  it('offers phone, text and a callback when no navigator can chat, and sends the callback request', () => {
    const { actor, commands, report } = startWithNavigator();
    actor.send({ type: 'TALK_TO_PERSON' });
    report({ type: 'offline', reason: 'after-hours' });
    let snapshot = actor.getSnapshot();
    expect(snapshot.matches({ withPerson: { live: 'offline' } })).to.equal(true);
    expect(snapshot.context.messages.at(-1)).to.deep.include({ kind: 'contacts', purpose: 'offline' });
    expect(snapshot.context.replies.map((r) => r.event.type)).to.include('REQUEST_CALLBACK');
    actor.send({ type: 'REQUEST_CALLBACK' });
    expect(actor.getSnapshot().hasTag('callback-form')).to.equal(true);
    actor.send({ type: 'SUBMIT_CALLBACK', phone: '519-555-0100', bestTime: 'después de las 5' });
    expect(commands.at(-1)).to.deep.include({
      type: 'request-callback',
      phone: '519-555-0100',
      bestTime: 'después de las 5',
    });
    report({ type: 'callback-requested', clientId: 'x' });
    snapshot = actor.getSnapshot();
    expect(snapshot.hasTag('callback-form')).to.equal(false);
    expect(snapshot.context.messages.at(-1)).to.deep.include({ line: { key: 'lines:live.callback.saved' } });
  });

  it('ends the chat for the navigator when the visitor starts over', () => {
    const { actor, commands } = startWithNavigator();
    actor.send({ type: 'TALK_TO_PERSON' });
    actor.send({ type: 'START_OVER' });
    expect(commands).to.deep.include({ type: 'end' });
    expect(actor.getSnapshot().context.live).to.equal(null);
  });

  it('ends the chat for the navigator on quick exit, with a beacon once the service has the conversation', () => {
    const { actor, commands, report } = startWithNavigator();
    actor.send({ type: 'QUICK_EXIT' });
    expect(commands, 'no chat yet: nothing to end').to.deep.equal([]);
    actor.send({ type: 'TALK_TO_PERSON' });
    report({ type: 'connected', conversationId: 'c1', secret: 's1', resumed: false });
    actor.send({ type: 'QUICK_EXIT' });
    expect(commands.at(-1)).to.deep.equal({ type: 'end', stored: { conversationId: 'c1', secret: 's1', lastSeq: 0 } });
  });

  it('says the chat ended when the navigator ends it, and offers a way forward', () => {
    const { actor, report } = startWithNavigator();
    actor.send({ type: 'TALK_TO_PERSON' });
    report({ type: 'ended', by: 'navigator' });
    const { context } = actor.getSnapshot();
    expect(actor.getSnapshot().matches({ withPerson: 'ended' })).to.equal(true);
    expect(context.messages.at(-1)).to.deep.include({ line: { key: 'lines:live.ended.navigator' } });
    expect(context.replies.map((r) => r.event.type)).to.deep.equal(['ANOTHER_NEED', 'START_OVER']);
  });

  it('still shows crisis lines for a crisis typed while waiting for a navigator', async () => {
    const { actor } = startWithNavigator();
    actor.send({ type: 'TALK_TO_PERSON' });
    actor.send({ type: 'SUBMIT_TEXT', text: 'ya no quiero vivir' });
    await new Promise((done) => setTimeout(done, 50));
    const { context } = actor.getSnapshot();
    expect(context.messages.at(-1)).to.deep.include({ kind: 'crisis' });
    expect(actor.getSnapshot().matches({ withPerson: 'live' })).to.equal(true);
  });

  it('resumes the same conversation after a reload, with what was not yet acknowledged', () => {
    const { actor, report } = startWithNavigator();
    actor.send({ type: 'TALK_TO_PERSON' });
    report({ type: 'connected', conversationId: 'c1', secret: 's1', resumed: false });
    report({ type: 'message', seq: 4, clientId: 'n1', text: 'Hola', at: 0, from: 'navigator' });
    actor.send({ type: 'SUBMIT_TEXT', text: 'sigo aquí' });
    const persisted = withCurrentLiveChatInput(JSON.parse(JSON.stringify(actor.getPersistedSnapshot())));
    const { opened } = (() => {
      const seen: HandoffOpenRequest[] = [];
      const machine = conversationMachine.provide({
        actors: {
          triageText: fromPromise(async ({ input }: { input: { text: string } }) => triageText(input.text)),
          navigator: fromCallback<HandoffCommand, HandoffOpenRequest>(({ input }) => {
            seen.push(input);
          }),
        },
      });
      createActor(machine, { snapshot: persisted, input: { language: 'es' } }).start();
      return { opened: seen };
    })();
    expect(opened[0]?.resume).to.deep.equal({ conversationId: 'c1', secret: 's1', lastSeq: 4 });
    expect(opened[0]?.pending).to.deep.equal([{ clientId: 'testprefix-1', text: 'sigo aquí' }]);
  });
});
