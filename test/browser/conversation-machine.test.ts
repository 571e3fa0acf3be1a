import { expect } from '@open-wc/testing';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { ChatMessage } from '../../src/conversation/chat-message.js';
import { conversationMachine } from '../../src/conversation/conversation.machine.js';
import type {
  AssessNeedInput,
  FindServicesInput,
  FoundServices,
  NeedAssessment,
} from '../../src/conversation/conversation-types.js';
import { handoffSummary } from '../../src/conversation/handoff-summary.js';
import { triageText } from '../../src/conversation/triage.js';
import type { Service } from '../../src/directory/snapshot.js';

const foodBank: Service = {
  id: 'food-1',
  name: { en: 'Food Bank', es: 'Banco de comida' },
  organization: { en: 'Food Bank' },
  description: { en: 'Groceries', es: 'Despensa' },
  categories: ['food'],
  taxonomy: ['BD-1800'],
  phones: [{ number: '5195550100', display: '519-555-0100', type: 'voice' }],
  locations: [],
  areas: [],
  schedule: [],
  languages: ['en', 'es'],
};

function assessment(overrides: Partial<NeedAssessment> = {}): NeedAssessment {
  return {
    categories: ['food'],
    understood: true,
    hints: {},
    urgentWords: false,
    questions: [],
    areaOptions: [],
    ...overrides,
  };
}

/** Starts the conversation with directory actors that answer from fixed data and record their inputs. */
function startConversation(options: { assess?: NeedAssessment; found?: FoundServices; failSearch?: boolean } = {}) {
  const assessed: AssessNeedInput[] = [];
  const searched: FindServicesInput[] = [];
  const machine = conversationMachine.provide({
    actors: {
      triageText: fromPromise(async ({ input }: { input: { text: string } }) => triageText(input.text)),
      assessNeed: fromPromise<NeedAssessment, AssessNeedInput>(async ({ input }) => {
        assessed.push(input);
        return (
          options.assess ?? assessment({ categories: input.need.categories.length ? input.need.categories : ['food'] })
        );
      }),
      findServices: fromPromise<FoundServices, FindServicesInput>(async ({ input }) => {
        searched.push(input);
        if (options.failSearch) throw new Error('offline');
        return (
          options.found ?? {
            results: [{ service: foodBank, reasons: [] }],
            timeZone: 'America/Toronto',
            distanceUnit: 'km',
          }
        );
      }),
    },
  });
  const actor = createActor(machine, { input: { language: 'en' } }).start();
  return { actor, assessed, searched };
}

const keys = (messages: ChatMessage[]) =>
  messages.map((m) => (m.kind === 'text' || m.kind === 'choice' ? ('line' in m ? m.line.key : `"${m.text}"`) : m.kind));

