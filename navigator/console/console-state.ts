/**
 * What the navigator console shows, as a value, and how each event from the service changes
 * it. Pure, so the console's behaviour (queue order, transcripts merged without duplicates,
 * failed messages marked) is tested without a browser; the element only renders it.
 */
import type {
  CallbackRequest,
  ConversationDetail,
  EndedBy,
  HandoffErrorCode,
  QueueEntry,
} from '../../src/handoff/handoff-protocol.js';
import type { FollowUp, MessageContent } from '../../src/handoff/message-content.js';
import { orderQueue } from '../service/queue.js';
import type { NavigatorEvent } from './navigator-connection.js';

/** One line of a transcript. */
export interface ConsoleMessage {
  /** Absent while the navigator's own message awaits its acknowledgement. */
  seq?: number;
  clientId: string;
  from: 'visitor' | 'navigator';
  /** Plain text, rendered as text. */
  text: string;
  /** A phrase, services, the safety check...: what the console renders instead of bare text. */
  content?: MessageContent;
  /** Epoch ms: the service's time once stored, the local time while pending. */
  at: number;
  pending: boolean;
  /** Why the message was not delivered. */
  failed?: HandoffErrorCode;
}

/** A conversation the navigator holds (or held, until dismissed). */
export interface ConsoleConversation {
  detail: ConversationDetail;
  messages: ConsoleMessage[];
  /** When the visitor last said they were typing (local time), or null. */
  visitorTypingAt: number | null;
  visitorConnected: boolean;
  endedBy: EndedBy | null;
}

/** The connection as the console reports it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'signed-out' | 'refused';

/** Everything the console shows once signed in. */
export interface ConsoleState {
  connection: ConnectionStatus;
  navigator: { username: string; name: string } | null;
  /** Service clock minus local clock, so waiting times are right on a wrong local clock. */
  clockOffsetMs: number;
  queue: QueueEntry[];
  assigned: QueueEntry[];
  conversations: Record<string, ConsoleConversation>;
  callbacks: CallbackRequest[];
  /** Follow-ups not done, earliest due first. */
  followUps: FollowUp[];
  /** The last error not tied to a message (a claim that lost the race, for instance). */
  notice: { code: HandoffErrorCode; conversationId?: string } | null;
}

/** Before the first event. */
export const INITIAL_CONSOLE_STATE: ConsoleState = {
  connection: 'connecting',
  navigator: null,
  clockOffsetMs: 0,
  queue: [],
  assigned: [],
  conversations: {},
  callbacks: [],
  followUps: [],
  notice: null,
};

/** A visitor's "typing" shows for this long unless renewed (the widget renews every 3 s). */
export const TYPING_SHOWN_MS = 6000;

