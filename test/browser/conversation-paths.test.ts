import { expect } from '@open-wc/testing';
import { getShortestPaths } from 'xstate/graph';
import {
  type ConversationEvent,
  conversationMachine,
  type FoundServices,
  type NeedAssessment,
} from '../../src/conversation/conversation.machine.js';
import type { Service } from '../../src/directory/snapshot.js';

const service: Service = {
  id: 's1',
  name: { en: 'Food Bank' },
  organization: { en: 'Food Bank' },
  description: { en: 'Groceries' },
  categories: ['food'],
  taxonomy: [],
  phones: [],
  locations: [],
  areas: [],
  schedule: [],
  languages: ['en'],
};

const withQuestions: NeedAssessment = {
  categories: ['housing'],
  understood: true,
  hints: {},
  urgentWords: false,
  questions: ['area', 'today'],
  areaOptions: [{ id: 'north', name: { en: 'North' } }],
};
const notUnderstood: NeedAssessment = { ...withQuestions, categories: [], understood: false, questions: [] };
const found: FoundServices = { results: [{ service, reasons: [] }] };

/** The outcomes each effect can have, as the events XState delivers them. */
function outcomes(id: string, outputs: unknown[]): ConversationEvent[] {
  return [
    ...outputs.map((output) => ({ type: `xstate.done.actor.${id}`, output })),
    { type: `xstate.error.actor.${id}`, error: new Error('offline') },
  ] as unknown as ConversationEvent[];
}

// getShortestPaths rather than createTestModel: the test model refuses machines that invoke
// actors, and here the invoked effects' outcomes are delivered as events instead.
const paths = getShortestPaths(conversationMachine, {
  input: { language: 'en' },
  events: (snapshot): ConversationEvent[] => [
    ...snapshot.context.replies.map((reply) => reply.event),
    { type: 'SUBMIT_TEXT', text: 'I need food' },
    { type: 'SUBMIT_TEXT', text: 'me quiero morir' },
    { type: 'SUBMIT_TEXT', text: 'quiero hablar con una persona' },
    { type: 'SET_LANGUAGE', language: snapshot.context.language === 'en' ? 'es' : 'en' },
    { type: 'TALK_TO_PERSON' },
    { type: 'START_OVER' },
    ...outcomes('understand', [withQuestions, notUnderstood]),
    ...outcomes('assess', [withQuestions]),
    ...outcomes('search', [found, { results: [] }]),
  ],
  // States differ by where the conversation is and what it still has to ask, not by history length.
  serializeState: (snapshot) =>
    JSON.stringify([snapshot.value, snapshot.context.questions, snapshot.context.heldText !== null]),
});

describe('conversation paths (xstate/graph)', () => {
  it('reaches every state of the machine', () => {
    const reached = new Set(paths.map((path) => String(path.state.value)));
    // Transient states (only `always` transitions) are passed through, never rested in.
    const resting = Object.entries(conversationMachine.root.states)
      .filter(([, node]) => !node.always?.length)
      .map(([name]) => name);
    expect([...reached].sort()).to.deep.equal(resting.sort());
  });

  it('has no dead end: every resting state offers a way forward, and a person is always one tap away', () => {
    for (const path of paths) {
      const snapshot = path.state;
      const where = `${String(snapshot.value)} after ${path.steps.map((s) => s.event.type).join(' → ')}`;
      expect(snapshot.can({ type: 'TALK_TO_PERSON' }), where).to.equal(true);
      expect(snapshot.can({ type: 'START_OVER' }), where).to.equal(true);
      if (!snapshot.hasTag('busy')) {
        expect(snapshot.context.replies.length, where).to.be.greaterThan(0);
      }
    }
  });
});