describe('conversation machine', () => {
  it('welcomes with a privacy line naming the emergency number, then asks what is needed', () => {
    const { actor } = startConversation();
    const { context } = actor.getSnapshot();
    expect(keys(context.messages)).to.deep.equal(['welcome', 'privacy', 'askNeed']);
    expect(context.messages[1]).to.deep.include({ line: { key: 'privacy', params: { emergency: '911' } } });
    expect(context.replies.map((r) => r.line.key)).to.include.members(['categories.food', 'categories.other']);
    // Eleven needs, then the crisis lines, one tap away whatever the visitor would type.
    expect(context.replies).to.have.length(12);
    expect(context.replies.at(-1)?.event).to.deep.equal({ type: 'SHOW_CRISIS_LINES' });
  });

  it('goes from a chosen category straight to services when no question changes the results', async () => {
    const { actor, searched } = startConversation();
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'food' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    const messages = actor.getSnapshot().context.messages;
    expect(keys(messages).slice(3)).to.deep.equal(['categories.food', 'resultsIntro', 'results', 'didThisHelp']);
    expect(searched[0]?.need.categories).to.deep.equal(['food']);
  });

  it('asks at most two clarifying questions, in the order given, and searches with the answers', async () => {
    const { actor, searched } = startConversation({
      assess: assessment({
        questions: ['area', 'ageGroup', 'today'],
        areaOptions: [{ id: 'north', name: { en: 'North', es: 'Norte' } }],
      }),
    });
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'food' });
    await waitFor(actor, (s) => s.matches('asking'));
    expect(actor.getSnapshot().context.replies[0]?.event).to.deep.equal({
      type: 'ANSWER',
      question: 'area',
      value: 'north',
    });
    actor.send({ type: 'ANSWER', question: 'area', value: 'north' });
    await waitFor(actor, (s) => s.matches('asking'));
    actor.send({ type: 'ANSWER', question: 'ageGroup', value: 'child' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    expect(searched[0]?.answers).to.deep.equal({ area: 'north', ageGroup: 'child' });
    const asked = actor.getSnapshot().context.messages.filter((m) => m.kind === 'text' && m.from === 'assistant');
    expect(asked.map((m) => (m.kind === 'text' && 'line' in m ? m.line.key : ''))).to.not.include('questions.today');
  });

  it('skips a question the visitor already answered in their own words', async () => {
    const { actor, searched } = startConversation({
      assess: assessment({ questions: ['ageGroup'], hints: { ageGroup: 'child' } }),
    });
    actor.send({ type: 'SUBMIT_TEXT', text: 'necesito comida para mis hijos' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    expect(searched[0]?.answers.ageGroup).to.equal('child');
    expect(searched[0]?.need.text).to.equal('necesito comida para mis hijos');
  });

  it('shows the crisis response before anything else, and searches nothing', async () => {
    const { actor, assessed, searched } = startConversation();
    actor.send({ type: 'SUBMIT_TEXT', text: 'me quiero morir' });
    await waitFor(actor, (s) => s.matches('crisis'));
    const snapshot = actor.getSnapshot();
    const messages = snapshot.context.messages;
    const typed = messages.findIndex((m) => m.from === 'visitor');
    // The crisis response comes right after the visitor's words, before anything else is said.
    expect(messages[typed + 1]).to.deep.include({ kind: 'crisis' });
    expect(snapshot.context.replies[0]?.event).to.deep.equal({ type: 'TALK_TO_PERSON' });
    expect(assessed).to.have.length(0);
    expect(searched).to.have.length(0);
  });

  it('continues to the need after a crisis response when the visitor chooses to', async () => {
    const { actor, searched } = startConversation();
    actor.send({ type: 'SUBMIT_TEXT', text: 'my husband hits me and I need food' });
    await waitFor(actor, (s) => s.matches('crisis'));
    actor.send({ type: 'CONTINUE' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    expect(searched[0]?.need.text).to.equal('my husband hits me and I need food');
  });

  it('shows every crisis line when the visitor asks for them, urgent for a navigator, then back to services', async () => {
    const { actor, searched } = startConversation();
    const offered = actor.getSnapshot().context.replies.map((reply) => reply.event.type);
    expect(offered.at(-1)).to.equal('SHOW_CRISIS_LINES');
    actor.send({ type: 'SHOW_CRISIS_LINES' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.matches('crisis')).to.equal(true);
    expect(keys(snapshot.context.messages).slice(-3)).to.deep.equal([
      'replies.crisisLines',
      'crisis',
      'safety:handoff.urgentOffer',
    ]);
    expect(snapshot.context.messages.at(-2)).to.deep.include({ kind: 'crisis', kinds: [], asked: true });
    expect(snapshot.context.replies.map((reply) => reply.event.type)).to.deep.equal([
      'TALK_TO_PERSON',
      'ANOTHER_NEED',
      'START_OVER',
    ]);
    expect(snapshot.context.handoffReason).to.equal('crisis');
    // Words the detector did not catch: the navigator still sees the conversation as a crisis.
    expect(handoffSummary(snapshot.context)).to.deep.include({ crisis: true, urgent: true, reason: 'crisis' });
    actor.send({ type: 'ANOTHER_NEED' });
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'food' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    expect(searched).to.have.length(1);
  });

  it('gives the phone and text options when the visitor asks for a person in their own words', async () => {
    const { actor } = startConversation();
    actor.send({ type: 'SUBMIT_TEXT', text: 'quiero hablar con una persona' });
    await waitFor(actor, (s) => s.matches('withPerson'));
    const snapshot = actor.getSnapshot();
    expect(snapshot.context.messages.at(-1)).to.deep.include({ kind: 'contacts', purpose: 'person' });
  });

  it('offers a person after the visitor says twice that results did not help', async () => {
    const { actor } = startConversation();
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'food' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    actor.send({ type: 'FEEDBACK', helpful: false });
    expect(actor.getSnapshot().context.handoffReason).to.equal(null);
    actor.send({ type: 'ANOTHER_NEED' });
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'housing' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    actor.send({ type: 'FEEDBACK', helpful: false });
    const { context } = actor.getSnapshot();
    expect(context.handoffReason).to.equal('not-helpful');
    expect(context.replies.map((r) => r.event.type)).to.include('TALK_TO_PERSON');
  });

  it('offers a person when a housing need is for today', async () => {
    const { actor } = startConversation({ assess: assessment({ categories: ['housing'], questions: ['today'] }) });
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'housing' });
    await waitFor(actor, (s) => s.matches('asking'));
    actor.send({ type: 'ANSWER', question: 'today', value: true });
    await waitFor(actor, (s) => s.matches('showingResults'));
    const { context } = actor.getSnapshot();
    expect(context.handoffReason).to.equal('urgent-today');
    expect(keys(context.messages)).to.include('lines:offerPerson.urgent-today');
  });

  it('says when nothing fits and gives a way to reach a person', async () => {
    const { actor } = startConversation({ found: { results: [], timeZone: 'America/Toronto', distanceUnit: 'km' } });
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'legal' });
    await waitFor(actor, (s) => s.matches('noResults'));
    expect(actor.getSnapshot().context.messages.at(-1)).to.deep.include({ kind: 'contacts', purpose: 'no-results' });
  });

  it('says plainly when the directory cannot load, offers the phone and a retry', async () => {
    const { actor } = startConversation({ failSearch: true });
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'food' });
    await waitFor(actor, (s) => s.matches('directoryUnavailable'));
    const { context } = actor.getSnapshot();
    expect(keys(context.messages).slice(-2)).to.deep.equal(['directoryUnavailable', 'contacts']);
    expect(context.replies.map((r) => r.event.type)).to.deep.equal(['RETRY', 'START_OVER']);
  });

  it('keeps the whole history when the language changes, so it can be shown in the new language', () => {
    const { actor } = startConversation();
    const before = actor.getSnapshot().context.messages;
    actor.send({ type: 'SET_LANGUAGE', language: 'es' });
    const after = actor.getSnapshot().context;
    expect(after.language).to.equal('es');
    expect(after.messages).to.deep.equal(before);
  });

  it('starts over from any point, keeping the history and asking the need again', async () => {
    const { actor } = startConversation();
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'food' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    actor.send({ type: 'START_OVER' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.matches('askingNeed')).to.equal(true);
    expect(keys(snapshot.context.messages).slice(-3)).to.deep.equal(['replies.startOver', 'startOverNote', 'askNeed']);
    expect(snapshot.context.need).to.equal(null);
  });

  it('emits categories, never the visitor’s words, for the host page', async () => {
    const { actor } = startConversation();
    const emitted: unknown[] = [];
    actor.on('*', (event) => emitted.push(event));
    actor.send({ type: 'SUBMIT_TEXT', text: 'necesito comida' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    actor.send({ type: 'FEEDBACK', helpful: true });
    expect(emitted).to.deep.equal([
      { type: 'need', categories: ['food'] },
      { type: 'results', categories: ['food'], count: 1 },
      { type: 'feedback', categories: ['food'], helpful: true },
    ]);
    expect(JSON.stringify(emitted)).to.not.include('necesito');
  });

  it('resumes from a persisted snapshot with the same history', async () => {
    const { actor } = startConversation();
    actor.send({ type: 'CHOOSE_CATEGORY', category: 'food' });
    await waitFor(actor, (s) => s.matches('showingResults'));
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    const resumed = createActor(conversationMachine, { snapshot: persisted, input: { language: 'en' } }).start();
    expect(resumed.getSnapshot().matches('showingResults')).to.equal(true);
    expect(resumed.getSnapshot().context.messages).to.deep.equal(actor.getSnapshot().context.messages);
  });
});
