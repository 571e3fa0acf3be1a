/**
 * The navigator service's configuration: defaults that run the demo on a laptop, each one
 * overridable by an environment variable (documented in `docs/navigator-service.md`).
 */
import { ALWAYS_OPEN_SPEC, type OperatingHours, parseOperatingHours } from './operating-hours.js';
import { DEFAULT_NEEDS_CONFIG, type NeedsConfig, needsConfigFromEnv } from './needs-config.js';
import type { RateLimit } from './rate-limiter.js';

/** A folder of static files served under a URL prefix (for example the console page and its bundle). */
export interface StaticRoute {
  /** Starts and ends with `/`, e.g. `/` or `/dist/`. */
  urlPrefix: string;
  /** Absolute folder path. */
  dir: string;
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
  /** Trust `X-Forwarded-For` for the client address (only behind your own reverse proxy). */
  trustProxy: boolean;
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
  /** Needs counting: suppression threshold, retention, rate limits (`needs-config.ts`). */
  needs: NeedsConfig;
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
  abandonAfterMinutes: 30,
  sessionHours: 12,
  secureCookies: false,
  trustProxy: false,
  maxMessageLength: 2000,
  maxFrameBytes: 128 * 1024,
  visitorRate: { capacity: 20, perSecond: 2 },
  navigatorRate: { capacity: 60, perSecond: 10 },
  heartbeatMs: 30_000,
  queueUpdateDelayMs: 200,
  synchronous: 'normal',
  staticRoutes: [],
  needs: DEFAULT_NEEDS_CONFIG,
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
    trustProxy: flag(env, 'NAVIGATOR_TRUST_PROXY', base.trustProxy),
    maxMessageLength: integer(env, 'NAVIGATOR_MAX_MESSAGE_LENGTH', base.maxMessageLength, 1),
    visitorRate: rate(env, 'NAVIGATOR_VISITOR_RATE', base.visitorRate),
    navigatorRate: rate(env, 'NAVIGATOR_NAVIGATOR_RATE', base.navigatorRate),
    synchronous: env.NAVIGATOR_SYNCHRONOUS === undefined ? base.synchronous : synchronous(env.NAVIGATOR_SYNCHRONOUS),
    needs: needsConfigFromEnv(env, base.needs),
  };
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
  if (!Number.isInteger(number) || number < minimum)
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
  const match = /^(\d+)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(value);
  if (!match) throw new Error(`${name} must be "<burst>/<per second>", e.g. "20/2", not "${value}".`);
  return { capacity: Number(match[1]), perSecond: Number(match[2]) };
}

function synchronous(value: string): 'normal' | 'full' {
  if (value === 'normal' || value === 'full') return value;
  throw new Error(`NAVIGATOR_SYNCHRONOUS must be "normal" or "full", not "${value}".`);
}
