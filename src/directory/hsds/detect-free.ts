/**
 * Whether a fees text says the service costs nothing, for the widget's "Free" label. Only a
 * plain statement counts ("Free", "No fee", "Free of charge"); a text that also names an
 * amount, a sliding scale or insurance is not "free", because a wrong "Free" label costs a
 * visitor a wasted trip.
 */

const FREE =
  /\b(free|no (?:fee|fees|charge|cost)s?|no[- ]cost|gratis|gratuito|sin costo|at no charge|without charge)\b/i;
const NOT_FREE =
  /[$€£¢]|\d|\b(sliding|scale|suggested donation|insurance|medicaid|medicare|copay|co-pay|except|unless|may apply|varies|vary|membership|tuition|private pay|self[- ]pay|some services)\b/i;

/** True when the text plainly says free, false when it names a cost, undefined when it says neither. */
export function detectFree(fees: string): boolean | undefined {
  const text = fees.trim();
  if (text === '') return undefined;
  if (FREE.test(text) && !NOT_FREE.test(text)) return true;
  if (NOT_FREE.test(text) || /\b(fee|fees|cost|costs|charge|charges|pay|price)\b/i.test(text)) return false;
  return undefined;
}
