/**
 * The record of a contact, worked out from what happened rather than claimed: whether a safety
 * check was done and what the visitor answered is read from the transcript, so a record cannot
 * say "safe" when the question was never asked.
 */
import type { TranscriptMessage } from '../../src/handoff/handoff-protocol.js';
import type { SafetyCheckRecord } from '../../src/handoff/message-content.js';

/** The safety check of a conversation: not done, asked without an answer, or the last answer given. */
export function safetyCheckOf(messages: readonly TranscriptMessage[]): SafetyCheckRecord {
  let result: SafetyCheckRecord = 'not-done';
  for (const message of messages) {
    const content = message.content;
    if (message.from === 'navigator' && content?.kind === 'safety-check' && result === 'not-done') result = 'no-answer';
    if (message.from === 'visitor' && content?.kind === 'safety-answer' && result !== 'not-done')
      result = content.answer;
  }
  return result;
}
