import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  numberedWeekday,
  weekdayNumbering,
  groupScheduleRules,
  parseWeekday,
  readClockTime,
  readOpeningHours,
  readRecurringSchedule,
} from '../../src/directory/hsds/normalize-schedule.js';

const hours = (opens: string, closes: string) => {
  const result = readOpeningHours(opens, closes);
  return 'opens' in result ? `${result.opens}-${result.closes}` : 'unreadable';
};
const problemKinds = (opens: string, closes: string) =>
  readOpeningHours(opens, closes).problems.map((problem) => problem.kind);

describe('reading opening hours', () => {
  it('turns 211 Miami times ("9:00am", "5:00pm") into 24-hour time', () => {
    assert.equal(hours('9:00am', '5:00pm'), '09:00-17:00');
    assert.equal(hours('1:50pm', '6:00pm'), '13:50-18:00');
    assert.equal(hours('12:00pm', '12:30pm'), '12:00-12:30');
    assert.deepEqual(problemKinds('9:00am', '5:00pm'), []);
  });

  it('reads the messy variants found in the Miami export', () => {
    assert.equal(hours('7:30 am ', '6:00 pm'), '07:30-18:00');
    assert.equal(hours('9:00a', '5:00pm'), '09:00-17:00');
    assert.equal(hours('9am', '12:30pm'), '09:00-12:30');
    assert.equal(hours('830am', '5:30pm'), '08:30-17:30');
    assert.equal(hours('9:0am', '3:00pm'), '09:00-15:00');
    assert.equal(hours('9:00 a.m.', '5 p.m.'), '09:00-17:00');
  });

  it('reads HSDS 3.0 times with seconds, and noon and midnight', () => {
    assert.equal(hours('10:00:00', '18:00:00'), '10:00-18:00');
    assert.equal(hours('10:00am', 'noon'), '10:00-12:00');
    assert.equal(hours('8:00pm', 'midnight'), '20:00-24:00');
    assert.equal(hours('6:00pm', '12:00am'), '18:00-24:00');
  });

  it('infers a missing am/pm from the other time and reports the guess', () => {
    assert.equal(hours('9:00am', '5:00'), '09:00-17:00');
    assert.equal(hours('8:00', '4:00pm'), '08:00-16:00');
    assert.equal(hours('6:00', '8:00pm'), '18:00-20:00');
    assert.equal(hours('8:00m', '5:00pm'), '08:00-17:00');
    assert.deepEqual(problemKinds('9:00am', '5:00'), ['schedule-meridiem-guessed']);
  });

  it('keeps overnight hours as a closing time before the opening time', () => {
    assert.equal(hours('10:00pm', '6:00am'), '22:00-06:00');
  });

  it('reads "12:00am to 12:00am" as open all day', () => {
    assert.equal(hours('12:00am', '12:00am'), '00:00-24:00');
  });

  it('reads the time and reports the words after it ("12:00pm (pickup only)", "5:00pm Mon")', () => {
    assert.equal(hours('6:30am', '12:00pm (pickup only)'), '06:30-12:00');
    assert.deepEqual(problemKinds('9:00am', '5:00pm Mon'), ['schedule-extra-text']);
  });

  it('refuses what cannot be a time, reporting it', () => {
    for (const [opens, closes] of [
      ['6:30am', '6:300pm'],
      ['25:99pm', '5:00pm'],
      ['', '6:00pm'],
      ['9:3am', '5:00pm'],
      ['13:00pm', '5:00pm'],
      ['9:00am', '9:00am'],
      ['by appointment', 'call'],
    ]) {
      assert.equal(hours(opens as string, closes as string), 'unreadable', `${opens} - ${closes}`);
      assert.ok(problemKinds(opens as string, closes as string).includes('schedule-time-invalid'));
    }
  });

  it('tells a 24-hour writing from one that needs am/pm', () => {
    assert.equal(readClockTime('09:00')?.meridiem, '24h');
    assert.equal(readClockTime('18:00')?.meridiem, '24h');
    assert.equal(readClockTime('9:00')?.meridiem, 'none');
  });
});

