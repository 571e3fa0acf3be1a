import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { MAX_PROBLEMS, formatProblem, validateSnapshot } from '../../src/directory/validate-snapshot.js';
import type { SnapshotProblem } from '../../src/directory/validate-snapshot.js';

type Json = Record<string, unknown>;

function service(id: string, patch: Json = {}): Json {
  return {
    id,
    name: { en: 'Harbour Food Bank', es: 'Banco de alimentos Harbour' },
    organization: { en: 'Harbour Community Services' },
    description: { en: 'Groceries once a month.', es: 'Despensa una vez al mes.' },
    categories: ['food'],
    taxonomy: ['BD-1800.2000'],
    phones: [{ number: '+15195550123', display: '519-555-0123', type: 'voice' }],
    locations: [{ id: `${id}-main`, point: { lat: 42.06, lon: -82.65 }, area: 'downtown' }],
    areas: ['downtown'],
    schedule: [{ days: ['MO', 'WE'], opens: '09:00', closes: '17:00' }],
    languages: ['en', 'es'],
    ...patch,
  };
}

function snapshot(services: Json[] = [service('food-1')], patch: Json = {}): Json {
  return {
    format: 'referral-assistant/directory',
    version: 1,
    generatedAt: '2026-11-01T12:00:00Z',
    directory: {
      name: { en: 'Port Alder' },
      timeZone: 'America/Toronto',
      region: 'ca-on',
      country: 'CA',
      distanceUnit: 'km',
    },
    areas: [{ id: 'downtown', name: { en: 'Downtown' }, centroid: { lat: 42.06, lon: -82.66 }, postalCodes: ['N9M'] }],
    services,
    ...patch,
  };
}

/** The one-line messages a data team would read, errors and warnings alike. */
function lines(value: unknown): string[] {
  const result = validateSnapshot(value);
  return (result.ok ? result.warnings : result.problems).map(formatProblem);
}

function refuses(value: unknown, expected: string): void {
  const result = validateSnapshot(value);
  assert.equal(result.ok, false, 'the snapshot should be refused');
  assert.ok(lines(value).includes(expected), `expected the line\n  ${expected}\namong\n  ${lines(value).join('\n  ')}`);
}

