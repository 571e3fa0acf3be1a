/**
 * The conversation: one pure XState machine. It holds the history as data, decides what to
 * ask next and which quick replies to offer, and names every effect (searching the directory)
 * as an actor the element provides. No DOM, fetch or storage here: tests run it with
 * `createActor(conversationMachine.provide({...}))`.
 *
 * The flow: welcome and privacy line, "What do you need help with?", at most two clarifying
 * questions that change the results, 3 to 5 services, "Did this help?", then another need,
 * a person, or start over. At any point: talk to a person, start over, switch language, or
 * type; every typed message is checked for crisis first.
 */
import { assign, emit, fromCallback, fromPromise, sendTo, setup, spawnChild } from 'xstate';
import type { AgeGroup, MatchReason } from '../directory/directory-matcher.js';
import type { GeoPoint, LocalizedText, NeedCategory, Service, UiLanguage } from '../directory/snapshot.js';
import { NEED_CATEGORIES } from '../directory/snapshot.js';
import type { ChatMessage, Line, NewChatMessage } from './chat-message.js';
import type { HandoffCommand } from '../handoff/handoff-actor.js';
import type { HandoffEvent, HandoffOpenRequest } from '../handoff/handoff-transport.js';
import type { CrisisKind } from './crisis-kinds.js';
import { handoffSummary } from './handoff-summary.js';
import { type LiveChat, newLiveChat, nextClientId, resumeOf, withoutPending, withPendingMessage } from './live-chat.js';
import {
  DEFAULT_HANDOFF_THRESHOLDS,
  type HandoffReason,
  type HandoffThresholds,
  handoffReason,
} from './handoff-rules.js';
import type { Triage } from './triage.js';

/** A clarifying question, asked only when its answer changes the results. */
export type Question = 'area' | 'ageGroup' | 'today';

/** An area the visitor can pick, with its name in every language the directory has. */
export interface AreaOption {
  id: string;
  name: LocalizedText;
}

/** What the visitor has told us that narrows the search. `area: null` means "anywhere". */
export interface NeedAnswers {
  area?: string | null;
  ageGroup?: AgeGroup;
  today?: boolean;
  /** Where the visitor is (a postal code's area centre, or their shared location): nearest first. */
  near?: GeoPoint;
}

/** The need being worked on. */
export interface CurrentNeed {
  categories: NeedCategory[];
  /** The visitor's own words, where they typed them. */
  text?: string;
}

/** What the directory side makes of a need: see `assessNeed`. */
export interface NeedAssessment {
  /** Categories understood from a chosen category or from the visitor's words. */
  categories: NeedCategory[];
  /** True when the need can be searched: categories found, or services matching the words. */
  understood: boolean;
  /** Answers found in the words ("para mis hijos", "tonight"). */
  hints: NeedAnswers;
  /** The visitor's words name an urgent situation (an eviction today, no place to sleep tonight). */
  urgentWords: boolean;
  /** Questions whose answers would change the results, most useful first. */
  questions: Question[];
  /** The directory's areas, when it covers several. */
  areaOptions: AreaOption[];
}

/** Input to the `triageText` actor: one typed message. */
export interface TriageInput {
  text: string;
}

/** Input to the `assessNeed` actor. */
export interface AssessNeedInput {
  need: CurrentNeed;
  answers: NeedAnswers;
  language: UiLanguage;
}

/** Input to the `findServices` actor. */
export interface FindServicesInput {
  need: CurrentNeed;
  answers: NeedAnswers;
  language: UiLanguage;
  /** Services open now come first when the need is urgent. */
  urgent: boolean;
}

/** Output of the `findServices` actor: 0 to 5 services, best first. */
export interface FoundServices {
  results: FoundService[];
  /** The directory's time zone: opening hours are shown in it. */
  timeZone: string;
  /** How the directory's region measures distance. */
  distanceUnit: 'km' | 'mi';
}

/** One service found, with why it matched and, when the visitor gave a place, how far it is. */
export interface FoundService {
  service: Service;
  reasons: MatchReason[];
  distanceKm?: number;
}

/** Settings that come from the element's attributes and the region. */
export interface ConversationConfig {
  /** The emergency number named in the privacy line, e.g. 911. */
  emergencyNumber: string;
  /** At most this many clarifying questions per need. */
  maxQuestions: number;
  handoff: HandoffThresholds;
  /** A navigator service is configured: "talk to a person" opens a live chat, not just phone numbers. */
  liveChat: boolean;
  /** The browser can share the visitor's location (offered, never required). */
  canLocate: boolean;
}

/** Input when the conversation starts. */
export interface ConversationInput {
  language: UiLanguage;
  config?: Partial<ConversationConfig>;
  /** A random prefix for the client ids of this conversation's live-chat messages (8+ characters). */
  clientPrefix?: string;
}

/** A quick reply: its label and the event it sends. */
export interface QuickReply {
  line: Line;
  event: ReplyEvent;
}

/** Events a quick reply can send. */
export type ReplyEvent =
  | { type: 'CHOOSE_CATEGORY'; category: NeedCategory }
  | { type: 'DESCRIBE_NEED' }
  | { type: 'ANSWER'; question: 'area'; value: string | null }
  | { type: 'ANSWER'; question: 'ageGroup'; value: AgeGroup }
  | { type: 'ANSWER'; question: 'today'; value: boolean }
  | { type: 'SHARE_LOCATION' }
  | { type: 'FEEDBACK'; helpful: boolean }
  | { type: 'ANOTHER_NEED' }
  | { type: 'CONTINUE' }
  | { type: 'RETRY' }
  | { type: 'TALK_TO_PERSON' }
  | { type: 'SHOW_CRISIS_LINES' }
  | { type: 'START_OVER' }
  | { type: 'END_CHAT' }
  | { type: 'REQUEST_CALLBACK' }
  | { type: 'CANCEL_CALLBACK' };

