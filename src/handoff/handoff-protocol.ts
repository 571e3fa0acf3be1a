/**
 * The wire protocol between the widget, the navigator console and the navigator service:
 * JSON frames over WebSocket, plus a few HTTP endpoints. Types and constants only, so the
 * browser bundles import this file and never anything under `server/`.
 *
 * Design notes:
 * - One log per conversation. Every stored message gets the next sequence number (`seq`) of
 *   its conversation, whoever sent it. A side that reconnects asks for everything after the
 *   last `seq` it saw, so it receives what it missed exactly once and in order.
 * - Every message carries a client id chosen by its sender. The service stores a message
 *   before acknowledging it and answers a repeated client id with the first `seq`, so a
 *   resend after a lost acknowledgement never creates a second message.
 * - Errors carry a stable `code` (for the widget to translate) and an English `message`
 *   (for logs and developers).
 */
import type { CrisisKind } from '../conversation/crisis-kinds.js';
import type { HandoffReason } from '../conversation/handoff-rules.js';
import type { NeedCategory } from '../directory/snapshot.js';
import type { ContactRecord, ContactRecordInput, FollowUp, FollowUpTime, MessageContent } from './message-content.js';

/** Version of this protocol; bumped on any breaking change to a frame. */
export const HANDOFF_PROTOCOL_VERSION = 1;

/** Longest message either side may send, in characters (Unicode code points). */
export const MAX_MESSAGE_LENGTH = 2000;

/** WebSocket path for visitors. */
export const VISITOR_SOCKET_PATH = '/handoff/visitor';
/** HTTP path answering whether a navigator can take a conversation now. */
export const AVAILABILITY_PATH = '/handoff/availability';
/**
 * HTTP path that ends a conversation with `{conversationId, secret}` as the body. It exists
 * for `navigator.sendBeacon`, which still delivers while the page is being replaced (quick exit).
 */
export const END_PATH = '/handoff/end';
/** WebSocket path for navigators (a session is required). */
export const NAVIGATOR_SOCKET_PATH = '/navigator/socket';
/** HTTP path to sign in: `{username, password, mode?}`. */
export const SIGN_IN_PATH = '/navigator/sign-in';
/** HTTP path to sign out. */
export const SIGN_OUT_PATH = '/navigator/sign-out';
/** HTTP path returning the signed-in navigator, or 401. */
export const SESSION_PATH = '/navigator/session';

/** Who the help is for, as the widget asks it ("a child", "an adult", "a senior"). */
export type ForWhom = 'child' | 'adult' | 'senior';

/** A service the widget already showed the visitor. */
export interface ServiceShown {
  id: string;
  /** The name as the visitor saw it. */
  name: string;
}

/** One need, as the visitor put it. */
export interface SummaryNeed {
  /** The visitor's own words, exactly as typed (or the quick reply's text). */
  words: string;
  /** The categories the widget matched, for the navigator's overview. */
  categories: NeedCategory[];
}

/**
 * What the widget hands to a navigator, and all the service keeps about a visitor: no name,
 * no address, no device details. Anything else in a `start` frame is dropped before storage.
 */
export interface HandoffSummary {
  /** The conversation's language, ISO 639-1 (e.g. `es`). */
  language: string;
  /** Why the widget handed off. */
  reason: HandoffReason;
  needs: SummaryNeed[];
  /** The area the visitor named or chose, as shown to them. */
  area?: string;
  forWhom?: ForWhom;
  /** The visitor needs help today (housing, eviction, violence...) or is in crisis. */
  urgent: boolean;
  /** A crisis was detected in the visitor's words. */
  crisis: boolean;
  /** Which kinds of crisis were detected, most urgent first. */
  crisisKinds: CrisisKind[];
  /**
   * A possible sign of crisis made the widget ask "Are you safe right now?": the kinds of the
   * sign and the visitor's answer (`person`: "I'd rather talk to someone"; null: not answered).
   */
  safetyCheck?: SummarySafetyCheck;
  servicesShown: ServiceShown[];
}

