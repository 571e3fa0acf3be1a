/**
 * The outbox put to work over a connection: it sends the head, one message at a time, waits
 * for its acknowledgement, holds back after a rate-limit refusal, and calls a connection
 * silently dead when an acknowledgement does not come in time. The visitor's transport and
 * the navigator console deliver through it alike; the outbox rules themselves are in
 * `outbox.ts`.
 */
import {
  acknowledge,
  EMPTY_OUTBOX,
  enqueue,
  heldUntil,
  isOverdue,
  markSent,
  nextToSend,
  type Outbox,
  type OutboxEntry,
  resetInFlight,
  retryLater,
} from './outbox.js';
import type { MessageContent } from './message-content.js';

/** How a {@link DeliveryQueue} reaches the other side. */
export interface DeliveryChannel {
  /** True when messages may go now (connected, and the conversation open). */
  canSend(): boolean;
  /** Sends one message; false when it could not leave. */
  send(entry: Pick<OutboxEntry, 'clientId' | 'text' | 'content'>): boolean;
  /** No acknowledgement in time: replace the connection (its messages are then resent). */
  onOverdue(): void;
  /** Defaults to 10 s. */
  ackTimeoutMs?: number;
}

/** One conversation's messages on their way, until each is acknowledged. */
export class DeliveryQueue {
  private outbox: Outbox = EMPTY_OUTBOX;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly channel: DeliveryChannel) {}

  /** Messages not yet acknowledged, oldest first. */
  get pending(): Outbox {
    return this.outbox;
  }

  /** True when this client id is waiting for its acknowledgement. */
  has(clientId: string): boolean {
    return this.outbox.some((entry) => entry.clientId === clientId);
  }

  /** Queues a message (a client id already queued is not added twice) and sends what it can. */
  add(clientId: string, text: string, content?: MessageContent): void {
    this.outbox = enqueue(this.outbox, clientId, text, content);
    this.flush();
  }

  /** Sends the head if nothing is in flight, and watches for its acknowledgement. */
  flush(): void {
    if (!this.channel.canSend()) return;
    const now = Date.now();
    const next = nextToSend(this.outbox, now);
    if (!next) {
      const until = heldUntil(this.outbox);
      if (until !== undefined && !this.flushTimer) {
        this.flushTimer = setTimeout(() => {
          this.flushTimer = null;
          this.flush();
        }, until - now);
      }
      return;
    }
    if (!this.channel.send(next)) return;
    this.outbox = markSent(this.outbox, next.clientId, now);
    const timeout = this.channel.ackTimeoutMs ?? 10_000;
    this.clearAckTimer();
    this.ackTimer = setTimeout(() => {
      this.ackTimer = null;
      if (isOverdue(this.outbox, Date.now(), timeout - 1)) this.channel.onOverdue();
    }, timeout);
  }

  /**
   * The service stored a message. False when it was not waiting (already acknowledged, or not
   * ours). The caller reports it, then calls `flush`, so reports keep the order of sending.
   */
  acknowledge(clientId: string): boolean {
    const before = this.outbox;
    this.outbox = acknowledge(this.outbox, clientId);
    if (this.outbox === before) return false;
    this.clearAckTimer();
    return true;
  }

  /**
   * The service refused the message in flight: with `retryAfterMs` (rate limited) it goes
   * again after that; with null it never will and is dropped. Returns what happened, or
   * null when the refusal is not about the message in flight. The caller reports a drop,
   * then calls `flush`.
   */
  refuse(clientId: string, retryAfterMs: number | null): 'held' | 'dropped' | null {
    if (this.outbox[0]?.clientId !== clientId) return null;
    this.clearAckTimer();
    this.outbox =
      retryAfterMs === null
        ? acknowledge(this.outbox, clientId)
        : retryLater(this.outbox, clientId, Date.now() + retryAfterMs);
    return retryAfterMs === null ? 'dropped' : 'held';
  }

  /** The connection dropped: nothing is in flight any more; everything goes again on the next one. */
  connectionLost(): void {
    this.outbox = resetInFlight(this.outbox);
    this.clearAckTimer();
  }

  /** Gives up on every pending message (the conversation is over) and returns them. */
  clear(): Outbox {
    const dropped = this.outbox;
    this.outbox = EMPTY_OUTBOX;
    this.stop();
    return dropped;
  }

  /** Stops its timers, for good or until the next `flush`. */
  stop(): void {
    this.clearAckTimer();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  private clearAckTimer(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
  }
}