/**
 * What the conversation tells the outside world (the element turns these into DOM events).
 * Categories and answers only: never the visitor's words.
 */
export type ConversationEmitted =
  | { type: 'need'; categories: NeedCategory[] }
  | { type: 'results'; categories: NeedCategory[]; count: number }
  | { type: 'feedback'; categories: NeedCategory[]; helpful: boolean }
  | { type: 'handoff'; reason: HandoffReason };

/** Every event the conversation accepts. */
export type ConversationEvent =
  | ReplyEvent
  | { type: 'SUBMIT_TEXT'; text: string }
  | { type: 'SET_LANGUAGE'; language: UiLanguage }
  /** The visitor is typing (or stopped) in a live chat. */
  | { type: 'TYPING'; typing: boolean }
  /** The callback form, filled in. */
  | { type: 'SUBMIT_CALLBACK'; phone: string; bestTime: string }
  /** What the navigator connection reports. */
  | HandoffEvent;

/** Everything the conversation remembers; all of it is plain JSON, persisted per tab. */
export interface ConversationContext {
  language: UiLanguage;
  /** The visitor picked the language themselves; then typing never switches it. */
  languageChosen: boolean;
  /** The language followed the visitor's typing and they have not been told yet. */
  languageNoteDue: boolean;
  config: ConversationConfig;
  messages: ChatMessage[];
  nextId: number;
  /** The quick replies offered now. */
  replies: QuickReply[];
  need: CurrentNeed | null;
  answers: NeedAnswers;
  /** Questions still to ask for this need. */
  questions: Question[];
  areaOptions: AreaOption[];
  /** Needs collected in this conversation, for the hand-off rules and summary. */
  needs: CurrentNeed[];
  /** Words held back while the crisis response is shown, searched if the visitor continues. */
  heldText: string | null;
  crisis: CrisisKind[];
  /** The visitor asked for the crisis lines themselves: urgent for a navigator, whatever they typed. */
  crisisLinesAsked: boolean;
  urgentWords: boolean;
  notHelpfulCount: number;
  /** Why a person was last offered, if one was. */
  handoffReason: HandoffReason | null;
  /** The live chat with a navigator, while there is one. */
  live: LiveChat | null;
  /** A form the panel shows instead of quick replies: the callback request. */
  form: 'callback' | null;
  clientPrefix: string;
}

const DEFAULT_CONFIG: ConversationConfig = {
  emergencyNumber: '911',
  maxQuestions: 2,
  handoff: DEFAULT_HANDOFF_THRESHOLDS,
  liveChat: false,
  canLocate: false,
};

/** Up to this many areas are offered as buttons; more (a county's cities) are typed instead. */
const MAX_AREA_BUTTONS = 8;

const AGE_GROUPS: AgeGroup[] = ['child', 'adult', 'senior'];

/** Adds messages to the history, numbering them. */
function withMessages(context: ConversationContext, ...added: NewChatMessage[]) {
  let nextId = context.nextId;
  const messages = [...context.messages, ...added.map((m) => ({ ...m, id: nextId++ }) as ChatMessage)];
  return { messages, nextId };
}

/** What carries over from one need to the next: where the visitor is. */
function keepArea(answers: NeedAnswers): NeedAnswers {
  return answers.area === undefined ? {} : { area: answers.area };
}

function assistant(key: string, params?: Line['params']): NewChatMessage {
  return { from: 'assistant', kind: 'text', line: params ? { key, params } : { key } };
}

const PERSON_REPLY: QuickReply = { line: { key: 'replies.talkToPerson' }, event: { type: 'TALK_TO_PERSON' } };
/** A person, offered at once after crisis lines. */
const URGENT_PERSON_REPLY: QuickReply = { line: { key: 'safety:handoff.accept' }, event: { type: 'TALK_TO_PERSON' } };
const START_OVER_REPLY: QuickReply = { line: { key: 'replies.startOver' }, event: { type: 'START_OVER' } };
const ANOTHER_NEED_REPLY: QuickReply = { line: { key: 'replies.anotherNeed' }, event: { type: 'ANOTHER_NEED' } };

/** Crisis lines on request, for a crisis that the visitor's words would not reveal. */
const CRISIS_LINES_REPLY: QuickReply = { line: { key: 'replies.crisisLines' }, event: { type: 'SHOW_CRISIS_LINES' } };

/**
 * The category buttons, then "something else", then crisis lines: phrase detection misses
 * crisis worded in ways it has not seen (docs/crisis-detection.md), so the lines are always
 * one tap away too.
 */
export function categoryReplies(): QuickReply[] {
  return [
    ...NEED_CATEGORIES.map(
      (category): QuickReply => ({
        line: { key: `categories.${category}` },
        event: { type: 'CHOOSE_CATEGORY', category },
      }),
    ),
    { line: { key: 'categories.other' }, event: { type: 'DESCRIBE_NEED' } },
    CRISIS_LINES_REPLY,
  ];
}

/** The buttons that answer a question. */
export function questionReplies(question: Question, areaOptions: AreaOption[], canLocate = false): QuickReply[] {
  switch (question) {
    case 'area':
      return [
        ...(areaOptions.length <= MAX_AREA_BUTTONS
          ? areaOptions.map(
              (area): QuickReply => ({
                line: { key: 'answers.area', params: { name: area.name } },
                event: { type: 'ANSWER', question: 'area', value: area.id },
              }),
            )
          : []),
        ...(canLocate ? [{ line: { key: 'answers.myLocation' }, event: { type: 'SHARE_LOCATION' } as const }] : []),
        { line: { key: 'answers.anyArea' }, event: { type: 'ANSWER', question: 'area', value: null } },
      ];
    case 'ageGroup':
      return AGE_GROUPS.map((value) => ({
        line: { key: `answers.ageGroup.${value}` },
        event: { type: 'ANSWER', question: 'ageGroup', value },
      }));
    case 'today':
      return [
        { line: { key: 'answers.today.yes' }, event: { type: 'ANSWER', question: 'today', value: true } },
        { line: { key: 'answers.today.no' }, event: { type: 'ANSWER', question: 'today', value: false } },
      ];
  }
}

