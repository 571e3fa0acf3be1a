/**
 * The hand-off transport for our own navigator service (`server/`): one WebSocket per
 * conversation, an outbox that resends until acknowledged, and sequence numbers that make
 * every navigator message arrive once. Browser-safe: no Node imports; Node callers pass
 * `createSocket`, `fetch` and `sendBeacon` where the globals are missing.
 */
import { createClientId } from './client-id.js';
import {
  AVAILABILITY_PATH,
  type AvailabilityResponse,
  END_PATH,
  FINAL_CLOSE_CODES,
  type HandoffSummary,
  MAX_MESSAGE_LENGTH,
  type ServiceToVisitorFrame,
  VISITOR_SOCKET_PATH,
  type VisitorFrame,
} from './handoff-protocol.js';
import type {
  CallbackRequestDetails,
  FollowUpRequestDetails,
  HandoffConnection,
  HandoffEvent,
  HandoffOpenRequest,
  HandoffResume,
  HandoffTransport,
} from './handoff-transport.js';
import type { MessageContent } from './message-content.js';
import { DeliveryQueue } from './delivery-queue.js';
import { messageTextProblem } from './message-text.js';
import type { BackoffOptions } from './reconnect-backoff.js';
import { ReconnectingSocket, type SocketFactory } from './reconnecting-socket.js';
import { serviceUrl } from './service-url.js';
import { TypingSignal } from './typing-signal.js';

/** Settings for {@link WebSocketTransport}. */
export interface WebSocketTransportOptions {
  /** The service's base URL, e.g. `https://navigator.example.org` (the widget's `navigator` attribute). */
  serviceUrl: string;
  createSocket?: SocketFactory;
  fetch?: typeof fetch;
  /** Defaults to `navigator.sendBeacon`. */
  sendBeacon?: (url: string, body: string) => boolean;
  backoff?: BackoffOptions;
  random?: () => number;
  heartbeatMs?: number;
  /** A message unacknowledged this long means the connection is dead: reconnect. */
  ackTimeoutMs?: number;
  /** Typing "still typing" is repeated at most this often. */
  typingIntervalMs?: number;
}

/** Talks to the navigator service in `navigator/service/`. */
export class WebSocketTransport implements HandoffTransport {
  constructor(private readonly options: WebSocketTransportOptions) {}

  /** Starts or resumes a conversation. */
  open(request: HandoffOpenRequest, listener: (event: HandoffEvent) => void): HandoffConnection {
    return new VisitorConnection(this.options, request, listener);
  }

  /** Asks the service whether a navigator can take a conversation now. */
  async availability(): Promise<AvailabilityResponse> {
    const fetchImpl = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const response = await fetchImpl(serviceUrl(this.options.serviceUrl, AVAILABILITY_PATH, 'http'), {
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`Navigator service answered ${response.status}`);
    return (await response.json()) as AvailabilityResponse;
  }

  /** Ends a stored conversation with a beacon, which survives the page being replaced. */
  endStored(resume: Pick<HandoffResume, 'conversationId' | 'secret'>): void {
    sendEndBeacon(this.options, resume);
  }
}

type Phase = 'connecting' | 'ready' | 'offline' | 'ended' | 'closed';

/** One visitor conversation over a reconnecting socket. */
class VisitorConnection implements HandoffConnection {
  private readonly socket: ReconnectingSocket;
  private phase: Phase = 'connecting';
  private credentials: { conversationId: string; secret: string } | null;
  private lastSeq: number;
  private readonly startId = createClientId();
  private readonly summary: HandoffSummary;
  private readonly outbox: DeliveryQueue;
  /** Client ids this page sent, to recognise its own messages replayed after a reconnect. */
  private readonly ownIds = new Set<string>();
  private callbacks: CallbackRequestDetails[] = [];
  private endRequested = false;
  private readonly typingSignal: TypingSignal;

