/**
 * The live chat with a navigator, as the conversation remembers it: where it stands, what is
 * needed to resume it after a reload, and the visitor's messages not yet acknowledged. Pure
 * functions over plain data, so the machine's actions stay one line each and this file's
 * rules are tested on their own.
 */
import type { OfflineReason } from '../handoff/handoff-protocol.js';
import type { HandoffOpenRequest, HandoffResume, PendingMessage } from '../handoff/handoff-transport.js';

/**
 * Everything about the live chat that must survive a reload. Where it stands (connecting,
 * waiting, chatting, offline) is the machine's `live` state, not data here.
 */
export interface LiveChat {
  /** Set once the service has the conversation; with `secret`, what a reload resumes. */
  conversationId?: string;
  secret?: string;
  /** The highest sequence number seen: a resume fetches only what came after. */
  lastSeq: number;
  /** Place in the queue while waiting; 1 means next. */
  position?: number;
  navigatorName?: string;
  /** Visitor messages sent but not yet acknowledged, resent after a reload. */
  pending: PendingMessage[];
  offlineReason?: OfflineReason;
  /** Numbers the visitor's messages: client ids are `<prefix>-<n>`. */
  nextClientNumber: number;
}

/** A live chat about to connect. */
export function newLiveChat(): LiveChat {
  return { lastSeq: 0, pending: [], nextClientNumber: 1 };
}

/** What a reload needs to resume, once the service has the conversation. */
export function resumeOf(live: LiveChat | null): HandoffResume | undefined {
  if (!live?.conversationId || !live.secret) return undefined;
  return { conversationId: live.conversationId, secret: live.secret, lastSeq: live.lastSeq };
}

/** The client id for the visitor's next message, unique within the conversation. */
export function nextClientId(live: LiveChat, prefix: string): string {
  return `${prefix}-${live.nextClientNumber}`;
}

/** Adds a visitor message to those awaiting acknowledgement. */
export function withPendingMessage(live: LiveChat, message: PendingMessage): LiveChat {
  return { ...live, pending: [...live.pending, message], nextClientNumber: live.nextClientNumber + 1 };
}

/** Drops an acknowledged (or refused) message from those awaiting acknowledgement. */
export function withoutPending(live: LiveChat, clientId: string, seq?: number): LiveChat {
  return {
    ...live,
    pending: live.pending.filter((message) => message.clientId !== clientId),
    lastSeq: seq === undefined ? live.lastSeq : Math.max(live.lastSeq, seq),
  };
}

/**
 * Makes a persisted conversation resume its live chat rather than start a new one. XState
 * restarts an invoked actor after a reload with the input it was first given, which predates
 * the conversation id; this writes the current resume data and unacknowledged messages into
 * that input, keeping its summary.
 */
export function withCurrentLiveChatInput<T>(persisted: T): T {
  const snapshot = persisted as {
    context?: { live?: LiveChat | null };
    children?: Record<string, { snapshot?: { input?: HandoffOpenRequest } }>;
  };
  const live = snapshot.context?.live;
  const navigator = snapshot.children?.navigator;
  const input = navigator?.snapshot?.input;
  if (!live || !navigator?.snapshot || !input) return persisted;
  const resume = resumeOf(live);
  const current: HandoffOpenRequest = { summary: input.summary, pending: live.pending, ...(resume ? { resume } : {}) };
  return {
    ...snapshot,
    children: {
      ...snapshot.children,
      navigator: { ...navigator, snapshot: { ...navigator.snapshot, input: current } },
    },
  } as T;
}
