/**
 * What a live-chat message is, beyond its text: a phrase from the phrasebook, services from the
 * directory, the safety check and its answer, the follow-up offer. Shared by the widget, the
 * console and the service. A message keeps a plain `text` as well (the phrase in the sender's
 * language, the services' names) so a transport or a log that knows nothing of this still reads
 * it; whoever understands the content renders it from the content, in the reader's language.
 *
 * Types and constants only, so browser bundles import it freely.
 */
import type { NeedCategory } from '../directory/snapshot.js';

/**
 * The navigator's phrasebook: keys of `phrasebook.json` in every language of `locales/`. The
 * navigator picks one in their language; the visitor reads it in theirs.
 */
export const PHRASES = [
  'greeting',
  'askArea',
  'askForWhom',
  'areYouSafe',
  'sendingServices',
  'askFollowUp',
  'holdOn',
  'interpreter',
  'closing',
] as const;

/** One phrase of the phrasebook. */
export type PhraseKey = (typeof PHRASES)[number];

/**
 * The visitor's answers to the navigator's safety check in a live chat. Not the widget's own
 * "Are you safe right now?" before a hand-off (`SafetyAnswer` in `conversation-types.ts`).
 */
export const LIVE_SAFETY_ANSWERS = ['safe', 'not-safe', 'call'] as const;

/** "I am safe", "I am not safe", "I would rather call someone". */
export type LiveSafetyAnswer = (typeof LIVE_SAFETY_ANSWERS)[number];

/** When the visitor wants the follow-up call, in the service's time zone. */
export const FOLLOW_UP_TIMES = ['tomorrow-morning', 'tomorrow-afternoon', 'tomorrow-evening', 'next-week'] as const;

/** A follow-up time the visitor picks. */
export type FollowUpTime = (typeof FOLLOW_UP_TIMES)[number];

/** Most services one message may carry. */
export const MAX_SERVICES_PER_MESSAGE = 10;

/** What a message is. Absent on a message means free text in the conversation's language. */
export type MessageContent =
  /** Free text as typed, in this language (ISO 639-1). */
  | { kind: 'text'; lang: string }
  /** A phrasebook phrase; `lang` is the language of the message's `text` (the sender's). */
  | { kind: 'phrase'; phrase: PhraseKey; lang: string }
  /** Services from the directory, by id: each side renders them from its own copy. */
  | { kind: 'services'; serviceIds: string[] }
  /** "Are you safe right now?" with the answers as quick replies. */
  | { kind: 'safety-check' }
  /** The visitor's answer to the safety check. */
  | { kind: 'safety-answer'; answer: LiveSafetyAnswer }
  /**
   * The navigator offers a follow-up. The service fills in `retentionDays`, so the visitor is
   * told how long a phone number can be kept at most before giving it.
   */
  | { kind: 'follow-up-offer'; retentionDays?: number }
  /** The visitor's answer to the follow-up offer (the number itself never enters the transcript). */
  | { kind: 'follow-up-answer'; accepted: boolean };

/** The kinds a navigator may send; the others come from the visitor. */
export const NAVIGATOR_CONTENT_KINDS = ['text', 'phrase', 'services', 'safety-check', 'follow-up-offer'] as const;
/** The kinds a visitor may send. */
export const VISITOR_CONTENT_KINDS = ['text', 'safety-answer', 'follow-up-answer'] as const;

/** Why a need went unmet. */
export const UNMET_REASONS = [
  'no-service',
  'waitlist',
  'not-eligible',
  'language',
  'cost',
  'distance',
  'hours',
] as const;

/** One reason a need went unmet. */
export type UnmetReason = (typeof UNMET_REASONS)[number];

/** How a contact ended. */
export const CONTACT_OUTCOMES = ['referred', 'information', 'unmet', 'crisis-referred', 'disconnected'] as const;

/** The outcome of a contact. */
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Whether a safety check was done, and what the visitor answered. */
export type SafetyCheckRecord = 'not-done' | 'no-answer' | LiveSafetyAnswer;

/**
 * The record of a contact, as a navigator completes it: categories and codes only, never the
 * visitor's words, so it can be counted by need and area without holding anything they wrote.
 */
export interface ContactRecordInput {
  needs: NeedCategory[];
  /** Service ids referred, including those sent in the chat. */
  referrals: string[];
  unmet: { category: NeedCategory; reason: UnmetReason }[];
  outcome: ContactOutcome;
}

/** A saved contact record. */
export interface ContactRecord extends ContactRecordInput {
  conversationId: string;
  /** Worked out by the service from the transcript, not claimed by the console. */
  safetyCheck: SafetyCheckRecord;
  /** Epoch milliseconds. */
  savedAt: number;
}

/** Limits on a contact record. */
export const CONTACT_RECORD_LIMITS = { referrals: 50, unmet: 20 } as const;

/** A follow-up as the console lists it. */
export interface FollowUp {
  id: number;
  conversationId: string;
  /** The number to call; null once the follow-up is done (it is deleted then). */
  phone: string | null;
  language: string;
  /** When the visitor asked to be called, epoch milliseconds. */
  dueAt: number;
  state: 'due' | 'taken' | 'done';
  /** The navigator who took it. */
  takenBy?: string;
  /** The need categories of the conversation, for the navigator's overview. */
  categories: NeedCategory[];
}
