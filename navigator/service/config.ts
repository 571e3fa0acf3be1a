/**
 * The navigator service's configuration: defaults that run the demo on a laptop, each one
 * overridable by an environment variable (documented in `docs/navigator-service.md`).
 */
import { availableParallelism } from 'node:os';
import { ALWAYS_OPEN_SPEC, type OperatingHours, parseOperatingHours } from './operating-hours.js';
import type { RateLimit } from './rate-limiter.js';

/** A folder of static files served under a URL prefix (for example the console page and its bundle). */
export interface StaticRoute {
  /** Starts and ends with `/`, e.g. `/` or `/dist/`. */
  urlPrefix: string;
  /** Absolute folder path. */
  dir: string;
  /** When given, only these files (paths relative to `dir`, with `/`) are served from it. */
  files?: string[];
}

/** Everything `startNavigatorService` needs. */
export interface NavigatorServiceConfig {
  /** Interface to listen on. Behind a reverse proxy keep the default loopback address. */
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Folder for the SQLite file, created on demand; `:memory:` keeps everything in memory (tests). */
  dataDir: string;
  /**
   * Origins whose pages may open visitor connections (the sites that embed the widget).
   * The service's own origin (same host) is always allowed.
   */
  allowedOrigins: string[];
  /** Extra origins allowed to use navigator endpoints, besides the service's own host. */
  consoleOrigins: string[];
  hours: OperatingHours;
  /** Conversations and callback requests are deleted this many days after their last activity. */
  retentionDays: number;
  /** A waiting conversation whose visitor has been gone this long is ended (they left the page). */
  abandonAfterMinutes: number;
  /** How long a navigator stays signed in. */
  sessionHours: number;
  /** Set the cookie's `Secure` flag; turn on when the console is served over HTTPS. */
  secureCookies: boolean;
  /**
   * How many reverse proxies of your own append to `X-Forwarded-For` (0: none, use the socket's
   * address). The client address is the hop the outermost of them appended, counted from the
   * right; anything to its left was written by the client and is ignored.
   */
  trustProxy: number;
  /** Longest chat message, in characters. */
  maxMessageLength: number;
  /** Largest WebSocket frame accepted, in bytes; bigger frames close the connection. */
  maxFrameBytes: number;
  /** Frames per connection: a burst of `capacity`, refilled at `perSecond`. */
  visitorRate: RateLimit;
  navigatorRate: RateLimit;
  /** Interval between liveness pings; a connection that misses one is closed. */
  heartbeatMs: number;
  /** How long queue changes are gathered before waiting visitors and consoles are told. */
  queueUpdateDelayMs: number;
  /**
   * SQLite `synchronous` in WAL mode. `normal` survives a killed service process (a stored
   * message is in the operating system's hands); `full` also survives power loss, slower.
   */
  synchronous: 'normal' | 'full';
  /** Static folders served by the same process, e.g. the console. Empty serves nothing. */
  staticRoutes: StaticRoute[];
  /** Admission control: what one source address, and everyone together, may hold at once. */
  limits: AdmissionLimits;
  /** scrypt cost as log2(N) for new password hashes; older hashes are upgraded at sign-in. */
  passwordCost: number;
  /** Password hashes computed at once; further sign-ins wait in line (scrypt is memory-hard). */
  hashConcurrency: number;
  /** Sign-ins allowed to wait for a hashing slot; beyond this the service answers 503. */
  hashQueue: number;
}

