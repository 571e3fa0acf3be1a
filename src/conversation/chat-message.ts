/**
 * What the conversation history holds. Messages are data, not rendered strings: an
 * assistant line is an i18n key with parameters, a result set is the services themselves
 * (with their per-language text), so switching language re-renders the whole history and
 * nothing the visitor typed is ever translated or altered.
 */
import type { MatchReason } from '../directory/directory-matcher.js';
import type { LocalizedText, NeedCategory, Service } from '../directory/snapshot.js';
import type { PhraseKey } from '../handoff/message-content.js';
import type { TranslationKey } from '../i18n/i18n.js';
import type { CrisisKind } from './crisis-kinds.js';

/**
 * Parameters for an i18n key. Text from the directory (an area's name) stays a
 * {@link LocalizedText} so it follows a language switch like everything else.
 */
export type MessageParams = Record<string, string | number | LocalizedText>;

/** A translatable line: a key of the visitor-facing strings and its parameters. */
export interface Line {
  key: TranslationKey;
  params?: MessageParams;
}

/** An assistant's line of text. */
export interface AssistantTextMessage {
  id: number;
  from: 'assistant';
  kind: 'text';
  line: Line;
}

/** Words the visitor typed, kept exactly as typed and always shown as text. */
export interface VisitorTextMessage {
  id: number;
  from: 'visitor';
  kind: 'text';
  text: string;
  /** Set on messages to a navigator: the id the service acknowledges it by. */
  clientId?: string;
  /** Where a message to a navigator is: not yet acknowledged, stored by the service, or refused. */
  delivery?: 'sending' | 'sent' | 'failed';
}

/** A navigator's message in a live chat, shown as text exactly as sent. */
export interface NavigatorTextMessage {
  id: number;
  from: 'navigator';
  kind: 'text';
  text: string;
  /** The navigator's display name. */
  name: string;
  /** The service's sequence number, so a message replayed after a reconnect is not shown twice. */
  seq: number;
  /** The language the navigator wrote it in, when marked (it may not be the visitor's). */
  lang?: string;
  /** A phrasebook phrase: shown from the visitor's own locale, in their language, not as `text`. */
  phrase?: PhraseKey;
}

/**
 * Services a navigator sent from the directory. The history keeps their ids and, once looked
 * up in the widget's own directory, the records (with every language's text), so they show as
 * the widget's own cards, follow a language switch, and join "Keep these results".
 */
export interface NavigatorServicesMessage {
  id: number;
  from: 'navigator';
  kind: 'services';
  name: string;
  seq: number;
  serviceIds: string[];
  /** Empty until looked up; ids the directory does not know are left out. */
  results: ResultsMessage['results'];
  /** Set when the look-up has finished (some ids may be missing from `results`). */
  lookedUp?: true;
  /** The directory's, once looked up. */
  timeZone?: string;
  distanceUnit?: 'km' | 'mi';
}

/** A quick reply the visitor chose, shown in the current language. */
export interface VisitorChoiceMessage {
  id: number;
  from: 'visitor';
  kind: 'choice';
  line: Line;
}

/** A set of service cards. */
export interface ResultsMessage {
  id: number;
  from: 'assistant';
  kind: 'results';
  /** The categories searched, for the "Did this help?" event and the hand-off summary. */
  categories: NeedCategory[];
  results: { service: Service; reasons: MatchReason[]; distanceKm?: number }[];
  /** The directory's time zone, for "open now" worked out when the card is shown. */
  timeZone: string;
  distanceUnit: 'km' | 'mi';
}

/** Phone and text options to reach a person, from the region data. */
export interface ContactsMessage {
  id: number;
  from: 'assistant';
  kind: 'contacts';
  /** Why the options are shown; it picks the sentence above them. */
  purpose: 'person' | 'no-results' | 'directory-unavailable' | 'offline';
}

/** The crisis response: supportive words, then emergency and crisis lines. Announced assertively. */
export interface CrisisMessage {
  id: number;
  from: 'assistant';
  kind: 'crisis';
  kinds: CrisisKind[];
  /**
   * The visitor asked for the lines (the "crisis or danger" button) rather than their words
   * raising them: every line of the region is shown, with words that assume nothing.
   */
  asked?: true;
}

/** Any message in the history. */
export type ChatMessage =
  | AssistantTextMessage
  | VisitorTextMessage
  | NavigatorTextMessage
  | NavigatorServicesMessage
  | VisitorChoiceMessage
  | ResultsMessage
  | ContactsMessage
  | CrisisMessage;

/** A message before it gets its id. */
export type NewChatMessage = ChatMessage extends infer M ? (M extends ChatMessage ? Omit<M, 'id'> : never) : never;
