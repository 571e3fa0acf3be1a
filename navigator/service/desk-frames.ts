/**
 * Reads the navigator's desk from the wire: a message's content (phrase, services, safety check,
 * follow-up offer and their answers), a contact record, a follow-up request. Each is rebuilt
 * field by field from untrusted JSON, so only the codes the protocol names are stored.
 */
import { NEED_CATEGORIES, type NeedCategory } from '../../src/directory/snapshot.js';
import { type HandoffError, SUMMARY_LIMITS } from '../../src/handoff/handoff-protocol.js';
import {
  CONTACT_OUTCOMES,
  CONTACT_RECORD_LIMITS,
  type ContactOutcome,
  type ContactRecordInput,
  FOLLOW_UP_TIMES,
  type FollowUpTime,
  MAX_SERVICES_PER_MESSAGE,
  type MessageContent,
  PHRASES,
  type PhraseKey,
  LIVE_SAFETY_ANSWERS,
  type LiveSafetyAnswer,
  UNMET_REASONS,
  type UnmetReason,
} from '../../src/handoff/message-content.js';
import { parseCallback } from './protocol.js';

type Read<T> = { ok: true; value: T } | { ok: false; error: HandoffError };

/** Reads a message's `content`; `allowed` are the kinds this sender may send. */
export function parseContent(
  value: unknown,
  allowed: readonly MessageContent['kind'][],
  clientId: string,
): Read<MessageContent> {
  const fail = (message: string): Read<MessageContent> => ({
    ok: false,
    error: { code: 'invalid-content', message, clientId },
  });
  if (!isObject(value) || typeof value.kind !== 'string') return fail('"content" must be an object with a "kind".');
  const kind = value.kind as MessageContent['kind'];
  if (!allowed.includes(kind)) return fail(`This side may send content of kinds ${allowed.join(', ')} only.`);
  switch (kind) {
    case 'text':
      if (!isLanguage(value.lang)) return fail('Text content needs "lang", a language code such as "en".');
      return { ok: true, value: { kind, lang: value.lang } };
    case 'phrase':
      if (!oneOf(PHRASES, value.phrase)) return fail(`"phrase" must be one of ${PHRASES.join(', ')}.`);
      if (!isLanguage(value.lang)) return fail('Phrase content needs "lang", the language of its text.');
      return { ok: true, value: { kind, phrase: value.phrase as PhraseKey, lang: value.lang } };
    case 'services': {
      const ids = value.serviceIds;
      if (
        !Array.isArray(ids) ||
        ids.length === 0 ||
        ids.length > MAX_SERVICES_PER_MESSAGE ||
        !ids.every((id) => typeof id === 'string' && id !== '' && id.length <= SUMMARY_LIMITS.serviceId)
      ) {
        return fail(`"serviceIds" must list 1 to ${MAX_SERVICES_PER_MESSAGE} service ids.`);
      }
      return { ok: true, value: { kind, serviceIds: [...new Set(ids as string[])] } };
    }
    case 'safety-check':
      return { ok: true, value: { kind } };
    case 'safety-answer':
      if (!oneOf(LIVE_SAFETY_ANSWERS, value.answer))
        return fail(`"answer" must be one of ${LIVE_SAFETY_ANSWERS.join(', ')}.`);
      return { ok: true, value: { kind, answer: value.answer as LiveSafetyAnswer } };
    case 'follow-up-offer':
      // The service states the retention itself; whatever the console claimed is dropped.
      return { ok: true, value: { kind } };
    case 'follow-up-answer':
      if (typeof value.accepted !== 'boolean') return fail('"accepted" must be true or false.');
      return { ok: true, value: { kind, accepted: value.accepted } };
    default:
      return fail(`Unknown content kind ${JSON.stringify(kind)}.`);
  }
}

/** Reads a contact record as the console sends it. */
export function parseContactRecord(value: unknown): Read<ContactRecordInput> {
  const fail = (message: string): Read<ContactRecordInput> => ({
    ok: false,
    error: { code: 'invalid-record', message },
  });
  if (!isObject(value)) return fail('"record" must be an object.');
  const needs = value.needs;
  if (
    !Array.isArray(needs) ||
    needs.length > NEED_CATEGORIES.length ||
    !needs.every((n) => oneOf(NEED_CATEGORIES, n))
  ) {
    return fail(`"needs" must list categories from: ${NEED_CATEGORIES.join(', ')}.`);
  }
  const referrals = value.referrals;
  if (
    !Array.isArray(referrals) ||
    referrals.length > CONTACT_RECORD_LIMITS.referrals ||
    !referrals.every((id) => typeof id === 'string' && id !== '' && id.length <= SUMMARY_LIMITS.serviceId)
  ) {
    return fail(`"referrals" must list at most ${CONTACT_RECORD_LIMITS.referrals} service ids.`);
  }
  const unmet = value.unmet;
  if (
    !Array.isArray(unmet) ||
    unmet.length > CONTACT_RECORD_LIMITS.unmet ||
    !unmet.every((u) => isObject(u) && oneOf(NEED_CATEGORIES, u.category) && oneOf(UNMET_REASONS, u.reason))
  ) {
    return fail(`"unmet" must list {category, reason} with a reason from: ${UNMET_REASONS.join(', ')}.`);
  }
  if (!oneOf(CONTACT_OUTCOMES, value.outcome)) return fail(`"outcome" must be one of ${CONTACT_OUTCOMES.join(', ')}.`);
  return {
    ok: true,
    value: {
      needs: [...new Set(needs as NeedCategory[])],
      referrals: [...new Set(referrals as string[])],
      unmet: (unmet as { category: NeedCategory; reason: UnmetReason }[]).map(({ category, reason }) => ({
        category,
        reason,
      })),
      outcome: value.outcome as ContactOutcome,
    },
  };
}

/** A follow-up request as a visitor sends it. */
export interface FollowUpInput {
  clientId: string;
  phone: string;
  when: FollowUpTime;
}

/** Reads a visitor's follow-up request; the phone number follows the callback request's rule. */
export function parseFollowUpRequest(object: Record<string, unknown>): Read<FollowUpInput> {
  const { clientId, phone, when } = object;
  if (typeof clientId !== 'string' || !/^[A-Za-z0-9_-]{8,100}$/.test(clientId)) {
    return { ok: false, error: { code: 'invalid-frame', message: '"follow-up" needs a "clientId".' } };
  }
  const fail = (message: string): Read<FollowUpInput> => ({
    ok: false,
    error: { code: 'invalid-follow-up', message, clientId },
  });
  if (!oneOf(FOLLOW_UP_TIMES, when)) return fail(`"when" must be one of ${FOLLOW_UP_TIMES.join(', ')}.`);
  // The number follows the callback request's rule.
  const callback = parseCallback({ clientId, phone, bestTime: when });
  if (!callback.ok) return fail(callback.error.message);
  return { ok: true, value: { clientId, phone: callback.value.phone, when } };
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLanguage(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(value);
}
