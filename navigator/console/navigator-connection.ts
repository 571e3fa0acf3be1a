/**
 * A navigator's connection to the service: the console uses it, and so do the tests and the
 * benchmark (with Node's `ws` passed as `createSocket`). It reconnects on its own, reopens
 * the conversations the navigator holds asking only for what it missed, resends unacknowledged
 * messages one at a time per conversation, and drops anything it has already seen, so every
 * listener sees each message once and in order.
 */
import {
  CLOSE_CODES,
  FINAL_CLOSE_CODES,
  type HandoffError,
  MAX_MESSAGE_LENGTH,
  NAVIGATOR_SOCKET_PATH,
  type NavigatorFrame,
  type ServiceToNavigatorFrame,
  type TranscriptMessage,
} from '../../src/handoff/handoff-protocol.js';
import { DeliveryQueue } from '../../src/handoff/delivery-queue.js';
import type { ContactRecordInput, MessageContent } from '../../src/handoff/message-content.js';
import { messageTextProblem } from '../../src/handoff/message-text.js';
import type { BackoffOptions } from '../../src/handoff/reconnect-backoff.js';
import { ReconnectingSocket, type SocketFactory } from '../../src/handoff/reconnecting-socket.js';
import { serviceUrl } from '../../src/handoff/service-url.js';
import { TypingSignal } from '../../src/handoff/typing-signal.js';

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
  /**
   * Whether the session still holds, asked after a connection attempt fails: the service
   * refuses a signed-out console before the WebSocket opens, which a browser reports only as
   * a failed connection. The console passes a `GET /navigator/session`.
   */
  sessionCheck?: () => Promise<'signed-in' | 'signed-out' | 'unknown'>;
}

/** What the connection reports: the service's frames (deduplicated) and its own status. */
export type NavigatorEvent =
  | Exclude<ServiceToNavigatorFrame, { type: 'pong' }>
  | { type: 'status'; status: 'connecting' | 'connected'; attempt: number }
  /** The service refused the connection for good: signed out or wrong origin. */
  | { type: 'status'; status: 'signed-out' | 'refused'; attempt: number };

interface ConversationLink {
  lastSeq: number;
  outbox: DeliveryQueue;
  /** Opened on the current socket, so its messages arrive live. */
  opened: boolean;
  /** Transcript pages are still coming: an `open` for the next one is on its way. */
  paging: boolean;
  ended: boolean;
  typing: TypingSignal;
}

/** What a browser reports for a socket that never opened (or died without a closing frame). */
const CLOSE_ABNORMAL = 1006;

/** One navigator's live link to the service. */
export class NavigatorConnection {
  private readonly socket: ReconnectingSocket;
  private readonly links = new Map<string, ConversationLink>();
  private connected = false;

