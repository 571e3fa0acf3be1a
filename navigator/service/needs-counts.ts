/**
 * Turning what arrives into counts: a batch from the widget (checked value by value against
 * closed lists, refused whole when anything is off) and a navigator's contact record. Both
 * become {@link CountIncrement}s, the only thing the needs store keeps. Pure.
 */
import {
  AREA_PATTERN,
  HANDOFF_REASONS,
  isNeedCategory,
  isUiLanguage,
  MAX_STEPS_PER_BATCH,
  NEEDS_COUNT_VERSION,
  REGION_PATTERN,
} from '../../src/analytics/needs-count-protocol.js';
import type { NeedCategory } from '../../src/directory/snapshot.js';

/**
 * What is counted. From the widget: `need`, `results` (detail `found`/`none`), `feedback`
 * (`helpful`/`not-helpful`), `handoff` (the reason), `crisis-lines`, `quick-exit`. From the
 * navigators' contact records: `contact` and `referred` per need, `unmet` per need and reason,
 * `safety-check` per answer.
 */
export const MEASURES = [
  'need',
  'results',
  'feedback',
  'handoff',
  'crisis-lines',
  'quick-exit',
  'contact',
  'referred',
  'unmet',
  'safety-check',
] as const;

/** One thing counted. */
export type Measure = (typeof MEASURES)[number];

/** The dimensions of a count; an empty string is "not given". */
export interface CountKey {
  measure: Measure;
  category: string;
  language: string;
  region: string;
  area: string;
  detail: string;
}

/** Add `count` (negative to take back) to one cell of a day. */
export interface CountIncrement extends CountKey {
  count: number;
}

/** The steps of a valid batch as increments, or why the batch was refused. */
export function incrementsFromBatch(body: unknown): { increments: CountIncrement[] } | { problem: string } {
  if (!isRecord(body) || body.v !== NEEDS_COUNT_VERSION) return { problem: `Send {"v": ${NEEDS_COUNT_VERSION}, …}.` };
  const region = body.region;
  if (typeof region !== 'string' || !REGION_PATTERN.test(region)) return { problem: 'region is not a region id.' };
  const steps = body.steps;
  if (!Array.isArray(steps) || steps.length === 0 || steps.length > MAX_STEPS_PER_BATCH) {
    return { problem: `steps must hold 1 to ${MAX_STEPS_PER_BATCH} steps.` };
  }
  const increments: CountIncrement[] = [];
  for (const [index, step] of steps.entries()) {
    const increment = incrementFromStep(step, region);
    if (!increment) return { problem: `steps[${index}] is not a step this service counts.` };
    increments.push(increment);
  }
  return { increments };
}

/** The keys each step may carry: anything else (a stray id, a text) refuses the batch. */
const STEP_KEYS: Record<string, readonly string[]> = {
  need: ['step', 'category', 'language'],
  results: ['step', 'category', 'language', 'found', 'area'],
  feedback: ['step', 'category', 'language', 'helpful', 'area'],
  handoff: ['step', 'reason', 'language'],
  'crisis-lines': ['step', 'language'],
  'quick-exit': ['step', 'language'],
};

function incrementFromStep(step: unknown, region: string): CountIncrement | undefined {
  if (!isRecord(step) || typeof step.step !== 'string') return undefined;
  const allowed = STEP_KEYS[step.step];
  if (!allowed || Object.keys(step).some((key) => !allowed.includes(key))) return undefined;
  if (!isUiLanguage(step.language)) return undefined;
  const base = { language: step.language, region, category: '', area: '', detail: '', count: 1 };
  const area =
    step.area === undefined ? '' : typeof step.area === 'string' && AREA_PATTERN.test(step.area) ? step.area : null;
  if (area === null) return undefined;
  switch (step.step) {
    case 'need':
      return isNeedCategory(step.category) ? { ...base, measure: 'need', category: step.category } : undefined;
    case 'results':
      if (!isNeedCategory(step.category) || typeof step.found !== 'boolean') return undefined;
      return { ...base, measure: 'results', category: step.category, area, detail: step.found ? 'found' : 'none' };
    case 'feedback':
      if (!isNeedCategory(step.category) || typeof step.helpful !== 'boolean') return undefined;
      return {
        ...base,
        measure: 'feedback',
        category: step.category,
        area,
        detail: step.helpful ? 'helpful' : 'not-helpful',
      };
    case 'handoff':
      return (HANDOFF_REASONS as readonly unknown[]).includes(step.reason)
        ? { ...base, measure: 'handoff', detail: step.reason as string }
        : undefined;
    case 'crisis-lines':
      return { ...base, measure: 'crisis-lines' };
    case 'quick-exit':
      return { ...base, measure: 'quick-exit' };
    default:
      return undefined;
  }
}

/**
 * What a navigator's record of a contact adds to the counts: codes only (categories, reasons,
 * the safety check's result), the shape of the desk's `ContactRecord` (issue 14). Referral
 * service ids are not kept, only whether a need was referred.
 */
export interface CountableContact {
  needs: readonly NeedCategory[];
  referrals: readonly string[];
  unmet: readonly { category: NeedCategory; reason: string }[];
  safetyCheck: string;
}

/** Where the contact came from: the conversation's language and the widget's region, if known. */
export interface ContactDimensions {
  language: string;
  region?: string;
}

/**
 * The increments for one contact record. Pass the record saved before (if the navigator is
 * correcting it) as `previous`: its counts are taken back, so a record counts once however
 * often it is saved.
 */
export function incrementsFromContact(
  next: CountableContact,
  dimensions: ContactDimensions,
  previous?: CountableContact,
): CountIncrement[] {
  const language = isUiLanguage(dimensions.language) ? dimensions.language : '';
  const region = dimensions.region && REGION_PATTERN.test(dimensions.region) ? dimensions.region : '';
  const of = (record: CountableContact, sign: 1 | -1): CountIncrement[] => {
    const base = { language, region, area: '', count: sign };
    const needs = [...new Set(record.needs)].filter(isNeedCategory);
    return [
      ...needs.map((category) => ({ ...base, measure: 'contact' as const, category, detail: '' })),
      ...(record.referrals.length > 0
        ? needs.map((category) => ({ ...base, measure: 'referred' as const, category, detail: '' }))
        : []),
      ...record.unmet
        .filter((unmet) => isNeedCategory(unmet.category))
        .map((unmet) => ({ ...base, measure: 'unmet' as const, category: unmet.category, detail: unmet.reason })),
      { ...base, measure: 'safety-check' as const, category: '', detail: record.safetyCheck },
    ];
  };
  return [...(previous ? of(previous, -1) : []), ...of(next, 1)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
