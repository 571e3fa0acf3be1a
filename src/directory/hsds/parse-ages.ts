/**
 * Age limits from eligibility text ("Adults 18 years or older", "youth 16-24", "children
 * under 5") for the widget's age filter. Wrongly excluding someone from a service is worse
 * than showing one that turns out not to fit, so the parser is cautious: a number counts as
 * an age only with "years old", "of age", "ages" or a word for people next to it, several
 * age groups are joined (union), and limits on children in a text about parents or
 * families are not used.
 */

/** Inclusive age limits in years; an absent side means no limit. */
export interface AgeLimits {
  min?: number;
  max?: number;
}

interface Interval {
  low: number;
  high: number;
}

const N = '(\\d{1,3})';
const YEARS = '(?:years?|yrs?\\.?|y/o|year-olds?)';
const OLD = '(?:old|of age)';
// "18 years", "18 years old", "18 y/o": the unit that makes a number an age.
const UNIT = `(?:\\s*${YEARS}(?:\\s*${OLD})?)?`;
const MORE = '(?:and|or|&)\\s*(?:over|older|up|above|beyond)';
const LESS = '(?:and|or|&)\\s*(?:under|younger|below|less)';
const OPEN = Number.POSITIVE_INFINITY;

// People words: a number right after one of these is an age ("youth 16-24").
const PEOPLE =
  /(?:\b(?:age|ages|aged)\s*(?:of\s*)?|\b(?:children|child|kids|youths?|teens?|teenagers?|adolescents?|adults?|seniors?|elders?|individuals?|people|persons?|students?|women|men|girls|boys|infants?|participants?|patients?|clients?|those|anyone|veterans|males?|females?)\b[\s,(:;-]*(?:(?:who are|that are|between|from|ages?|aged|of)\s*)*)$/;
const ROLES = /\b(pregnant|parents?|families|family|caregivers?|guardians?|mothers?|fathers?|moms?|dads?)\b/;
const UNRESTRICTED = /\b(all ages|any age|no age (?:limit|restriction|requirement)s?|regardless of age|of all ages)\b/;

interface Rule {
  pattern: RegExp;
  /** Turns a match into an interval, or undefined when the numbers make no sense as ages. */
  read(match: RegExpExecArray): Interval | undefined;
  /** When true, the match counts only after a people word or with a years-old unit. */
  needsContext: boolean;
}

const RULES: Rule[] = [
  {
    // 5-17 years old, 16 to 24, 18 months-5 years old
    pattern: new RegExp(
      `${N}\\s*(months?|mos?\\.?)?\\s*(?:-|to|through|thru)\\s*${N}(\\s*${YEARS}(?:\\s*${OLD})?)?`,
      'g',
    ),
    read(match) {
      const months = match[2] !== undefined;
      const low = months ? Math.floor(Number(match[1]) / 12) : Number(match[1]);
      const high = Number(match[3]);
      return low <= high && high <= 120 ? { low, high } : undefined;
    },
    needsContext: true,
  },
  {
    // birth - 22 years old, infants - 12, newborns to 5
    pattern: new RegExp(
      `\\b(?:birth|newborns?|infants?|infancy|babies)\\s*(?:-|to|through|thru|until)\\s*${N}\\s*(months?|mos?\\.?)?`,
      'g',
    ),
    read(match) {
      const high = match[2] ? Math.floor(Number(match[1]) / 12) : Number(match[1]);
      return high <= 120 ? { low: 0, high } : undefined;
    },
    needsContext: false,
  },
  {
    // 60+, 18 and over, 18 years or older, 5 years old and up
    pattern: new RegExp(`${N}(?:\\s*\\+(?!\\d)|${UNIT}\\s*${MORE})`, 'g'),
    read: (match) => lowerBound(match[1]),
    needsContext: true,
  },
  {
    // over 16 years old, at least 18 years of age, older than 21
    pattern: new RegExp(
      `\\b(?:over|older than|above|at least|minimum age of|minimum of)\\s*(?:the age of\\s*|age\\s*)?${N}(\\s*${YEARS}\\s*${OLD})?`,
      'g',
    ),
    read: (match) => lowerBound(match[1]),
    needsContext: true,
  },
  {
    // must be 18 years old (but not "must be 17 years old or younger")
    pattern: new RegExp(`\\bmust be\\s*${N}\\s*${YEARS}(?:\\s*${OLD})?(?!(?:\\s*${OLD})?\\s*${LESS})`, 'g'),
    read: (match) => lowerBound(match[1]),
    needsContext: false,
  },
  {
    // 8 years old through adult, 3 years - adults
    pattern: new RegExp(`${N}${UNIT}\\s*(?:-|to|through|thru)\\s*(?:adults?|adulthood|seniors?)`, 'g'),
    read: (match) => lowerBound(match[1]),
    needsContext: true,
  },
  {
    // under 5, younger than 18, under the age of 21
    pattern: new RegExp(
      `\\b(?:under|younger than|below|less than)\\s*(?:the age of\\s*|age\\s*)?${N}(\\s*${YEARS}(?:\\s*${OLD})?)?`,
      'g',
    ),
    read(match) {
      const high = Number(match[1]) - 1;
      return high >= 0 && high <= 120 ? { low: 0, high } : undefined;
    },
    needsContext: true,
  },
  {
    // up to 21, until age 18
    pattern: new RegExp(`\\b(?:up to|until)\\s*(?:the age of\\s*|age\\s*)?${N}(\\s*${YEARS}(?:\\s*${OLD})?)?`, 'g'),
    read: (match) => upperBound(match[1]),
    needsContext: true,
  },
  {
    // 11 years old and under, 17 or younger
    pattern: new RegExp(`${N}${UNIT}\\s*${LESS}`, 'g'),
    read: (match) => upperBound(match[1]),
    needsContext: true,
  },
];

function lowerBound(value: string | undefined): Interval | undefined {
  const low = Number(value);
  return low <= 120 ? { low, high: OPEN } : undefined;
}

function upperBound(value: string | undefined): Interval | undefined {
  const high = Number(value);
  return high <= 120 ? { low: 0, high } : undefined;
}

/**
 * Finds the age limits a text states, or undefined when it states none (or states so many
 * groups that together they cover every age).
 */
export function parseAges(text: string): AgeLimits | undefined {
  const normalized = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');
  if (UNRESTRICTED.test(normalized)) return undefined;

  const intervals: Interval[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(normalized); match; match = rule.pattern.exec(normalized)) {
      if (
        rule.needsContext &&
        !hasAgeUnit(match[0]) &&
        !PEOPLE.test(normalized.slice(Math.max(0, match.index - 60), match.index))
      ) {
        continue;
      }
      // "grades 1-5", "$5-10", "5-10%" are not ages.
      const before = normalized.slice(Math.max(0, match.index - 8), match.index);
      const after = normalized.slice(match.index + match[0].length, match.index + match[0].length + 10);
      if (
        /(grades?|\$)\s*$/.test(before) ||
        /^\s*(%|grade|th grade|percent|hours?|days?|weeks?|minutes?|miles?|people|persons|members|beds)/.test(after)
      ) {
        continue;
      }
      const interval = rule.read(match);
      if (interval) intervals.push(interval);
    }
  }
  if (intervals.length === 0) return undefined;

  const low = Math.min(...intervals.map((interval) => interval.low));
  let high = Math.max(...intervals.map((interval) => interval.high));
  // "Pregnant women and babies up to 1 year": the limit is on the child, not on who is served.
  if (ROLES.test(normalized)) high = OPEN;
  const limits: AgeLimits = {};
  if (low > 0) limits.min = low;
  if (high !== OPEN) limits.max = high;
  return limits.min === undefined && limits.max === undefined ? undefined : limits;
}

// "18 years old", "18 y/o", "18 years or older", "under age 18": forms that can only be ages.
const AGE_UNIT = new RegExp(`${YEARS}\\s*${OLD}|y/o|year-olds?|${YEARS}\\s*(?:${MORE}|${LESS})|\\bage\\b`);

function hasAgeUnit(matched: string): boolean {
  return AGE_UNIT.test(matched);
}
