/**
 * Reads frames from the wire into the typed frames of `handoff-protocol.ts`, or into an error
 * frame that says what was wrong. Nothing a client sends reaches the hub or the database
 * without passing through here; a summary is rebuilt field by field, so anything the widget
 * did not mean to hand off is dropped rather than stored.
 */
import { CRISIS_KINDS, type CrisisKind } from '../../src/conversation/crisis-kinds.js';
import type { HandoffReason } from '../../src/conversation/handoff-rules.js';
import { NEED_CATEGORIES, type NeedCategory } from '../../src/directory/snapshot.js';
import { characterCount } from '../../src/handoff/message-text.js';
import {
  CALLBACK_LIMITS,
  type CallbackRequestInput,
  type ForWhom,
  type HandoffError,
  type HandoffSummary,
  type NavigatorFrame,
  SAFETY_CHECK_ANSWERS,
  type SafetyCheckAnswer,
  SUMMARY_LIMITS,
  type VisitorFrame,
} from '../../src/handoff/handoff-protocol.js';
import { NAVIGATOR_CONTENT_KINDS, VISITOR_CONTENT_KINDS } from '../../src/handoff/message-content.js';
import { parseContactRecord, parseContent, parseFollowUpRequest } from './desk-frames.js';

/** The result of reading a frame. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: HandoffError };

/** Client ids and conversation ids: 8 to 100 URL-safe characters. */
const ID_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
/**
 * Start ids: at least 22 URL-safe characters (128 random bits, as the widget makes them), since
 * a repeated start id returns its conversation for a short while and must not be guessable.
 */
const START_ID_PATTERN = /^[A-Za-z0-9_-]{22,100}$/;

const HANDOFF_REASONS: Record<HandoffReason, true> = {
  crisis: true,
  asked: true,
  'urgent-today': true,
  'many-needs': true,
  'not-helpful': true,
  'nothing-fits': true,
};

const FOR_WHOM: Record<ForWhom, true> = { child: true, adult: true, senior: true };

/** Reads a visitor frame. */
export function parseVisitorFrame(data: string): Parsed<VisitorFrame> {
  const object = parseObject(data);
  if (!object) return invalid('Frames are JSON objects with a "type".');
  switch (object.type) {
    case 'start': {
      if (typeof object.startId !== 'string' || !START_ID_PATTERN.test(object.startId)) {
        return invalid('"start" needs a random "startId" of 22 to 100 URL-safe characters.');
      }
      const summary = parseSummary(object.summary);
      if (!summary.ok) return summary;
      return { ok: true, value: { type: 'start', startId: object.startId, summary: summary.value } };
    }
    case 'resume':
      if (!isId(object.conversationId) || typeof object.secret !== 'string' || !isSeq(object.after)) {
        return invalid('"resume" needs "conversationId", "secret" and "after" (the last seq seen, 0 for none).');
      }
      return {
        ok: true,
        value: { type: 'resume', conversationId: object.conversationId, secret: object.secret, after: object.after },
      };
    case 'send':
      if (!isId(object.clientId) || typeof object.text !== 'string') {
        return invalid('"send" needs a "clientId" of 8 to 100 URL-safe characters and a "text".');
      }
      if (object.content !== undefined) {
        const content = parseContent(object.content, VISITOR_CONTENT_KINDS, object.clientId);
        if (!content.ok) return content;
        return {
          ok: true,
          value: { type: 'send', clientId: object.clientId, text: object.text, content: content.value },
        };
      }
      return { ok: true, value: { type: 'send', clientId: object.clientId, text: object.text } };
    case 'follow-up': {
      const request = parseFollowUpRequest(object);
      if (!request.ok) return request;
      return { ok: true, value: { type: 'follow-up', ...request.value } };
    }
    case 'typing':
      if (typeof object.typing !== 'boolean') return invalid('"typing" needs "typing": true or false.');
      return { ok: true, value: { type: 'typing', typing: object.typing } };
    case 'end':
      return { ok: true, value: { type: 'end' } };
    case 'ping':
      return { ok: true, value: { type: 'ping' } };
    case 'request-callback': {
      const callback = parseCallback(object);
      if (!callback.ok) return callback;
      if (!isLanguage(object.language)) return invalid('"request-callback" needs a "language" such as "es".');
      let summary: HandoffSummary | undefined;
      if (object.summary !== undefined) {
        const parsed = parseSummary(object.summary);
        if (!parsed.ok) return parsed;
        summary = parsed.value;
      }
      return {
        ok: true,
        value: {
          type: 'request-callback',
          ...callback.value,
          language: object.language,
          ...(summary ? { summary } : {}),
        },
      };
    }
    default:
      // Never echo what a client sent: it could be anything, at any length.
      return invalid('Unknown frame type.');
  }
}

