/**
 * Needs counting in the navigator service: receives the widget's batches (`POST /needs/counts`,
 * from the partner sites allowed to embed the widget), rate-limits them per client address and
 * overall, keeps only the counts, serves the suppressed report to signed-in staff
 * (`GET /navigator/needs-report`), merges navigators' contact records in, and applies retention.
 *
 * Client addresses are used for the rate limit in memory only and never stored.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NEEDS_COUNT_PATH } from '../../src/analytics/needs-count-protocol.js';
import type { NeedsConfig } from './needs-config.js';
import {
  type ContactDimensions,
  type CountableContact,
  incrementsFromBatch,
  incrementsFromContact,
} from './needs-counts.js';
import { addDays, buildNeedsReport, dayIn, daysBetween, MAX_REPORT_DAYS } from './needs-report.js';
import { NEEDS_REPORT_PATH, type NeedsReport } from './needs-report-format.js';
import type { CountFilter, NeedsStore } from './needs-store.js';
import { fullBucket, type TokenBucket, takeToken } from './rate-limiter.js';

/** What the service lends the needs endpoints. */
export interface NeedsHttpContext {
  readJson(request: IncomingMessage): Promise<unknown>;
  sendJson(response: ServerResponse, status: number, body: unknown): void;
  /** The page's origin may send counts (the partner sites of `NAVIGATOR_ALLOWED_ORIGINS`, or the service's own). */
  visitorOriginAllowed(request: IncomingMessage): boolean;
  consoleOriginAllowed(request: IncomingMessage): boolean;
  /** The signed-in account, if any (any role may read the figures). */
  signedIn(request: IncomingMessage): boolean;
  clientAddress(request: IncomingMessage): string;
}

/** The outcome of one batch. */
export type BatchOutcome = 'counted' | 'invalid' | 'rate-limited';

/** Needs counting: batches in, reports out. */
export class NeedsCounting {
  private readonly buckets = new Map<string, TokenBucket>();
  private hour = -1;
  private batchesThisHour = 0;

  constructor(
    private readonly store: NeedsStore,
    private readonly config: NeedsConfig,
    private readonly timeZone: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a batch as the endpoint received it, or says why not (refusals are counted too). */
  receiveBatch(body: unknown, address: string): BatchOutcome {
    const now = this.now();
    const day = dayIn(this.timeZone, now);
    const hour = Math.floor(now / 3_600_000);
    if (hour !== this.hour) {
      this.hour = hour;
      this.batchesThisHour = 0;
    }
    const taken = takeToken(
      this.buckets.get(address) ?? fullBucket(this.config.perAddress, now),
      this.config.perAddress,
      now,
    );
    this.buckets.set(address, taken.bucket);
    if (!taken.allowed || this.batchesThisHour >= this.config.perHour) {
      this.store.refuse(day, 'rate-limited');
      return 'rate-limited';
    }
    this.batchesThisHour++;
    const parsed = incrementsFromBatch(body);
    if ('problem' in parsed) {
      this.store.refuse(day, 'invalid');
      return 'invalid';
    }
    this.store.add(day, parsed.increments);
    return 'counted';
  }

  /**
   * Merges a navigator's contact record into the counts, under the day it is saved. Pass the
   * record as saved before when it is corrected, so it counts once.
   */
  countContact(next: CountableContact, dimensions: ContactDimensions, previous?: CountableContact): void {
    this.store.add(dayIn(this.timeZone, this.now()), incrementsFromContact(next, dimensions, previous));
  }

  /** The report for a query string (`from`, `to`, `language`, `region`, `area`), or why it cannot be made. */
  report(query: URLSearchParams): NeedsReport | { problem: string } {
    const today = dayIn(this.timeZone, this.now());
    const to = query.get('to') || today;
    const from = query.get('from') || addDays(to, -27);
    if (!isDay(from) || !isDay(to)) return { problem: 'from and to are days, YYYY-MM-DD.' };
    const days = daysBetween(from, to);
    if (days < 0 || days >= MAX_REPORT_DAYS)
      return { problem: `from must come before to, at most ${MAX_REPORT_DAYS} days apart.` };
    const filter: CountFilter = { from, to };
    for (const dimension of ['language', 'region', 'area'] as const) {
      const value = query.get(dimension);
      if (!value) continue;
      if (!/^[a-z0-9-]{1,48}$/.test(value)) return { problem: `${dimension} is not a code.` };
      filter[dimension] = value;
    }
    return buildNeedsReport(this.store, filter, this.config.minCell);
  }

  /** Deletes counts past retention and forgets full rate-limit buckets. */
  sweep(): void {
    const now = this.now();
    this.store.deleteBefore(addDays(dayIn(this.timeZone, now), -this.config.retentionDays));
    for (const [address, bucket] of this.buckets) {
      if (takeToken(bucket, this.config.perAddress, now).bucket.tokens >= this.config.perAddress.capacity - 1) {
        this.buckets.delete(address);
      }
    }
  }

  /**
   * Answers the needs endpoints; false when the path is not one of them. Counting accepts a
   * plain-text JSON body so the widget's request needs no preflight.
   */
  async handle(
    path: string,
    request: IncomingMessage,
    response: ServerResponse,
    http: NeedsHttpContext,
  ): Promise<boolean> {
    if (path === NEEDS_COUNT_PATH) {
      const origin = request.headers.origin;
      if (origin && !http.visitorOriginAllowed(request)) {
        http.sendJson(response, 403, { code: 'origin-not-allowed', message: 'This site may not send counts here.' });
        return true;
      }
      if (origin) {
        response.setHeader('Access-Control-Allow-Origin', origin);
        response.setHeader('Vary', 'Origin');
      }
      if (request.method !== 'POST') {
        http.sendJson(response, 405, { code: 'not-found', message: 'POST a batch of counts.' });
        return true;
      }
      const outcome = this.receiveBatch(await http.readJson(request), http.clientAddress(request));
      if (outcome === 'counted') {
        response.writeHead(204);
        response.end();
      } else if (outcome === 'rate-limited') {
        http.sendJson(response, 429, { code: 'rate-limited', message: 'Too many batches; they were not counted.' });
      } else {
        http.sendJson(response, 400, { code: 'invalid-frame', message: 'Not a batch of counts.' });
      }
      return true;
    }
    if (path === NEEDS_REPORT_PATH && request.method === 'GET') {
      if (request.headers.origin && !http.consoleOriginAllowed(request)) {
        http.sendJson(response, 403, { code: 'origin-not-allowed', message: 'Not from this origin.' });
        return true;
      }
      if (!http.signedIn(request)) {
        http.sendJson(response, 401, {
          code: 'not-signed-in',
          message: 'Sign in first; the session may have expired.',
        });
        return true;
      }
      const report = this.report(new URL(request.url ?? '/', 'http://service').searchParams);
      if ('problem' in report) http.sendJson(response, 400, { code: 'invalid-frame', message: report.problem });
      else http.sendJson(response, 200, report);
      return true;
    }
    return false;
  }
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
