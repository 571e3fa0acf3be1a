/**
 * The hand-off transport: what the widget needs from any live-chat back end. Our navigator
 * service implements it in `websocket-transport.ts`; a 211 that already runs another chat
 * platform (iCarol, LivePerson, a Chatwoot or Rocket.Chat instance) implements these few
 * methods against that platform's API and passes its transport to the widget instead. The
 * conversation machine never sees the difference: it talks to the transport through the
 * callback actor in `handoff-actor.ts`.
 *
 * Contract, whatever the platform:
 * - `open` starts a conversation with the summary, or resumes one from `resume`.
 * - Events arrive in this order per conversation: `connecting`, `connected`, then any of
 *   `queued`, `navigator-joined`, `message`, `typing`, `ack`, and last `ended`; or
 *   `offline` instead of `connected` when nobody can chat.
 * - Every `send` is eventually acknowledged (`ack`) exactly once or refused with an `error`
 *   carrying its client id. Each navigator `message` is delivered exactly once, in order,
 *   across reconnects and reloads (given `resume.lastSeq`).
 */
import type {
  AvailabilityResponse,
  EndedBy,
  HandoffErrorCode,
  HandoffSummary,
  OfflineReason,
} from './handoff-protocol.js';
import type { FollowUpTime, MessageContent } from './message-content.js';

/** What a page needs to reopen a conversation after a reload (kept in `sessionStorage`). */
export interface HandoffResume {
  conversationId: string;
  secret: string;
  /** The highest `seq` seen in `message` or `ack` events; 0 when none. */
  lastSeq: number;
}

/** A visitor message not yet acknowledged, to send again after a reload. */
export interface PendingMessage {
  clientId: string;
  text: string;
  content?: MessageContent;
}

/** How to open a conversation. */
export interface HandoffOpenRequest {
  /** Sent when a new conversation starts; its language is the conversation's language. */
  summary: HandoffSummary;
  /** Resume this conversation instead of starting one. */
  resume?: HandoffResume;
  /** Messages the page sent before a reload and never saw acknowledged. */
  pending?: PendingMessage[];
}

/** Events a transport reports, in the order described above. */
export type HandoffEvent =
  /** Trying to reach the service; `attempt` is 0 the first time, then counts retries. */
  | { type: 'connecting'; attempt: number }
  /** The service has the conversation. Store both values to resume after a reload. */
  | { type: 'connected'; conversationId: string; secret: string; resumed: boolean }
  /** Waiting for a navigator; 1 means next. */
  | { type: 'queued'; position: number }
  | { type: 'navigator-joined'; name: string }
  /** A message from the navigator (or from this visitor in another tab). Plain text. */
  | {
      type: 'message';
      seq: number;
      clientId: string;
      text: string;
      /** A phrase, services, the safety check...; absent for free text. */
      content?: MessageContent;
      at: number;
      from: 'visitor' | 'navigator';
    }
  | { type: 'typing'; typing: boolean }
  /** The visitor's message with this client id is stored by the service. */
  | { type: 'ack'; clientId: string; seq: number }
  | { type: 'ended'; by: EndedBy }
  /** Nobody can chat now; offer phone, text and a callback request. */
  | { type: 'offline'; reason: OfflineReason }
  | { type: 'callback-requested'; clientId: string }
  /** The follow-up the visitor asked for is stored; due around `dueAt` (epoch ms). */
  | { type: 'follow-up-saved'; clientId: string; dueAt: number }
  /**
   * Something failed. With a `clientId`, that message or callback request was not delivered
   * and will not be retried; without one, it concerns the conversation.
   */
  | {
      type: 'error';
      code: HandoffErrorCode;
      message: string;
      clientId?: string;
      retryAfterMs?: number;
      limit?: number;
    };

/** A phone callback request. */
export interface CallbackRequestDetails {
  clientId: string;
  phone: string;
  bestTime: string;
}

/** A follow-up the visitor opts in to: the number to call and when. */
export interface FollowUpRequestDetails {
  clientId: string;
  phone: string;
  when: FollowUpTime;
}

/** One open conversation. */
export interface HandoffConnection {
  /**
   * Queues a message; it is resent until acknowledged. Create `clientId` with `createClientId()`.
   * `content` marks an answer to the navigator's safety check or follow-up offer.
   */
  send(clientId: string, text: string, content?: MessageContent): void;
  /** Whether the visitor is typing. Cheap to call on every keystroke: the transport throttles. */
  typing(typing: boolean): void;
  /** Asks for a phone call back (useful after `offline`); answered by `callback-requested`. */
  requestCallback(request: CallbackRequestDetails): void;
  /** Opts in to the follow-up the navigator offered; answered by `follow-up-saved` or an error. */
  requestFollowUp(request: FollowUpRequestDetails): void;
  /** Ends the conversation for both sides (the visitor's "End chat", quick exit). */
  end(): void;
  /** Lets go of the connection without ending the conversation (element removed, page hidden). */
  close(): void;
}

/** A live-chat back end. */
export interface HandoffTransport {
  /** Starts or resumes a conversation; `listener` receives every event until `close()`/`end()`. */
  open(request: HandoffOpenRequest, listener: (event: HandoffEvent) => void): HandoffConnection;
  /** Whether a navigator could take a conversation now, and the hours, before offering one. */
  availability(): Promise<AvailabilityResponse>;
  /**
   * Ends a conversation from its stored credentials without opening it: the quick exit after
   * a reload. Must work while the page is being replaced (the service's version uses a beacon).
   */
  endStored(resume: Pick<HandoffResume, 'conversationId' | 'secret'>): void;
}
