/**
 * Clients an attacker would write: raw WebSockets and HTTP requests from a chosen loopback
 * address (Linux routes all of 127.0.0.0/8 to the loopback interface, so `127.0.0.2` and
 * `127.0.0.3` are two "source addresses" of one machine), with every frame recorded. Not a
 * test file itself.
 */
import { request as httpRequest } from 'node:http';
import { WebSocket as NodeWebSocket } from 'ws';
import { createClientId } from '../../src/handoff/client-id.js';
import type { HandoffSummary } from '../../src/handoff/handoff-protocol.js';
import { DEMO_ORIGIN } from './navigator-test-clients.js';

/** A hand-off summary flagged as crisis, as a flood would send it. */
export const CRISIS_SUMMARY: HandoffSummary = {
  language: 'en',
  reason: 'crisis',
  needs: [{ words: 'a made-up crisis from a script', categories: ['mental-health'] }],
  urgent: true,
  crisis: true,
  crisisKinds: ['suicide'],
  servicesShown: [],
};

/** A real visitor with an urgent need (no crisis words). */
export const URGENT_SUMMARY: HandoffSummary = {
  language: 'en',
  reason: 'urgent-today',
  needs: [{ words: 'we are being evicted tonight', categories: ['housing'] }],
  urgent: true,
  crisis: false,
  crisisKinds: [],
  servicesShown: [],
};

/** A socket from one address: every frame it received, its close code, and a byte count. */
export interface RawSocket {
  socket: NodeWebSocket;
  frames: { type: string; [key: string]: unknown }[];
  bytes: number;
  /** Resolves with the close code. */
  closed: Promise<number>;
  send(frame: object | string): void;
  /** Waits (bounded) for a frame of this type after index `from`. */
  next(
    type: string,
    label?: string,
    timeoutMs?: number,
    from?: number,
  ): Promise<{ type: string; [key: string]: unknown }>;
}

/** What an upgrade attempt got: a socket, or the HTTP status it was refused with. */
export type Upgrade = { ok: true; client: RawSocket } | { ok: false; status: number };

/** Opens a WebSocket from `localAddress` and resolves once it is open or refused. */
export function rawSocket(
  url: string,
  options: { localAddress?: string; origin?: string | null; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Upgrade> {
  const { localAddress = '127.0.0.1', origin = DEMO_ORIGIN, headers = {}, timeoutMs = 5000 } = options;
  // A console script sends no Origin; a page always does.
  const socket = new NodeWebSocket(url, { localAddress, headers, ...(origin === null ? {} : { origin }) });
  const frames: RawSocket['frames'] = [];
  const client: RawSocket = {
    socket,
    frames,
    bytes: 0,
    closed: new Promise((resolve) => socket.on('close', (code) => resolve(code))),
    send: (frame) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next: (type, label = `a "${type}" frame`, wait = 5000, from = 0) =>
      waitUntil(() => frames.slice(from).find((frame) => frame.type === type), label, wait),
  };
  socket.on('message', (data) => {
    client.bytes += (data as Buffer).length;
    frames.push(JSON.parse(String(data)) as RawSocket['frames'][number]);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to the upgrade within ${timeoutMs} ms`)), timeoutMs);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve({ ok: true, client });
    });
    socket.once('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      resolve({ ok: false, status: response.statusCode ?? 0 });
      response.resume();
      socket.terminate();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** A start frame with a fresh random start id. */
export function startFrame(summary: HandoffSummary, startId = createClientId()): object {
  return { type: 'start', startId, summary };
}

/** Polls until `read` returns something, or fails naming what it waited for. */
export async function waitUntil<T>(read: () => T | undefined | false, label: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An HTTP request from a chosen address; resolves with status, body and elapsed time. */
export function httpCall(
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; localAddress?: string } = {},
): Promise<{ status: number; body: string; ms: number; headers: Record<string, string | string[] | undefined> }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(options.body
            ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(options.body) }
            : {}),
          ...options.headers,
        },
        localAddress: options.localAddress ?? '127.0.0.1',
        agent: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body,
            ms: performance.now() - started,
            headers: response.headers,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** Signs in from an address; resolves with the HTTP status and, on success, the bearer token. */
export async function signInFrom(
  serviceUrl: string,
  username: string,
  password: string,
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; token?: string; retryAfterMs?: number }> {
  const answer = await httpCall(`${serviceUrl}/navigator/sign-in`, {
    method: 'POST',
    body: JSON.stringify({ username, password, mode: 'token' }),
    ...options,
  });
  const body = JSON.parse(answer.body || '{}') as { token?: string; retryAfterMs?: number };
  return {
    status: answer.status,
    ...(body.token ? { token: body.token } : {}),
    ...(body.retryAfterMs !== undefined ? { retryAfterMs: body.retryAfterMs } : {}),
  };
}
