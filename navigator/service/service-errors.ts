/**
 * The errors the hub answers with, each with its stable code and an English message for
 * developers (the widget and the console translate the code).
 */
import type { HandoffError } from '../../src/handoff/handoff-protocol.js';
import type { Admission } from './admission-control.js';

/** How long a refused start or callback request should wait before trying again. */
export function retryAfter(admission: Exclude<Admission, { ok: true }>): number {
  return admission.retryAfterMs ?? 60_000;
}

/** The conversation holds as many messages as it may; this one was not stored. */
export function conversationFull(clientId: string, limit: number): HandoffError {
  return {
    code: 'conversation-full',
    message: `This conversation holds ${limit} messages, as many as the service keeps; start a new one or call.`,
    clientId,
    limit,
  };
}

/** Too many frames at once; the frame was not acted on and may be sent again after `retryAfterMs`. */
export function rateLimited(retryAfterMs: number, clientId?: string): HandoffError {
  return {
    code: 'rate-limited',
    message: `Too many messages at once; this one was not sent. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`,
    retryAfterMs,
    ...(clientId ? { clientId } : {}),
  };
}

/** The connection has no conversation yet: start or resume one first. */
export function noConversation(clientId?: string): HandoffError {
  return {
    code: 'no-conversation',
    message: 'Start or resume a conversation on this connection first.',
    ...(clientId ? { clientId } : {}),
  };
}

/** The conversation has ended; the message was not stored. */
export function ended(clientId: string): HandoffError {
  return { code: 'conversation-ended', message: 'This conversation has ended; the message was not sent.', clientId };
}