/** The safety question in a summary. */
export interface SummarySafetyCheck {
  kinds: CrisisKind[];
  answer: SafetyCheckAnswer | null;
}

/** The answers to the safety question. */
export const SAFETY_CHECK_ANSWERS = ['safe', 'not-safe', 'person'] as const;

/** One answer to the safety question. */
export type SafetyCheckAnswer = (typeof SAFETY_CHECK_ANSWERS)[number];

/** Limits the service enforces on a summary, so a summary cannot be used to store a novel. */
export const SUMMARY_LIMITS = {
  needs: 10,
  needWords: 500,
  area: 120,
  servicesShown: 50,
  serviceId: 200,
  serviceName: 300,
} as const;

/** Why nobody can take a conversation now. */
export type OfflineReason = 'after-hours' | 'no-navigators';

/** Who ended a conversation. `service` means it expired or was abandoned. */
export type EndedBy = 'visitor' | 'navigator' | 'service';

/** Where a conversation is. */
export type ConversationState = 'waiting' | 'active' | 'ended';

/** Stable error codes. The widget and console translate these; `message` is for developers. */
export type HandoffErrorCode =
  /** The frame was not JSON or not a known frame. */
  | 'invalid-frame'
  /** The start frame's summary was missing or malformed. */
  | 'invalid-summary'
  /** Longer than {@link MAX_MESSAGE_LENGTH}; the message was not stored. */
  | 'message-too-long'
  /** Blank message; not stored. */
  | 'message-empty'
  /** Too many frames on this connection; retry after `retryAfterMs`. Not stored. */
  | 'rate-limited'
  /** Unknown conversation, or a secret that does not open it (indistinguishable on purpose). */
  | 'conversation-not-found'
  /** The conversation has ended; nothing more can be sent. */
  | 'conversation-ended'
  /** Sending needs a started or resumed conversation on this connection. */
  | 'no-conversation'
  /** The navigator has not claimed this conversation. */
  | 'not-claimed'
  /** Another navigator claimed it first. */
  | 'already-claimed'
  /** A callback request without a usable phone number or best time. */
  | 'invalid-callback'
  /** The connection's origin is not allowed. */
  | 'origin-not-allowed'
  /** The navigator's session is missing or expired. */
  | 'not-signed-in'
  /** The conversation holds as many messages as the service keeps for one; not stored. */
  | 'conversation-full'
  /** A message's `content` was malformed, or of a kind this side may not send. Not stored. */
  | 'invalid-content'
  /** A contact record was malformed. Not stored. */
  | 'invalid-record'
  /** A follow-up request without a usable phone number or time, or an unknown follow-up. */
  | 'invalid-follow-up';

/** An error frame's payload. */
export interface HandoffError {
  code: HandoffErrorCode;
  /** English, for developers and logs. */
  message: string;
  /** The message or callback request the error is about. */
  clientId?: string;
  /** For `rate-limited`: when to try again. */
  retryAfterMs?: number;
  /** For `message-too-long`: the limit. */
  limit?: number;
}

/** A stored chat message. */
export interface TranscriptMessage {
  /** Position in the conversation's log, from 1. */
  seq: number;
  from: 'visitor' | 'navigator';
  clientId: string;
  /** Plain text, always rendered as text. */
  text: string;
  /** What the message is, when more than free text (see `message-content.ts`). */
  content?: MessageContent;
  /** When the service stored it, epoch milliseconds. */
  at: number;
}

/** A phone callback request made when nobody could chat. */
export interface CallbackRequestInput {
  clientId: string;
  /** As the visitor typed it; the service keeps digits, spaces, `+ - ( ) .` and `ext`. */
  phone: string;
  /** Free text: "mornings", "después de las 5". */
  bestTime: string;
}

