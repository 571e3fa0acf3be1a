import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { demoDirectory, serializeDirectory } from '../../demo/directory/demo-directory.js';
import { NEED_CATEGORIES } from '../../src/directory/snapshot.js';
import type { DirectorySnapshot, LocalizedText, Service } from '../../src/directory/snapshot.js';
import { formatProblem, validateSnapshot } from '../../src/directory/validate-snapshot.js';

const file = new URL('../../demo/directory/demo-directory.json', import.meta.url);
const committed = readFileSync(file, 'utf8');
const parsed: unknown = JSON.parse(committed);
const result = validateSnapshot(parsed);
const snapshot = parsed as DirectorySnapshot;
const services = snapshot.services;

const TEXT_FIELDS = ['description', 'eligibility', 'fees', 'documents', 'scheduleNote', 'applicationProcess'] as const;

function inCategory(category: string): Service[] {
  return services.filter((s) => s.categories.includes(category as Service['categories'][number]));
}

describe('the demo directory', () => {
  test('is a valid snapshot, with no warnings', () => {
    const lines = result.ok ? result.warnings.map(formatProblem) : result.problems.map(formatProblem);
    assert.deepEqual(lines, []);
    assert.ok(result.ok);
  });

  test('is what the generator writes, so the committed file and the typed data agree', () => {
    assert.equal(committed, serializeDirectory(demoDirectory()), 'run: npx tsx demo/directory/build-demo-directory.ts');
  });

  test('describes an Ontario municipality in its own time zone, in kilometres', () => {
    assert.deepEqual(
      {
        timeZone: snapshot.directory.timeZone,
        region: snapshot.directory.region,
        country: snapshot.directory.country,
        unit: snapshot.directory.distanceUnit,
      },
      { timeZone: 'America/Toronto', region: 'ca-on', country: 'CA', unit: 'km' },
    );
  });

  test('has at least 120 services', () => {
    assert.ok(services.length >= 120, `${services.length} services`);
  });

  test('offers at least 8 services in every need category, and more for the most common needs', () => {
    for (const category of NEED_CATEGORIES) {
      const wanted = ['food', 'housing', 'health', 'mental-health'].includes(category) ? 14 : 8;
      assert.ok(inCategory(category).length >= wanted, `${category}: ${inCategory(category).length} services`);
    }
  });

  test('lists some services under two categories', () => {
    assert.ok(services.filter((s) => s.categories.length > 1).length >= 10);
  });

  test('gives every service a description in English and Spanish', () => {
    for (const service of services) {
      assert.ok(service.description.en?.trim(), `${service.id}: English description`);
      assert.ok(service.description.es?.trim(), `${service.id}: Spanish description`);
    }
  });

  test('writes every sentence a visitor reads in both English and Spanish', () => {
    for (const service of services) {
      for (const field of TEXT_FIELDS) {
        const text: LocalizedText | undefined = service[field];
        if (text) assert.ok(text.en && text.es, `${service.id}: ${field}`);
      }
      for (const phone of service.phones) {
        if (phone.description)
          assert.ok(phone.description.en && phone.description.es, `${service.id}: phone description`);
      }
      assert.ok(service.eligibility && service.fees, `${service.id}: eligibility and fees`);
    }
  });

  test('uses only phone numbers reserved for fiction: 519-555-01xx and 1-800-555-01xx', () => {
    for (const service of services) {
      assert.ok(service.phones.length > 0, `${service.id} has a phone`);
      for (const phone of service.phones) {
        assert.match(phone.number, /^\+1(519|800)55501\d\d$/, `${service.id}: ${phone.number}`);
        assert.match(phone.display, /^(519|1-800)-555-01\d\d$/, `${service.id}: ${phone.display}`);
      }
    }
  });

  test('includes text lines, extensions, and toll-free numbers', () => {
    const phones = services.flatMap((s) => s.phones);
    assert.ok(phones.some((p) => p.type === 'text'));
    assert.ok(phones.some((p) => p.extension));
    assert.ok(phones.some((p) => p.number.startsWith('+1800')));
  });

  test('places every service at an Ontario address near Lake Erie, with a plausible postal code', () => {
    const fsas = new Map(snapshot.areas.map((a) => [a.id, a.postalCodes ?? []]));
    for (const service of services) {
      const [location] = service.locations;
      assert.ok(location?.address && location.point && location.area, `${service.id} has an address and a point`);
      assert.equal(location.address.region, 'ON');
      assert.match(location.address.postalCode, /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/);
      assert.ok(
        fsas.get(location.area)?.includes(location.address.postalCode.slice(0, 3)),
        `${service.id}: postal code in its area`,
      );
      assert.ok(
        location.point.lat >= 42.0 && location.point.lat <= 42.3,
        `${service.id}: latitude ${location.point.lat}`,
      );
      assert.ok(
        location.point.lon >= -83.0 && location.point.lon <= -82.4,
        `${service.id}: longitude ${location.point.lon}`,
      );
    }
  });

  test('has four or five areas, each with a centroid and postal-code prefixes', () => {
    assert.ok(snapshot.areas.length >= 4 && snapshot.areas.length <= 5);
    for (const area of snapshot.areas) {
      assert.ok(area.centroid && area.postalCodes?.length, area.id);
      assert.ok(area.name.en && area.name.es, area.id);
    }
    assert.ok(
      services.some((s) => s.areas.length === 0),
      'some services serve everywhere',
    );
    assert.ok(
      services.some((s) => s.areas.length > 0),
      'some services serve only some areas',
    );
  });

  test('varies schedules: office hours, evenings, Saturdays, 24 hours, and past midnight', () => {
    const rules = services.flatMap((s) => s.schedule);
    assert.ok(
      rules.some((r) => r.opens === '09:00' && r.closes === '17:00'),
      'office hours',
    );
    assert.ok(
      rules.some((r) => r.closes >= '20:00'),
      'evenings',
    );
    assert.ok(
      rules.some((r) => r.days.includes('SA')),
      'Saturdays',
    );
    assert.ok(
      rules.some((r) => r.opens === '00:00' && r.closes === '24:00' && r.days.length === 7),
      'always open',
    );
    assert.ok(
      rules.some((r) => r.closes < r.opens),
      'closing after midnight',
    );
    assert.ok(services.filter((s) => s.scheduleNote).length >= 10, 'schedule notes');
  });

  test('speaks the languages of the community', () => {
    const spoken = (language: string) => services.filter((s) => s.languages.includes(language)).length;
    assert.ok(spoken('es') >= services.length / 2, `Spanish: ${spoken('es')}`);
    for (const language of ['fr', 'tl', 'pa', 'ar'])
      assert.ok(spoken(language) >= 5, `${language}: ${spoken(language)}`);
  });

  test('sets age limits for seniors, youth, and young children', () => {
    assert.ok(services.some((s) => s.ages?.min === 60));
    assert.ok(services.some((s) => s.ages?.min === 16 && s.ages.max === 24));
    assert.ok(services.some((s) => s.ages?.max === 6));
  });

  test('marks most services free', () => {
    assert.ok(services.filter((s) => s.free).length > services.length * 0.7);
  });

  test('serves migrant farm workers in Spanish for health, work, money and legal needs', () => {
    const farm = services.filter((s) => s.eligibility?.en?.includes('farm workers') && s.languages.includes('es'));
    for (const category of ['health', 'work', 'money', 'legal', 'food'] as const) {
      assert.ok(
        farm.some((s) => s.categories.includes(category)),
        category,
      );
    }
  });

  test('gives every service AIRS/211 taxonomy codes and search words in both languages', () => {
    for (const service of services) {
      assert.ok(service.taxonomy.length > 0, service.id);
      for (const code of service.taxonomy)
        assert.match(code, /^[A-Z]{2}(-\d{4}(\.\d{4}(-\d{3})?)?)?$/, `${service.id}: ${code}`);
      assert.ok(service.keywords?.en?.length && service.keywords.es?.length, service.id);
    }
  });
});
