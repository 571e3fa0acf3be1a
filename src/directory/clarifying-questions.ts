/**
 * Which clarifying questions are worth asking. A question is asked only when its answer
 * would change the services shown: "where are you?" when the directory covers several areas
 * (it filters and orders by distance),
 * "who is it for?" when some candidates have age limits, "today?" when the need can be urgent
 * and the candidates' hours differ. Every question costs a stressed visitor a tap.
 */
import type { Question } from '../conversation/conversation-types.js';
import type { AgeGroup } from './directory-matcher.js';
import { servesAgeGroup } from './directory-matcher.js';
import type { Area, NeedCategory, Service } from './snapshot.js';

/** What the questions look at in a candidate service. */
type Candidate = Pick<Service, 'areas' | 'ages' | 'schedule'>;

const AGE_GROUPS: AgeGroup[] = ['child', 'adult', 'senior'];

/** Needs where "is it for today?" changes what comes first. */
const SAME_DAY_CATEGORIES: NeedCategory[] = ['food', 'housing'];

/**
 * Lists the questions whose answers would change the results for these candidates, most
 * useful first. Housing asks "today?" before the rest: a same-day housing need is urgent.
 */
export function questionsThatChangeResults(
  snapshot: { areas: readonly Area[] },
  candidates: readonly Candidate[],
  categories: readonly NeedCategory[],
): Question[] {
  const questions: Question[] = [];
  const sameDay = categories.some((c) => SAME_DAY_CATEGORIES.includes(c)) && hoursDiffer(candidates);
  if (sameDay && categories.includes('housing')) questions.push('today');
  // Where the visitor is always matters in a directory of several areas: it filters services
  // that serve only some areas, and it puts the nearest first.
  if (snapshot.areas.length > 1) questions.push('area');
  if (AGE_GROUPS.some((group) => candidates.some((s) => !servesAgeGroup(s, group)))) questions.push('ageGroup');
  if (sameDay && !questions.includes('today')) questions.push('today');
  return questions;
}

/** True when some candidates keep different days or hours from others. */
function hoursDiffer(candidates: readonly Candidate[]): boolean {
  const shapes = new Set(candidates.map((s) => JSON.stringify(s.schedule)));
  return shapes.size > 1;
}