describe('validateSnapshot', () => {
  test('accepts a well-formed snapshot and returns it typed, with no warnings', () => {
    const value = snapshot();
    const result = validateSnapshot(value);
    assert.ok(result.ok);
    assert.equal(result.snapshot, value);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.snapshot.services[0]?.id, 'food-1');
  });

  describe('the file itself', () => {
    test('refuses something that is not a snapshot', () => {
      refuses([1, 2], 'expected a directory snapshot (a JSON object), got a list');
      refuses({ ...snapshot(), format: 'hsds' }, 'format: expected "referral-assistant/directory", got "hsds"');
    });

    test('tells the data team to update the widget when the snapshot is newer', () => {
      refuses({ ...snapshot(), version: 2 }, 'version: 2 is newer than this widget reads (1): update the widget');
    });

    test('refuses an unknown older or malformed version', () => {
      refuses({ ...snapshot(), version: '1' }, 'version: expected 1, got "1"');
      refuses({ ...snapshot(), version: 0 }, 'version: expected 1, got 0');
    });

    test('checks the directory facts, including a real IANA time zone', () => {
      const directory = {
        name: { en: '' },
        timeZone: 'America/Torono',
        region: '../us',
        country: 'Canada',
        distanceUnit: 'miles',
      };
      const value = snapshot(undefined, { directory, generatedAt: 'yesterday' });
      refuses(value, 'generatedAt: expected an ISO date, got "yesterday"');
      refuses(value, 'directory.name: has no text in any language');
      refuses(value, 'directory.timeZone: expected an IANA time zone such as America/Toronto, got "America/Torono"');
      refuses(value, 'directory.region: expected a region id such as ca-on, got "../us"');
      refuses(value, 'directory.country: expected a country code such as CA, got "Canada"');
      refuses(value, 'directory.distanceUnit: expected one of km, mi, got "miles"');
    });

    test('accepts other valid time zones', () => {
      for (const timeZone of ['America/Los_Angeles', 'America/New_York', 'UTC']) {
        const value = snapshot(undefined, { directory: { ...(snapshot().directory as Json), timeZone } });
        assert.ok(validateSnapshot(value).ok, timeZone);
      }
    });

    test('checks the optional source', () => {
      refuses(
        snapshot(undefined, { source: { name: 'Export', kind: 'csv' } }),
        'source.kind: expected one of hsds-3-json, hsds-tabular, hand-written, got "csv"',
      );
      assert.ok(
        validateSnapshot(
          snapshot(undefined, { source: { name: 'Export', kind: 'hsds-tabular', exportedAt: '2019-08-01' } }),
        ).ok,
      );
    });

    test('warns about a directory with no services', () => {
      const result = validateSnapshot(snapshot([]));
      assert.ok(result.ok);
      assert.deepEqual(result.warnings.map(formatProblem), ['warning: services: is empty']);
    });
  });

  describe('services', () => {
    test('names the record by its id and the field at fault', () => {
      const broken = service('food-bank-3', { phones: [{ number: 'call us', display: 'call us', type: 'voice' }] });
      const services = [...Array.from({ length: 12 }, (_, i) => service(`s${i}`)), broken];
      refuses(
        snapshot(services),
        'services[12] (id "food-bank-3"): phones[0].number: expected digits with an optional leading +, got "call us"',
      );
    });

    test('reports missing required fields and wrong types', () => {
      const value = snapshot([service('s1', { description: undefined, phones: 'none', languages: ['en', 'Spanish'] })]);
      refuses(value, 'services[0] (id "s1"): description: missing; expected text by language');
      refuses(value, 'services[0] (id "s1"): phones: expected a list, got "none"');
      refuses(value, 'services[0] (id "s1"): languages[1]: expected a language code such as "en", got "Spanish"');
    });

    test('refuses text with no words in any language, or keyed by something other than a language code', () => {
      const value = snapshot([service('s1', { name: { en: ' ', es: '' }, description: { english: 'Food' } })]);
      refuses(value, 'services[0] (id "s1"): name: has no text in any language');
      refuses(
        value,
        'services[0] (id "s1"): description.english: expected a language code such as "en", got "english"',
      );
    });

    test('refuses a category that is not a need category, and warns about a service with none', () => {
      refuses(
        snapshot([service('s1', { categories: ['groceries'] })]),
        'services[0] (id "s1"): categories[0]: expected one of food, housing, utilities, health, mental-health, money, work, legal, transportation, family, got "groceries"',
      );
      const result = validateSnapshot(snapshot([service('s1', { categories: [] })]));
      assert.ok(result.ok);
      assert.deepEqual(result.warnings.map(formatProblem), ['warning: services[0] (id "s1"): categories: is empty']);
    });

    test('refuses duplicate service ids, naming the record that has the id first', () => {
      refuses(
        snapshot([service('a'), service('b'), service('a')]),
        'services[2] (id "a"): id: duplicate id: services[0] has it too',
      );
    });

    test('refuses references to areas that do not exist', () => {
      const value = snapshot([service('s1', { areas: ['uptown'], locations: [{ id: 'l1', area: 'midtown' }] })]);
      refuses(value, 'services[0] (id "s1"): areas[0]: no area has the id "uptown"');
      refuses(value, 'services[0] (id "s1"): locations[0].area: no area has the id "midtown"');
    });

    test('accepts a service that serves the whole directory', () => {
      assert.ok(validateSnapshot(snapshot([service('s1', { areas: [] })])).ok);
    });

    test('refuses links that are not http or https', () => {
      for (const url of ['javascript:alert(1)', 'data:text/html,<b>hi</b>', 'ftp://example.org', 'www.example.org']) {
        refuses(
          snapshot([service('s1', { url })]),
          `services[0] (id "s1"): url: expected an http: or https: address, got ${JSON.stringify(url)}`,
        );
      }
      assert.ok(validateSnapshot(snapshot([service('s1', { url: 'https://example.org/food?x=1' })])).ok);
    });

    test('warns about HTML markup in text, which would show as tags, and still accepts the snapshot', () => {
      const value = snapshot([
        service('s1', { description: { en: 'Food <b>every</b> week.', es: 'Comida &amp; ropa.' } }),
      ]);
      const result = validateSnapshot(value);
      assert.ok(result.ok);
      assert.deepEqual(result.warnings.map(formatProblem), [
        'warning: services[0] (id "s1"): description.en: contains HTML',
        'warning: services[0] (id "s1"): description.es: contains HTML',
      ]);
    });

    test('does not mistake comparisons or ampersands in plain text for markup', () => {
      const value = snapshot([service('s1', { eligibility: { en: 'Ages <18 or >65. Food & clothing.' } })]);
      const result = validateSnapshot(value);
      assert.ok(result.ok);
      assert.deepEqual(result.warnings, []);
    });

    test('checks phone types, extensions, email and the free flag', () => {
      const value = snapshot([
        service('s1', {
          phones: [{ number: '5195550123', display: '519-555-0123', extension: 'ext. 4', type: 'mobile' }],
          email: 'food bank',
          free: 'yes',
        }),
      ]);
      refuses(value, 'services[0] (id "s1"): phones[0].extension: expected digits, got "ext. 4"');
      refuses(
        value,
        'services[0] (id "s1"): phones[0].type: expected one of voice, text, fax, cell, video, pager, textphone, got "mobile"',
      );
      refuses(value, 'services[0] (id "s1"): email: expected an email address, got "food bank"');
      refuses(value, 'services[0] (id "s1"): free: expected one of true, false, got "yes"');
    });

    test('checks ages are whole numbers of years in order', () => {
      refuses(
        snapshot([service('s1', { ages: { min: -1 } })]),
        'services[0] (id "s1"): ages.min: expected a whole number from 0 to 120, got -1',
      );
      refuses(
        snapshot([service('s1', { ages: { max: 6.5 } })]),
        'services[0] (id "s1"): ages.max: expected a whole number from 0 to 120, got 6.5',
      );
      refuses(
        snapshot([service('s1', { ages: { min: 65, max: 18 } })]),
        'services[0] (id "s1"): ages: min must not exceed max',
      );
      assert.ok(validateSnapshot(snapshot([service('s1', { ages: { min: 0, max: 6 } })])).ok);
    });

    test('checks coordinates, and warns about the 0, 0 placeholder', () => {
      refuses(
        snapshot([service('s1', { locations: [{ id: 'l1', point: { lat: 142.1, lon: -82.7 } }] })]),
        'services[0] (id "s1"): locations[0].point.lat: expected a number from -90 to 90, got 142.1',
      );
      refuses(
        snapshot([service('s1', { locations: [{ id: 'l1', point: { lat: 42.1, lon: '-82.7' } }] })]),
        'services[0] (id "s1"): locations[0].point.lon: expected a number from -180 to 180, got "-82.7"',
      );
      const result = validateSnapshot(
        snapshot([service('s1', { locations: [{ id: 'l1', point: { lat: 0, lon: 0 } }] })]),
      );
      assert.ok(result.ok);
      assert.deepEqual(result.warnings.map(formatProblem), [
        'warning: services[0] (id "s1"): locations[0].point: is 0, 0: leave out unknown points',
      ]);
    });

    test('checks addresses are plain text', () => {
      const address = { street: '12 Harbour St', city: 'Port Alder', region: 'ON', postalCode: 42, country: 'CA' };
      refuses(
        snapshot([service('s1', { locations: [{ id: 'l1', address }] })]),
        'services[0] (id "s1"): locations[0].address.postalCode: expected text, got 42',
      );
    });
  });

  describe('schedules', () => {
    function rule(patch: Json): Json {
      return snapshot([service('s1', { schedule: [{ days: ['MO'], opens: '09:00', closes: '17:00', ...patch }] })]);
    }

    test('accepts 24-hour days, and closing after midnight', () => {
      assert.ok(
        validateSnapshot(rule({ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '00:00', closes: '24:00' }))
          .ok,
      );
      assert.ok(validateSnapshot(rule({ opens: '20:00', closes: '02:00' })).ok);
    });

    test('refuses weekdays that are not two-letter codes', () => {
      refuses(
        rule({ days: ['Monday'] }),
        'services[0] (id "s1"): schedule[0].days[0]: expected one of MO, TU, WE, TH, FR, SA, SU, got "Monday"',
      );
      refuses(rule({ days: [] }), 'services[0] (id "s1"): schedule[0].days: is empty');
    });

    test('refuses times that are not HH:MM, and 24:00 as an opening time', () => {
      refuses(
        rule({ opens: '9:00am' }),
        'services[0] (id "s1"): schedule[0].opens: expected a 24-hour time such as 09:30, got "9:00am"',
      );
      refuses(
        rule({ opens: '24:00' }),
        'services[0] (id "s1"): schedule[0].opens: expected a 24-hour time such as 09:30, got "24:00"',
      );
      refuses(
        rule({ closes: '17:60' }),
        'services[0] (id "s1"): schedule[0].closes: expected a 24-hour time such as 09:30, got "17:60"',
      );
    });

    test('refuses a rule that opens and closes at the same minute', () => {
      refuses(
        rule({ opens: '00:00', closes: '00:00' }),
        'services[0] (id "s1"): schedule[0]: opens and closes at the same time',
      );
    });

    test('checks the dates a rule applies between', () => {
      refuses(
        rule({ validFrom: '2026-03-31', validTo: '2026-01-01' }),
        'services[0] (id "s1"): schedule[0]: validFrom must not exceed validTo',
      );
      refuses(
        rule({ validFrom: 'March' }),
        'services[0] (id "s1"): schedule[0].validFrom: expected an ISO date, got "March"',
      );
    });
  });

  describe('areas', () => {
    test('refuses duplicate area ids and reports under the area id', () => {
      const areas = [
        { id: 'downtown', name: { en: 'Downtown' } },
        { id: 'downtown', name: { en: 'Old town' }, centroid: { lat: 91, lon: 0 } },
      ];
      const value = snapshot(undefined, { areas });
      refuses(value, 'areas[1] (id "downtown"): id: duplicate id: areas[0] has it too');
      refuses(value, 'areas[1] (id "downtown"): centroid.lat: expected a number from -90 to 90, got 91');
    });
  });

  describe('a badly broken file', () => {
    const services = Array.from({ length: 4000 }, (_, i) =>
      service(`s${i}`, { phones: [{ number: 'call us', display: '', type: 'voice' }] }),
    );
    const result = validateSnapshot(
      snapshot(services, { areas: [{ id: 'downtown', name: { en: '<i>Downtown</i>' } }] }),
    );

    test('lists at most the first problems and counts the rest', () => {
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.problems.length, MAX_PROBLEMS);
      // Two errors per service (number and display) and one warning (the area name).
      assert.equal(result.omitted, 4000 * 2 + 1 - MAX_PROBLEMS);
      assert.ok(result.problems.map(formatProblem).join('\n').length < 10_000);
    });

    test('lists errors before warnings', () => {
      if (result.ok) return assert.fail('should be refused');
      assert.ok(result.problems.every((p: SnapshotProblem) => p.severity === 'error'));
    });

    test('cuts long values short in messages', () => {
      const long = 'javascript:' + 'x'.repeat(5000);
      const [line] = lines(snapshot([service('s1', { url: long })]));
      assert.ok(line && line.length < 200, line);
    });
  });
});

describe('formatProblem', () => {
  test('writes a problem without a record as its path and message', () => {
    assert.equal(
      formatProblem({ path: 'directory.timeZone', message: 'expected text', severity: 'error' }),
      'directory.timeZone: expected text',
    );
  });

  test('marks warnings, and names a record problem at the record itself', () => {
    assert.equal(
      formatProblem({ path: 'services[3]', recordId: 'x', message: 'is odd', severity: 'warning' }),
      'warning: services[3] (id "x"): is odd',
    );
  });
});

describe('docs/snapshot-format.md', () => {
  test('shows an example snapshot that the validator accepts without warnings', () => {
    const markdown = readFileSync(new URL('../../docs/snapshot-format.md', import.meta.url), 'utf8');
    const example = markdown.split('## A small example')[1]?.split('```json')[1]?.split('```')[0];
    assert.ok(example, 'the example section has a JSON block');
    const result = validateSnapshot(JSON.parse(example));
    assert.deepEqual(result.ok ? result.warnings : result.problems.map(formatProblem), []);
    assert.ok(result.ok);
  });
});
