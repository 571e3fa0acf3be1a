/**
 * Opening hours from directory exports to {@link ScheduleRule}s in 24-hour time. Handles the
 * HSDS 1.x/2.x tabular form (one row per weekday with `opens_at` like `9:00am`) and the HSDS
 * 3.0 iCal form (`freq`, `byday`, `opens_at`, `closes_at`). Nothing is guessed silently:
 * an inferred am/pm is reported, and whatever cannot be read is handed back for the
 * service's schedule note in the directory's own words.
 */
import { WEEKDAYS, type ScheduleRule, type Weekday } from '../snapshot.js';
import type { ProblemKind } from './import-report.js';

/** A problem found while reading hours. */
export interface ScheduleProblem {
  kind: Extract<
    ProblemKind,
    | 'schedule-time-invalid'
    | 'schedule-meridiem-guessed'
    | 'schedule-weekday-invalid'
    | 'schedule-extra-text'
    | 'schedule-unsupported'
  >;
  detail: string;
}

/** A time of day as written, before am/pm is settled. */
export interface ClockReading {
  hours: number;
  minutes: number;
  /** `24h` when the writing is unambiguous without am/pm (`18:00`, `09:00`, `10:00:00`). */
  meridiem: 'am' | 'pm' | '24h' | 'none';
  /** Words after the time, such as `(dispensing)`. */
  extra: string;
}

const WEEKDAY_NAMES: Record<string, Weekday> = {
  mo: 'MO',
  mon: 'MO',
  monday: 'MO',
  lunes: 'MO',
  lun: 'MO',
  m: 'MO',
  tu: 'TU',
  tue: 'TU',
  tues: 'TU',
  tuesday: 'TU',
  martes: 'TU',
  mar: 'TU',
  we: 'WE',
  wed: 'WE',
  weds: 'WE',
  wednesday: 'WE',
  miercoles: 'WE',
  mie: 'WE',
  w: 'WE',
  th: 'TH',
  thu: 'TH',
  thur: 'TH',
  thurs: 'TH',
  thursday: 'TH',
  jueves: 'TH',
  jue: 'TH',
  fr: 'FR',
  fri: 'FR',
  friday: 'FR',
  viernes: 'FR',
  vie: 'FR',
  f: 'FR',
  sa: 'SA',
  sat: 'SA',
  saturday: 'SA',
  sabado: 'SA',
  sab: 'SA',
  su: 'SU',
  sun: 'SU',
  sunday: 'SU',
  domingo: 'SU',
  dom: 'SU',
};

/** Reads a weekday name or code in English or Spanish ("Monday", "Thur", "TH", "sábado"). */
export function parseWeekday(raw: string): Weekday | undefined {
  const key = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return WEEKDAY_NAMES[key];
}

/**
 * How an export numbers its weekdays, decided from the whole column: HSDS 1.x publishers write
 * 1 to 7 (ISO 8601, Monday first) or 0 to 6 (Sunday first, as JavaScript and cron do). A 0
 * anywhere means Sunday-first; otherwise numbers are read as ISO, so 7 is Sunday. Undefined
 * when the column has no numbers.
 */
export function weekdayNumbering(values: readonly string[]): 'iso' | 'sunday-zero' | undefined {
  const numbers = values.map((value) => value.trim()).filter((value) => /^\d$/.test(value));
  if (!numbers.length) return undefined;
  return numbers.includes('0') ? 'sunday-zero' : 'iso';
}

const ISO_DAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const SUNDAY_FIRST_DAYS: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** A numbered weekday as a code, under the export's numbering; undefined when out of range. */
export function numberedWeekday(raw: string, numbering: 'iso' | 'sunday-zero'): Weekday | undefined {
  const value = raw.trim();
  if (!/^\d$/.test(value)) return undefined;
  const number = Number(value);
  return numbering === 'iso' ? ISO_DAYS[number - 1] : SUNDAY_FIRST_DAYS[number];
}

// 9:00am, 9:00 a.m., 9am, 830am, 09:00, 18:00, 10:00:00, 9:0am, 8:00m (a lost "a" or "p").
const CLOCK = /^\s*(\d{1,2})(?:(?::|\.)(\d{1,2}))?(?::(\d{2}))?\s*(a\.?\s*m\.?|p\.?\s*m\.?|a\b|p\b|m\b)?/i;
const COMPACT_CLOCK = /^\s*(\d{1,2})(\d{2})\s*(a\.?m\.?|p\.?m\.?)/i;

