/**
 * What the view derives from the conversation, so the element asks nothing about where the
 * conversation is: pure functions of the machine's context. (The live chat's status line is
 * `liveStatusLine` in `live-chat.states.ts`, beside the states it reads.)
 */
import type { ChatMessage } from './chat-message.js';
import type { ConversationContext } from './conversation-types.js';

/**
 * True while the assistant's latest turn includes a crisis response: the history is then
 * assertive, so the crisis lines interrupt a screen reader instead of queueing behind it,
 * and are still announced once (a nested `role="alert"` would announce them twice). The turn
 * lasts until the visitor next says or chooses something; it can begin in a live chat without
 * a change of state (a crisis typed to a navigator), so it is read from the history.
 */
export function crisisTurn(messages: readonly ChatMessage[]): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.kind === 'crisis') return true;
    if (message?.from === 'visitor') return false;
  }
  return false;
}

/**
 * True when the conversation shows wording that loads apart (`lines`): crisis and helpline
 * lines, and everything about a live chat.
 */
export function needsLines(context: ConversationContext): boolean {
  const { messages, replies, live } = context;
  return (
    live !== null ||
    replies.some((reply) => reply.line.key.startsWith('lines:')) ||
    messages.some(
      (message) =>
        message.kind === 'crisis' ||
        message.kind === 'contacts' ||
        (message.kind === 'text' && 'line' in message && message.line.key.startsWith('lines:')),
    )
  );
}
