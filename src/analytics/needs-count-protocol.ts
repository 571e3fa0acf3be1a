/**
 * What the widget sends the navigator service when a deployment opts into counting needs
 * (the `needs-counts` attribute), and nothing more: steps of a conversation as codes from
 * closed lists. No typed text, no identifier, no time (the service files a batch under the
 * day it arrives), so a batch cannot be tied to a visitor or to anything they wrote.
 */
import type { HandoffReason } from '../conversation/handoff-rules.js';
import { NEED_CATEGORIES, type NeedCategory, UI_LANGUAGES, type UiLanguage } from '../directory/snapshot.js';

/** The endpoint a batch is posted to, on the navigator service. */
export const NEEDS_COUNT_PATH = '/needs/counts';

/** The batch format's version. */
export const NEEDS_COUNT_VERSION = 1;

/** Why a person was offered, as counted (the widget's hand-off reasons). */
export const HANDOFF_REASONS = [
  'crisis',
  'asked',
  'urgent-today',
  'many-needs',
  'not-helpful',
  'nothing-fits',
] as const satisfies readonly HandoffReason[];

/**
 * One step of a conversation:
 * - `need`: a need was chosen or understood, one step per category;
 * - `results`: a search ended, `found` or `none`, with the area when the visitor chose one;
 * - `feedback`: "did this help?" answered;
 * - `handoff`: a person was offered or asked for, and why;
 * - `crisis-lines`: the crisis lines were shown (asked for, or after words of crisis);
 * - `quick-exit`: the visitor left with quick exit.
 */
export type NeedsStep =
  | { step: 'need'; category: NeedCategory; language: UiLanguage }
  | { step: 'results'; category: NeedCategory; language: UiLanguage; found: boolean; area?: string }
  | { step: 'feedback'; category: NeedCategory; language: UiLanguage; helpful: boolean; area?: string }
  | { step: 'handoff'; reason: HandoffReason; language: UiLanguage }
  | { step: 'crisis-lines'; language: UiLanguage }
  | { step: 'quick-exit'; language: UiLanguage };

/** A batch of steps, as posted. */
export interface NeedsCountBatch {
  v: typeof NEEDS_COUNT_VERSION;
  /** The widget's `region` attribute (which region's lines it shows), e.g. `ca-on`. */
  region: string;
  steps: NeedsStep[];
}

/** The most steps one batch may carry; a longer batch is refused whole. */
export const MAX_STEPS_PER_BATCH = 40;

/** Area ids are directory codes such as `port-alder-north`: short, lower case, no spaces. */
export const AREA_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;

/** Region ids look like `ca-on` or `us`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z0-9]{1,3})?$/;

/** True for a need category the widget knows. */
export function isNeedCategory(value: unknown): value is NeedCategory {
  return typeof value === 'string' && (NEED_CATEGORIES as readonly string[]).includes(value);
}

/** True for a language the widget speaks. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}
