/**
 * The navigator service: one HTTP server with two WebSocket endpoints (visitors, navigators),
 * a few JSON endpoints (availability, the quick-exit beacon, sign-in) and, optionally, static
 * files for the console. The protocol is described in `src/handoff/handoff-protocol.ts` and
 * `docs/navigator-service.md`.
 */
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import {
  CLOSE_CODES,
  AVAILABILITY_PATH,
  type AvailabilityResponse,
  END_PATH,
  type HandoffError,
  NAVIGATOR_SOCKET_PATH,
  SESSION_PATH,
  SIGN_IN_PATH,
  SIGN_OUT_PATH,
  type SignInResponse,
  VISITOR_SOCKET_PATH,
} from '../../src/handoff/handoff-protocol.js';
import { addressKey, clientAddress } from './client-address.js';
import { DEFAULT_CONFIG, type NavigatorServiceConfig } from './config.js';
import { ConversationHub, type Peer } from './conversation-hub.js';
import { HashingSlots } from './hashing-slots.js';
import {
  decoyPasswordHash,
  hashPassword,
  needsRehash,
  passwordProblem,
  randomToken,
  tokenHash,
  usernameProblem,
  verifyPassword,
} from './navigator-accounts.js';
import { NeedsCounting } from './needs-service.js';
import { NeedsStore } from './needs-store.js';
import { clearedSessionCookie, sessionCookie, sessionToken } from './session-cookie.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { serveStatic } from './static-files.js';
import { type StaffRole, StaffRoles } from './staff-roles.js';
import { type NavigatorAccount, NavigatorStore } from './store.js';