/** Limits on a callback request. */
export const CALLBACK_LIMITS = { phone: 40, bestTime: 200, minimumDigits: 7 } as const;

// ----- visitor <-> service -----

/** Frames a visitor sends. */
export type VisitorFrame =
  /** Asks for a navigator. `startId` is random: a repeated start returns the same conversation. */
  | { type: 'start'; startId: string; summary: HandoffSummary }
  /** Reattaches to a conversation and asks for every message after `after`. */
  | { type: 'resume'; conversationId: string; secret: string; after: number }
  | { type: 'send'; clientId: string; text: string; content?: MessageContent }
  | { type: 'typing'; typing: boolean }
  | { type: 'end' }
  /** Opts in to a follow-up call, after the navigator offered one. */
  | { type: 'follow-up'; clientId: string; phone: string; when: FollowUpTime }
  | ({ type: 'request-callback'; language: string; summary?: HandoffSummary } & CallbackRequestInput)
  | { type: 'ping' };

/** Frames the service sends a visitor. */
export type ServiceToVisitorFrame =
  /** Keep both: they reopen this conversation after a reload. */
  | { type: 'started'; conversationId: string; secret: string }
  | { type: 'resumed'; conversationId: string }
  /** Waiting; 1 means next. Sent again whenever the position changes. */
  | { type: 'queued'; position: number }
  | { type: 'navigator-joined'; name: string }
  | { type: 'message'; message: TranscriptMessage }
  | { type: 'typing'; typing: boolean }
  /** The message with this client id is stored. */
  | { type: 'ack'; clientId: string; seq: number }
  | { type: 'ended'; by: EndedBy }
  /** Nobody can chat now; no conversation was created. A callback request is still possible. */
  | { type: 'offline'; reason: OfflineReason }
  | { type: 'callback-saved'; clientId: string }
  /** The follow-up is stored; the navigator will call around `dueAt` (epoch milliseconds). */
  | { type: 'follow-up-saved'; clientId: string; dueAt: number }
  | ({ type: 'error' } & HandoffError)
  | { type: 'pong' };

// ----- navigator <-> service -----

/** A waiting conversation as the queue shows it. */
export interface QueueEntry {
  id: string;
  language: string;
  reason: HandoffReason;
  urgent: boolean;
  crisis: boolean;
  crisisKinds: CrisisKind[];
  categories: NeedCategory[];
  /** When it (first) joined the queue, epoch milliseconds. */
  waitingSince: number;
  visitorConnected: boolean;
}

/** A conversation as a navigator who claimed it sees it. */
export interface ConversationDetail {
  id: string;
  state: ConversationState;
  summary: HandoffSummary;
  waitingSince: number;
  visitorConnected: boolean;
  endedBy?: EndedBy;
  /** The contact record, once saved. */
  record?: ContactRecord;
}

/** A stored callback request as the console shows it. */
export interface CallbackRequest {
  id: number;
  phone: string;
  bestTime: string;
  language: string;
  summary?: HandoffSummary;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** Frames a navigator sends. */
export type NavigatorFrame =
  /** Takes a waiting conversation; answered with `conversation` (full transcript) or an error. */
  | { type: 'claim'; conversationId: string }
  /** Reattaches to a claimed conversation and asks for every message after `after`. */
  | { type: 'open'; conversationId: string; after: number }
  | { type: 'send'; conversationId: string; clientId: string; text: string; content?: MessageContent }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'end'; conversationId: string }
  /** Returns the conversation to the queue, keeping its place by waiting time. */
  | { type: 'release'; conversationId: string }
  /** Ends an abusive conversation and blocks its source for a while (the service's setting). */
  | { type: 'report-abuse'; conversationId: string }
  | { type: 'callback-handled'; callbackId: number }
  /** Saves (or replaces) the record of a contact this navigator holds or held. */
  | { type: 'save-record'; conversationId: string; record: ContactRecordInput }
  /** Takes a due follow-up, so other navigators see who is calling. */
  | { type: 'follow-up-take'; followUpId: number }
  /** Marks a follow-up done: its phone number is deleted at once. */
  | { type: 'follow-up-done'; followUpId: number }
  /** Moves a follow-up to another time and back to "due". */
  | { type: 'follow-up-reschedule'; followUpId: number; dueAt: number }
  | { type: 'ping' };

