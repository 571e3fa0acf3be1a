/**
 * The conversation's types: what it remembers (its context), the events it accepts, what its
 * effects take and give back, and what it tells the outside world. Plain JSON throughout: the
 * context is persisted per tab.
 */
import type { FollowUpTime, LiveSafetyAnswer } from '../handoff/message-content.js';
import type { AgeGroup, MatchReason } from '../directory/directory-matcher.js';
import type { GeoPoint, LocalizedText, NeedCategory, Service, UiLanguage } from '../directory/snapshot.js';
import type { HandoffEvent } from '../handoff/handoff-transport.js';
import type { ChatMessage, Line } from './chat-message.js';
import type { CrisisKind } from './crisis-kinds.js';
import type { HandoffReason, HandoffThresholds } from './handoff-rules.js';
import type { LiveChat } from './live-chat.js';

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
  /**
   * Present when the visitor's words were read but no service in this directory could match
   * them, whatever the area or age: the words understood, as the vocabulary or the visitor
   * wrote them, to say what was looked for.
   */
  nothingFits?: { words: string[] };
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
  /** The site counts needs for its 211 (the `needs-counts` attribute): the privacy line says so. */
  countsNeeds: boolean;
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
  /** The answer to "Are you safe right now?". */
  | { type: 'SAFETY_ANSWER'; safe: boolean }
  | { type: 'START_OVER' }
  | { type: 'END_CHAT' }
  | { type: 'REQUEST_CALLBACK' }
  | { type: 'CANCEL_CALLBACK' }
  /** The visitor's answer to the navigator's safety check, in a live chat. */
  | { type: 'LIVE_SAFETY_ANSWER'; answer: LiveSafetyAnswer }
  /** Yes or no to the navigator's follow-up offer. */
  | { type: 'ACCEPT_FOLLOW_UP' }
  | { type: 'DECLINE_FOLLOW_UP' };

/**
 * What the conversation tells the outside world (the element turns these into DOM events).
 * Categories and answers only: never the visitor's words.
 */
export type ConversationEmitted =
  /** `count: 0` when nothing in the directory fits the need (an unmet need, for the host to count). */
  | { type: 'need'; categories: NeedCategory[]; count?: 0 }
  | { type: 'results'; categories: NeedCategory[]; count: number; area?: string }
  | { type: 'feedback'; categories: NeedCategory[]; helpful: boolean; area?: string }
  | { type: 'handoff'; reason: HandoffReason }
  /** The crisis lines were shown. Not a DOM event (a host page must not learn of a crisis); counted for the 211 only. */
  | { type: 'crisis-lines' };

/** What the visitor does: a quick reply, typing, a form. The element sends only these. */
export type VisitorEvent =
  | ReplyEvent
  | { type: 'SUBMIT_TEXT'; text: string }
  | { type: 'SET_LANGUAGE'; language: UiLanguage }
  /** The visitor is typing (or stopped) in a live chat. */
  | { type: 'TYPING'; typing: boolean }
  /** The callback form, filled in. */
  | { type: 'SUBMIT_CALLBACK'; phone: string; bestTime: string }
  /** The follow-up form, filled in. */
  | { type: 'SUBMIT_FOLLOW_UP'; phone: string; when: FollowUpTime }
  /** Quick exit: the page is being left at once; a live chat ends for the navigator too. */
  | { type: 'QUICK_EXIT' };

/** Every event the conversation accepts: the visitor's, and what the navigator connection reports. */
export type ConversationEvent = VisitorEvent | HandoffEvent;

/**
 * What the view asks of a state, as tags: `busy` while an effect runs (the replies are hidden);
 * `live` through a live chat, with
 * `live-connecting`, `live-waiting` and `live-chatting` for where it stands, `navigator-typing`
 * while the navigator types, and `callback-form` while the callback form is shown.
 */
export type ConversationTag =
  | 'busy'
  | 'live'
  | 'live-connecting'
  | 'live-waiting'
  | 'live-chatting'
  | 'navigator-typing'
  | 'callback-form'
  | 'follow-up-form';

/** The answer to "Are you safe right now?": `person` for "I'd rather talk to someone", null until answered. */
export type SafetyAnswer = 'safe' | 'not-safe' | 'person' | null;

/** The safety question asked for a possible sign of crisis, and its answer. */
export interface SafetyCheck {
  /** The kinds of the possible sign, most urgent first. */
  kinds: CrisisKind[];
  answer: SafetyAnswer;
}

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
  /** The safety question, once asked for a possible sign of crisis (absent in older stored conversations). */
  safetyCheck?: SafetyCheck | null;
  urgentWords: boolean;
  notHelpfulCount: number;
  /** Why a person was last offered, if one was. */
  handoffReason: HandoffReason | null;
  /** The live chat with a navigator, while there is one (where it stands is the `live` state). */
  live: LiveChat | null;
  clientPrefix: string;
}
