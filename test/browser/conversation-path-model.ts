/**
 * Every state of the conversation, reached by the shortest path from the start
 * (xstate/graph), with the outcomes of its effects (crisis triage, assessing, searching)
 * delivered as the events XState would deliver.
 */
import { getShortestPaths } from 'xstate/graph';
import {
  type ConversationEvent,
  conversationMachine,
  type FoundServices,
  type NeedAssessment,
} from '../../src/conversation/conversation.machine.js';
import type { Service } from '../../src/directory/snapshot.js';

const service: Service = {
  id: 'food-1',
  name: { en: 'Testville Food Bank', es: 'Banco de comida de Testville' },
  organization: { en: 'Testville Food Bank' },
  description: { en: 'Free groceries once a month.', es: 'Despensa gratuita una vez al mes.' },
  categories: ['food'],
  taxonomy: ['BD-1800.2000'],
  phones: [{ number: '5195550100', display: '519-555-0100', type: 'voice' }],
  locations: [],
  areas: [],
  schedule: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }],
  languages: ['en', 'es'],
  free: true,
};

const withQuestions: NeedAssessment = {
  categories: ['housing'],
  understood: true,
  hints: {},
  urgentWords: false,
  questions: ['area', 'today'],
  areaOptions: [{ id: 'north', name: { en: 'North End', es: 'Zona norte' } }],
};
const notUnderstood: NeedAssessment = { ...withQuestions, categories: [], understood: false, questions: [] };
const found: FoundServices = { results: [{ service, reasons: [] }], timeZone: 'America/Toronto', distanceUnit: 'km' };

/** The outcomes each effect can have, as the events XState delivers them. */
function outcomes(id: string, outputs: unknown[]): ConversationEvent[] {
  return [
    ...outputs.map((output) => ({ type: `xstate.done.actor.${id}`, output })),
    { type: `xstate.error.actor.${id}`, error: new Error('offline') },
  ] as unknown as ConversationEvent[];
}

/**
 * Shortest paths to every distinct state. getShortestPaths rather than createTestModel: the
 * test model refuses machines that invoke actors, and here their outcomes are events instead.
 */
export const conversationPaths = getShortestPaths(conversationMachine, {
  input: { language: 'en' },
  events: (snapshot): ConversationEvent[] => [
    ...snapshot.context.replies.map((reply) => reply.event),
    { type: 'SUBMIT_TEXT', text: 'I need food' },
    { type: 'TALK_TO_PERSON' },
    { type: 'START_OVER' },
    ...outcomes('triage', [
      { crisis: [], askedForPerson: false },
      { crisis: ['suicide'], askedForPerson: false },
      { crisis: [], askedForPerson: true },
    ]),
    ...outcomes('understand', [withQuestions, notUnderstood]),
    ...outcomes('assess', [withQuestions]),
    ...outcomes('search', [found, { ...found, results: [] }]),
  ],
  // States differ by where the conversation is and what it still has to ask, not by history length.
  serializeState: (snapshot) =>
    JSON.stringify([snapshot.value, snapshot.context.questions, snapshot.context.heldText !== null]),
});

/** The states the conversation rests in (transient ones, with only `always` transitions, are passed through). */
export const restingStates = Object.entries(conversationMachine.root.states)
  .filter(([, node]) => !node.always?.length)
  .map(([name]) => name);