/** Reads one time of day as written. Returns undefined when it is not a time. */
export function readClockTime(raw: string): ClockReading | undefined {
  const text = raw.trim().toLowerCase();
  if (text === '') return undefined;
  if (/^noon\b|^12\s*noon\b|^mid-?day\b/.test(text)) return { hours: 12, minutes: 0, meridiem: '24h', extra: '' };
  if (/^midnight\b/.test(text)) return { hours: 24, minutes: 0, meridiem: '24h', extra: '' };
  const compact = COMPACT_CLOCK.exec(text);
  const match = compact ?? CLOCK.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minuteText = compact ? (match[2] as string) : (match[2] ?? '00');
  // "9:0am" is a lost zero; "9:3am" could be 9:03 or 9:30, so it is not read.
  if (minuteText.length === 1 && minuteText !== '0') return undefined;
  const minutes = Number(minuteText);
  const suffix = (compact ? match[3] : match[4])?.replace(/[.\s]/g, '') ?? '';
  const rest = text.slice(match[0].length).trim();
  // "6:300pm": more digits right after the time means a typo we cannot read.
  if (/^\d/.test(rest)) return undefined;
  if (minutes > 59 || hours > 24) return undefined;
  let meridiem: ClockReading['meridiem'];
  if (suffix.startsWith('a')) meridiem = 'am';
  else if (suffix.startsWith('p')) meridiem = 'pm';
  else if (
    hours === 0 ||
    hours > 12 ||
    ((match[1] as string).length === 2 && (match[1] as string).startsWith('0')) ||
    match[3] !== undefined
  )
    meridiem = '24h';
  else meridiem = 'none';
  if ((meridiem === 'am' || meridiem === 'pm') && (hours === 0 || hours > 12)) return undefined;
  return { hours, minutes, meridiem, extra: rest };
}

/** An opening period in 24-hour `HH:MM`, with what was doubtful about it. */
export interface OpeningHours {
  opens: string;
  closes: string;
  problems: ScheduleProblem[];
}

/**
 * Reads an `opens_at`/`closes_at` pair. A missing am/pm is inferred from the other time (an
 * opening is the latest reading before the closing; a closing is the earliest reading after
 * the opening) and reported. Returns the problems alone when the pair cannot be read.
 */
export function readOpeningHours(opensRaw: string, closesRaw: string): OpeningHours | { problems: ScheduleProblem[] } {
  const problems: ScheduleProblem[] = [];
  const opens = readClockTime(opensRaw);
  const closes = readClockTime(closesRaw);
  if (!opens || !closes) {
    const which =
      !opens && !closes ? `"${opensRaw}" to "${closesRaw}"` : !opens ? `opens "${opensRaw}"` : `closes "${closesRaw}"`;
    problems.push({ kind: 'schedule-time-invalid', detail: which });
    return { problems };
  }
  for (const reading of [opens, closes]) {
    if (reading.extra !== '') problems.push({ kind: 'schedule-extra-text', detail: `"${reading.extra}"` });
  }
  let opensMinutes: number;
  let closesMinutes: number;
  const opensKnown = opens.meridiem !== 'none';
  const closesKnown = closes.meridiem !== 'none';
  if (opensKnown && closesKnown) {
    opensMinutes = toMinutes(opens, 'opens');
    closesMinutes = toMinutes(closes, 'closes');
  } else if (closesKnown) {
    closesMinutes = toMinutes(closes, 'closes');
    const candidates = candidatesOf(opens).filter((m) => m < closesMinutes);
    opensMinutes = candidates.length > 0 ? Math.max(...candidates) : toMinutes({ ...opens, meridiem: 'am' }, 'opens');
    problems.push({
      kind: 'schedule-meridiem-guessed',
      detail: `opens "${opensRaw}" read as ${formatMinutes(opensMinutes)}`,
    });
  } else {
    opensMinutes = opensKnown ? toMinutes(opens, 'opens') : daytimeGuess(opens);
    const candidates = candidatesOf(closes).filter((m) => m > opensMinutes);
    closesMinutes =
      candidates.length > 0 ? Math.min(...candidates) : toMinutes({ ...closes, meridiem: 'pm' }, 'closes');
    const guessed = opensKnown ? `closes "${closesRaw}"` : `"${opensRaw}" to "${closesRaw}"`;
    problems.push({
      kind: 'schedule-meridiem-guessed',
      detail: `${guessed} read as ${formatMinutes(opensMinutes)} to ${formatMinutes(closesMinutes)}`,
    });
  }
  if (opensMinutes >= 24 * 60) opensMinutes = 0;
  if (opensMinutes === closesMinutes) {
    // "12:00am to 12:00am" is the way exports write "open all day"; any other equal pair is a mistake.
    if (opensMinutes !== 0) {
      problems.push({
        kind: 'schedule-time-invalid',
        detail: `opens and closes at the same time ("${opensRaw}" to "${closesRaw}")`,
      });
      return { problems };
    }
    closesMinutes = 24 * 60;
  }
  return { opens: formatMinutes(opensMinutes), closes: formatMinutes(closesMinutes), problems };
}

function toMinutes(reading: ClockReading, role: 'opens' | 'closes'): number {
  let hours = reading.hours;
  if (reading.meridiem === 'am' && hours === 12) hours = role === 'closes' ? 24 : 0;
  if (reading.meridiem === 'pm' && hours < 12) hours += 12;
  if (reading.meridiem === '24h' && hours === 0 && reading.minutes === 0 && role === 'closes') hours = 24;
  return hours * 60 + reading.minutes;
}

/** Both readings of a time without am/pm, in minutes after midnight. */
function candidatesOf(reading: ClockReading): number[] {
  const base = (reading.hours % 12) * 60 + reading.minutes;
  return [base, base + 12 * 60];
}

