import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import categoryMapFile from '../../src/directory/category-map.json' with { type: 'json' };
import { buildSnapshot } from '../../src/directory/hsds/build-snapshot.js';
import { ImportReport, type ImportProblem } from '../../src/directory/hsds/import-report.js';
import { loadCategoryMap } from '../../src/directory/hsds/map-categories.js';
import { readHsdsJson } from '../../src/directory/hsds/read-hsds-json.js';
import { readTabularDatapackage } from '../../src/directory/hsds/read-tabular-datapackage.js';
import { readTranslations } from '../../src/directory/hsds/read-translations.js';
import type { DirectorySnapshot, Service } from '../../src/directory/snapshot.js';
import { validateSnapshot } from '../../src/directory/validate-snapshot.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/hsds');
const categoryMap = loadCategoryMap(categoryMapFile);
const now = new Date('2026-11-26T12:00:00Z');

async function buildTabular(options: { timeZone?: string; translations?: boolean } = {}) {
  const report = new ImportReport();
  const source = await readTabularDatapackage(join(fixtures, 'tabular'), report);
  const translations = options.translations
    ? {
        file: 'translations.csv',
        rows: readTranslations(await readFile(join(fixtures, 'translations.csv'), 'utf8'), 'translations.csv', report),
      }
    : undefined;
  const snapshot = buildSnapshot(
    source,
    {
      categoryMap,
      fallbackName: 'tabular',
      now,
      timeZone: options.timeZone ?? 'America/Detroit',
      ...(translations ? { translations } : {}),
    },
    report,
  );
  return { snapshot, report };
}

const service = (snapshot: DirectorySnapshot | undefined, id: string): Service => {
  const found = snapshot?.services.find((candidate) => candidate.id === id);
  assert.ok(found, `service ${id} is in the snapshot`);
  return found;
};
const problemsOf = (report: ImportReport, kind: ImportProblem['kind']) =>
  report.problems.filter((problem) => problem.kind === kind);