/** Reads a navigator frame. */
export function parseNavigatorFrame(data: string): Parsed<NavigatorFrame> {
  const object = parseObject(data);
  if (!object) return invalid('Frames are JSON objects with a "type".');
  const type = object.type;
  if (type === 'ping') return { ok: true, value: { type: 'ping' } };
  if (type === 'callback-handled') {
    if (!Number.isSafeInteger(object.callbackId)) return invalid('"callback-handled" needs a numeric "callbackId".');
    return { ok: true, value: { type: 'callback-handled', callbackId: object.callbackId as number } };
  }
  if (type === 'follow-up-take' || type === 'follow-up-done' || type === 'follow-up-reschedule') {
    const followUpId = object.followUpId;
    if (!Number.isSafeInteger(followUpId)) return invalid(`"${type}" needs a numeric "followUpId".`);
    if (type !== 'follow-up-reschedule') return { ok: true, value: { type, followUpId: followUpId as number } };
    if (!Number.isSafeInteger(object.dueAt))
      return invalid('"follow-up-reschedule" needs "dueAt", epoch milliseconds.');
    return { ok: true, value: { type, followUpId: followUpId as number, dueAt: object.dueAt as number } };
  }
  const conversationId = object.conversationId;
  if (!isId(conversationId)) return invalid('This frame needs a "conversationId".');
  switch (type) {
    case 'claim':
    case 'end':
    case 'release':
    case 'report-abuse':
      return { ok: true, value: { type, conversationId } };
    case 'open':
      if (!isSeq(object.after)) return invalid('"open" needs "after": the last seq seen, 0 for none.');
      return { ok: true, value: { type, conversationId, after: object.after } };
    case 'send':
      if (!isId(object.clientId) || typeof object.text !== 'string') {
        return invalid('"send" needs a "clientId" of 8 to 100 URL-safe characters and a "text".');
      }
      if (object.content !== undefined) {
        const content = parseContent(object.content, NAVIGATOR_CONTENT_KINDS, object.clientId);
        if (!content.ok) return { ok: false, error: content.error };
        const { clientId, text } = object;
        return { ok: true, value: { type, conversationId, clientId, text, content: content.value } };
      }
      return { ok: true, value: { type, conversationId, clientId: object.clientId, text: object.text } };
    case 'save-record': {
      const record = parseContactRecord(object.record);
      if (!record.ok) return record;
      return { ok: true, value: { type, conversationId, record: record.value } };
    }
    case 'typing':
      if (typeof object.typing !== 'boolean') return invalid('"typing" needs "typing": true or false.');
      return { ok: true, value: { type, conversationId, typing: object.typing } };
    default:
      return invalid('Unknown frame type.');
  }
}

