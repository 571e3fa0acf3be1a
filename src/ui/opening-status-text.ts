/**
 * "Open now · closes at 5:00 p.m.", "Closed · opens tomorrow at 9:00 a.m.": a service's opening
 * status in the visitor's words. Worked out when the card is shown, from the schedule in the
 * directory's time zone, so a card read again an hour later is still right.
 */
import type { OpeningStatus } from '../directory/opening-hours.js';
import type { Weekday } from '../directory/snapshot.js';
import { formatTime, weekdayName } from './format-hours.js';
import type { Translate } from './translate.js';

const longWeekday = (day: Weekday, language: string) => weekdayName(day, language, 'long');

/** The status line, or undefined when the directory gives no hours. */
export function openingStatusText(status: OpeningStatus, t: Translate, language: string): string | undefined {
  if (status.unknown) return undefined;
  if (status.open) {
    if (!status.closesAt) return t('service.status.openAllDay');
    const time = formatTime(status.closesAt, language);
    if (!status.closesOn) return t('service.status.openClosesAt', { time });
    if (status.closesOn === 'tomorrow') return t('service.status.openClosesTomorrowAt', { time });
    return t('service.status.openClosesOnAt', { day: longWeekday(status.closesOn, language), time });
  }
  if (!status.opensAt) return t('service.status.closed');
  const time = formatTime(status.opensAt.time, language);
  if (status.opensAt.day === 'today') return t('service.status.opensTodayAt', { time });
  if (status.opensAt.day === 'tomorrow') return t('service.status.opensTomorrowAt', { time });
  return t('service.status.opensOnAt', { day: longWeekday(status.opensAt.day, language), time });
}

/** A distance in the region's unit, rounded the way people say it: "0.8", "3", "12". */
export function formatDistance(km: number, unit: 'km' | 'mi', language: string): string {
  const value = unit === 'mi' ? km / 1.609344 : km;
  return new Intl.NumberFormat(language, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
