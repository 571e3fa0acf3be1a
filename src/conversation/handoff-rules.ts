/**
 * When the widget hands a visitor to a person, or offers to. Pure rules over facts the
 * conversation has gathered, so each one is tested on its own and the thresholds are
 * configuration a 211 can tune.
 */
import type { NeedCategory } from '../directory/snapshot.js';

/** Why a person is offered, most urgent first. */
export type HandoffReason = 'crisis' | 'asked' | 'urgent-today' | 'many-needs' | 'not-helpful' | 'nothing-fits';

/** Tunable thresholds. */
export interface HandoffThresholds {
  /** Offer a person once this many distinct needs have been collected. */
  needsBeforeOffer: number;
  /** Offer a person once the visitor has said this many times that results did not help. */
  notHelpfulBeforeOffer: number;
  /** Categories whose need, when it is for today, is urgent enough to offer a person. */
  urgentTodayCategories: NeedCategory[];
}

/** The defaults: three needs, two "didn't help", housing the same day. */
export const DEFAULT_HANDOFF_THRESHOLDS: HandoffThresholds = {
  needsBeforeOffer: 3,
  notHelpfulBeforeOffer: 2,
  urgentTodayCategories: ['housing'],
};

/** What the rules look at. */
export interface HandoffFacts {
  crisis: boolean;
  askedForPerson: boolean;
  /** Categories of the current need. */
  categories: NeedCategory[];
  /** The visitor said the need is for today. */
  today: boolean;
  /** The visitor's words name something urgent whatever the category (e.g. an eviction today). */
  urgentWords: boolean;
  /** Distinct needs collected so far, including the current one. */
  needsCollected: number;
  notHelpfulCount: number;
  /** The last search found nothing. */
  nothingFits: boolean;
}

/** Returns the most urgent reason to offer a person, or null when none applies. */
export function handoffReason(facts: HandoffFacts, thresholds: HandoffThresholds): HandoffReason | null {
  if (facts.crisis) return 'crisis';
  if (facts.askedForPerson) return 'asked';
  if (isUrgentToday(facts, thresholds)) return 'urgent-today';
  if (facts.needsCollected >= thresholds.needsBeforeOffer) return 'many-needs';
  if (facts.notHelpfulCount >= thresholds.notHelpfulBeforeOffer) return 'not-helpful';
  if (facts.nothingFits) return 'nothing-fits';
  return null;
}

/** Urgent reasons put the conversation at the front of a navigator's queue. */
export function isUrgentReason(reason: HandoffReason | null): boolean {
  return reason === 'crisis' || reason === 'urgent-today';
}

function isUrgentToday(facts: HandoffFacts, thresholds: HandoffThresholds): boolean {
  if (!facts.today) return false;
  return facts.urgentWords || facts.categories.some((c) => thresholds.urgentTodayCategories.includes(c));
}