/** The visitor's side of a quick reply, as it appears in the history. */
export function choiceLine(event: ReplyEvent, areaOptions: AreaOption[]): Line {
  switch (event.type) {
    case 'CHOOSE_CATEGORY':
      return { key: `categories.${event.category}` };
    case 'DESCRIBE_NEED':
      return { key: 'categories.other' };
    case 'ANSWER':
      if (event.question === 'area') {
        const area = areaOptions.find((option) => option.id === event.value);
        return area ? { key: 'answers.area', params: { name: area.name } } : { key: 'answers.anyArea' };
      }
      if (event.question === 'ageGroup') return { key: `answers.ageGroup.${event.value}` };
      return { key: event.value ? 'answers.today.yes' : 'answers.today.no' };
    case 'FEEDBACK':
      return { key: event.helpful ? 'replies.helped' : 'replies.didNotHelp' };
    case 'SHARE_LOCATION':
      return { key: 'answers.myLocation' };
    case 'ANOTHER_NEED':
      return { key: 'replies.anotherNeed' };
    case 'CONTINUE':
      return { key: 'replies.continue' };
    case 'RETRY':
      return { key: 'replies.retry' };
    case 'TALK_TO_PERSON':
      return { key: 'replies.talkToPerson' };
    case 'SHOW_CRISIS_LINES':
      return { key: 'replies.crisisLines' };
    case 'START_OVER':
      return { key: 'replies.startOver' };
    case 'END_CHAT':
      return { key: 'lines:live.endChat' };
    case 'REQUEST_CALLBACK':
      return { key: 'lines:live.requestCallback' };
    case 'CANCEL_CALLBACK':
      return { key: 'lines:live.callback.cancel' };
  }
}

/** Events that carry words or come from the connection are not choices. */
const NOT_REPLIES = ['SUBMIT_TEXT', 'SET_LANGUAGE', 'TYPING', 'SUBMIT_CALLBACK'];

/** Quick replies' events: the visitor's choices, named in capitals; the connection's are lower case. */
function isReplyEvent(event: ConversationEvent): event is ReplyEvent {
  return /^[A-Z_]+$/.test(event.type) && !NOT_REPLIES.includes(event.type);
}

const END_CHAT_REPLY: QuickReply = { line: { key: 'lines:live.endChat' }, event: { type: 'END_CHAT' } };

/** What the navigator connection is opened with: the summary, and what a reload resumes. */
export function liveChatInput(context: ConversationContext): HandoffOpenRequest {
  const resume = resumeOf(context.live);
  return {
    summary: handoffSummary(context),
    pending: context.live?.pending ?? [],
    ...(resume ? { resume } : {}),
  };
}

/** Updates the live chat part of the context. */
function withLive(context: ConversationContext, update: (live: LiveChat) => Partial<LiveChat>) {
  const live = context.live ?? newLiveChat();
  return { live: { ...live, ...update(live) } };
}

/** Sets the delivery state of the visitor's message with this client id. */
function withDelivery(context: ConversationContext, clientId: string, delivery: 'sent' | 'failed') {
  return {
    messages: context.messages.map((message) =>
      message.from === 'visitor' && message.kind === 'text' && message.clientId === clientId
        ? { ...message, delivery }
        : message,
    ),
  };
}

function currentHandoffReason(context: ConversationContext, nothingFits: boolean): HandoffReason | null {
  return handoffReason(
    {
      crisis: false,
      askedForPerson: false,
      categories: context.need?.categories ?? [],
      today: context.answers.today === true,
      urgentWords: context.urgentWords,
      needsCollected: context.needs.length,
      notHelpfulCount: context.notHelpfulCount,
      nothingFits,
    },
    context.config.handoff,
  );
}