  constructor(
    private readonly options: NavigatorConnectionOptions,
    private readonly listener: (event: NavigatorEvent) => void,
  ) {
    this.socket = new ReconnectingSocket({
      url: serviceUrl(options.serviceUrl, NAVIGATOR_SOCKET_PATH, 'ws'),
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
          link.paging = false;
          link.outbox.connectionLost();
        }
        if (willRetry) {
          this.listener({ type: 'status', status: 'connecting', attempt });
          if (code === CLOSE_ABNORMAL) this.checkSession(attempt);
        } else
          this.listener({
            type: 'status',
            status: code === CLOSE_CODES.notSignedIn ? 'signed-out' : 'refused',
            attempt,
          });
      },
      shouldReconnect: (code) => !FINAL_CLOSE_CODES.includes(code),
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
    for (const link of this.links.values()) link.outbox.stop();
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

  /** Saves the record of a contact. */
  saveRecord(conversationId: string, record: ContactRecordInput): boolean {
    return this.command({ type: 'save-record', conversationId, record });
  }

  /** Takes, completes or reschedules a follow-up. */
  followUp(
    frame: Extract<NavigatorFrame, { type: 'follow-up-take' | 'follow-up-done' | 'follow-up-reschedule' }>,
  ): boolean {
    return this.command(frame);
  }

  /** Marks a callback request as handled. */
  handleCallback(callbackId: number): boolean {
    return this.command({ type: 'callback-handled', callbackId });
  }

  /**
   * Queues a message; it is resent until acknowledged. Returns an error at once when the text
   * can never be sent (empty or too long), otherwise null.
   */
  send(conversationId: string, clientId: string, text: string, content?: MessageContent): HandoffError | null {
    const problem = messageTextProblem(text, clientId, MAX_MESSAGE_LENGTH);
    if (problem) return problem;
    const link = this.links.get(conversationId);
    if (!link) return { code: 'not-claimed', message: 'Claim this conversation from the queue first.', clientId };
    if (link.ended) return { code: 'conversation-ended', message: 'This conversation has ended.', clientId };
    link.outbox.add(clientId, text, content);
    return null;
  }

  /** Whether the navigator is typing in a conversation. Throttled. */
  typing(conversationId: string, typing: boolean): void {
    const link = this.links.get(conversationId);
    if (!link?.opened || link.ended) return;
    link.typing.update(typing, (value) => this.command({ type: 'typing', conversationId, typing: value }));
  }

  /** Messages still waiting for acknowledgement in a conversation. */
  pending(conversationId: string): number {
    return this.links.get(conversationId)?.outbox.pending.length ?? 0;
  }

  /** Ends an abusive conversation and blocks its source for a while. */
  reportAbuse(conversationId: string): boolean {
    return this.command({ type: 'report-abuse', conversationId });
  }

  private command(frame: NavigatorFrame): boolean {
    return this.socket.send(frame);
  }

  private checkSession(attempt: number): void {
    this.options.sessionCheck?.().then(
      (answer) => {
        if (answer !== 'signed-out') return;
        this.stop();
        this.listener({ type: 'status', status: 'signed-out', attempt });
      },
      () => {},
    );
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
          if (link.opened || link.paging) continue;
          link.opened = true;
          this.command({ type: 'open', conversationId: entry.id, after: link.lastSeq });
        }
        return;
      case 'conversation': {
        const link = this.link(frame.conversation.id);
        link.ended = frame.conversation.state === 'ended';
        const { more: _more, ...rest } = frame;
        this.listener({ ...rest, messages: [] });
        for (const message of frame.messages) this.receiveMessage(frame.conversation.id, link, message);
        if (frame.more) {
          // The transcript comes a page at a time; live messages follow the last page.
          link.opened = false;
          link.paging = true;
          this.command({ type: 'open', conversationId: frame.conversation.id, after: link.lastSeq });
          return;
        }
        link.paging = false;
        link.opened = true;
        link.outbox.flush();
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
    if (message.from === 'navigator' && link.outbox.has(message.clientId)) {
      // Ours, stored before the connection dropped: the acknowledgement was lost.
      this.acknowledged(conversationId, link, message.clientId, message.seq);
    }
    this.listener({ type: 'message', conversationId, message });
  }

  private acknowledged(conversationId: string, link: ConversationLink, clientId: string, seq: number): void {
    if (!link.outbox.acknowledge(clientId)) return;
    this.listener({ type: 'ack', conversationId, clientId, seq });
    link.outbox.flush();
  }

  private receiveError(error: Extract<ServiceToNavigatorFrame, { type: 'error' }>): void {
    const { conversationId, clientId } = error;
    const link = conversationId ? this.links.get(conversationId) : undefined;
    const refused =
      link &&
      clientId &&
      link.outbox.refuse(clientId, error.code === 'rate-limited' ? (error.retryAfterMs ?? 1000) : null);
    if (link && refused) {
      if (refused === 'dropped') this.listener(error);
      link.outbox.flush();
      return;
    }
    if (conversationId && error.code === 'not-claimed' && link) link.opened = false;
    this.listener(error);
  }

  private dropOutbox(conversationId: string, link: ConversationLink, code: 'conversation-ended' | 'not-claimed'): void {
    for (const entry of link.outbox.clear()) {
      this.listener({
        type: 'error',
        code,
        message: 'The message could not be delivered: the conversation is no longer yours.',
        conversationId,
        clientId: entry.clientId,
      });
    }
  }

  private link(conversationId: string): ConversationLink {
    let link = this.links.get(conversationId);
    if (!link) {
      const created: ConversationLink = {
        lastSeq: 0,
        opened: false,
        paging: false,
        ended: false,
        typing: new TypingSignal(this.options.typingIntervalMs ?? 3000),
        outbox: new DeliveryQueue({
          canSend: () => created.opened && this.connected,
          send: ({ clientId, text, content }) =>
            this.command({ type: 'send', conversationId, clientId, text, ...(content ? { content } : {}) }),
          onOverdue: () => this.socket.restart(),
          ...(this.options.ackTimeoutMs ? { ackTimeoutMs: this.options.ackTimeoutMs } : {}),
        }),
      };
      link = created;
      this.links.set(conversationId, link);
    }
    return link;
  }
}
