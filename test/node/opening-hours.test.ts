import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOpenAt, openingStatus, openingStatusAt, wallClock } from '../../src/directory/opening-hours.js';
import type { ScheduleRule, Weekday } from '../../src/directory/snapshot.js';
import { WEEKDAYS } from '../../src/directory/snapshot.js';

const weekdays: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const officeHours: ScheduleRule[] = [{ days: weekdays, opens: '09:00', closes: '17:00' }];

describe('opening hours', () => {
  it('reads the clock of the directory, not of the machine: one instant, open in Toronto, not yet in Vancouver', () => {
    const instant = new Date('2026-06-01T15:30:00Z'); // a Monday
    assert.deepEqual(openingStatus(officeHours, 'America/Toronto', instant), { open: true, closesAt: '17:00' });
    assert.deepEqual(openingStatus(officeHours, 'America/Vancouver', instant), {
      open: false,
      opensAt: { day: 'today', time: '09:00' },
    });
  });

  it('follows the spring change to daylight time: 13:00 UTC is 8:00 on the Friday before and 9:00 on the Monday after', () => {
    // Daylight time starts in Toronto on Sunday 8 March 2026.
    assert.deepEqual(openingStatus(officeHours, 'America/Toronto', new Date('2026-03-06T13:00:00Z')), {
      open: false,
      opensAt: { day: 'today', time: '09:00' },
    });
    assert.deepEqual(openingStatus(officeHours, 'America/Toronto', new Date('2026-03-09T13:00:00Z')), {
      open: true,
      closesAt: '17:00',
    });
  });

  it('follows the autumn change back: a service open 1:00 to 2:00 on that Sunday is open during both 1:30s', () => {
    const sundayNight: ScheduleRule[] = [{ days: ['SU'], opens: '01:00', closes: '02:00' }];
    // Eastern time falls back at 2:00 EDT on Sunday 1 November 2026; 1:30 happens twice.
    assert.equal(openingStatus(sundayNight, 'America/New_York', new Date('2026-11-01T05:30:00Z')).open, true);
    assert.equal(openingStatus(sundayNight, 'America/New_York', new Date('2026-11-01T06:30:00Z')).open, true);
    assert.equal(openingStatus(sundayNight, 'America/New_York', new Date('2026-11-01T07:30:00Z')).open, false);
  });

  it('handles zones with half-hour offsets', () => {
    // 04:00 UTC is 09:30 in Kolkata.
    assert.equal(openingStatus(officeHours, 'Asia/Kolkata', new Date('2026-06-01T04:00:00Z')).open, true);
    assert.equal(openingStatus(officeHours, 'Asia/Kolkata', new Date('2026-06-01T03:00:00Z')).open, false);
  });

  it('keeps an overnight shelter open past midnight and says it closes tomorrow', () => {
    const overnight: ScheduleRule[] = [{ days: ['FR'], opens: '20:00', closes: '08:00' }];
    assert.deepEqual(openingStatusAt(overnight, { date: '2026-06-05', weekday: 'FR', minutes: 21 * 60 }), {
      open: true,
      closesAt: '08:00',
      closesOn: 'tomorrow',
    });
    assert.deepEqual(openingStatusAt(overnight, { date: '2026-06-06', weekday: 'SA', minutes: 3 * 60 }), {
      open: true,
      closesAt: '08:00',
    });
    assert.equal(openingStatusAt(overnight, { date: '2026-06-06', weekday: 'SA', minutes: 9 * 60 }).open, false);
  });

  it('says "opens tomorrow" on a weekday evening and names the day after a weekend', () => {
    assert.deepEqual(openingStatusAt(officeHours, { date: '2026-06-04', weekday: 'TH', minutes: 18 * 60 }), {
      open: false,
      opensAt: { day: 'tomorrow', time: '09:00' },
    });
    assert.deepEqual(openingStatusAt(officeHours, { date: '2026-06-05', weekday: 'FR', minutes: 18 * 60 }), {
      open: false,
      opensAt: { day: 'MO', time: '09:00' },
    });
  });

  it('joins back-to-back rules into one opening, so it closes when the last one ends', () => {
    const split: ScheduleRule[] = [
      { days: ['MO'], opens: '09:00', closes: '12:00' },
      { days: ['MO'], opens: '12:00', closes: '16:30' },
    ];
    assert.deepEqual(openingStatusAt(split, { date: '2026-06-01', weekday: 'MO', minutes: 10 * 60 }), {
      open: true,
      closesAt: '16:30',
    });
  });

  it('treats a service open round the clock as open with no closing time', () => {
    const always: ScheduleRule[] = [{ days: [...WEEKDAYS], opens: '00:00', closes: '24:00' }];
    assert.deepEqual(openingStatus(always, 'America/Toronto', new Date('2026-06-03T03:00:00Z')), { open: true });
  });

  it('says hours are unknown, not closed, when the directory gives none', () => {
    assert.deepEqual(openingStatus([], 'America/Toronto', new Date()), { open: false, unknown: true });
  });

  it('ignores rules outside their dates, such as a summer schedule in winter', () => {
    const summer: ScheduleRule[] = [
      { days: weekdays, opens: '09:00', closes: '17:00', validFrom: '2026-06-01', validTo: '2026-08-31' },
    ];
    assert.equal(openingStatusAt(summer, { date: '2026-07-06', weekday: 'MO', minutes: 600 }).open, true);
    assert.equal(openingStatusAt(summer, { date: '2026-12-07', weekday: 'MO', minutes: 600 }).open, false);
  });

  it('reads the wall clock with the weekday of the zone, which can differ from UTC', () => {
    // 02:00 UTC on a Tuesday is still Monday evening in Toronto.
    assert.deepEqual(wallClock(new Date('2026-06-02T02:00:00Z'), 'America/Toronto'), {
      date: '2026-06-01',
      weekday: 'MO',
      minutes: 22 * 60,
    });
  });

  it('names the bad time zone', () => {
    assert.throws(() => wallClock(new Date(), 'Mars/Olympus'), /Mars\/Olympus/);
  });

  it('answers "open?" the same way in the quick check and the full status, over many schedules and moments', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const time = () => `${String(random(24)).padStart(2, '0')}:${random(2) ? '30' : '00'}`;
    for (let trial = 0; trial < 2000; trial++) {
      const schedule: ScheduleRule[] = Array.from({ length: 1 + random(3) }, () => ({
        days: WEEKDAYS.filter(() => random(2) === 1),
        opens: time(),
        closes: random(5) ? time() : '24:00',
      }));
      const clock = { date: '2026-06-03', weekday: WEEKDAYS[random(7)]!, minutes: random(24 * 60) };
      assert.equal(
        isOpenAt(schedule, clock),
        openingStatusAt(schedule, clock).open,
        JSON.stringify({ schedule, clock }),
      );
    }
  });
});