  constructor(
    private readonly options: WebSocketTransportOptions,
    request: HandoffOpenRequest,
    private readonly listener: (event: HandoffEvent) => void,
  ) {
    this.summary = request.summary;
    this.credentials = request.resume
      ? { conversationId: request.resume.conversationId, secret: request.resume.secret }
      : null;
    this.lastSeq = request.resume?.lastSeq ?? 0;
    this.typingSignal = new TypingSignal(options.typingIntervalMs ?? 3000);
    this.outbox = new DeliveryQueue({
      canSend: () => this.phase === 'ready',
      send: ({ clientId, text, content }) =>
        this.socket.send({ type: 'send', clientId, text, ...(content ? { content } : {}) } satisfies VisitorFrame),
      onOverdue: () => this.socket.restart(),
      ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
    });
    for (const message of request.pending ?? []) {
      this.outbox.add(message.clientId, message.text, message.content);
      this.ownIds.add(message.clientId);
    }
    this.socket = new ReconnectingSocket({
      url: serviceUrl(options.serviceUrl, VISITOR_SOCKET_PATH, 'ws'),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      onOpen: () => this.handshake(),
      onFrame: (frame) => this.receive(frame as ServiceToVisitorFrame),
      onDown: ({ attempt, willRetry }) => {
        this.outbox.connectionLost();
        if (this.phase === 'ready') this.phase = 'connecting';
        if (willRetry && this.phase === 'connecting') this.emit({ type: 'connecting', attempt });
      },
      shouldReconnect: (code) => !FINAL_CLOSE_CODES.includes(code),
    });
    this.emit({ type: 'connecting', attempt: 0 });
    this.socket.start();
  }

  send(clientId: string, text: string, content?: MessageContent): void {
    if (this.phase === 'ended' || this.phase === 'closed') {
      this.emit({ type: 'error', code: 'conversation-ended', message: 'This conversation has ended.', clientId });
      return;
    }
    const problem = messageTextProblem(text, clientId, MAX_MESSAGE_LENGTH);
    if (problem) {
      this.emit({ type: 'error', ...problem });
      return;
    }
    this.ownIds.add(clientId);
    this.outbox.add(clientId, text, content);
  }

  requestFollowUp(request: FollowUpRequestDetails): void {
    if (this.phase !== 'ready' || !this.socket.send({ type: 'follow-up', ...request } satisfies VisitorFrame)) {
      this.emit({
        type: 'error',
        code: 'no-conversation',
        message: 'Not connected: ask for the follow-up again once the chat is back.',
        clientId: request.clientId,
      });
    }
  }

  typing(typing: boolean): void {
    if (this.phase !== 'ready' || !this.credentials) return;
    this.typingSignal.update(typing, (value) =>
      this.socket.send({ type: 'typing', typing: value } satisfies VisitorFrame),
    );
  }

  requestCallback(request: CallbackRequestDetails): void {
    if (this.callbacks.some((pending) => pending.clientId === request.clientId)) return;
    this.callbacks = [...this.callbacks, request];
    if (this.phase === 'offline') this.socket.start();
    this.sendCallback(request);
  }

  end(): void {
    if (this.phase === 'ended' || this.phase === 'closed') return;
    if (this.credentials) {
      this.socket.send({ type: 'end' } satisfies VisitorFrame);
      sendEndBeacon(this.options, this.credentials);
      this.finish({ type: 'ended', by: 'visitor' });
    } else if (this.phase === 'connecting') {
      // A start may be on its way: end the conversation as soon as we learn its id.
      this.endRequested = true;
      this.emit({ type: 'ended', by: 'visitor' });
    } else {
      this.finish({ type: 'ended', by: 'visitor' });
    }
  }

  close(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.outbox.stop();
    this.socket.stop();
  }

  private handshake(): void {
    if (this.credentials) {
      this.socket.send({ type: 'resume', ...this.credentials, after: this.lastSeq } satisfies VisitorFrame);
    } else if (this.phase === 'connecting') {
      this.socket.send({ type: 'start', startId: this.startId, summary: this.summary } satisfies VisitorFrame);
    }
    for (const request of this.callbacks) this.sendCallback(request);
  }

  private receive(frame: ServiceToVisitorFrame): void {
    switch (frame.type) {
      case 'started':
        this.credentials = { conversationId: frame.conversationId, secret: frame.secret };
        if (this.endRequested) {
          this.socket.send({ type: 'end' } satisfies VisitorFrame);
          sendEndBeacon(this.options, this.credentials);
          this.finish(null);
          return;
        }
        this.becomeReady(false);
        return;
      case 'resumed':
        this.becomeReady(true);
        return;
      case 'queued':
        this.emit({ type: 'queued', position: frame.position });
        return;
      case 'navigator-joined':
        this.emit({ type: 'navigator-joined', name: frame.name });
        return;
      case 'message':
        this.receiveMessage(frame.message);
        return;
      case 'typing':
        this.emit({ type: 'typing', typing: frame.typing });
        return;
      case 'ack':
        this.lastSeq = Math.max(this.lastSeq, frame.seq);
        this.acknowledged(frame.clientId, frame.seq);
        return;
      case 'ended':
        this.finish({ type: 'ended', by: frame.by });
        return;
      case 'offline':
        this.phase = 'offline';
        this.emit({ type: 'offline', reason: frame.reason });
        if (this.callbacks.length === 0) this.socket.stop();
        return;
      case 'follow-up-saved':
        this.emit({ type: 'follow-up-saved', clientId: frame.clientId, dueAt: frame.dueAt });
        return;
      case 'callback-saved':
        this.callbacks = this.callbacks.filter((request) => request.clientId !== frame.clientId);
        this.emit({ type: 'callback-requested', clientId: frame.clientId });
        if (this.phase === 'offline' && this.callbacks.length === 0) this.socket.stop();
        return;
      case 'error':
        this.receiveError(frame);
        return;
      case 'pong':
        return;
    }
  }

