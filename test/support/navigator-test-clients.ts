/**
 * Real clients for the navigator service tests: the widget's WebSocket transport and the
 * console's navigator connection, running in Node over the `ws` package, plus an event log
 * to wait on. Not a test file itself.
 */
import { WebSocket as NodeWebSocket } from 'ws';
import type { HandoffSummary } from '../../src/handoff/handoff-protocol.js';
import type { HandoffEvent } from '../../src/handoff/handoff-transport.js';
import { WebSocketTransport, type WebSocketTransportOptions } from '../../src/handoff/websocket-transport.js';
import { NavigatorConnection, type NavigatorEvent } from '../../navigator/console/navigator-connection.js';

/** The page origin the tests pretend to be (allowed by default). */
export const DEMO_ORIGIN = 'http://localhost:8080';

/** Backoff short enough for tests, still with jitter. */
export const FAST_BACKOFF = { initialMs: 50, maxMs: 400 };

/** A Spanish-speaking visitor who asked for a person about an eviction. */
export const SPANISH_SUMMARY: HandoffSummary = {
  language: 'es',
  reason: 'asked',
  needs: [{ words: 'me van a desalojar y no sé qué hacer', categories: ['housing'] }],
  area: 'Windsor',
  forWhom: 'child',
  urgent: false,
  crisis: false,
  crisisKinds: [],
  servicesShown: [{ id: 'svc-42', name: 'Clínica legal comunitaria' }],
};

/** Everything the clients below opened, so a test file can close what a failed test left open. */
const opened = new Set<{ close(): void } | { stop(): void }>();

/** Closes every client the tests opened (call in `after`). */
export function closeAllClients(): void {
  for (const client of opened) {
    if ('close' in client) client.close();
    else client.stop();
  }
  opened.clear();
}

/** Decides whether the "network" loses an incoming frame. */
export type FrameFilter = (data: string) => boolean;

/**
 * A `ws` socket that loses the incoming frames `lose` picks, as a flaky network would (the
 * service sent them; the client never sees them).
 */
function lossySocket(socket: NodeWebSocket, lose: FrameFilter | undefined): WebSocket {
  if (lose) {
    const property = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(socket), 'onmessage');
    Object.defineProperty(socket, 'onmessage', {
      configurable: true,
      get: () => property?.get?.call(socket),
      set: (handler: ((event: { data: unknown }) => void) | null) => {
        property?.set?.call(
          socket,
          handler &&
            ((event: { data: unknown }) => {
              if (!lose(String(event.data))) handler(event);
            }),
        );
      },
    });
  }
  return socket as unknown as WebSocket;
}

/** The widget's transport, as a browser on `origin` would open it. */
export function visitorTransport(
  serviceUrl: string,
  options: Partial<WebSocketTransportOptions> & { origin?: string; lose?: FrameFilter } = {},
) {
  const { origin = DEMO_ORIGIN, lose, ...rest } = options;
  const transport = new WebSocketTransport({
    serviceUrl,
    createSocket: (url) => lossySocket(new NodeWebSocket(url, { origin }), lose),
    backoff: FAST_BACKOFF,
    ...rest,
  });
  const open = transport.open.bind(transport);
  transport.open = (request, listener) => {
    const connection = open(request, listener);
    opened.add(connection);
    return connection;
  };
  return transport;
}

/** Signs a navigator in with a bearer token. */
export async function signIn(serviceUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${serviceUrl}/navigator/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password, mode: 'token' }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The console's connection, with a bearer token instead of the cookie. */
export function navigatorConnection(
  serviceUrl: string,
  token: string,
  listener: (event: NavigatorEvent) => void,
  options: { ackTimeoutMs?: number; lose?: FrameFilter } = {},
): NavigatorConnection {
  const { lose, ...rest } = options;
  const connection = new NavigatorConnection(
    {
      serviceUrl,
      createSocket: (url) =>
        lossySocket(new NodeWebSocket(url, { headers: { Authorization: `Bearer ${token}` } }), lose),
      backoff: FAST_BACKOFF,
      ...rest,
    },
    listener,
  );
  opened.add(connection);
  return connection;
}

/** Collects events and waits for the one a test expects. */
export class EventLog<T extends { type: string }> {
  readonly events: T[] = [];
  private waiters: { test: (event: T) => boolean; resolve: (event: T) => void }[] = [];

  /** The listener to hand to a client. */
  readonly push = (event: T): void => {
    this.events.push(event);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.test(event)) return true;
      waiter.resolve(event);
      return false;
    });
  };

  /** Resolves with the first event (already seen or future) that passes `test`. */
  waitFor<U extends T>(test: (event: T) => event is U, label: string, timeoutMs?: number): Promise<U>;
  waitFor(test: (event: T) => boolean, label: string, timeoutMs?: number): Promise<T>;
  waitFor(test: (event: T) => boolean, label: string, timeoutMs = 5000): Promise<T> {
    const seen = this.events.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`Timed out waiting for ${label}; saw: ${this.events.map((e) => e.type).join(', ')}`));
      }, timeoutMs);
      this.waiters.push({
        test,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  }

  /** Events of one type. */
  ofType<K extends T['type']>(type: K): Extract<T, { type: K }>[] {
    return this.events.filter((event): event is Extract<T, { type: K }> => event.type === type);
  }
}

/** Visitor events. */
export type VisitorLog = EventLog<HandoffEvent>;
/** Navigator events. */
export type NavigatorLog = EventLog<NavigatorEvent>;

/** Waits for a condition to hold, polling. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  label: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
