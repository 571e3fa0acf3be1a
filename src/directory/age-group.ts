/**
 * Who a service is for, as the widget asks it ("for you, a child, or an older adult?"), and
 * whether a service's age limits admit that person.
 */

/** Who a service is for, as the widget asks it. */
export type AgeGroup = 'child' | 'adult' | 'senior';

/** The age groups in the order the widget offers them. */
export const AGE_GROUPS: readonly AgeGroup[] = ['child', 'adult', 'senior'];

/** Ages each group covers, in years, inclusive. Seniors start at 60, as most US and Ontario senior programs do. */
export const AGE_GROUP_RANGE: Readonly<Record<AgeGroup, { min: number; max: number }>> = {
  child: { min: 0, max: 17 },
  adult: { min: 18, max: 59 },
  senior: { min: 60, max: 120 },
};

/**
 * True when age limits admit someone in the group. No limits admit everyone: most directories
 * leave ages blank, and hiding those services would hide most of the directory.
 */
export function agesAdmit(ages: { min?: number; max?: number } | undefined, group: AgeGroup): boolean {
  const range = AGE_GROUP_RANGE[group];
  const min = ages?.min ?? 0;
  const max = ages?.max ?? 200;
  return min <= range.max && max >= range.min;
}
