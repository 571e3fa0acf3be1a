/**
 * Every state of the conversation, reached by the shortest path from the start
 * (xstate/graph), with the outcomes of its effects (crisis triage, assessing, searching)
 * delivered as the events XState would deliver.
 */
import { getShortestPaths } from 'xstate/graph';
import { conversationMachine } from '../../src/conversation/conversation.machine.js';
import type { ConversationEvent, FoundServices, NeedAssessment } from '../../src/conversation/conversation-types.js';
import type { Service, UiLanguage } from '../../src/directory/snapshot.js';

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
const nothingFits: NeedAssessment = { ...notUnderstood, nothingFits: { words: ['jet ski'] } };
const found: FoundServices = { results: [{ service, reasons: [] }], timeZone: 'America/Toronto', distanceUnit: 'km' };

/** The outcomes each effect can have, as the events XState delivers them. */
function outcomes(id: string, outputs: unknown[]): ConversationEvent[] {
  return [
    ...outputs.map((output) => ({ type: `xstate.done.actor.${id}`, output })),
    { type: `xstate.error.actor.${id}`, error: new Error('offline') },
  ] as unknown as ConversationEvent[];
}

/** What the navigator connection can report, as events. */
const navigatorEvents: ConversationEvent[] = [
  { type: 'connecting', attempt: 1 },
  { type: 'connected', conversationId: 'c1', secret: 's1', resumed: false },
  { type: 'queued', position: 2 },
  { type: 'navigator-joined', name: 'Ana' },
  { type: 'message', seq: 3, clientId: 'n1', text: 'Hola, soy Ana', at: 0, from: 'navigator' },
  { type: 'typing', typing: true },
  { type: 'ack', clientId: 'visitor-chat-1', seq: 2 },
  { type: 'offline', reason: 'after-hours' },
  { type: 'callback-requested', clientId: 'cb1' },
  { type: 'error', code: 'rate-limited', message: 'slow down' },
  { type: 'ended', by: 'navigator' },
  { type: 'SUBMIT_CALLBACK', phone: '519-555-0100', bestTime: 'after 5' },
  // The reply to a navigator's follow-up offer (the offer itself leaves the state as it was, so the
  // shortest paths would not explore its replies), and the follow-up form filled in.
  { type: 'ACCEPT_FOLLOW_UP' },
  { type: 'SUBMIT_FOLLOW_UP', phone: '519-555-0100', when: 'tomorrow-morning' },
];

/** What a path model is built from: where the conversation starts, and what its effects can answer. */
export interface PathModelOptions {
  /** Whether a navigator service is configured (live chat), or only phone and text. */
  liveChat: boolean;
  /** The conversation's language at the start. */
  language?: UiLanguage;
  /** What the visitor types when a path types something. */
  text?: string;
  /** What assessing a need (chosen or typed) finds: categories, questions and their options. */
  assessment?: NeedAssessment;
  /** What a search finds (the model also tries finding nothing). */
  found?: FoundServices;
}

/**
 * Shortest paths to every distinct state. getShortestPaths rather than createTestModel: the
 * test model refuses machines that invoke actors, and here their outcomes are events instead.
 * By default the outcomes are small made-up ones; an end-to-end test can pass real ones (an
 * assessment and results from the demo directory) so the states it reaches look as a
 * visitor sees them.
 */
export function conversationPathsFor({
  liveChat,
  language = 'en',
  text = 'I need food',
  assessment = withQuestions,
  found: results = found,
}: PathModelOptions) {
  return getShortestPaths(conversationMachine, {
    input: { language, config: { liveChat, canLocate: true } },
    events: (snapshot): ConversationEvent[] => [
      ...snapshot.context.replies.map((reply) => reply.event),
      { type: 'SUBMIT_TEXT', text },
      { type: 'TALK_TO_PERSON' },
      { type: 'SHOW_CRISIS_LINES' },
      { type: 'START_OVER' },
      ...outcomes('triage', [
        { crisis: [], concern: [], askedForPerson: false },
        { crisis: ['suicide'], concern: [], askedForPerson: false },
        // A possible sign: the safety question.
        { crisis: [], concern: ['suicide'], askedForPerson: false },
        { crisis: [], concern: [], askedForPerson: true },
      ]),
      ...outcomes('understand', [assessment, notUnderstood, nothingFits]),
      ...outcomes('assess', [assessment]),
      ...outcomes('search', [results, { ...results, results: [] }]),
      ...outcomes('locate', [{ lat: 42.06, lon: -82.65 }]),
      ...(liveChat ? navigatorEvents : []),
    ],
    // States differ by where the conversation is and what it still has to ask, not by history length.
    serializeState: (snapshot) =>
      JSON.stringify([snapshot.value, snapshot.context.questions, snapshot.context.heldText !== null]),
  });
}

/** Every state, reached without a navigator service (phone and text only). */
export const conversationPaths = conversationPathsFor({ liveChat: false });
/** Every state, reached with a navigator service, live chat included. */
export const liveChatPaths = conversationPathsFor({ liveChat: true });

interface StateNodeLike {
  key: string;
  states: Record<string, StateNodeLike>;
  always?: unknown[];
}

/** Leaf states, as dotted paths; transient ones (only `always` transitions) are passed through, never rested in. */
function leaves(node: StateNodeLike, prefix: string[] = []): string[] {
  return Object.values(node.states).flatMap((child) => {
    const path = [...prefix, child.key];
    if (Object.keys(child.states).length) return leaves(child, path);
    return child.always?.length ? [] : [path.join('.')];
  });
}

/** The states the conversation rests in. */
export const restingStates = leaves(conversationMachine.root as unknown as StateNodeLike);

/** A snapshot's state value as a dotted leaf path, e.g. `withPerson.live.talking`. */
export function leafPath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value as Record<string, unknown>)[0] ?? ['', ''];
  return `${key}.${leafPath(child)}`;
}
