/**
 * Opening hours in words, in the visitor's language, without any strings of our own: weekday
 * names and times come from the browser's Intl data. "Mon–Fri 9:00 a.m.–5:00 p.m."
 */
import { type ScheduleRule, WEEKDAYS, type Weekday } from '../directory/snapshot.js';

/** 2024-01-01 was a Monday: a fixed date to name weekdays from. */
const MONDAY_UTC = Date.UTC(2024, 0, 1, 12);

/** A weekday's name in a language: short ("Mon", "lun") or long ("Monday", "lunes"). */
export function weekdayName(day: Weekday, language: string, width: 'short' | 'long' = 'short'): string {
  const date = new Date(MONDAY_UTC + WEEKDAYS.indexOf(day) * 86_400_000);
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** A 24-hour `HH:MM` time in the language's usual form, e.g. "9:00 a.m." or "9:00". */
export function formatTime(time: string, language: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const date = new Date(Date.UTC(2024, 0, 1, hours % 24, minutes));
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(date);
}

/** A range of weekdays: "Mon–Fri" when consecutive, else "Mon, Wed, Fri". */
export function formatDays(days: Weekday[], language: string): string {
  const sorted = [...days].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return '';
  const consecutive = WEEKDAYS.indexOf(last) - WEEKDAYS.indexOf(first) === sorted.length - 1;
  if (consecutive && sorted.length > 2) return `${weekdayName(first, language)}–${weekdayName(last, language)}`;
  return sorted.map((day) => weekdayName(day, language)).join(', ');
}

/** True when a rule covers the whole day. */
export function isAllDay(rule: ScheduleRule): boolean {
  return rule.opens === '00:00' && (rule.closes === '24:00' || rule.closes === '23:59');
}

/** Each rule as "days: hours"; `allDay` is the phrase for 24-hour rules. */
export function formatSchedule(schedule: ScheduleRule[], language: string, allDay: string): string[] {
  return schedule.map((rule) => {
    const hours = isAllDay(rule) ? allDay : `${formatTime(rule.opens, language)}–${formatTime(rule.closes, language)}`;
    return `${formatDays(rule.days, language)}: ${hours}`;
  });
}
