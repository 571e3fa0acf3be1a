/**
 * A navigator's connection to the service: the console uses it, and so do the tests and the
 * benchmark (with Node's `ws` passed as `createSocket`). It reconnects on its own, reopens
 * the conversations the navigator holds asking only for what it missed, resends unacknowledged
 * messages one at a time per conversation, and drops anything it has already seen, so every
 * listener sees each message once and in order.
 */
import {
  type HandoffError,
  MAX_MESSAGE_LENGTH,
  NAVIGATOR_SOCKET_PATH,
  type NavigatorFrame,
  type ServiceToNavigatorFrame,
  type TranscriptMessage,
} from '../handoff/handoff-protocol.js';
import {
  acknowledge,
  EMPTY_OUTBOX,
  enqueue,
  heldUntil,
  isOverdue,
  markSent,
  nextToSend,
  type Outbox,
  resetInFlight,
  retryLater,
} from '../handoff/outbox.js';
import type { BackoffOptions } from '../handoff/reconnect-backoff.js';
import { ReconnectingSocket, type SocketFactory } from '../handoff/reconnecting-socket.js';

/** Settings for {@link NavigatorConnection}. */
export interface NavigatorConnectionOptions {
  /** The service's base URL; the console passes its own origin. */
  serviceUrl: string;
  createSocket?: SocketFactory;
  backoff?: BackoffOptions;
  random?: () => number;
  heartbeatMs?: number;
  ackTimeoutMs?: number;
  typingIntervalMs?: number;
}

/** What the connection reports: the service's frames (deduplicated) and its own status. */
export type NavigatorEvent =
  | Exclude<ServiceToNavigatorFrame, { type: 'pong' }>
  | { type: 'status'; status: 'connecting' | 'connected'; attempt: number }
  /** The service refused the connection for good: signed out or wrong origin. */
  | { type: 'status'; status: 'signed-out' | 'refused'; attempt: number };

interface ConversationLink {
  lastSeq: number;
  outbox: Outbox;
  /** Opened on the current socket, so its messages arrive live. */
  opened: boolean;
  ended: boolean;
  typingShown: boolean;
  typingSentAt: number;
  ackTimer: ReturnType<typeof setTimeout> | null;
  flushTimer: ReturnType<typeof setTimeout> | null;
}

const CLOSE_NOT_SIGNED_IN = 4401;
const CLOSE_ORIGIN = 4403;

/** One navigator's live link to the service. */
export class NavigatorConnection {
  private readonly socket: ReconnectingSocket;
  private readonly links = new Map<string, ConversationLink>();
  private connected = false;

  constructor(
    private readonly options: NavigatorConnectionOptions,
    private readonly listener: (event: NavigatorEvent) => void,
  ) {
    const url = new URL(options.serviceUrl);
    url.pathname = `${url.pathname.replace(/\/$/, '')}${NAVIGATOR_SOCKET_PATH}`;
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.socket = new ReconnectingSocket({
      url: url.toString(),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      onOpen: () => {
        this.connected = true;
        this.listener({ type: 'status', status: 'connected', attempt: 0 });
      },
      onFrame: (frame) => this.receive(frame as ServiceToNavigatorFrame),
      onDown: ({ attempt, code, willRetry }) => {
        this.connected = false;
        for (const link of this.links.values()) {
          link.opened = false;
          link.outbox = resetInFlight(link.outbox);
          clearTimer(link, 'ackTimer');
        }
        if (willRetry) this.listener({ type: 'status', status: 'connecting', attempt });
        else
          this.listener({ type: 'status', status: code === CLOSE_NOT_SIGNED_IN ? 'signed-out' : 'refused', attempt });
      },
      shouldReconnect: (code) => code !== CLOSE_NOT_SIGNED_IN && code !== CLOSE_ORIGIN,
    });
  }

  /** True while connected. */
  get isConnected(): boolean {
    return this.connected;
  }

  /** Connects. */
  start(): void {
    this.listener({ type: 'status', status: 'connecting', attempt: 0 });
    this.socket.start();
  }

