/**
 * The kinds of crisis the widget recognises, most urgent first. The order is the
 * priority {@link detectCrisis} uses when one message shows several kinds:
 *
 * 1. `danger`: someone is in immediate danger (a weapon, a break-in, a threat to kill now).
 *    Only emergency services can act, so 911 comes first.
 * 2. `medical`: overdose, not breathing, unconscious, heavy bleeding. Also 911 first;
 *    a suicide attempt by overdose is `medical` before `suicide` for that reason.
 * 3. `suicide`: thoughts of suicide or self-harm. The region's crisis line (988).
 * 4. `harm-others`: the visitor may hurt someone. A crisis line, and 911 if it is now.
 * 5. `sexual-assault`, 6. `domestic-violence`, 7. `child-abuse`, 8. `trafficking`:
 *    violence and exploitation, where a specialised line helps with a safety plan.
 *
 * The widget shows every kind found; the priority only decides which message leads.
 */
export const CRISIS_KINDS = [
  'danger',
  'medical',
  'suicide',
  'harm-others',
  'sexual-assault',
  'domestic-violence',
  'child-abuse',
  'trafficking',
] as const;

/** One kind of crisis; see {@link CRISIS_KINDS} for the meaning and priority of each. */
export type CrisisKind = (typeof CRISIS_KINDS)[number];

/** True when `value` is one of {@link CRISIS_KINDS}. */
export function isCrisisKind(value: string): value is CrisisKind {
  return (CRISIS_KINDS as readonly string[]).includes(value);
}
