/**
 * Open now, closes at, opens at: computed from a service's weekly schedule in the directory's
 * time zone, never the browser's, so a visitor in another zone (or a phone with a wrong clock
 * zone) sees the hours the service keeps. Everything is wall-clock time in that zone; daylight
 * saving only changes which wall-clock time "now" is, which `Intl` answers.
 */
import type { ScheduleRule, Weekday } from './snapshot.js';
import { WEEKDAYS } from './snapshot.js';

/** A moment as the clocks of one time zone show it. */
export interface WallClock {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

/** When a service opens next: today, tomorrow, or a later weekday, at a local `HH:MM`. */
export interface NextOpening {
  day: 'today' | 'tomorrow' | Weekday;
  time: string;
}

/** Whether a service is open at a moment, and the next change. */
export interface OpeningStatus {
  open: boolean;
  /** Local `HH:MM` when it closes; absent when open round the clock or closed. */
  closesAt?: string;
  /** The day it closes, when that is not today (open past midnight, or for days on end). */
  closesOn?: 'tomorrow' | Weekday;
  /** When it opens next, within a week; absent when open or never open. */
  opensAt?: NextOpening;
  /** True when the schedule is empty: the directory does not say, which is not "closed". */
  unknown?: true;
}

const DAY = 24 * 60;
const SHORT_WEEKDAYS: Record<string, Weekday> = {
  Mon: 'MO',
  Tue: 'TU',
  Wed: 'WE',
  Thu: 'TH',
  Fri: 'FR',
  Sat: 'SA',
  Sun: 'SU',
};
// Building an Intl.DateTimeFormat costs far more than using one; directories use one zone.
const formats = new Map<string, Intl.DateTimeFormat>();

/** Reads the wall clock of `timeZone` (an IANA name such as `America/Toronto`) at `now`. */
export function wallClock(now: Date, timeZone: string): WallClock {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
    } catch {
      throw new Error(`unknown time zone "${timeZone}"`);
    }
    formats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(now)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: SHORT_WEEKDAYS[parts.weekday ?? ''] ?? 'MO',
    minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
  };
}

/**
 * Whether a schedule is open at `now` in `timeZone`, when it closes, or when it opens next.
 * A rule whose closing time is before its opening time runs past midnight; `24:00` closes at
 * midnight; equal times mean round the clock.
 */
export function openingStatus(schedule: readonly ScheduleRule[], timeZone: string, now: Date): OpeningStatus {
  return openingStatusAt(schedule, wallClock(now, timeZone));
}

/** {@link openingStatus} for a wall clock already read, so a search reads the clock once. */
export function openingStatusAt(schedule: readonly ScheduleRule[], clock: WallClock): OpeningStatus {
  if (!schedule.length) return { open: false, unknown: true };
  const intervals = weekIntervals(schedule, clock);
  const now = clock.minutes;
  const current = intervals.find(([start, end]) => start <= now && now < end);
  if (current) {
    // An interval that reaches the end of the week we look at never closes as far as we know.
    if (current[1] >= WINDOW_END) return { open: true };
    const status: OpeningStatus = { open: true, closesAt: timeOfDay(current[1]) };
    // Closing at 24:00 is closing today, though the minute belongs to tomorrow.
    const offset = Math.floor((current[1] - 1) / DAY);
    if (offset > 0) status.closesOn = dayAt(clock.weekday, offset) as 'tomorrow' | Weekday;
    return status;
  }
  const next = intervals.find(([start]) => start > now);
  if (!next) return { open: false };
  return { open: false, opensAt: { day: dayAt(clock.weekday, Math.floor(next[0] / DAY)), time: timeOfDay(next[0]) } };
}

/**
 * Just whether a schedule is open at a wall clock: today's rules, and yesterday's that run past
 * midnight. Much cheaper than {@link openingStatusAt}, for filtering many services.
 */
export function isOpenAt(schedule: readonly ScheduleRule[], clock: WallClock): boolean {
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(clock.weekday) + 6) % 7]!;
  for (const rule of schedule) {
    const opens = minutesOf(rule.opens);
    const closes = minutesOf(rule.closes);
    const overnight = closes <= opens;
    if (rule.days.includes(clock.weekday) && opens <= clock.minutes && (overnight || clock.minutes < closes)) {
      if (appliesOn(rule, clock.date)) return true;
    }
    if (
      overnight &&
      rule.days.includes(yesterday) &&
      clock.minutes < closes &&
      appliesOn(rule, addDays(clock.date, -1))
    ) {
      return true;
    }
  }
  return false;
}

function appliesOn(rule: ScheduleRule, date: string): boolean {
  return !((rule.validFrom && date < rule.validFrom) || (rule.validTo && date > rule.validTo));
}

// From yesterday (whose late rules may still run) to a week ahead, in minutes from today's midnight.
const FIRST_DAY = -1;
const LAST_DAY = 7;
const WINDOW_END = (LAST_DAY + 1) * DAY;

/** Opening intervals around `clock`, merged where they touch, in order. */
function weekIntervals(schedule: readonly ScheduleRule[], clock: WallClock): [number, number][] {
  const raw: [number, number][] = [];
  const today = WEEKDAYS.indexOf(clock.weekday);
  for (let offset = FIRST_DAY; offset <= LAST_DAY; offset++) {
    const weekday = WEEKDAYS[(((today + offset) % 7) + 7) % 7]!;
    const date = addDays(clock.date, offset);
    for (const rule of schedule) {
      if (!rule.days.includes(weekday) || !appliesOn(rule, date)) continue;
      const opens = minutesOf(rule.opens);
      let closes = minutesOf(rule.closes);
      if (closes <= opens) closes += DAY;
      raw.push([offset * DAY + opens, offset * DAY + closes]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const interval of raw) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([interval[0], interval[1]]);
  }
  return merged;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':');
  return Number(hours) * 60 + Number(minutes ?? 0);
}

function timeOfDay(minutes: number): string {
  const inDay = ((minutes % DAY) + DAY) % DAY;
  return `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/** Names the day `days` after today: today, tomorrow, or its weekday. */
function dayAt(today: Weekday, days: number): NextOpening['day'] {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return WEEKDAYS[(WEEKDAYS.indexOf(today) + days) % 7]!;
}