describe('weekdays and rules', () => {
  it('reads weekday names and codes in English and Spanish', () => {
    assert.equal(parseWeekday('Monday'), 'MO');
    assert.equal(parseWeekday('Thur'), 'TH');
    assert.equal(parseWeekday('TU'), 'TU');
    assert.equal(parseWeekday('sábado'), 'SA');
    assert.equal(parseWeekday('Funday'), undefined);
  });

  it('groups days with the same hours into one rule, in week order, without repeats', () => {
    assert.deepEqual(
      groupScheduleRules([
        { day: 'FR', opens: '09:00', closes: '17:00' },
        { day: 'MO', opens: '09:00', closes: '17:00' },
        { day: 'MO', opens: '09:00', closes: '17:00' },
        { day: 'SA', opens: '10:00', closes: '12:00' },
        { day: 'MO', opens: '18:00', closes: '20:00' },
      ]),
      [
        { days: ['MO', 'FR'], opens: '09:00', closes: '17:00' },
        { days: ['MO'], opens: '18:00', closes: '20:00' },
        { days: ['SA'], opens: '10:00', closes: '12:00' },
      ],
    );
  });
});

describe('HSDS 3.0 schedules', () => {
  it('turns a weekly schedule into per-day periods with its validity dates', () => {
    const { periods, problems } = readRecurringSchedule({
      freq: 'WEEKLY',
      byday: 'MO,WE,FR',
      opens_at: '08:30',
      closes_at: '16:30',
      valid_from: '2026-01-01',
      valid_to: '2026-12-31T00:00:00Z',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(
      periods.map((period) => `${period.day} ${period.opens}-${period.closes} ${period.validFrom}..${period.validTo}`),
      [
        'MO 08:30-16:30 2026-01-01..2026-12-31',
        'WE 08:30-16:30 2026-01-01..2026-12-31',
        'FR 08:30-16:30 2026-01-01..2026-12-31',
      ],
    );
  });

  it('leaves monthly, every-other-week and date-restricted schedules to the note, and says why', () => {
    for (const schedule of [
      { freq: 'MONTHLY', byday: '1SA', opens_at: '10:00', closes_at: '12:00' },
      { freq: 'WEEKLY', interval: 2, byday: 'TU', opens_at: '10:00', closes_at: '12:00' },
      { freq: 'WEEKLY', byday: 'TH,FR', byweekno: '41,42', opens_at: '10:00:00', closes_at: '18:00:00' },
    ]) {
      const { periods, problems } = readRecurringSchedule(schedule);
      assert.deepEqual(periods, []);
      assert.deepEqual(
        problems.map((problem) => problem.kind),
        ['schedule-unsupported'],
      );
    }
  });

  it('ignores validity dates in the wrong order rather than writing an impossible rule', () => {
    const { periods, problems } = readRecurringSchedule({
      byday: 'MO',
      opens_at: '09:00',
      closes_at: '17:00',
      valid_from: '2026-02-01',
      valid_to: '2026-01-01',
    });
    assert.equal(periods[0]?.validFrom, undefined);
    assert.ok(problems.some((problem) => problem.kind === 'schedule-time-invalid'));
  });
});

describe('numbered weekdays (HSDS 1.x exports that write "1", "2", …)', () => {
  it('reads 1 to 7 as ISO weekdays, Monday first, when no 0 appears', () => {
    const numbering = weekdayNumbering(['1', '2', '7', '']);
    assert.equal(numbering, 'iso');
    assert.deepEqual(
      ['1', '5', '7'].map((day) => numberedWeekday(day, 'iso')),
      ['MO', 'FR', 'SU'],
    );
  });

  it('reads 0 to 6 as Sunday first when a 0 appears anywhere in the column', () => {
    assert.equal(weekdayNumbering(['1', '0', '6']), 'sunday-zero');
    assert.deepEqual(
      ['0', '1', '6'].map((day) => numberedWeekday(day, 'sunday-zero')),
      ['SU', 'MO', 'SA'],
    );
  });

  it('leaves names alone and rejects numbers out of range', () => {
    assert.equal(weekdayNumbering(['Monday', 'Tuesday']), undefined);
    assert.equal(numberedWeekday('8', 'iso'), undefined);
    assert.equal(numberedWeekday('0', 'iso'), undefined);
    assert.equal(numberedWeekday('Monday', 'iso'), undefined);
  });
});
