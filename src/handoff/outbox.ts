/**
 * Messages on their way to the service, kept until the service acknowledges each one.
 *
 * One message is in flight at a time per conversation (stop-and-wait). A chat needs no more
 * throughput than that, and it makes order certain: when the service refuses a message for
 * the rate limit, nothing behind it can overtake it. After a reconnect the head is simply
 * sent again; the service recognises its client id and never stores it twice.
 *
 * Pure: an outbox is an immutable value and every operation returns a new one.
 */

import type { MessageContent } from './message-content.js';

/** A message waiting for its acknowledgement. */
export interface OutboxEntry {
  clientId: string;
  text: string;
  /** What the message is, beyond its text (a phrase, services...). */
  content?: MessageContent;
  /** When it was last sent, epoch ms; undefined while not in flight. */
  sentAt?: number;
  /** Not before this time (after a rate-limit refusal), epoch ms. */
  notBefore?: number;
}

/** The pending messages, oldest first. */
export type Outbox = readonly OutboxEntry[];

/** An empty outbox. */
export const EMPTY_OUTBOX: Outbox = [];

/** Adds a message at the end. A client id already queued is not added twice. */
export function enqueue(outbox: Outbox, clientId: string, text: string, content?: MessageContent): Outbox {
  if (outbox.some((entry) => entry.clientId === clientId)) return outbox;
  return [...outbox, { clientId, text, ...(content ? { content } : {}) }];
}

/**
 * The message to send now, if any: the head, when it is not already in flight and not held
 * back by a rate-limit refusal.
 */
export function nextToSend(outbox: Outbox, now: number): OutboxEntry | undefined {
  const head = outbox[0];
  if (!head || head.sentAt !== undefined) return undefined;
  if (head.notBefore !== undefined && head.notBefore > now) return undefined;
  return head;
}

/** Marks the head as sent. */
export function markSent(outbox: Outbox, clientId: string, now: number): Outbox {
  return outbox.map((entry) => (entry.clientId === clientId ? { ...message(entry), sentAt: now } : entry));
}

/** Removes an acknowledged message. Acknowledgements for unknown ids change nothing. */
export function acknowledge(outbox: Outbox, clientId: string): Outbox {
  return outbox.some((entry) => entry.clientId === clientId)
    ? outbox.filter((entry) => entry.clientId !== clientId)
    : outbox;
}

/** After a rate-limit refusal: send this message again, not before `notBefore`. */
export function retryLater(outbox: Outbox, clientId: string, notBefore: number): Outbox {
  return outbox.map((entry) => (entry.clientId === clientId ? { ...message(entry), notBefore } : entry));
}

/** After the connection dropped: nothing is in flight any more, everything will be resent. */
export function resetInFlight(outbox: Outbox): Outbox {
  return outbox.map((entry) => (entry.sentAt === undefined ? entry : message(entry)));
}

/** The message itself, without its sending state. */
function message({ clientId, text, content }: OutboxEntry): OutboxEntry {
  return { clientId, text, ...(content ? { content } : {}) };
}

/**
 * True when the message in flight has waited longer than `timeoutMs` for its
 * acknowledgement: the connection is silently dead and should be replaced.
 */
export function isOverdue(outbox: Outbox, now: number, timeoutMs: number): boolean {
  const head = outbox[0];
  return head?.sentAt !== undefined && now - head.sentAt > timeoutMs;
}

/** When the head becomes sendable after a refusal, or undefined when it is not held back. */
export function heldUntil(outbox: Outbox): number | undefined {
  const head = outbox[0];
  return head && head.sentAt === undefined ? head.notBefore : undefined;
}