/** Applies one event from the navigator connection. `now` is the local clock. */
export function applyNavigatorEvent(state: ConsoleState, event: NavigatorEvent, now: number): ConsoleState {
  switch (event.type) {
    case 'status':
      return { ...state, connection: event.status };
    case 'hello':
      return { ...state, navigator: event.navigator, clockOffsetMs: event.now - now };
    case 'queue':
      return { ...state, queue: event.entries, clockOffsetMs: event.now - now };
    case 'queue-changed': {
      const changed = new Set([...event.removed, ...event.added.map((entry) => entry.id)]);
      const kept = state.queue.filter((entry) => !changed.has(entry.id));
      return { ...state, queue: orderQueue([...kept, ...event.added]), clockOffsetMs: event.now - now };
    }
    case 'assigned':
      return { ...state, assigned: event.conversations };
    case 'callbacks':
      return { ...state, callbacks: event.requests };
    case 'follow-ups':
      return { ...state, followUps: event.entries };
    case 'record-saved':
      return updateConversation(state, event.record.conversationId, (conversation) => ({
        ...conversation,
        detail: { ...conversation.detail, record: event.record },
      }));
    case 'callbacks-changed': {
      const changed = new Set([...event.removed, ...event.added.map((request) => request.id)]);
      const kept = state.callbacks.filter((request) => !changed.has(request.id));
      const callbacks = [...kept, ...event.added].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
      return { ...state, callbacks };
    }
    case 'conversation': {
      const existing = state.conversations[event.conversation.id];
      const conversation: ConsoleConversation = {
        detail: event.conversation,
        messages: existing?.messages ?? [],
        visitorTypingAt: existing?.visitorTypingAt ?? null,
        visitorConnected: event.conversation.visitorConnected,
        endedBy: event.conversation.endedBy ?? null,
      };
      return withConversation({ ...state, notice: null }, conversation);
    }
    case 'message':
      return updateConversation(state, event.conversationId, (conversation) => ({
        ...conversation,
        messages: mergeMessage(conversation.messages, {
          seq: event.message.seq,
          clientId: event.message.clientId,
          from: event.message.from,
          text: event.message.text,
          ...(event.message.content ? { content: event.message.content } : {}),
          at: event.message.at,
          pending: false,
        }),
        visitorTypingAt: event.message.from === 'visitor' ? null : conversation.visitorTypingAt,
      }));
    case 'ack':
      return updateConversation(state, event.conversationId, (conversation) => ({
        ...conversation,
        messages: sortMessages(
          conversation.messages.map((message) =>
            message.from === 'navigator' && message.clientId === event.clientId
              ? { ...message, seq: event.seq, pending: false }
              : message,
          ),
        ),
      }));
    case 'typing':
      return updateConversation(state, event.conversationId, (conversation) => ({
        ...conversation,
        visitorTypingAt: event.typing ? now : null,
      }));
    case 'presence':
      return updateConversation(state, event.conversationId, (conversation) => ({
        ...conversation,
        visitorConnected: event.visitorConnected,
      }));
    case 'ended':
      return updateConversation(state, event.conversationId, (conversation) => ({
        ...conversation,
        endedBy: event.by,
        visitorTypingAt: null,
        detail: { ...conversation.detail, state: 'ended', endedBy: event.by },
      }));
    case 'released':
      return dismissConversation(state, event.conversationId);
    case 'error': {
      const { conversationId, clientId, code } = event;
      if (conversationId && clientId && state.conversations[conversationId]) {
        return updateConversation(state, conversationId, (conversation) => ({
          ...conversation,
          messages: conversation.messages.map((message) =>
            message.from === 'navigator' && message.clientId === clientId
              ? { ...message, pending: false, failed: code }
              : message,
          ),
        }));
      }
      return { ...state, notice: { code, ...(conversationId ? { conversationId } : {}) } };
    }
  }
}

/** Shows the navigator's own message at once, marked as pending until acknowledged. */
export function addOwnMessage(
  state: ConsoleState,
  conversationId: string,
  clientId: string,
  text: string,
  now: number,
  content?: MessageContent,
): ConsoleState {
  return updateConversation(state, conversationId, (conversation) => ({
    ...conversation,
    messages: [
      ...conversation.messages,
      { clientId, from: 'navigator', text, ...(content ? { content } : {}), at: now, pending: true },
    ],
  }));
}

/** Removes a conversation from the console (returned to the queue, or closed after it ended). */
export function dismissConversation(state: ConsoleState, conversationId: string): ConsoleState {
  if (!state.conversations[conversationId]) return state;
  const { [conversationId]: _removed, ...rest } = state.conversations;
  return { ...state, conversations: rest };
}

/** True when the visitor's typing indicator should show at `now`. */
export function visitorIsTyping(conversation: ConsoleConversation, now: number): boolean {
  return conversation.visitorTypingAt !== null && now - conversation.visitorTypingAt < TYPING_SHOWN_MS;
}

/** New queue entries since `before`: what the console announces (and rings for, if asked). */
export function arrivals(before: QueueEntry[], after: QueueEntry[]): QueueEntry[] {
  const known = new Set(before.map((entry) => entry.id));
  return after.filter((entry) => !known.has(entry.id));
}

function mergeMessage(messages: ConsoleMessage[], incoming: ConsoleMessage): ConsoleMessage[] {
  const index = messages.findIndex(
    (message) =>
      (incoming.seq !== undefined && message.seq === incoming.seq) ||
      (message.from === incoming.from && message.clientId === incoming.clientId),
  );
  if (index === -1) return sortMessages([...messages, incoming]);
  const merged = [...messages];
  merged[index] = { ...incoming, text: messages[index]?.text ?? incoming.text };
  return sortMessages(merged);
}

/** Stored messages by sequence number; pending ones after them, in the order they were written. */
function sortMessages(messages: ConsoleMessage[]): ConsoleMessage[] {
  const stored = messages.filter((m) => m.seq !== undefined).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return [...stored, ...messages.filter((m) => m.seq === undefined)];
}

function withConversation(state: ConsoleState, conversation: ConsoleConversation): ConsoleState {
  return { ...state, conversations: { ...state.conversations, [conversation.detail.id]: conversation } };
}

function updateConversation(
  state: ConsoleState,
  conversationId: string,
  change: (conversation: ConsoleConversation) => ConsoleConversation,
): ConsoleState {
  const conversation = state.conversations[conversationId];
  return conversation ? withConversation(state, change(conversation)) : state;
}