/** Opening hours without any am/pm: 6 to 11 are mornings, 1 to 5 afternoons, 12 noon. */
function daytimeGuess(reading: ClockReading): number {
  const hours = reading.hours === 12 ? 12 : reading.hours >= 6 ? reading.hours : reading.hours + 12;
  return hours * 60 + reading.minutes;
}

function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** One day's opening period, before grouping into rules. */
export interface DayHours {
  day: Weekday;
  opens: string;
  closes: string;
  validFrom?: string;
  validTo?: string;
}

/**
 * Groups per-day periods into rules: days with the same hours share a rule, days in week
 * order, duplicates removed. Rules come out ordered by their first day, then opening time.
 */
export function groupScheduleRules(periods: DayHours[]): ScheduleRule[] {
  const groups = new Map<string, { rule: Omit<ScheduleRule, 'days'>; days: Set<Weekday> }>();
  for (const period of periods) {
    const key = [period.opens, period.closes, period.validFrom ?? '', period.validTo ?? ''].join('|');
    let group = groups.get(key);
    if (!group) {
      const rule: Omit<ScheduleRule, 'days'> = { opens: period.opens, closes: period.closes };
      if (period.validFrom) rule.validFrom = period.validFrom;
      if (period.validTo) rule.validTo = period.validTo;
      group = { rule, days: new Set() };
      groups.set(key, group);
    }
    group.days.add(period.day);
  }
  const rules: ScheduleRule[] = [...groups.values()].map(({ rule, days }) => {
    const ordered = WEEKDAYS.filter((day) => days.has(day));
    return { days: ordered, ...rule };
  });
  return rules.sort(
    (a, b) =>
      WEEKDAYS.indexOf(a.days[0] as Weekday) - WEEKDAYS.indexOf(b.days[0] as Weekday) || a.opens.localeCompare(b.opens),
  );
}

/** An HSDS 3.0 `schedule` object, the fields this importer reads. */
export interface RecurringSchedule {
  freq?: string;
  interval?: string | number;
  byday?: string;
  byweekno?: string;
  bymonthday?: string;
  byyearday?: string;
  count?: string | number;
  opens_at?: string;
  closes_at?: string;
  valid_from?: string;
  valid_to?: string;
}

/**
 * Reads an HSDS 3.0 schedule. Weekly schedules (interval 1, `byday` plain weekday codes)
 * become per-day periods; anything else (monthly, every other week, specific weeks or
 * dates) is reported as unsupported and left to the schedule note.
 */
export function readRecurringSchedule(schedule: RecurringSchedule): {
  periods: DayHours[];
  problems: ScheduleProblem[];
} {
  const problems: ScheduleProblem[] = [];
  const freq = (schedule.freq ?? '').trim().toUpperCase();
  const interval = Number(schedule.interval ?? 1);
  const restrictions = (['byweekno', 'bymonthday', 'byyearday', 'count'] as const).filter(
    (field) => String(schedule[field] ?? '').trim() !== '',
  );
  if ((freq !== '' && freq !== 'WEEKLY') || (Number.isFinite(interval) && interval > 1) || restrictions.length > 0) {
    const why = [
      freq && freq !== 'WEEKLY' ? `freq ${freq}` : '',
      interval > 1 ? `interval ${interval}` : '',
      ...restrictions.map((field) => `${field} ${String(schedule[field])}`),
    ].filter(Boolean);
    problems.push({ kind: 'schedule-unsupported', detail: why.join(', ') });
    return { periods: [], problems };
  }
  const byday = (schedule.byday ?? '').trim();
  if (byday === '') {
    problems.push({ kind: 'schedule-unsupported', detail: 'no byday' });
    return { periods: [], problems };
  }
  const days: Weekday[] = [];
  for (const part of byday.split(/[,\s]+/).filter(Boolean)) {
    const day = /^[A-Za-z]+$/.test(part) ? parseWeekday(part) : undefined;
    if (!day) {
      problems.push({ kind: 'schedule-weekday-invalid', detail: `byday "${part}"` });
      continue;
    }
    days.push(day);
  }
  const hours = readOpeningHours(schedule.opens_at ?? '', schedule.closes_at ?? '');
  problems.push(...hours.problems);
  if (!('opens' in hours)) return { periods: [], problems };
  const validity: Pick<DayHours, 'validFrom' | 'validTo'> = {};
  const validFrom = isoDate(schedule.valid_from);
  const validTo = isoDate(schedule.valid_to);
  if (validFrom && validTo && validFrom > validTo) {
    problems.push({
      kind: 'schedule-time-invalid',
      detail: `valid_from ${validFrom} is after valid_to ${validTo}; dates ignored`,
    });
  } else {
    if (validFrom) validity.validFrom = validFrom;
    if (validTo) validity.validTo = validTo;
  }
  return { periods: days.map((day) => ({ day, opens: hours.opens, closes: hours.closes, ...validity })), problems };
}

function isoDate(value: string | undefined): string | undefined {
  const match = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value ?? '');
  return match?.[1];
}