/** Frames the service sends a navigator. */
export type ServiceToNavigatorFrame =
  | { type: 'hello'; navigator: { username: string; name: string }; now: number }
  /** The whole queue in order (urgent first, then longest waiting), once per connection. */
  | { type: 'queue'; entries: QueueEntry[]; now: number }
  /** Changes since: entries added or changed (replace by id), and ids that left the queue. */
  | { type: 'queue-changed'; added: QueueEntry[]; removed: string[]; now: number }
  /** Conversations this navigator has claimed and not ended. */
  | { type: 'assigned'; conversations: QueueEntry[] }
  /**
   * Answer to `claim` or `open`: the conversation and a page of the messages after the asked
   * `seq`. With `more`, ask again (`open` after the last `seq` received) for the next page;
   * live messages follow the last page.
   */
  | { type: 'conversation'; conversation: ConversationDetail; messages: TranscriptMessage[]; more?: boolean }
  | { type: 'message'; conversationId: string; message: TranscriptMessage }
  | { type: 'ack'; conversationId: string; clientId: string; seq: number }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'presence'; conversationId: string; visitorConnected: boolean }
  | { type: 'ended'; conversationId: string; by: EndedBy }
  | { type: 'released'; conversationId: string }
  /** Every open callback request, once per connection. */
  | { type: 'callbacks'; requests: CallbackRequest[] }
  /** Requests added since, and ids handled or deleted. */
  | { type: 'callbacks-changed'; added: CallbackRequest[]; removed: number[] }
  /** Follow-ups not yet done, earliest due first. */
  | { type: 'follow-ups'; entries: FollowUp[] }
  | { type: 'record-saved'; record: ContactRecord }
  | ({ type: 'error'; conversationId?: string } & HandoffError)
  | { type: 'pong' };

// ----- HTTP -----

/** `GET /handoff/availability`. */
export interface AvailabilityResponse {
  open: boolean;
  reason?: OfflineReason;
  /** Opening hours as configured, for the widget to show. */
  hours: { timeZone: string; description: string };
}

/** `POST /navigator/sign-in` body. `mode: 'token'` returns a bearer token instead of a cookie. */
export interface SignInRequest {
  username: string;
  password: string;
  mode?: 'cookie' | 'token';
}

/** `POST /navigator/sign-in` and `GET /navigator/session` answer. */
export interface SignInResponse {
  username: string;
  name: string;
  /** `navigator` chats with visitors; `analyst` sees the needs dashboard only. */
  role?: 'navigator' | 'analyst';
  /** Only with `mode: 'token'`: send as `Authorization: Bearer <token>`. */
  token?: string;
}

/**
 * The WebSocket close codes the navigator service uses, for clients to tell a refusal from a
 * network failure. The 44xx codes follow the HTTP status they stand for; 1011 is the standard
 * "server error". (The service and the console still keep copies: `navigator/service/
 * conversation-hub.ts` HUB_CLOSE_CODES, `navigator/service/navigator-service.ts` CLOSE_CODES,
 * `navigator/console/navigator-connection.ts`; they can import these.)
 */
export const CLOSE_CODES = {
  invalidFrames: 4400,
  notSignedIn: 4401,
  originNotAllowed: 4403,
  idle: 4408,
  tooSlow: 4409,
  tooManyFrames: 4429,
  serverError: 1011,
} as const;

/** Close codes after which reconnecting cannot help: the page is not allowed, or not signed in. */
export const FINAL_CLOSE_CODES: readonly number[] = [CLOSE_CODES.notSignedIn, CLOSE_CODES.originNotAllowed];
