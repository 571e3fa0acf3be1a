/**
 * A WebSocket that comes back: after any drop it reconnects with backoff and jitter, and a
 * heartbeat notices a connection that died without closing (a phone changing networks).
 * Browser-safe; Node callers pass `createSocket` (for example the `ws` package).
 *
 * It knows nothing of conversations: the owner sends its handshake in `onOpen` and reads
 * frames in `onFrame`.
 */
import { type BackoffOptions, DEFAULT_BACKOFF, reconnectDelay } from './reconnect-backoff.js';

/** How to open a socket. The default is the browser's `WebSocket`. */
export type SocketFactory = (url: string) => WebSocket;

/** Settings for {@link ReconnectingSocket}. */
export interface ReconnectingSocketOptions {
  url: string;
  createSocket?: SocketFactory;
  backoff?: BackoffOptions;
  random?: () => number;
  /** A ping goes out this often; twice this long without any frame closes the socket. */
  heartbeatMs?: number;
  /** The socket is open: send the handshake. */
  onOpen(): void;
  /** A frame arrived (already parsed from JSON). */
  onFrame(frame: unknown): void;
  /** The socket closed; another attempt follows after `delayMs` unless `willRetry` is false. */
  onDown(info: { attempt: number; delayMs: number; code: number; willRetry: boolean }): void;
  /** Called with the close code: false stops reconnecting (the service refused us for good). */
  shouldReconnect?(code: number): boolean;
}

/** Default heartbeat: well under the idle timeouts of common proxies (60 s). */
export const DEFAULT_HEARTBEAT_MS = 20_000;

const OPEN = 1;

/** One logical connection made of as many sockets as it takes. */
export class ReconnectingSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private lastFrameAt = 0;
  private running = false;
  private readonly onOnline = () => this.reconnectNow();

  constructor(private readonly options: ReconnectingSocketOptions) {}

  /** True while a socket is open. */
  get isOpen(): boolean {
    return this.socket?.readyState === OPEN;
  }

  /** Connects (if not already running). */
  start(): void {
    if (this.running) return;
    this.running = true;
    globalThis.addEventListener?.('online', this.onOnline);
    this.connect();
  }

  /** Sends a frame if a socket is open; false otherwise (the owner resends after `onOpen`). */
  send(frame: object): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Drops the current socket and connects again at once (the connection looks dead). */
  restart(): void {
    if (!this.running || !this.socket) return;
    // Do not wait for a dead connection's close handshake: let go of it and start over.
    const socket = this.socket;
    detach(socket);
    this.socket = null;
    this.stopHeartbeat();
    socket.close(4000, 'Restart');
    this.scheduleRetry(4000);
  }

  /** Reconnects now if waiting between attempts (the browser is back online). */
  reconnectNow(): void {
    if (!this.running || !this.retryTimer) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  /** Closes for good. */
  stop(): void {
    this.running = false;
    globalThis.removeEventListener?.('online', this.onOnline);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopHeartbeat();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      detach(socket);
      socket.close(1000, 'Done');
    }
  }

  private connect(): void {
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url));
    let socket: WebSocket;
    try {
      socket = create(this.options.url);
    } catch {
      this.scheduleRetry(1006);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.lastFrameAt = Date.now();
      this.startHeartbeat();
      this.options.onOpen();
    };
    socket.onmessage = (event: MessageEvent) => {
      this.lastFrameAt = Date.now();
      if (typeof event.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      this.options.onFrame(frame);
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting happens there.
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      detach(socket);
      this.socket = null;
      this.stopHeartbeat();
      if (this.running) this.scheduleRetry(event.code);
    };
  }

  private scheduleRetry(code: number): void {
    const willRetry = this.options.shouldReconnect?.(code) ?? true;
    const delayMs = willRetry
      ? reconnectDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random)
      : 0;
    const attempt = ++this.attempt;
    if (!willRetry) this.running = false;
    this.options.onDown({ attempt, delayMs, code, willRetry });
    if (!willRetry || !this.running) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.connect();
    }, delayMs);
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    const interval = this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.heartbeatTimer = setInterval(() => {
      if (Date.now() - this.lastFrameAt > 2 * interval) {
        this.restart();
        return;
      }
      this.send({ type: 'ping' });
    }, interval);
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }
}

function detach(socket: WebSocket): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  // Some implementations (Node's `ws`) throw on an error event nobody listens to.
  socket.onerror = () => {};
}
