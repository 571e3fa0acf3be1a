import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOpenAt, parseOperatingHours } from '../../navigator/service/operating-hours.js';

// 2025-03-05 is a Wednesday. Toronto is UTC-5 then (daylight time starts 9 March).
const torontoWeekdays = parseOperatingHours('MO-FR 07:00-21:00', 'America/Toronto');

test('open on a weekday afternoon in the service time zone', () => {
  assert.equal(isOpenAt(torontoWeekdays, new Date('2025-03-05T18:00:00Z')), true); // 13:00 in Toronto
});

test('closed before opening time, judged in the service time zone, not UTC', () => {
  // 11:30 UTC is 06:30 in Toronto: closed, although it is after 07:00 in UTC.
  assert.equal(isOpenAt(torontoWeekdays, new Date('2025-03-05T11:30:00Z')), false);
  assert.equal(isOpenAt(torontoWeekdays, new Date('2025-03-05T12:00:00Z')), true);
});

test('closing time itself is closed', () => {
  assert.equal(isOpenAt(torontoWeekdays, new Date('2025-03-06T01:59:00Z')), true); // Wed 20:59
  assert.equal(isOpenAt(torontoWeekdays, new Date('2025-03-06T02:00:00Z')), false); // Wed 21:00
});

test('closed at the weekend', () => {
  assert.equal(isOpenAt(torontoWeekdays, new Date('2025-03-08T17:00:00Z')), false); // Saturday noon
});

test('follows daylight saving time', () => {
  // After 9 March Toronto is UTC-4: 11:30 UTC is 07:30, open.
  assert.equal(isOpenAt(torontoWeekdays, new Date('2025-03-12T11:30:00Z')), true);
});

test('hours that run past midnight carry into the next day', () => {
  const lateNight = parseOperatingHours('FR 22:00-02:00', 'UTC');
  assert.equal(isOpenAt(lateNight, new Date('2025-03-07T23:00:00Z')), true); // Friday 23:00
  assert.equal(isOpenAt(lateNight, new Date('2025-03-08T01:30:00Z')), true); // Saturday 01:30
  assert.equal(isOpenAt(lateNight, new Date('2025-03-08T02:30:00Z')), false);
});

test('several rules, day lists and ranges that wrap the week', () => {
  const hours = parseOperatingHours('MO,WE 09:00-12:00; SA-SU 10:00-14:00', 'UTC');
  assert.equal(isOpenAt(hours, new Date('2025-03-05T10:00:00Z')), true); // Wednesday
  assert.equal(isOpenAt(hours, new Date('2025-03-04T10:00:00Z')), false); // Tuesday
  assert.equal(isOpenAt(hours, new Date('2025-03-09T13:00:00Z')), true); // Sunday
});

test('holidays close the whole local day', () => {
  const hours = parseOperatingHours('MO-SU 00:00-24:00', 'America/Toronto', ['2025-12-25']);
  assert.equal(isOpenAt(hours, new Date('2025-12-25T15:00:00Z')), false);
  // 02:00 UTC on the 26th is still the 25th in Toronto.
  assert.equal(isOpenAt(hours, new Date('2025-12-26T02:00:00Z')), false);
  assert.equal(isOpenAt(hours, new Date('2025-12-26T15:00:00Z')), true);
});

test('unreadable hours are refused with a message that names the problem', () => {
  assert.throws(() => parseOperatingHours('weekdays 9-5', 'UTC'), /Cannot read opening hours "weekdays 9-5"/);
  assert.throws(() => parseOperatingHours('MO-XX 09:00-17:00', 'UTC'), /unknown day "XX"/);
  assert.throws(() => parseOperatingHours('MO 25:00-26:00', 'UTC'), /impossible time/);
  assert.throws(() => parseOperatingHours('MO 09:00-17:00', 'Mars/Olympus'), /Unknown time zone "Mars\/Olympus"/);
  assert.throws(() => parseOperatingHours('MO 09:00-17:00', 'UTC', ['25/12/2025']), /not YYYY-MM-DD/);
});