/** A running service. */
export interface NavigatorService {
  /** Base URL, e.g. `http://127.0.0.1:8081`; WebSocket URLs use the same host with `ws:`. */
  url: string;
  port: number;
  /**
   * Creates or updates a navigator account (what `npm run navigator -- add-navigator` does). A
   * new password ends the navigator's sessions and closes their open consoles.
   */
  addNavigator(username: string, name: string, password: string): Promise<'added' | 'updated'>;
  /** Deletes a navigator account, ends their sessions, and returns their conversations to the queue. */
  removeNavigator(username: string): boolean;
  /** Open connections and waiting conversations, for logs and the benchmark. */
  counts(): { visitors: number; navigators: number; waiting: number };
  /** Needs counting: merge contact records in with `needs.countContact`. */
  needs: NeedsCounting;
  /** Gives an account a role: an analyst sees the needs dashboard, never a conversation. */
  setRole(username: string, role: StaffRole): void;
  /** Runs retention and abandonment now (it also runs every minute). */
  sweep(): void;
  /** Stops accepting connections, closes the open ones and the database. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024;
const SWEEP_INTERVAL_MS = 60_000;
/** How often sessions are rechecked and idle visitor sockets closed. */
const LIVENESS_INTERVAL_MS = 1000;

/**
 * Starts the service. Missing settings take the defaults of `config.ts`; `port: 0` picks a
 * free port and `dataDir: ':memory:'` keeps nothing on disk.
 */
export async function startNavigatorService(settings: Partial<NavigatorServiceConfig> = {}): Promise<NavigatorService> {
  const config: NavigatorServiceConfig = { ...DEFAULT_CONFIG, ...settings };
  const store = new NavigatorStore(config.dataDir, { synchronous: config.synchronous });
  const needs = new NeedsCounting(new NeedsStore(store.database), config.needs, config.hours.timeZone);
  // A navigator's contact record joins the needs counts (a corrected record counts once). The
  // hand-off summary names no region code, so contacts are counted by language only.
  const hub = new ConversationHub(store, config, Date.now, logError, (record, previous, language) =>
    needs.countContact(record, { language }, previous),
  );
  const roles = new StaffRoles(store.database);
  const throttle = new SignInThrottle();
  const hashing = new HashingSlots(config.hashConcurrency, config.hashQueue);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes });
  const alive = new WeakSet<WebSocket>();
  /** Set by close(): sockets closing afterwards must not touch the closed database. */
  let stopped = false;
  /** Every TCP connection, upgraded or not, so close() leaves none behind. */
  const connections = new Set<Socket>();

  const server = createServer(
    {
      // A slow client gets seconds, not minutes, to send its headers and body; the default
      // check runs only every 30 s.
      headersTimeout: config.limits.headersTimeoutMs,
      requestTimeout: config.limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, config.limits.headersTimeoutMs),
    },
    (request, response) => {
      if (stopped) return void response.destroy();
      handleHttp(request, response).catch((error: unknown) => {
        logError('HTTP request failed', error);
        if (!response.headersSent) sendJson(response, 500, { code: 'server-error', message: 'Something went wrong.' });
        else response.destroy();
      });
    },
  );

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const path = new URL(request.url ?? '/', 'http://service').pathname;
    if (await needs.handle(path, request, response, needsHttp)) return;
    if (path.startsWith('/handoff/')) {
      const origin = request.headers.origin;
      if (origin && !visitorOriginAllowed(request)) {
        return sendJson(response, 403, originError(origin));
      }
      if (origin) {
        response.setHeader('Access-Control-Allow-Origin', origin);
        response.setHeader('Vary', 'Origin');
      }
      if (request.method === 'OPTIONS') {
        response.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Max-Age': '600' });
        return void response.end();
      }
      if (path === AVAILABILITY_PATH && request.method === 'GET') return sendJson(response, 200, availability());
      if (path === END_PATH && request.method === 'POST') return endByBeacon(request, response);
      return sendJson(response, 404, { code: 'not-found', message: 'No such endpoint.' });
    }
    if (path.startsWith('/navigator/')) {
      if (request.headers.origin && !consoleOriginAllowed(request)) {
        return sendJson(response, 403, originError(request.headers.origin));
      }
      if (path === SIGN_IN_PATH && request.method === 'POST') return signIn(request, response);
      if (path === SIGN_OUT_PATH && request.method === 'POST') return signOut(request, response);
      if (path === SESSION_PATH && request.method === 'GET') {
        const navigator = sessionNavigator(request);
        if (!navigator) return sendJson(response, 401, notSignedIn());
        return sendJson(response, 200, {
          username: navigator.username,
          name: navigator.name,
          role: roles.roleOf(navigator.id),
        } satisfies SignInResponse);
      }
      return sendJson(response, 404, { code: 'not-found', message: 'No such endpoint.' });
    }
    // Counts tell an outsider when nobody is watching the queue: only navigators see them.
    if (path === '/health' && request.method === 'GET')
      return sendJson(
        response,
        200,
        sessionNavigator(request) ? { ok: true, ...hub.connectionCounts() } : { ok: true },
      );
    if (path === '/' && request.method === 'GET' && config.staticRoutes.length > 0) {
      response.writeHead(302, { Location: '/navigator.html' });
      return void response.end();
    }
    if (serveStatic(config.staticRoutes, request, response)) return;
    sendJson(response, 404, { code: 'not-found', message: 'Not found.' });
  }

  const needsHttp = {
    readJson,
    sendJson,
    visitorOriginAllowed,
    consoleOriginAllowed,
    // An IPv6 /64 counts as one address, as for admission control.
    clientAddress: (request: IncomingMessage) => addressKey(clientAddress(request, config.trustProxy)),
    signedIn: (request: IncomingMessage) => sessionNavigator(request) !== undefined,
  };

  function availability(): AvailabilityResponse {
    const now = hub.availability();
    return {
      open: now.open,
      ...(now.open ? {} : { reason: now.reason }),
      hours: { timeZone: config.hours.timeZone, description: config.hours.description },
    };
  }

  async function endByBeacon(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readJson(request);
    const { conversationId, secret } = (body ?? {}) as { conversationId?: unknown; secret?: unknown };
    if (typeof conversationId !== 'string' || typeof secret !== 'string') {
      return sendJson(response, 400, { code: 'invalid-frame', message: 'Send {"conversationId", "secret"}.' });
    }
    if (!hub.endWithSecret(conversationId, secret)) {
      return sendJson(response, 404, {
        code: 'conversation-not-found',
        message: 'No conversation matches this id and secret.',
      });
    }
    response.writeHead(204);
    response.end();
  }

  async function signIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = (await readJson(request)) as { username?: unknown; password?: unknown; mode?: unknown } | undefined;
    if (!body || typeof body.username !== 'string' || typeof body.password !== 'string') {
      return sendJson(response, 400, { code: 'invalid-frame', message: 'Send {"username", "password"}.' });
    }
    const username = body.username.trim().toLowerCase();
    const keys = { address: addressKey(clientAddress(request, config.trustProxy)), username };
    // Checked and counted in one step, before the password is hashed: parallel attempts see
    // each other.
    const wait = throttle.begin(keys);
    if (wait > 0) {
      response.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      return sendJson(response, 429, {
        code: 'rate-limited',
        message: `Too many failed sign-ins; try again in ${Math.ceil(wait / 1000)} seconds.`,
        retryAfterMs: wait,
      });
    }
    const account = store.findNavigator(username);
    const password = body.password;
    const valid = await hashing.run(() =>
      verifyPassword(password, account?.passwordHash ?? decoyPasswordHash(config.passwordCost)),
    );
    if (valid === undefined) {
      throttle.cancel(keys);
      response.setHeader('Retry-After', '2');
      return sendJson(response, 503, {
        code: 'rate-limited',
        message: 'Many sign-ins at once; try again in a moment.',
        retryAfterMs: 2000,
      });
    }
    if (!account || !valid) {
      return sendJson(response, 401, { code: 'invalid-credentials', message: 'Wrong username or password.' });
    }
    throttle.succeed(keys);
    if (needsRehash(account.passwordHash, config.passwordCost)) upgradeHash(account.id, password);
    const token = randomToken(32);
    const maxAge = config.sessionHours * 3600;
    store.createSession(tokenHash(token), account.id, Date.now() + maxAge * 1000);
    const answer: SignInResponse = { username: account.username, name: account.name, role: roles.roleOf(account.id) };
    if (body.mode === 'token') return sendJson(response, 200, { ...answer, token });
    response.setHeader('Set-Cookie', sessionCookie(token, maxAge, config.secureCookies));
    sendJson(response, 200, answer);
  }

  /** Rehashes a password at the current cost after a sign-in, in a hashing slot, off the answer's path. */
  function upgradeHash(navigatorId: number, password: string): void {
    hashing
      .run(() => hashPassword(password, config.passwordCost))
      .then((hash) => {
        if (hash && !stopped) store.upgradePasswordHash(navigatorId, hash);
      })
      .catch((error: unknown) => logError('Upgrading a password hash failed', error));
  }

  /** Signs the navigator out everywhere: every session, every open console. */
  async function signOut(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const navigator = sessionNavigator(request);
    if (navigator) {
      store.deleteNavigatorSessions(navigator.id);
      hub.checkSessions();
    }
    response.setHeader('Set-Cookie', clearedSessionCookie(config.secureCookies));
    response.writeHead(204);
    response.end();
  }

  function sessionNavigator(request: IncomingMessage) {
    const token = sessionToken(request.headers);
    return token ? store.sessionNavigator(tokenHash(token), Date.now()) : undefined;
  }

  function visitorOriginAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return !origin || config.allowedOrigins.includes(origin) || sameHost(request);
  }

  function consoleOriginAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return !origin || config.consoleOrigins.includes(origin) || sameHost(request);
  }

  // ----- WebSockets -----

  /**
   * Every refusal happens here, before the handshake completes: a client that may not connect
   * never gets a WebSocket (no 101), only an HTTP status.
   */
  server.on('upgrade', (request, socket: Socket, head) => {
    if (stopped) return void socket.destroy();
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', 'http://service').pathname;
    if (path === VISITOR_SOCKET_PATH) {
      if (!visitorOriginAllowed(request)) return refuseUpgrade(socket, 403, originError(request.headers.origin ?? ''));
      const address = addressKey(clientAddress(request, config.trustProxy));
      if (hub.admission.blockedFor(address) > 0) {
        return refuseUpgrade(socket, 403, { code: 'origin-not-allowed', message: 'Blocked for a while.' });
      }
      if (!hub.admission.openSocket(address)) {
        return refuseUpgrade(socket, 429, { code: 'rate-limited', message: 'Too many connections.' });
      }
      let released = false;
      const release = () => {
        if (!released) hub.admission.closeSocket(address);
        released = true;
      };
      socket.once('close', release);
      sockets.handleUpgrade(request, socket, head, (ws) => {
        watch(ws);
        acceptVisitor(ws, address);
      });
      return;
    }
    if (path === NAVIGATOR_SOCKET_PATH) {
      if (!consoleOriginAllowed(request)) return refuseUpgrade(socket, 403, originError(request.headers.origin ?? ''));
      const token = sessionToken(request.headers);
      const navigator = token ? store.sessionNavigator(tokenHash(token), Date.now()) : undefined;
      // An analyst sees the needs dashboard and never a conversation.
      if (!token || !navigator || roles.roleOf(navigator.id) !== 'navigator') {
        return refuseUpgrade(socket, 401, notSignedIn());
      }
      if (hub.navigatorSockets(navigator.id) >= config.limits.socketsPerNavigator) {
        return refuseUpgrade(socket, 429, { code: 'rate-limited', message: 'Too many open consoles.' });
      }
      sockets.handleUpgrade(request, socket, head, (ws) => {
        watch(ws);
        acceptNavigator(ws, navigator, tokenHash(token));
      });
      return;
    }
    refuseUpgrade(socket, 404, { code: 'invalid-frame', message: 'No such endpoint.' });
  });

  function watch(ws: WebSocket): void {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('error', () => ws.terminate());
  }

  function acceptVisitor(ws: WebSocket, address: string): void {
    const connection = hub.connectVisitor(peerFor(ws), address);
    ws.on('message', (data, isBinary) => {
      if (!stopped) guarded(ws, () => hub.visitorFrame(connection, frameText(data, isBinary)));
    });
    ws.on('close', () => {
      if (!stopped) hub.disconnectVisitor(connection);
    });
  }

  function acceptNavigator(ws: WebSocket, navigator: NavigatorAccount, sessionHash: string): void {
    const connection = hub.connectNavigator(peerFor(ws), navigator, sessionHash);
    ws.on('message', (data, isBinary) => {
      if (!stopped) guarded(ws, () => hub.navigatorFrame(connection, frameText(data, isBinary)));
    });
    ws.on('close', () => {
      if (!stopped) hub.disconnectNavigator(connection);
    });
  }

  function peerFor(ws: WebSocket): Peer {
    return {
      send(data) {
        if (ws.readyState !== WebSocket.OPEN) return;
        // A client that stops reading is dropped; it catches up by sequence number on reconnect.
        if (ws.bufferedAmount > config.limits.bufferedBytes) return ws.terminate();
        ws.send(data);
      },
      close(code, reason) {
        if (ws.readyState !== WebSocket.OPEN) return;
        ws.close(code, reason);
        // A client that does not answer the closing handshake is cut off shortly after.
        setTimeout(() => ws.terminate(), 2000).unref();
      },
    };
  }

  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, config.heartbeatMs);
  heartbeat.unref();

  const sweeper = setInterval(sweep, SWEEP_INTERVAL_MS);
  sweeper.unref();
  sweep();

  const liveness = setInterval(() => {
    if (stopped) return;
    try {
      hub.checkSessions();
      hub.closeIdleVisitors();
    } catch (error) {
      logError('Liveness check failed', error);
    }
  }, LIVENESS_INTERVAL_MS);
  liveness.unref();

  function sweep(): void {
    try {
      hub.sweep();
      needs.sweep();
    } catch (error) {
      logError('Retention sweep failed', error);
    }
  }

  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? '127.0.0.1' : config.host;

  return {
    url: `http://${host}:${port}`,
    port,
    async addNavigator(username, name, password) {
      const problem = usernameProblem(username) ?? passwordProblem(password);
      if (problem) throw new Error(problem);
      const result = store.saveNavigator(username, name, await hashPassword(password, config.passwordCost), Date.now());
      hub.checkSessions();
      return result;
    },
    removeNavigator(username) {
      const removed = store.removeNavigator(username, Date.now());
      hub.checkSessions();
      return removed;
    },
    counts: () => hub.connectionCounts(),
    needs,
    setRole(username, role) {
      const account = store.findNavigator(username);
      if (!account) throw new Error(`No account "${username}".`);
      roles.setRole(account.id, role);
    },
    sweep,
    async close() {
      if (stopped) return;
      stopped = true;
      clearInterval(heartbeat);
      clearInterval(sweeper);
      clearInterval(liveness);
      hub.close();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of connections) socket.destroy();
      });
      store.close();
    },
  };
}