/** Caps that keep one source address (or a flood from many) from filling the service. */
export interface AdmissionLimits {
  /** Open visitor sockets per source address (an IPv6 /64 counts as one address). */
  socketsPerAddress: number;
  /** Open navigator sockets per signed-in navigator. */
  socketsPerNavigator: number;
  /** Open sockets of all kinds together. */
  sockets: number;
  /** New conversations per source address: a burst, then a steady rate. */
  startsPerAddress: RateLimit;
  /** Waiting or active conversations started from one source address at a time. */
  conversationsPerAddress: number;
  /** Waiting conversations in all; further starts are told nobody can take them. */
  waiting: number;
  /** Callback requests per source address: a burst, then a steady rate. */
  callbacksPerAddress: RateLimit;
  /** Open (not yet called) callback requests in all. */
  callbacks: number;
  /** Invalid frames a connection may send before it is closed. */
  invalidFrames: number;
  /** Frames refused in a row for the rate limit before the connection is closed. */
  refusedFrames: number;
  /** A visitor socket that sends nothing (the widget pings every 20 s) for this long is closed. */
  visitorIdleMs: number;
  /** Messages one conversation may hold, both sides together. */
  messagesPerConversation: number;
  /** Messages per transcript page sent to a console. */
  transcriptPage: number;
  /** Unread bytes queued for one socket before it is dropped (it catches up on reconnect). */
  bufferedBytes: number;
  /** How long a repeated `start` (its answer was lost) may return the same conversation. */
  startReplayMs: number;
  /** How long "mark as abuse" blocks the conversation's source address from new starts. */
  abuseBlockMinutes: number;
  /** Time allowed for a request's headers, and for the whole request with its body. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

/** The demo's page server (`npm start`, `scripts/start.ts`, port 8080). */
export const DEMO_ORIGINS = ['http://localhost:8080', 'http://127.0.0.1:8080'];

/** Defaults: the demo on a laptop, open around the clock, data in `./data/navigator`. */
export const DEFAULT_CONFIG: NavigatorServiceConfig = {
  host: '127.0.0.1',
  port: 8081,
  dataDir: 'data/navigator',
  allowedOrigins: DEMO_ORIGINS,
  consoleOrigins: [],
  hours: parseOperatingHours(ALWAYS_OPEN_SPEC, 'America/Toronto'),
  retentionDays: 30,
  abandonAfterMinutes: 10,
  sessionHours: 12,
  secureCookies: true,
  trustProxy: 0,
  maxMessageLength: 2000,
  maxFrameBytes: 128 * 1024,
  visitorRate: { capacity: 20, perSecond: 2 },
  navigatorRate: { capacity: 60, perSecond: 10 },
  heartbeatMs: 30_000,
  queueUpdateDelayMs: 200,
  synchronous: 'normal',
  staticRoutes: [],
  limits: {
    socketsPerAddress: 20,
    socketsPerNavigator: 8,
    sockets: 5000,
    startsPerAddress: { capacity: 5, perSecond: 1 / 60 },
    conversationsPerAddress: 3,
    waiting: 200,
    callbacksPerAddress: { capacity: 3, perSecond: 1 / 600 },
    callbacks: 300,
    invalidFrames: 5,
    refusedFrames: 40,
    visitorIdleMs: 3 * 60_000,
    messagesPerConversation: 500,
    transcriptPage: 100,
    bufferedBytes: 1024 * 1024,
    startReplayMs: 2 * 60_000,
    abuseBlockMinutes: 24 * 60,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 15_000,
  },
  passwordCost: 17,
  // Half the cores at most, so hashing never starves the event loop (one on a 2-core machine).
  hashConcurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
  hashQueue: 20,
};

/**
 * Reads `NAVIGATOR_*` environment variables over the defaults (`PORT` is the demo's). Throws an Error
 * naming the variable when a value cannot be used, so a misconfigured service does not start.
 */
export function configFromEnv(
  env: NodeJS.ProcessEnv,
  base: NavigatorServiceConfig = DEFAULT_CONFIG,
): NavigatorServiceConfig {
  const timeZone = env.NAVIGATOR_TIME_ZONE ?? base.hours.timeZone;
  const hoursSpec = env.NAVIGATOR_HOURS ?? base.hours.description;
  const closedDates =
    env.NAVIGATOR_CLOSED_DATES !== undefined ? list(env.NAVIGATOR_CLOSED_DATES) : base.hours.closedDates;
  const limits = base.limits;
  return {
    ...base,
    host: env.NAVIGATOR_HOST ?? base.host,
    port: integer(env, 'NAVIGATOR_PORT', base.port, 0),
    dataDir: env.NAVIGATOR_DATA ?? base.dataDir,
    allowedOrigins:
      env.NAVIGATOR_ALLOWED_ORIGINS !== undefined
        ? origins(env.NAVIGATOR_ALLOWED_ORIGINS, 'NAVIGATOR_ALLOWED_ORIGINS')
        : base.allowedOrigins,
    consoleOrigins:
      env.NAVIGATOR_CONSOLE_ORIGINS !== undefined
        ? origins(env.NAVIGATOR_CONSOLE_ORIGINS, 'NAVIGATOR_CONSOLE_ORIGINS')
        : base.consoleOrigins,
    hours: parseOperatingHours(hoursSpec, timeZone, closedDates),
    retentionDays: integer(env, 'NAVIGATOR_RETENTION_DAYS', base.retentionDays, 1),
    abandonAfterMinutes: integer(env, 'NAVIGATOR_ABANDON_AFTER_MINUTES', base.abandonAfterMinutes, 1),
    sessionHours: integer(env, 'NAVIGATOR_SESSION_HOURS', base.sessionHours, 1),
    secureCookies: flag(env, 'NAVIGATOR_SECURE_COOKIES', base.secureCookies),
    trustProxy: proxyHops(env, base.trustProxy),
    maxMessageLength: integer(env, 'NAVIGATOR_MAX_MESSAGE_LENGTH', base.maxMessageLength, 1),
    visitorRate: rate(env, 'NAVIGATOR_VISITOR_RATE', base.visitorRate),
    navigatorRate: rate(env, 'NAVIGATOR_NAVIGATOR_RATE', base.navigatorRate),
    synchronous: env.NAVIGATOR_SYNCHRONOUS === undefined ? base.synchronous : synchronous(env.NAVIGATOR_SYNCHRONOUS),
    passwordCost: passwordCostFromEnv(env, base.passwordCost),
    limits: {
      ...limits,
      socketsPerAddress: integer(env, 'NAVIGATOR_SOCKETS_PER_ADDRESS', limits.socketsPerAddress, 1),
      sockets: integer(env, 'NAVIGATOR_MAX_SOCKETS', limits.sockets, 1),
      startsPerAddress: rate(env, 'NAVIGATOR_STARTS_PER_ADDRESS', limits.startsPerAddress),
      conversationsPerAddress: integer(env, 'NAVIGATOR_CONVERSATIONS_PER_ADDRESS', limits.conversationsPerAddress, 1),
      waiting: integer(env, 'NAVIGATOR_MAX_WAITING', limits.waiting, 1),
      callbacksPerAddress: rate(env, 'NAVIGATOR_CALLBACKS_PER_ADDRESS', limits.callbacksPerAddress),
      callbacks: integer(env, 'NAVIGATOR_MAX_CALLBACKS', limits.callbacks, 1),
      visitorIdleMs: integer(env, 'NAVIGATOR_VISITOR_IDLE_SECONDS', limits.visitorIdleMs / 1000, 30) * 1000,
      messagesPerConversation: integer(env, 'NAVIGATOR_MESSAGES_PER_CONVERSATION', limits.messagesPerConversation, 10),
      abuseBlockMinutes: integer(env, 'NAVIGATOR_ABUSE_BLOCK_MINUTES', limits.abuseBlockMinutes, 1),
    },
  };
}

/**
 * `NAVIGATOR_PASSWORD_COST`: scrypt's log2(N). OWASP's current advice is 17 (128 MiB per hash);
 * 14 is the floor, for tests on small machines.
 */
export function passwordCostFromEnv(env: NodeJS.ProcessEnv, fallback: number): number {
  const cost = integer(env, 'NAVIGATOR_PASSWORD_COST', fallback, 14);
  if (cost > 20) throw new Error(`NAVIGATOR_PASSWORD_COST must be at most 20, not "${cost}".`);
  return cost;
}

/** `NAVIGATOR_TRUST_PROXY`: false (0), true (one proxy of yours), or how many proxies in a row. */
function proxyHops(env: NodeJS.ProcessEnv, fallback: number): number {
  const value = env.NAVIGATOR_TRUST_PROXY;
  if (value === undefined || value === '') return fallback;
  if (/^\d+$/.test(value)) return Number(value);
  return flag(env, 'NAVIGATOR_TRUST_PROXY', false) ? 1 : 0;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function origins(value: string, name: string): string[] {
  return list(value).map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(`${name}: "${origin}" is not an origin such as https://www.example.org`);
    }
    if (url.origin !== origin.replace(/\/$/, '')) {
      throw new Error(`${name}: "${origin}" must be an origin only (scheme, host, port), such as ${url.origin}`);
    }
    return url.origin;
  });
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(number) || number < minimum)
    throw new Error(`${name} must be a whole number of at least ${minimum}, not "${value}".`);
  return number;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, not "${value}".`);
}

function rate(env: NodeJS.ProcessEnv, name: string, fallback: RateLimit): RateLimit {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const match = /^(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(value);
  if (!match)
    throw new Error(`${name} must be "<burst>/<per second>", e.g. "20/2" (or "5/1m", one a minute), not "${value}".`);
  const per = { s: 1, m: 60, h: 3600 }[(match[3] ?? 's') as 's' | 'm' | 'h'];
  return { capacity: Number(match[1]), perSecond: match[3] ? 1 / (per * Number(match[2])) : Number(match[2]) };
}

function synchronous(value: string): 'normal' | 'full' {
  if (value === 'normal' || value === 'full') return value;
  throw new Error(`NAVIGATOR_SYNCHRONOUS must be "normal" or "full", not "${value}".`);
}