describe('building a snapshot from an HSDS 1.x tabular export', () => {
  it('writes a snapshot the widget accepts, counting services read, written and dropped', async () => {
    const { snapshot, report } = await buildTabular();
    const validation = validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
    assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.problems));
    const summary = report.summarize();
    assert.equal(summary.servicesRead, 7);
    assert.equal(summary.servicesWritten, 4);
    assert.deepEqual(summary.dropped, { 'duplicate-id': 1, 'service-inactive': 1, 'missing-name': 1 });
    assert.deepEqual(summary.errors, {});
  });

  it('reports every dropped service with its file, line, id and reason', async () => {
    const { report } = await buildTabular();
    const dropped = report.problems.filter((problem) => problem.droppedService);
    assert.deepEqual(
      dropped.map((problem) => [problem.kind, problem.file, problem.line, problem.recordId]),
      [
        ['duplicate-id', 'riverside-services.csv', 7, 'svc-food'],
        ['service-inactive', 'riverside-services.csv', 8, 'svc-closed'],
        ['missing-name', 'riverside-services.csv', 9, 'svc-noname'],
      ],
    );
  });

  it('reads a description with quoted newlines and cleans markers, escaped newlines and mojibake', async () => {
    const { snapshot, report } = await buildTabular();
    assert.equal(service(snapshot, 'svc-food').description.en, 'Free groceries every week.\n\nBring your own bags.');
    assert.equal(service(snapshot, 'svc-rent').description.en, 'The county’s rent fund pays one month of rent.');
    assert.deepEqual(
      problemsOf(report, 'marker-removed').map((problem) => [
        problem.file,
        problem.line,
        problem.recordId,
        problem.field,
      ]),
      [['riverside-services.csv', 2, 'svc-food', 'description']],
    );
  });

  it('removes javascript: and data: URLs, falling back to the organization site, and reports each', async () => {
    const { snapshot, report } = await buildTabular();
    assert.equal(service(snapshot, 'svc-legal').url, undefined);
    assert.equal(service(snapshot, 'svc-rent').url, 'https://www.riverside-food.example.org/');
    assert.deepEqual(
      problemsOf(report, 'url-unsafe').map((problem) => [problem.file, problem.line, problem.recordId]),
      [
        ['riverside-services.csv', 5, 'svc-legal'],
        ['riverside-organizations.csv', 3, 'org-2'],
        ['riverside-services.csv', 6, 'svc-rent'],
      ],
    );
    assert.equal(JSON.stringify(snapshot).includes('javascript:'), false);
  });

  it('strips HTML and script from descriptions, keeping the words', async () => {
    const { snapshot } = await buildTabular();
    assert.equal(service(snapshot, 'svc-legal').description.en, 'Lawyers help tenants facing eviction.\nCall first.');
    assert.equal(JSON.stringify(snapshot).includes('<script'), false);
  });

  it('normalises phones, hours, languages, ages and categories', async () => {
    const { snapshot } = await buildTabular();
    const food = service(snapshot, 'svc-food');
    assert.deepEqual(
      food.phones.map((phone) => [phone.number, phone.extension, phone.type]),
      [
        ['+13135550100', '123', 'voice'],
        ['+13135550101', undefined, 'text'],
      ],
    );
    assert.deepEqual(food.schedule, [
      { days: ['MO', 'TU', 'WE'], opens: '09:00', closes: '17:00' },
      { days: ['SA'], opens: '10:00', closes: '12:00' },
    ]);
    assert.deepEqual(food.languages, ['en', 'es']);
    assert.deepEqual(food.categories, ['food']);
    assert.equal(food.free, true);
    const legal = service(snapshot, 'svc-legal');
    assert.deepEqual(legal.ages, { min: 18 });
    assert.deepEqual(legal.languages, ['ht']);
    assert.equal(service(snapshot, 'svc-rent').free, false);
    assert.deepEqual(service(snapshot, 'svc-rent').schedule, [{ days: ['FR'], opens: '18:00', closes: '02:00' }]);
  });

  it('keeps unreadable hours in the directory own words as the schedule note', async () => {
    const { snapshot, report } = await buildTabular();
    const legal = service(snapshot, 'svc-legal');
    assert.deepEqual(legal.schedule, []);
    assert.equal(legal.scheduleNote?.en, 'By appointment; Funday is a typo');
    assert.deepEqual(
      [...problemsOf(report, 'schedule-weekday-invalid'), ...problemsOf(report, 'schedule-time-invalid')].map(
        (problem) => problem.line,
      ),
      [6, 7],
    );
  });

  it('puts taxonomy term names in keywords and in the directory term table', async () => {
    const { snapshot } = await buildTabular();
    assert.deepEqual(service(snapshot, 'svc-food').keywords?.en, ['Despensa comunitaria', 'Food Pantries']);
    assert.deepEqual(snapshot?.taxonomyTerms?.['BD-1800.2000'], { en: 'Food Pantries' });
  });

  it('reports duplicate links, unlinked eligibility, dangling ids and unknown codes', async () => {
    const { report } = await buildTabular();
    assert.equal(problemsOf(report, 'duplicate-link')[0]?.line, 3);
    assert.equal(problemsOf(report, 'eligibility-unlinked')[0]?.line, 4);
    assert.deepEqual(
      problemsOf(report, 'dangling-reference')
        .map((problem) => problem.value)
        .sort(),
      ['loc-missing', 'org-404', 'svc-missing'],
    );
    assert.equal(problemsOf(report, 'taxonomy-unknown')[0]?.value, 'ZZ-9999');
  });

  it('drops invalid and 0,0 points, and leaves out an address without a street', async () => {
    const { snapshot, report } = await buildTabular();
    const rent = service(snapshot, 'svc-rent');
    assert.equal(rent.locations.find((location) => location.id === 'loc-3')?.point, undefined);
    const ghost = service(snapshot, 'svc-ghost');
    assert.deepEqual(ghost.locations, [{ id: 'loc-4', name: { en: 'Riverside Satellite' } }]);
    assert.deepEqual(
      problemsOf(report, 'coordinates-invalid').map((problem) => problem.recordId),
      ['loc-3', 'loc-4'],
    );
    assert.equal(problemsOf(report, 'address-incomplete')[0]?.recordId, 'loc-4');
  });

  it('reports a problem of a record shared by several services once, under that record', async () => {
    const { report } = await buildTabular();
    const trimmed = problemsOf(report, 'whitespace-trimmed').filter(
      (problem) => problem.file === 'riverside-organizations.csv',
    );
    assert.deepEqual(
      trimmed.map((problem) => problem.recordId),
      ['org-1'],
    );
  });

  it('derives areas and postal codes from the addresses', async () => {
    const { snapshot } = await buildTabular();
    assert.deepEqual(
      snapshot?.areas.map((area) => [area.id, area.postalCodes]),
      [
        ['lakeview', ['48300']],
        ['riverside', ['48201', '48202']],
      ],
    );
    assert.equal(service(snapshot, 'svc-food').locations[0]?.area, 'riverside');
  });

  it('merges translations by record id and field, and reports unusable rows by line', async () => {
    const { snapshot, report } = await buildTabular({ translations: true });
    const food = service(snapshot, 'svc-food');
    assert.deepEqual(food.name, { en: 'Community Food Pantry', es: 'Despensa Comunitaria' });
    assert.equal(food.description.es, 'Despensa gratuita cada semana.\nTraiga sus bolsas.');
    assert.equal(food.organization.es, 'Banco de Alimentos de Riverside');
    assert.equal(service(snapshot, 'svc-rent').organization.es, 'Banco de Alimentos de Riverside');
    assert.deepEqual(food.keywords?.es, ['comida', 'despensa', 'mandado']);
    assert.equal(
      service(snapshot, 'svc-legal').eligibility?.es,
      'Inquilinos mayores de 18 años con aviso de desalojo.',
    );
    assert.deepEqual(
      problemsOf(report, 'translation-invalid')
        .map((problem) => problem.line)
        .sort((a = 0, b = 0) => a - b),
      [8, 9, 10],
    );
  });

  it('refuses to build without a time zone, saying which option to pass', async () => {
    const report = new ImportReport();
    const source = await readTabularDatapackage(join(fixtures, 'tabular'), report);
    const snapshot = buildSnapshot(source, { categoryMap, fallbackName: 'tabular', now }, report);
    assert.equal(snapshot, undefined);
    assert.match(problemsOf(report, 'time-zone-missing')[0]?.message ?? '', /--time-zone/);
    assert.equal(report.summarize().servicesWritten, 0);
  });

  it('refuses a time zone that is not an IANA name', async () => {
    const { snapshot, report } = await buildTabular({ timeZone: 'Eastern' });
    assert.equal(snapshot, undefined);
    assert.equal(problemsOf(report, 'time-zone-invalid').length, 1);
  });
});