  /** Disconnects for good. */
  stop(): void {
    for (const link of this.links.values()) {
      clearTimer(link, 'ackTimer');
      clearTimer(link, 'flushTimer');
    }
    this.socket.stop();
  }

  /** Takes a conversation from the queue. False when not connected. */
  claim(conversationId: string): boolean {
    return this.command({ type: 'claim', conversationId });
  }

  /** Returns a conversation to the queue. */
  release(conversationId: string): boolean {
    return this.command({ type: 'release', conversationId });
  }

  /** Ends a conversation. */
  end(conversationId: string): boolean {
    return this.command({ type: 'end', conversationId });
  }

  /** Marks a callback request as handled. */
  handleCallback(callbackId: number): boolean {
    return this.command({ type: 'callback-handled', callbackId });
  }

  /**
   * Queues a message; it is resent until acknowledged. Returns an error at once when the text
   * can never be sent (empty or too long), otherwise null.
   */
  send(conversationId: string, clientId: string, text: string): HandoffError | null {
    if (text.trim() === '') return { code: 'message-empty', message: 'The message is empty.', clientId };
    if ([...text].length > MAX_MESSAGE_LENGTH) {
      return {
        code: 'message-too-long',
        message: `At most ${MAX_MESSAGE_LENGTH} characters.`,
        clientId,
        limit: MAX_MESSAGE_LENGTH,
      };
    }
    const link = this.links.get(conversationId);
    if (!link) return { code: 'not-claimed', message: 'Claim this conversation from the queue first.', clientId };
    if (link.ended) return { code: 'conversation-ended', message: 'This conversation has ended.', clientId };
    link.outbox = enqueue(link.outbox, clientId, text);
    this.flush(conversationId, link);
    return null;
  }

  /** Whether the navigator is typing in a conversation. Throttled. */
  typing(conversationId: string, typing: boolean): void {
    const link = this.links.get(conversationId);
    if (!link?.opened || link.ended) return;
    const now = Date.now();
    if (typing && link.typingShown && now - link.typingSentAt < (this.options.typingIntervalMs ?? 3000)) return;
    if (!typing && !link.typingShown) return;
    if (this.command({ type: 'typing', conversationId, typing })) {
      link.typingShown = typing;
      link.typingSentAt = now;
    }
  }

  /** Messages still waiting for acknowledgement in a conversation. */
  pending(conversationId: string): number {
    return this.links.get(conversationId)?.outbox.length ?? 0;
  }

  private command(frame: NavigatorFrame): boolean {
    return this.socket.send(frame);
  }

  private receive(frame: ServiceToNavigatorFrame): void {
    switch (frame.type) {
      case 'pong':
        return;
      case 'assigned':
        this.listener(frame);
        // Reopen what this navigator holds (after a reconnect, or claimed in another tab).
        for (const entry of frame.conversations) {
          const link = this.link(entry.id);
          if (link.opened) continue;
          link.opened = true;
          this.command({ type: 'open', conversationId: entry.id, after: link.lastSeq });
        }
        return;
      case 'conversation': {
        const link = this.link(frame.conversation.id);
        link.opened = true;
        link.ended = frame.conversation.state === 'ended';
        this.listener({ ...frame, messages: [] });
        for (const message of frame.messages) this.receiveMessage(frame.conversation.id, link, message);
        this.flush(frame.conversation.id, link);
        return;
      }
      case 'message':
        this.receiveMessage(frame.conversationId, this.link(frame.conversationId), frame.message);
        return;
      case 'ack': {
        const link = this.link(frame.conversationId);
        link.lastSeq = Math.max(link.lastSeq, frame.seq);
        this.acknowledged(frame.conversationId, link, frame.clientId, frame.seq);
        return;
      }
      case 'ended': {
        const link = this.link(frame.conversationId);
        link.ended = true;
        this.dropOutbox(frame.conversationId, link, 'conversation-ended');
        this.listener(frame);
        return;
      }
      case 'released': {
        const link = this.links.get(frame.conversationId);
        if (link) {
          this.dropOutbox(frame.conversationId, link, 'not-claimed');
          this.links.delete(frame.conversationId);
        }
        this.listener(frame);
        return;
      }
      case 'error':
        this.receiveError(frame);
        return;
      default:
        this.listener(frame);
    }
  }

