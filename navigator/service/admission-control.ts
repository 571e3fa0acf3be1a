/**
 * Admission control: what one source address may hold or start, and what everyone together
 * may. A crisis line's queue is a target; these caps keep one address (a script, a bot farm
 * behind one NAT) from filling it, while the crisis and urgent flags still order it.
 *
 * Addresses live here, in memory, only while they matter (an open socket, a live conversation,
 * a bucket not yet full, a block): the database never sees them. A restart forgets them.
 */
import type { AdmissionLimits } from './config.js';
import { fullBucket, type RateLimit, takeToken, type TokenBucket } from './rate-limiter.js';

/** Why a new conversation or callback request is refused, or `ok`. */
export type Admission =
  | { ok: true }
  | { ok: false; why: 'blocked' | 'address-busy' | 'queue-full'; retryAfterMs?: number }
  | { ok: false; why: 'rate-limited'; retryAfterMs: number };

type Limits = Pick<
  AdmissionLimits,
  | 'socketsPerAddress'
  | 'sockets'
  | 'startsPerAddress'
  | 'conversationsPerAddress'
  | 'waiting'
  | 'callbacksPerAddress'
  | 'callbacks'
  | 'abuseBlockMinutes'
>;

/** Per-address counters and buckets, and global caps. */
export class AdmissionControl {
  private readonly sockets = new Map<string, number>();
  private socketTotal = 0;
  private readonly startBuckets = new Map<string, TokenBucket>();
  private readonly callbackBuckets = new Map<string, TokenBucket>();
  /** Live (waiting or active) conversations by id, with the address that started them. */
  private readonly conversations = new Map<string, string>();
  private readonly liveByAddress = new Map<string, number>();
  private readonly blocked = new Map<string, number>();

  constructor(
    private readonly limits: Limits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a socket slot for an address; false when the address or the service is full. */
  openSocket(key: string): boolean {
    const count = this.sockets.get(key) ?? 0;
    if (count >= this.limits.socketsPerAddress || this.socketTotal >= this.limits.sockets) return false;
    this.sockets.set(key, count + 1);
    this.socketTotal++;
    return true;
  }

  /** Gives a socket slot back. */
  closeSocket(key: string): void {
    const count = this.sockets.get(key) ?? 0;
    if (count <= 0) return;
    this.socketTotal--;
    if (count === 1) this.sockets.delete(key);
    else this.sockets.set(key, count - 1);
  }

  /** Open sockets counted, for `/health` and tests. */
  get openSockets(): number {
    return this.socketTotal;
  }

  /**
   * Whether this address may start a conversation now, with `waiting` conversations already in
   * the queue. Takes a token from the address's bucket when it may.
   */
  admitStart(key: string, waiting: number): Admission {
    const blocked = this.blockedFor(key);
    if (blocked > 0) return { ok: false, why: 'blocked', retryAfterMs: blocked };
    if ((this.liveByAddress.get(key) ?? 0) >= this.limits.conversationsPerAddress) {
      return { ok: false, why: 'address-busy' };
    }
    if (waiting >= this.limits.waiting) return { ok: false, why: 'queue-full' };
    return this.take(this.startBuckets, key, this.limits.startsPerAddress);
  }

  /** Notes a new conversation and where it came from (until it ends). */
  conversationStarted(conversationId: string, key: string): void {
    if (this.conversations.has(conversationId)) return;
    this.conversations.set(conversationId, key);
    this.liveByAddress.set(key, (this.liveByAddress.get(key) ?? 0) + 1);
  }

  /** Forgets an ended conversation's address. */
  conversationEnded(conversationId: string): void {
    const key = this.conversations.get(conversationId);
    if (key === undefined) return;
    this.conversations.delete(conversationId);
    const count = (this.liveByAddress.get(key) ?? 1) - 1;
    if (count <= 0) this.liveByAddress.delete(key);
    else this.liveByAddress.set(key, count);
  }

  /** The address a live conversation came from, if this process saw it start. */
  addressOf(conversationId: string): string | undefined {
    return this.conversations.get(conversationId);
  }

  /** Whether this address may leave a callback request, with `open` requests already stored. */
  admitCallback(key: string, open: number): Admission {
    const blocked = this.blockedFor(key);
    if (blocked > 0) return { ok: false, why: 'blocked', retryAfterMs: blocked };
    if (open >= this.limits.callbacks) return { ok: false, why: 'queue-full' };
    return this.take(this.callbackBuckets, key, this.limits.callbacksPerAddress);
  }

  /** Refuses new conversations and callback requests from an address for the configured time. */
  block(key: string): void {
    this.blocked.set(key, this.now() + this.limits.abuseBlockMinutes * 60_000);
  }

  /** Milliseconds an address stays blocked, or 0. */
  blockedFor(key: string): number {
    const until = this.blocked.get(key);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left <= 0) this.blocked.delete(key);
    return Math.max(0, left);
  }

  /** Drops buckets that have refilled and blocks that have run out, so memory stays bounded. */
  prune(): void {
    const now = this.now();
    for (const [buckets, limit] of [
      [this.startBuckets, this.limits.startsPerAddress],
      [this.callbackBuckets, this.limits.callbacksPerAddress],
    ] as const) {
      for (const [key, bucket] of buckets) {
        if (bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond >= limit.capacity) buckets.delete(key);
      }
    }
    for (const key of this.blocked.keys()) this.blockedFor(key);
  }

  private take(buckets: Map<string, TokenBucket>, key: string, limit: RateLimit): Admission {
    const now = this.now();
    const result = takeToken(buckets.get(key) ?? fullBucket(limit, now), limit, now);
    buckets.set(key, result.bucket);
    return result.allowed ? { ok: true } : { ok: false, why: 'rate-limited', retryAfterMs: result.retryAfterMs };
  }
}
