/**
 * The one rule for a chat message's text, checked where it is typed (the widget and the
 * console, so nothing doomed is queued) and again by the service, which is the authority.
 */
import type { HandoffError } from './handoff-protocol.js';

/** Length in characters as a person counts them (Unicode code points, so an emoji is one). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Checks a message's text against the limit. Returns the error to report, or null.
 * The text is kept exactly as sent: it is data, rendered as text by every view.
 */
export function messageTextProblem(text: string, clientId: string, maxLength: number): HandoffError | null {
  if (text.trim() === '') return { code: 'message-empty', message: 'The message is empty.', clientId };
  const length = characterCount(text);
  if (length > maxLength) {
    return {
      code: 'message-too-long',
      message: `Messages can be at most ${maxLength.toLocaleString('en-US')} characters; this one has ${length.toLocaleString('en-US')}. It was not sent.`,
      clientId,
      limit: maxLength,
    };
  }
  return null;
}