/** The conversation machine. Provide `assessNeed` and `findServices` before running it. */
export const conversationMachine = setup({
  types: {} as {
    context: ConversationContext;
    events: ConversationEvent;
    input: ConversationInput;
    emitted: ConversationEmitted;
  },
  actors: {
    triageText: fromPromise<Triage, TriageInput>(async () => {
      throw new Error('triageText must be provided');
    }),
    assessNeed: fromPromise<NeedAssessment, AssessNeedInput>(async () => {
      throw new Error('assessNeed must be provided');
    }),
    findServices: fromPromise<FoundServices, FindServicesInput>(async () => {
      throw new Error('findServices must be provided');
    }),
    /** The visitor's position, when they choose to share it; the element provides the browser's. */
    locateVisitor: fromPromise<GeoPoint>(async () => {
      throw new Error('locateVisitor must be provided');
    }),
    /** The live chat connection; the element provides one over its navigator service. */
    navigator: fromCallback<HandoffCommand, HandoffOpenRequest>(({ sendBack }) => {
      sendBack({ type: 'offline', reason: 'no-navigators' });
    }),
  },
  actions: {
    announceNeed: emit(({ context }) => ({ type: 'need' as const, categories: context.need?.categories ?? [] })),
    announceResults: emit(({ context }, found: FoundServices) => ({
      type: 'results' as const,
      categories: context.need?.categories ?? [],
      count: found.results.length,
    })),
    announceFeedback: emit(({ context, event }) => ({
      type: 'feedback' as const,
      categories: context.need?.categories ?? [],
      helpful: event.type === 'FEEDBACK' && event.helpful,
    })),
    announceHandoff: emit(({ context }) => ({ type: 'handoff' as const, reason: context.handoffReason ?? 'asked' })),
    recordChoice: assign(({ context, event }) =>
      isReplyEvent(event)
        ? withMessages(context, { from: 'visitor', kind: 'choice', line: choiceLine(event, context.areaOptions) })
        : {},
    ),
    recordText: assign(({ context, event }) =>
      event.type === 'SUBMIT_TEXT' ? withMessages(context, { from: 'visitor', kind: 'text', text: event.text }) : {},
    ),
    setLanguage: assign({
      language: ({ context, event }) => (event.type === 'SET_LANGUAGE' ? event.language : context.language),
      languageChosen: true,
    }),
    /** A visitor writing Spanish on an English page is answered in Spanish, and told so. */
    followTypedLanguage: assign(({ context }, triage: Triage) => {
      const language = triage.language;
      if (context.languageChosen || !language || language === context.language) return {};
      return { language, languageNoteDue: true };
    }),
    /** Says the language changed, once: after a crisis response, never before it. */
    noteFollowedLanguage: assign(({ context }) =>
      context.languageNoteDue
        ? { ...withMessages(context, assistant('lines:languageFollowed')), languageNoteDue: false }
        : {},
    ),
    askNeed: assign(({ context }) => ({
      ...withMessages(context, assistant('askNeed')),
      replies: categoryReplies(),
      need: null,
      answers: {},
      questions: [],
      heldText: null,
      urgentWords: false,
    })),
    askAnotherNeed: assign(({ context }) => ({
      ...withMessages(context, assistant('askAnotherNeed')),
      replies: categoryReplies(),
      need: null,
      answers: keepArea(context.answers),
      questions: [],
      heldText: null,
      urgentWords: false,
    })),
    askToDescribe: assign(({ context }) => ({
      ...withMessages(context, assistant('describeNeed')),
      replies: [PERSON_REPLY],
    })),
    startOver: assign(({ context }) => ({
      ...withMessages(context, assistant('startOverNote')),
      needs: [],
      notHelpfulCount: 0,
      crisis: [],
      crisisLinesAsked: false,
      handoffReason: null,
    })),
    chooseCategory: assign(({ context, event }) => {
      if (event.type !== 'CHOOSE_CATEGORY') return {};
      const need = { categories: [event.category] };
      return {
        need,
        needs: [...context.needs, need],
        answers: keepArea(context.answers),
        heldText: null,
        urgentWords: false,
      };
    }),
    holdText: assign({ heldText: ({ event }) => (event.type === 'SUBMIT_TEXT' ? event.text : null) }),
    releaseText: assign({ heldText: null }),
    sayEmergencyNumber: assign(({ context }) =>
      withMessages(context, assistant('lines:safetyNet', { emergency: context.config.emergencyNumber })),
    ),
    showCrisis: assign(({ context }, triage: Triage) => {
      const kinds = triage.crisis;
      return {
        ...withMessages(context, { from: 'assistant', kind: 'crisis', kinds }, assistant('safety:handoff.urgentOffer')),
        crisis: kinds,
        handoffReason: 'crisis' as const,
        replies: [
          URGENT_PERSON_REPLY,
          ...(context.heldText ? [{ line: { key: 'replies.continue' }, event: { type: 'CONTINUE' } as const }] : []),
          START_OVER_REPLY,
        ],
      };
    }),
    /** Every line of the region, asked for; then a person, urgently, or back to services. */
    showCrisisLines: assign(({ context }) => ({
      ...withMessages(
        context,
        { from: 'assistant', kind: 'crisis', kinds: [], asked: true },
        assistant('safety:handoff.urgentOffer'),
      ),
      crisisLinesAsked: true,
      handoffReason: 'crisis' as const,
      heldText: null,
      replies: [URGENT_PERSON_REPLY, ANOTHER_NEED_REPLY, START_OVER_REPLY],
    })),
    /** During a live chat the lines join the chat; the navigator stays. */
    addCrisisLines: assign(({ context }) => ({
      ...withMessages(context, { from: 'assistant', kind: 'crisis', kinds: [], asked: true }),
      crisisLinesAsked: true,
    })),
    applyAssessment: assign(({ context }, assessment: NeedAssessment) => {
      const need: CurrentNeed = {
        categories: assessment.categories.length ? assessment.categories : (context.need?.categories ?? []),
        ...(context.heldText ? { text: context.heldText } : context.need?.text ? { text: context.need.text } : {}),
      };
      const isNewNeed = context.heldText !== null;
      // A new need keeps only the area: the visitor is still where they were.
      const kept = isNewNeed ? keepArea(context.answers) : context.answers;
      const answers = { ...kept, ...assessment.hints };
      return {
        need,
        needs: isNewNeed ? [...context.needs, need] : context.needs,
        answers,
        heldText: null,
        urgentWords: assessment.urgentWords || context.urgentWords,
        areaOptions: assessment.areaOptions,
        questions: assessment.questions.filter((q) => answers[q] === undefined).slice(0, context.config.maxQuestions),
      };
    }),
    applyHintsToQuestion: assign(({ context }, assessment: NeedAssessment) => {
      const answers = { ...context.answers, ...assessment.hints };
      return { answers, heldText: null, questions: context.questions.filter((q) => answers[q] === undefined) };
    }),
    askQuestion: assign(({ context }) => {
      const question = context.questions[0];
      if (!question) return {};
      const typedArea = question === 'area' && context.areaOptions.length > MAX_AREA_BUTTONS;
      return {
        ...withMessages(context, assistant(typedArea ? 'questions.areaTyped' : `questions.${question}`)),
        replies: [...questionReplies(question, context.areaOptions, context.config.canLocate), PERSON_REPLY],
      };
    }),
    useLocation: assign(({ context }, point: GeoPoint) => ({
      // Nearest first, wherever that is: no area filter.
      answers: { ...context.answers, near: point, area: null },
      questions: context.questions.filter((q) => q !== 'area'),
    })),
    sayLocationUnavailable: assign(({ context }) => withMessages(context, assistant('lines:location.unavailable'))),
    applyAnswer: assign(({ context, event }) => {
      if (event.type !== 'ANSWER') return {};
      return {
        answers: { ...context.answers, [event.question]: event.value },
        questions: context.questions.filter((q) => q !== event.question),
      };
    }),
    sayNotUnderstood: assign(({ context }) => ({
      ...withMessages(context, assistant('notUnderstood')),
      heldText: null,
      replies: [...categoryReplies(), PERSON_REPLY],
    })),
    showResults: assign(({ context }, found: FoundServices) => {
      const reason = currentHandoffReason(context, false);
      return {
        ...withMessages(
          context,
          assistant('resultsIntro', { count: found.results.length }),
          {
            from: 'assistant',
            kind: 'results',
            categories: context.need?.categories ?? [],
            results: found.results,
            timeZone: found.timeZone,
            distanceUnit: found.distanceUnit,
          },
          ...(reason ? [assistant(`lines:offerPerson.${reason}`)] : []),
          assistant('didThisHelp'),
        ),
        handoffReason: reason,
        replies: [
          { line: { key: 'replies.helped' }, event: { type: 'FEEDBACK', helpful: true } as const },
          { line: { key: 'replies.didNotHelp' }, event: { type: 'FEEDBACK', helpful: false } as const },
          ...(reason ? [PERSON_REPLY] : []),
        ],
      };
    }),
    showNoResults: assign(({ context }) => ({
      ...withMessages(context, assistant('noResults'), { from: 'assistant', kind: 'contacts', purpose: 'no-results' }),
      handoffReason: 'nothing-fits' as const,
      replies: [ANOTHER_NEED_REPLY, START_OVER_REPLY],
    })),
    thankForFeedback: assign(({ context }) => ({
      ...withMessages(context, assistant('gladItHelped')),
      replies: [ANOTHER_NEED_REPLY, PERSON_REPLY, START_OVER_REPLY],
    })),
    offerAfterNotHelpful: assign(({ context }) => {
      const notHelpfulCount = context.notHelpfulCount + 1;
      const reason = currentHandoffReason({ ...context, notHelpfulCount }, false);
      return {
        ...withMessages(context, assistant(reason ? `lines:offerPerson.${reason}` : 'sorryNotHelpful')),
        notHelpfulCount,
        handoffReason: reason,
        replies: [
          { line: { key: 'replies.describe' }, event: { type: 'DESCRIBE_NEED' } as const },
          ANOTHER_NEED_REPLY,
          PERSON_REPLY,
        ],
      };
    }),
    showPersonOptions: assign(({ context }) => ({
      ...withMessages(context, { from: 'assistant', kind: 'contacts', purpose: 'person' }),
      handoffReason: context.handoffReason ?? ('asked' as const),
      replies: [ANOTHER_NEED_REPLY, START_OVER_REPLY],
    })),
    startLiveChat: assign(({ context }) => ({
      ...withMessages(context, assistant('lines:live.connecting')),
      live: context.live ?? newLiveChat(),
      handoffReason: context.handoffReason ?? ('asked' as const),
      replies: [END_CHAT_REPLY],
      form: null,
    })),
    sendLiveMessage: assign(({ context, event }) => {
      if (event.type !== 'SUBMIT_TEXT' || !context.live) return {};
      const clientId = nextClientId(context.live, context.clientPrefix);
      return {
        ...withMessages(context, { from: 'visitor', kind: 'text', text: event.text, clientId, delivery: 'sending' }),
        live: withPendingMessage(context.live, { clientId, text: event.text }),
      };
    }),
    forwardLiveMessage: sendTo('navigator', ({ context }) => {
      const last = context.live?.pending.at(-1);
      return { type: 'send' as const, clientId: last?.clientId ?? '', text: last?.text ?? '' };
    }),
    /** Typed words in a live chat are still checked for crisis, alongside the navigator seeing them. */
    checkLiveMessage: spawnChild('triageText', {
      id: ({ context }) => `liveTriage-${context.nextId}`,
      input: ({ event }) => ({ text: event.type === 'SUBMIT_TEXT' ? event.text : '' }),
    }),
    showLiveCrisis: assign(({ context, event }) => {
      if (!event.type.startsWith('xstate.done.actor.liveTriage-')) return {};
      const triage = (event as { output?: Triage }).output;
      if (!triage?.crisis?.length) return {};
      return {
        ...withMessages(context, { from: 'assistant', kind: 'crisis', kinds: triage.crisis }),
        crisis: triage.crisis,
      };
    }),
    forwardTyping: sendTo('navigator', ({ event }) => ({
      type: 'typing' as const,
      typing: event.type === 'TYPING' && event.typing,
    })),
    endLiveChat: sendTo('navigator', { type: 'end' as const }),
    noteConnecting: assign(({ context }) => withLive(context, () => ({ status: 'connecting' as const }))),
    noteConnected: assign(({ context, event }) =>
      event.type === 'connected'
        ? withLive(context, (live) => ({
            conversationId: event.conversationId,
            secret: event.secret,
            status: live.status === 'connecting' ? ('waiting' as const) : live.status,
          }))
        : {},
    ),
    noteQueued: assign(({ context, event }) => {
      if (event.type !== 'queued') return {};
      const firstTime = context.live?.position === undefined && context.live?.status !== 'chatting';
      return {
        ...(firstTime ? withMessages(context, assistant('lines:live.waitingNote')) : {}),
        ...withLive(context, (live) => ({
          position: event.position,
          status: live.status === 'chatting' ? live.status : ('waiting' as const),
        })),
      };
    }),
    noteJoined: assign(({ context, event }) =>
      event.type === 'navigator-joined'
        ? {
            ...withMessages(context, assistant('lines:live.joined', { name: event.name })),
            ...withLive(context, () => ({ status: 'chatting' as const, navigatorName: event.name })),
          }
        : {},
    ),
    receiveLiveMessage: assign(({ context, event }) => {
      if (event.type !== 'message' || !context.live) return {};
      const live = { ...context.live, lastSeq: Math.max(context.live.lastSeq, event.seq) };
      // Replayed after a reconnect, or the visitor's own message seen from another tab: shown already.
      const known = context.messages.some(
        (m) =>
          (m.from === 'navigator' && m.seq === event.seq) ||
          (m.from === 'visitor' && m.kind === 'text' && m.clientId === event.clientId),
      );
      if (known || event.seq <= context.live.lastSeq) return { live };
      const message: NewChatMessage =
        event.from === 'navigator'
          ? { from: 'navigator', kind: 'text', text: event.text, seq: event.seq, name: live.navigatorName ?? '' }
          : { from: 'visitor', kind: 'text', text: event.text, clientId: event.clientId, delivery: 'sent' };
      return { ...withMessages(context, message), live: { ...live, navigatorTyping: false } };
    }),
    noteTyping: assign(({ context, event }) =>
      event.type === 'typing' ? withLive(context, () => ({ navigatorTyping: event.typing })) : {},
    ),
    noteDelivered: assign(({ context, event }) =>
      event.type === 'ack' && context.live
        ? {
            ...withDelivery(context, event.clientId, 'sent'),
            live: withoutPending(context.live, event.clientId, event.seq),
          }
        : {},
    ),
    noteLiveError: assign(({ context, event }) => {
      if (event.type !== 'error') return {};
      const refused =
        event.clientId && context.live
          ? { ...withDelivery(context, event.clientId, 'failed'), live: withoutPending(context.live, event.clientId) }
          : {};
      const known = ['message-too-long', 'rate-limited', 'invalid-callback', 'message-empty'].includes(event.code);
      return {
        ...refused,
        ...withMessages(
          { ...context, ...refused },
          assistant(known ? `lines:live.error.${event.code}` : 'lines:live.error.other', {
            limit: event.limit ?? 2000,
          }),
        ),
      };
    }),
    showOffline: assign(({ context, event }) => {
      const reason = event.type === 'offline' ? event.reason : 'no-navigators';
      return {
        ...withMessages(context, assistant(`lines:live.offline.${reason}`), {
          from: 'assistant',
          kind: 'contacts',
          purpose: 'offline',
        }),
        ...withLive(context, () => ({ status: 'offline' as const, offlineReason: reason })),
        replies: [
          { line: { key: 'lines:live.requestCallback' }, event: { type: 'REQUEST_CALLBACK' } as const },
          ANOTHER_NEED_REPLY,
          START_OVER_REPLY,
        ],
      };
    }),
    askForCallback: assign(({ context }) => ({
      ...withMessages(context, assistant('lines:live.callback.ask')),
      form: 'callback' as const,
      replies: [{ line: { key: 'lines:live.callback.cancel' }, event: { type: 'CANCEL_CALLBACK' } as const }],
    })),
    sendCallbackRequest: sendTo('navigator', ({ context, event }) => ({
      type: 'request-callback' as const,
      clientId: `${context.clientPrefix}-callback-${context.nextId}`,
      phone: event.type === 'SUBMIT_CALLBACK' ? event.phone : '',
      bestTime: event.type === 'SUBMIT_CALLBACK' ? event.bestTime : '',
    })),
    recordCallback: assign(({ context, event }) =>
      event.type === 'SUBMIT_CALLBACK'
        ? withMessages(context, { from: 'visitor', kind: 'text', text: `${event.phone} · ${event.bestTime}` })
        : {},
    ),
    thankForCallback: assign(({ context }) => ({
      ...withMessages(context, assistant('lines:live.callback.saved')),
      form: null,
      replies: [ANOTHER_NEED_REPLY, START_OVER_REPLY],
    })),
    closeCallbackForm: assign({ form: null }),
    showChatEnded: assign(({ context, event }) => ({
      ...withMessages(context, assistant(`lines:live.ended.${event.type === 'ended' ? event.by : 'service'}`)),
      live: null,
      form: null,
      replies: [ANOTHER_NEED_REPLY, START_OVER_REPLY],
    })),
    leaveLiveChat: assign({ live: null, form: null }),
    showDirectoryUnavailable: assign(({ context }) => ({
      ...withMessages(context, assistant('directoryUnavailable'), {
        from: 'assistant',
        kind: 'contacts',
        purpose: 'directory-unavailable',
      }),
      replies: [{ line: { key: 'replies.retry' }, event: { type: 'RETRY' } as const }, START_OVER_REPLY],
    })),
  },
  guards: {
    isCrisis: (_, triage: Triage) => triage.crisis.length > 0,
    asksForPerson: (_, triage: Triage) => triage.askedForPerson,
    hasHeldText: ({ context }) => context.heldText !== null,
    hasNeed: ({ context }) => context.need !== null,
    understood: (_, assessment: NeedAssessment) => assessment.understood,
    answersPendingQuestion: ({ context }, assessment: NeedAssessment) =>
      context.questions.some((q) => assessment.hints[q] !== undefined),
    /** "N9N 2B4" while asked where: an answer, not a new need. */
    onlyAnswersPendingQuestion: ({ context }, assessment: NeedAssessment) =>
      assessment.categories.length === 0 && context.questions.some((q) => assessment.hints[q] !== undefined),
    hasQuestion: ({ context }) => context.questions.length > 0,
    foundServices: (_, found: FoundServices) => found.results.length > 0,
    helpful: ({ event }) => event.type === 'FEEDBACK' && event.helpful,
    liveChatConfigured: ({ context }) => context.config.liveChat,
    chatAlreadyEnded: ({ event }) =>
      event.type === 'error' && (event.code === 'conversation-ended' || event.code === 'conversation-not-found'),
  },
}).createMachine({
  id: 'conversation',
  context: ({ input }) => {
    const config = { ...DEFAULT_CONFIG, ...input.config };
    const empty: ConversationContext = {
      language: input.language,
      languageChosen: false,
      languageNoteDue: false,
      config,
      messages: [],
      nextId: 1,
      replies: categoryReplies(),
      need: null,
      answers: {},
      questions: [],
      areaOptions: [],
      needs: [],
      heldText: null,
      crisis: [],
      crisisLinesAsked: false,
      urgentWords: false,
      notHelpfulCount: 0,
      handoffReason: null,
      live: null,
      form: null,
      clientPrefix: input.clientPrefix ?? 'visitor-chat',
    };
    return {
      ...empty,
      ...withMessages(
        empty,
        assistant('welcome'),
        assistant('privacy', { emergency: config.emergencyNumber }),
        assistant('askNeed'),
      ),
    };
  },
  initial: 'askingNeed',
  on: {
    SET_LANGUAGE: { actions: 'setLanguage' },
    TALK_TO_PERSON: { target: '.withPerson', actions: 'recordChoice' },
    SHOW_CRISIS_LINES: { target: '.crisis', actions: ['recordChoice', 'showCrisisLines'] },
    START_OVER: { target: '.askingNeed', actions: ['recordChoice', 'startOver', 'askNeed'] },
    // Global, so a host page's own "Get help with food" button works at any point.
    CHOOSE_CATEGORY: { target: '.assessing', actions: ['recordChoice', 'chooseCategory', 'announceNeed'] },
    SUBMIT_TEXT: { target: '.triaging', actions: ['recordText', 'holdText'] },
  },
  states: {
    askingNeed: {
      on: {
        DESCRIBE_NEED: { target: 'describingNeed', actions: 'recordChoice' },
      },
    },
    describingNeed: {
      entry: 'askToDescribe',
    },
    /** Every typed message is checked for crisis, and for a request for a person, before anything else. */
    triaging: {
      tags: ['busy'],
      invoke: {
        id: 'triage',
        src: 'triageText',
        input: ({ context }) => ({ text: context.heldText ?? '' }),
        onDone: [
          {
            guard: { type: 'isCrisis', params: ({ event }) => event.output },
            target: 'crisis',
            actions: [
              { type: 'followTypedLanguage', params: ({ event }) => event.output },
              { type: 'showCrisis', params: ({ event }) => event.output },
              'noteFollowedLanguage',
              'announceHandoff',
            ],
          },
          {
            guard: { type: 'asksForPerson', params: ({ event }) => event.output },
            target: 'withPerson',
            actions: [
              { type: 'followTypedLanguage', params: ({ event }) => event.output },
              'noteFollowedLanguage',
              'releaseText',
            ],
          },
          {
            target: 'understanding',
            actions: [{ type: 'followTypedLanguage', params: ({ event }) => event.output }, 'noteFollowedLanguage'],
          },
        ],
        // The phrase lists could not load: go on with the need, and name the emergency number once more.
        onError: { target: 'understanding', actions: ['noteFollowedLanguage', 'sayEmergencyNumber'] },
      },
    },
    /** Free text: work out the need, or an answer to the question pending. */
    understanding: {
      tags: ['busy'],
      invoke: {
        id: 'understand',
        src: 'assessNeed',
        input: ({ context }) => ({
          need: { categories: [], text: context.heldText ?? '' },
          answers: context.answers,
          language: context.language,
        }),
        onDone: [
          {
            guard: { type: 'onlyAnswersPendingQuestion', params: ({ event }) => event.output },
            target: 'clarifying',
            actions: { type: 'applyHintsToQuestion', params: ({ event }) => event.output },
          },
          {
            guard: { type: 'understood', params: ({ event }) => event.output },
            target: 'clarifying',
            actions: [{ type: 'applyAssessment', params: ({ event }) => event.output }, 'announceNeed'],
          },
          {
            guard: { type: 'answersPendingQuestion', params: ({ event }) => event.output },
            target: 'clarifying',
            actions: { type: 'applyHintsToQuestion', params: ({ event }) => event.output },
          },
          { target: 'notUnderstood' },
        ],
        onError: { target: 'directoryUnavailable' },
      },
    },
    notUnderstood: {
      entry: 'sayNotUnderstood',
    },
    /** A chosen category: find out which questions matter. */
    assessing: {
      tags: ['busy'],
      invoke: {
        id: 'assess',
        src: 'assessNeed',
        input: ({ context }) => ({
          need: context.need ?? { categories: [] },
          answers: context.answers,
          language: context.language,
        }),
        onDone: {
          target: 'clarifying',
          actions: { type: 'applyAssessment', params: ({ event }) => event.output },
        },
        onError: { target: 'directoryUnavailable' },
      },
    },
    clarifying: {
      always: [{ guard: 'hasQuestion', target: 'asking' }, { target: 'searching' }],
    },
    asking: {
      entry: 'askQuestion',
      on: {
        ANSWER: { target: 'clarifying', actions: ['recordChoice', 'applyAnswer'] },
        SHARE_LOCATION: { target: 'locating', actions: 'recordChoice' },
      },
    },
    /** The browser asks the visitor's permission; declining or failing just asks again. */
    locating: {
      tags: ['busy'],
      invoke: {
        id: 'locate',
        src: 'locateVisitor',
        onDone: {
          target: 'clarifying',
          actions: { type: 'useLocation', params: ({ event }) => event.output },
        },
        onError: { target: 'asking', actions: 'sayLocationUnavailable' },
      },
    },
    searching: {
      tags: ['busy'],
      invoke: {
        id: 'search',
        src: 'findServices',
        input: ({ context }) => ({
          need: context.need ?? { categories: [] },
          answers: context.answers,
          language: context.language,
          urgent: context.answers.today === true || context.urgentWords,
        }),
        onDone: [
          {
            guard: { type: 'foundServices', params: ({ event }) => event.output },
            target: 'showingResults',
            actions: [
              { type: 'showResults', params: ({ event }) => event.output },
              { type: 'announceResults', params: ({ event }) => event.output },
            ],
          },
          { target: 'noResults', actions: 'showNoResults' },
        ],
        onError: { target: 'directoryUnavailable' },
      },
    },
    showingResults: {
      on: {
        FEEDBACK: [
          {
            guard: 'helpful',
            target: 'afterResults',
            actions: ['recordChoice', 'announceFeedback', 'thankForFeedback'],
          },
          { target: 'afterResults', actions: ['recordChoice', 'announceFeedback', 'offerAfterNotHelpful'] },
        ],
      },
    },
    afterResults: {
      on: {
        ANOTHER_NEED: { target: 'askingNeed', actions: ['recordChoice', 'askAnotherNeed'] },
        DESCRIBE_NEED: { target: 'describingNeed', actions: 'recordChoice' },
      },
    },
    noResults: {
      on: {
        ANOTHER_NEED: { target: 'askingNeed', actions: ['recordChoice', 'askAnotherNeed'] },
      },
    },
    crisis: {
      on: {
        CONTINUE: { guard: 'hasHeldText', target: 'understanding', actions: 'recordChoice' },
        ANOTHER_NEED: { target: 'askingNeed', actions: ['recordChoice', 'askAnotherNeed'] },
      },
    },
    withPerson: {
      entry: 'announceHandoff',
      initial: 'choosing',
      on: {
        ANOTHER_NEED: { target: 'askingNeed', actions: ['recordChoice', 'askAnotherNeed'] },
      },
      states: {
        choosing: {
          always: [{ guard: 'liveChatConfigured', target: 'live' }, { target: 'byPhone' }],
        },
        /** No navigator service: the region's phone and text lines, honestly. */
        byPhone: {
          entry: 'showPersonOptions',
        },
        /** A live chat with a navigator, from connecting to the navigator's last word. */
        live: {
          entry: 'startLiveChat',
          // Leaving by the visitor's choice (start over, another need) ends the chat for the
          // navigator too; a reload does not leave the state, so it does not end it.
          exit: ['endLiveChat', 'leaveLiveChat'],
          invoke: { id: 'navigator', src: 'navigator', input: ({ context }) => liveChatInput(context) },
          initial: 'talking',
          on: {
            // Already with a person.
            TALK_TO_PERSON: {},
            SHOW_CRISIS_LINES: { actions: ['recordChoice', 'addCrisisLines'] },
            connecting: { actions: 'noteConnecting' },
            connected: { actions: 'noteConnected' },
            queued: { actions: 'noteQueued' },
            'navigator-joined': { actions: 'noteJoined' },
            message: { actions: 'receiveLiveMessage' },
            typing: { actions: 'noteTyping' },
            ack: { actions: 'noteDelivered' },
            ended: { target: 'ended' },
            offline: { target: '.offline' },
            error: [{ guard: 'chatAlreadyEnded', target: 'ended' }, { actions: 'noteLiveError' }],
            // The crisis checks of typed messages (spawned as liveTriage-<n>) report back here.
            'xstate.done.actor.*': { actions: 'showLiveCrisis' },
          },
          states: {
            talking: {
              on: {
                SUBMIT_TEXT: { actions: ['sendLiveMessage', 'forwardLiveMessage', 'checkLiveMessage'] },
                TYPING: { actions: 'forwardTyping' },
                END_CHAT: { actions: ['recordChoice', 'endLiveChat'] },
              },
            },
            offline: {
              entry: 'showOffline',
              on: {
                REQUEST_CALLBACK: { target: 'callbackForm', actions: 'recordChoice' },
              },
            },
            callbackForm: {
              entry: 'askForCallback',
              exit: 'closeCallbackForm',
              on: {
                SUBMIT_CALLBACK: { target: 'callbackSent', actions: ['recordCallback', 'sendCallbackRequest'] },
                CANCEL_CALLBACK: { target: 'offline', actions: 'recordChoice' },
              },
            },
            callbackSent: {
              on: {
                'callback-requested': { actions: 'thankForCallback' },
              },
            },
          },
        },
        ended: {
          entry: 'showChatEnded',
        },
      },
    },
    directoryUnavailable: {
      entry: 'showDirectoryUnavailable',
      on: {
        RETRY: [
          { guard: 'hasHeldText', target: 'understanding', actions: 'recordChoice' },
          { guard: 'hasNeed', target: 'assessing', actions: 'recordChoice' },
          { target: 'askingNeed', actions: ['recordChoice', 'askNeed'] },
        ],
      },
    },
  },
});

/** The running conversation's type, for the element and tests. */
export type ConversationMachine = typeof conversationMachine;
