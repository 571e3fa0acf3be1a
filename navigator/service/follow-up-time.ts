/**
 * When a follow-up is due: the visitor picks "tomorrow morning" or "next week", and the service
 * turns it into a moment on its own clock, in its time zone (a navigator's morning, not the
 * server's).
 */
import { wallClock } from '../../src/directory/opening-hours.js';
import type { FollowUpTime } from '../../src/handoff/message-content.js';

/** The local hour each choice means, and how many days ahead. */
const CHOICES: Record<FollowUpTime, { days: number; hour: number }> = {
  'tomorrow-morning': { days: 1, hour: 10 },
  'tomorrow-afternoon': { days: 1, hour: 14 },
  'tomorrow-evening': { days: 1, hour: 18 },
  'next-week': { days: 7, hour: 10 },
};

/** The moment (epoch milliseconds) a follow-up chosen at `now` is due, in `timeZone`. */
export function followUpDueAt(when: FollowUpTime, now: number, timeZone: string): number {
  const { days, hour } = CHOICES[when];
  const [year, month, day] = wallClock(new Date(now), timeZone).date.split('-').map(Number) as [number, number, number];
  // The wall time wanted, read as if it were UTC; then corrected by the zone's offset there.
  const wanted = Date.UTC(year, month - 1, day + days, hour);
  const offset = (at: number) => {
    const clock = wallClock(new Date(at), timeZone);
    const [y, m, d] = clock.date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) + clock.minutes * 60_000 - at;
  };
  const first = wanted - offset(wanted);
  // Twice, so a daylight-saving change between the guess and the answer is accounted for.
  return wanted - offset(first);
}