describe('building a snapshot from HSDS 3.0 JSON', () => {
  const build = async () => {
    const report = new ImportReport();
    const source = await readHsdsJson(join(fixtures, 'json'), report);
    return { snapshot: buildSnapshot(source, { categoryMap, fallbackName: 'json', now }, report), report };
  };

  it('reads services from arrays and from organizations, and drops a reused id', async () => {
    const { snapshot, report } = await build();
    assert.deepEqual(
      snapshot?.services.map((item) => item.id),
      ['json-clinic', 'json-east-food'],
    );
    const summary = report.summarize();
    assert.equal(summary.servicesRead, 4);
    assert.deepEqual(summary.dropped, { 'service-inactive': 1, 'duplicate-id': 1 });
    assert.equal(problemsOf(report, 'duplicate-id')[0]?.path, '$.services[1]');
    assert.equal(problemsOf(report, 'input-unrecognised')[0]?.path, '[2]');
  });

  it('takes the time zone, country and region from the data', async () => {
    const { snapshot } = await build();
    assert.equal(snapshot?.directory.timeZone, 'America/Toronto');
    assert.equal(snapshot?.directory.country, 'CA');
    assert.equal(snapshot?.directory.region, 'ca-on');
    assert.equal(snapshot?.directory.distanceUnit, 'km');
  });

  it('reads weekly schedules and keeps monthly ones as notes', async () => {
    const { snapshot } = await build();
    const clinic = service(snapshot, 'json-clinic');
    assert.deepEqual(clinic.schedule, [{ days: ['MO', 'WE', 'FR'], opens: '08:30', closes: '16:30' }]);
    assert.equal(clinic.scheduleNote?.en, 'First Saturday of the month, 10 to noon');
    assert.deepEqual(service(snapshot, 'json-east-food').schedule, [
      { days: ['TU', 'TH'], opens: '13:00', closes: '16:00' },
    ]);
  });

  it('uses minimum_age and maximum_age, phones of every type, and Open Eligibility term names', async () => {
    const { snapshot } = await build();
    const clinic = service(snapshot, 'json-clinic');
    assert.deepEqual(clinic.ages, { max: 5 });
    assert.deepEqual(
      clinic.phones.map((phone) => [phone.number, phone.extension, phone.type]),
      [
        ['+15195550142', '12', 'voice'],
        ['+15195550143', undefined, 'text'],
      ],
    );
    assert.deepEqual(clinic.languages, ['fr', 'tl']);
    assert.equal(clinic.url, 'https://westside.example.org/');
    assert.deepEqual(service(snapshot, 'json-east-food').categories, ['food']);
  });
});
