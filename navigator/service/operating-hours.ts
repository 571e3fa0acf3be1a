/**
 * Hours when navigators take chats, in the service's time zone. Written the way a 211 writes
 * them on its website, e.g. `MO-FR 07:00-21:00; SA 09:00-13:00`, so an administrator can set
 * them in one environment variable. Pure: the clock is an argument.
 */
import { WEEKDAYS, type Weekday } from '../../src/directory/snapshot.js';
import { wallClock } from '../../src/directory/opening-hours.js';

/** Opening hours, parsed. */
export interface OperatingHours {
  /** IANA time zone the hours are written in, e.g. `America/Toronto`. */
  timeZone: string;
  /** Open intervals per weekday, in minutes after local midnight; `closes` may be 1440. */
  weekly: Record<Weekday, { opens: number; closes: number }[]>;
  /** Local dates (`YYYY-MM-DD`) when the service is closed all day: holidays. */
  closedDates: string[];
  /** The hours as written, for the widget to show. */
  description: string;
}

/** Open every minute of every day. */
export const ALWAYS_OPEN_SPEC = 'MO-SU 00:00-24:00';

/**
 * Parses `MO-FR 09:00-17:00; SA 10:00-14:00`. Days are iCal two-letter codes, single (`SA`),
 * ranges (`MO-FR`, `FR-MO` wraps) or lists (`MO,WE`). An interval that closes before it opens
 * runs past midnight into the next day. Throws an Error naming the part it could not read.
 */
export function parseOperatingHours(spec: string, timeZone: string, closedDates: string[] = []): OperatingHours {
  assertTimeZone(timeZone);
  const weekly = Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as OperatingHours['weekly'];
  for (const part of spec
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z,-]+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!match) throw new Error(`Cannot read opening hours "${part}": expected e.g. "MO-FR 09:00-17:00".`);
    const [, daysText = '', oh = '', om = '', ch = '', cm = ''] = match;
    const opens = toMinutes(oh, om, part);
    const closes = toMinutes(ch, cm, part);
    if (opens === closes) throw new Error(`Opening hours "${part}" open and close at the same time.`);
    for (const day of parseDays(daysText, part)) {
      if (closes > opens) {
        weekly[day].push({ opens, closes });
      } else {
        weekly[day].push({ opens, closes: 24 * 60 });
        if (closes > 0) weekly[nextDay(day)].push({ opens: 0, closes });
      }
    }
  }
  for (const date of closedDates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Closed date "${date}" is not YYYY-MM-DD.`);
  }
  return { timeZone, weekly, closedDates, description: spec.trim() };
}

/** True when `date` falls inside the opening hours. */
export function isOpenAt(hours: OperatingHours, date: Date): boolean {
  const local = localParts(date, hours.timeZone);
  if (hours.closedDates.includes(local.date)) return false;
  return hours.weekly[local.weekday].some(
    (interval) => local.minutes >= interval.opens && local.minutes < interval.closes,
  );
}

/** The wall clock of a time zone: the same reading the widget's opening hours use. */
const localParts = wallClock;

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new Error(`Unknown time zone "${timeZone}": use an IANA name such as "America/Toronto".`);
  }
}

function toMinutes(hours: string, minutes: string, part: string): number {
  const h = Number(hours);
  const m = Number(minutes);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new Error(`Opening hours "${part}" has an impossible time.`);
  return h * 60 + m;
}

function parseDays(text: string, part: string): Weekday[] {
  const days: Weekday[] = [];
  for (const item of text.toUpperCase().split(',')) {
    const [from, to] = item.split('-');
    const start = WEEKDAYS.indexOf(from as Weekday);
    if (start < 0) throw new Error(`Opening hours "${part}": unknown day "${from}" (use MO TU WE TH FR SA SU).`);
    if (to === undefined) {
      days.push(WEEKDAYS[start] as Weekday);
      continue;
    }
    const end = WEEKDAYS.indexOf(to as Weekday);
    if (end < 0) throw new Error(`Opening hours "${part}": unknown day "${to}" (use MO TU WE TH FR SA SU).`);
    for (let i = start; ; i = (i + 1) % 7) {
      days.push(WEEKDAYS[i] as Weekday);
      if (i === end) break;
    }
  }
  return days;
}

function nextDay(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7] as Weekday;
}