/** Runs a frame handler; if the store fails, the client is disconnected so it resends later. */
function guarded(ws: WebSocket, handle: () => void): void {
  try {
    handle();
  } catch (error) {
    logError('Frame failed', error);
    ws.close(CLOSE_CODES.serverError, 'Server error');
  }
}

function frameText(data: RawData, isBinary: boolean): string {
  if (isBinary) return '';
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/** Answers an upgrade request with an HTTP error instead of a WebSocket. */
function refuseUpgrade(socket: Socket, status: number, error: HandoffError): void {
  const body = JSON.stringify({ type: 'error', ...error });
  // A client that keeps its end open after the refusal is cut off shortly after.
  setTimeout(() => socket.destroy(), 1000).unref();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** True when the Origin header names this very host (the console served by the service). */
function sameHost(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin || !request.headers.host) return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function originError(origin: string): HandoffError {
  return {
    code: 'origin-not-allowed',
    message: `Pages from ${origin} may not use this navigator service. Add the origin to NAVIGATOR_ALLOWED_ORIGINS.`,
  };
}

function notSignedIn(): HandoffError {
  return { code: 'not-signed-in', message: 'Sign in first; the session may have expired.' };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** The request's JSON body, or undefined when it is too big, not JSON, or never arrives whole. */
async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return undefined;
      chunks.push(chunk as Buffer);
    }
  } catch {
    // Aborted by the client, or cut off by the request timeout.
    return undefined;
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function logError(context: string, error: unknown): void {
  process.stderr.write(
    `[navigator-service] ${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
}