/** Rebuilds a hand-off summary from untrusted JSON, keeping only the fields the protocol names. */
export function parseSummary(value: unknown): Parsed<HandoffSummary> {
  if (!isObject(value)) return invalidSummary('"summary" must be an object.');
  if (!isLanguage(value.language)) return invalidSummary('"summary.language" must be a language code such as "es".');
  if (typeof value.reason !== 'string' || !Object.hasOwn(HANDOFF_REASONS, value.reason)) {
    return invalidSummary(`"summary.reason" must be one of ${Object.keys(HANDOFF_REASONS).join(', ')}.`);
  }
  if (typeof value.urgent !== 'boolean' || typeof value.crisis !== 'boolean') {
    return invalidSummary('"summary.urgent" and "summary.crisis" must be true or false.');
  }
  const needs = listOf(value.needs, SUMMARY_LIMITS.needs, (need) => {
    if (!isObject(need) || typeof need.words !== 'string' || characterCount(need.words) > SUMMARY_LIMITS.needWords)
      return null;
    const categories = listOf(need.categories, NEED_CATEGORIES.length, (c) =>
      (NEED_CATEGORIES as readonly unknown[]).includes(c) ? (c as NeedCategory) : null,
    );
    return categories && { words: need.words, categories };
  });
  if (!needs) {
    return invalidSummary(
      `"summary.needs" must be at most ${SUMMARY_LIMITS.needs} needs of {words (at most ${SUMMARY_LIMITS.needWords} characters), categories}.`,
    );
  }
  const crisisKinds = listOf(value.crisisKinds ?? [], CRISIS_KINDS.length, (kind) =>
    (CRISIS_KINDS as readonly unknown[]).includes(kind) ? (kind as CrisisKind) : null,
  );
  if (!crisisKinds) return invalidSummary(`"summary.crisisKinds" must list kinds from: ${CRISIS_KINDS.join(', ')}.`);
  const servicesShown = listOf(value.servicesShown ?? [], SUMMARY_LIMITS.servicesShown, (service) => {
    if (!isObject(service) || typeof service.id !== 'string' || typeof service.name !== 'string') return null;
    if (service.id.length > SUMMARY_LIMITS.serviceId || characterCount(service.name) > SUMMARY_LIMITS.serviceName)
      return null;
    return { id: service.id, name: service.name };
  });
  if (!servicesShown) {
    return invalidSummary(`"summary.servicesShown" must be at most ${SUMMARY_LIMITS.servicesShown} {id, name} pairs.`);
  }
  const summary: HandoffSummary = {
    language: value.language,
    reason: value.reason as HandoffReason,
    needs,
    urgent: value.urgent,
    crisis: value.crisis,
    crisisKinds,
    servicesShown,
  };
  if (value.area !== undefined) {
    if (typeof value.area !== 'string' || characterCount(value.area) > SUMMARY_LIMITS.area) {
      return invalidSummary(`"summary.area" must be text of at most ${SUMMARY_LIMITS.area} characters.`);
    }
    summary.area = value.area;
  }
  if (value.forWhom !== undefined) {
    if (typeof value.forWhom !== 'string' || !Object.hasOwn(FOR_WHOM, value.forWhom)) {
      return invalidSummary(`"summary.forWhom" must be one of ${Object.keys(FOR_WHOM).join(', ')}.`);
    }
    summary.forWhom = value.forWhom as ForWhom;
  }
  if (value.safetyCheck !== undefined) {
    const check = value.safetyCheck;
    const kinds = isObject(check)
      ? listOf(check.kinds, CRISIS_KINDS.length, (kind) =>
          (CRISIS_KINDS as readonly unknown[]).includes(kind) ? (kind as CrisisKind) : null,
        )
      : null;
    const answer = isObject(check) ? check.answer : undefined;
    if (!kinds || !(answer === null || (SAFETY_CHECK_ANSWERS as readonly unknown[]).includes(answer))) {
      return invalidSummary(
        `"summary.safetyCheck" must be {kinds, answer} with answer one of ${SAFETY_CHECK_ANSWERS.join(', ')} or null.`,
      );
    }
    summary.safetyCheck = { kinds, answer: answer as SafetyCheckAnswer | null };
  }
  return { ok: true, value: summary };
}

/** Reads the phone and best time of a callback request. */
export function parseCallback(object: Record<string, unknown>): Parsed<CallbackRequestInput> {
  const { clientId, phone, bestTime } = object;
  if (!isId(clientId)) return invalid('"request-callback" needs a "clientId" of 8 to 100 URL-safe characters.');
  if (typeof phone !== 'string' || typeof bestTime !== 'string') {
    return invalidCallback(clientId, 'A callback request needs "phone" and "bestTime".');
  }
  const trimmedPhone = phone.trim();
  const digits = trimmedPhone.replace(/\D/g, '').length;
  if (
    trimmedPhone.length > CALLBACK_LIMITS.phone ||
    digits < CALLBACK_LIMITS.minimumDigits ||
    !/^\+?[0-9 ().-]+((ext|x)\.? ?[0-9]+)?$/i.test(trimmedPhone)
  ) {
    return invalidCallback(
      clientId,
      `"phone" must be a phone number of at least ${CALLBACK_LIMITS.minimumDigits} digits (digits, spaces, + - ( ) . and an extension).`,
    );
  }
  const trimmedTime = bestTime.trim();
  if (trimmedTime === '' || characterCount(trimmedTime) > CALLBACK_LIMITS.bestTime) {
    return invalidCallback(clientId, `"bestTime" must be text of 1 to ${CALLBACK_LIMITS.bestTime} characters.`);
  }
  return { ok: true, value: { clientId, phone: trimmedPhone, bestTime: trimmedTime } };
}

function parseObject(data: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  return isObject(value) && typeof value.type === 'string' ? value : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

function isSeq(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isLanguage(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(value);
}

function listOf<T>(value: unknown, max: number, read: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value) || value.length > max) return null;
  const items: T[] = [];
  for (const item of value) {
    const read_ = read(item);
    if (read_ === null) return null;
    items.push(read_);
  }
  return items;
}

function invalid(message: string): { ok: false; error: HandoffError } {
  return { ok: false, error: { code: 'invalid-frame', message } };
}

function invalidSummary(message: string): { ok: false; error: HandoffError } {
  return { ok: false, error: { code: 'invalid-summary', message } };
}

function invalidCallback(clientId: string, message: string): { ok: false; error: HandoffError } {
  return { ok: false, error: { code: 'invalid-callback', message, clientId } };
}
