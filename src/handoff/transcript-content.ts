/**
 * What a transcript says about the desk, read the same way by the service (for the contact
 * record) and the console (for its summary): whether the safety check was done and answered,
 * and which services were sent. Worked out from the messages rather than claimed, so a record
 * cannot say "safe" when the question was never asked.
 */
import type { MessageContent, SafetyCheckRecord } from './message-content.js';

/** The part of a message these read. */
interface ContentMessage {
  from: 'visitor' | 'navigator';
  text: string;
  content?: MessageContent;
}

/** The safety check of a conversation: not done, asked without an answer, or the last answer. */
export function safetyCheckOf(messages: readonly ContentMessage[]): SafetyCheckRecord {
  let result: SafetyCheckRecord = 'not-done';
  for (const { from, content } of messages) {
    if (from === 'navigator' && content?.kind === 'safety-check' && result === 'not-done') result = 'no-answer';
    if (from === 'visitor' && content?.kind === 'safety-answer' && result !== 'not-done') result = content.answer;
  }
  return result;
}

/**
 * The services a navigator sent, in order, each once. A services message's text holds their
 * names one per line (see {@link servicesText}); an id whose name is missing is named by its id.
 */
export function servicesSentIn(messages: readonly ContentMessage[]): { id: string; name: string }[] {
  const sent = new Map<string, string>();
  for (const { from, text, content } of messages) {
    if (from !== 'navigator' || content?.kind !== 'services') continue;
    const names = text.split('\n');
    content.serviceIds.forEach((id, at) => {
      if (!sent.has(id)) sent.set(id, names[at]?.trim() || id);
    });
  }
  return [...sent].map(([id, name]) => ({ id, name }));
}

/** The plain text of a services message: the names, one per line, for readers without the directory. */
export function servicesText(services: readonly { name: string }[]): string {
  return services.map((service) => service.name).join('\n');
}