  private becomeReady(resumed: boolean): void {
    if (!this.credentials) return;
    this.phase = 'ready';
    this.typingSignal.reset();
    this.emit({ type: 'connected', ...this.credentials, resumed });
    this.outbox.flush();
  }

  private receiveMessage(message: Extract<ServiceToVisitorFrame, { type: 'message' }>['message']): void {
    if (message.seq <= this.lastSeq) return;
    this.lastSeq = message.seq;
    if (message.from === 'visitor' && this.ownIds.has(message.clientId)) {
      // Our own message, stored before a connection dropped: its acknowledgement was lost.
      this.acknowledged(message.clientId, message.seq);
      return;
    }
    if (message.from === 'navigator') this.emit({ type: 'typing', typing: false });
    this.emit({ type: 'message', ...message });
  }

  private acknowledged(clientId: string, seq: number): void {
    if (!this.outbox.acknowledge(clientId)) return;
    this.emit({ type: 'ack', clientId, seq });
    this.outbox.flush();
  }

  private receiveError(error: Extract<ServiceToVisitorFrame, { type: 'error' }>): void {
    const { type: _type, ...details } = error;
    const clientId = error.clientId;
    const refused =
      clientId && this.outbox.refuse(clientId, error.code === 'rate-limited' ? (error.retryAfterMs ?? 1000) : null);
    if (refused) {
      if (refused === 'dropped') this.emit({ type: 'error', ...details });
      this.outbox.flush();
      return;
    }
    if (clientId && this.callbacks.some((request) => request.clientId === clientId)) {
      if (error.code === 'rate-limited') {
        const request = this.callbacks.find((pending) => pending.clientId === clientId) as CallbackRequestDetails;
        setTimeout(() => this.sendCallback(request), error.retryAfterMs ?? 1000);
        return;
      }
      this.callbacks = this.callbacks.filter((request) => request.clientId !== clientId);
      this.emit({ type: 'error', ...details });
      return;
    }
    this.emit({ type: 'error', ...details });
    if (error.code === 'conversation-not-found') this.finish({ type: 'ended', by: 'service' });
    else if (error.code === 'invalid-summary' || error.code === 'origin-not-allowed') this.finish(null);
  }

  private sendCallback(request: CallbackRequestDetails): void {
    this.socket.send({
      type: 'request-callback',
      ...request,
      language: this.summary.language,
      summary: this.summary,
    } satisfies VisitorFrame);
  }

  /** Stops for good after the conversation ended; undelivered messages are reported. */
  private finish(event: HandoffEvent | null): void {
    if (this.phase === 'ended' || this.phase === 'closed') return;
    this.phase = 'ended';
    for (const entry of this.outbox.clear()) {
      this.emit({
        type: 'error',
        code: 'conversation-ended',
        message: 'The conversation ended before this message was delivered.',
        clientId: entry.clientId,
      });
    }
    this.socket.stop();
    if (event) this.emit(event);
  }

  private emit(event: HandoffEvent): void {
    if (this.phase === 'closed') return;
    this.listener(event);
  }
}

function sendEndBeacon(
  options: WebSocketTransportOptions,
  credentials: { conversationId: string; secret: string },
): void {
  const url = serviceUrl(options.serviceUrl, END_PATH, 'http');
  // text/plain keeps the beacon a "simple" request: no preflight, so it leaves even as the page goes.
  const body = JSON.stringify({ conversationId: credentials.conversationId, secret: credentials.secret });
  const beacon =
    options.sendBeacon ??
    (typeof navigator !== 'undefined' && typeof navigator.sendBeacon === 'function'
      ? (u: string, b: string) => navigator.sendBeacon(u, b)
      : undefined);
  if (beacon?.(url, body)) return;
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  fetchImpl?.(url, {
    method: 'POST',
    body,
    keepalive: true,
    credentials: 'omit',
    headers: { 'Content-Type': 'text/plain' },
  }).catch(() => {
    // Nothing more to do from a page that is going away; the conversation will be abandoned.
  });
}