  private receiveMessage(conversationId: string, link: ConversationLink, message: TranscriptMessage): void {
    if (message.seq <= link.lastSeq) return;
    link.lastSeq = message.seq;
    if (message.from === 'navigator' && link.outbox.some((entry) => entry.clientId === message.clientId)) {
      // Ours, stored before the connection dropped: the acknowledgement was lost.
      this.acknowledged(conversationId, link, message.clientId, message.seq);
    }
    this.listener({ type: 'message', conversationId, message });
  }

  private acknowledged(conversationId: string, link: ConversationLink, clientId: string, seq: number): void {
    const before = link.outbox;
    link.outbox = acknowledge(link.outbox, clientId);
    if (link.outbox === before) return;
    clearTimer(link, 'ackTimer');
    this.listener({ type: 'ack', conversationId, clientId, seq });
    this.flush(conversationId, link);
  }

  private receiveError(error: Extract<ServiceToNavigatorFrame, { type: 'error' }>): void {
    const { conversationId, clientId } = error;
    const link = conversationId ? this.links.get(conversationId) : undefined;
    if (conversationId && link && clientId && link.outbox[0]?.clientId === clientId) {
      clearTimer(link, 'ackTimer');
      if (error.code === 'rate-limited') {
        link.outbox = retryLater(link.outbox, clientId, Date.now() + (error.retryAfterMs ?? 1000));
        this.flush(conversationId, link);
        return;
      }
      link.outbox = acknowledge(link.outbox, clientId);
      this.listener(error);
      this.flush(conversationId, link);
      return;
    }
    if (conversationId && error.code === 'not-claimed' && link) link.opened = false;
    this.listener(error);
  }

  private flush(conversationId: string, link: ConversationLink): void {
    if (!link.opened || !this.connected) return;
    const now = Date.now();
    const next = nextToSend(link.outbox, now);
    if (!next) {
      const until = heldUntil(link.outbox);
      if (until !== undefined && !link.flushTimer) {
        link.flushTimer = setTimeout(() => {
          link.flushTimer = null;
          this.flush(conversationId, link);
        }, until - now);
      }
      return;
    }
    if (!this.command({ type: 'send', conversationId, clientId: next.clientId, text: next.text })) return;
    link.outbox = markSent(link.outbox, next.clientId, now);
    const timeout = this.options.ackTimeoutMs ?? 10_000;
    clearTimer(link, 'ackTimer');
    link.ackTimer = setTimeout(() => {
      link.ackTimer = null;
      if (isOverdue(link.outbox, Date.now(), timeout - 1)) this.socket.restart();
    }, timeout);
  }

  private dropOutbox(conversationId: string, link: ConversationLink, code: 'conversation-ended' | 'not-claimed'): void {
    for (const entry of link.outbox) {
      this.listener({
        type: 'error',
        code,
        message: 'The message could not be delivered: the conversation is no longer yours.',
        conversationId,
        clientId: entry.clientId,
      });
    }
    link.outbox = EMPTY_OUTBOX;
    clearTimer(link, 'ackTimer');
    clearTimer(link, 'flushTimer');
  }

  private link(conversationId: string): ConversationLink {
    let link = this.links.get(conversationId);
    if (!link) {
      link = {
        lastSeq: 0,
        outbox: EMPTY_OUTBOX,
        opened: false,
        ended: false,
        typingShown: false,
        typingSentAt: 0,
        ackTimer: null,
        flushTimer: null,
      };
      this.links.set(conversationId, link);
    }
    return link;
  }
}

function clearTimer(link: ConversationLink, name: 'ackTimer' | 'flushTimer'): void {
  const timer = link[name];
  if (timer) clearTimeout(timer);
  link[name] = null;
}
