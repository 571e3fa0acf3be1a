/**
 * The importer on real exports in ../shared/data (not part of the repository: the Miami
 * export's licence is unclear). Skips with a message where the folder is absent.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import categoryMapFile from '../../src/directory/category-map.json' with { type: 'json' };
import { buildSnapshot } from '../../src/directory/hsds/build-snapshot.js';
import { ImportReport } from '../../src/directory/hsds/import-report.js';
import { loadCategoryMap } from '../../src/directory/hsds/map-categories.js';
import { readHsdsJson } from '../../src/directory/hsds/read-hsds-json.js';
import { readTabularDatapackage } from '../../src/directory/hsds/read-tabular-datapackage.js';
import { splitSnapshot } from '../../src/directory/hsds/split-snapshot.js';
import { validateSnapshot } from '../../src/directory/validate-snapshot.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = join(root, '../shared/data');
const miami = join(shared, 'open211-miami-2019');
const hsds3 = join(shared, 'hsds-3.0-examples');
const categoryMap = loadCategoryMap(categoryMapFile);
const now = new Date('2026-11-26T12:00:00Z');
const skipMiami = existsSync(join(miami, 'datapackage.json')) ? false : `${miami} is absent (shared data not mounted)`;
const skipHsds3 = existsSync(join(hsds3, 'service_full.json')) ? false : `${hsds3} is absent (shared data not mounted)`;

describe('the real 211 Miami export (HSDS 1.x tabular)', { skip: skipMiami }, () => {
  const built = (async () => {
    const report = new ImportReport();
    const source = await readTabularDatapackage(miami, report);
    const snapshot = buildSnapshot(
      source,
      { categoryMap, fallbackName: 'miami', now, timeZone: 'America/New_York' },
      report,
    );
    return { snapshot, report, summary: report.summarize() };
  })();

  it('reads and writes all 4,089 services, dropping none', async () => {
    const { summary } = await built;
    assert.equal(summary.servicesRead, 4089);
    assert.equal(summary.servicesWritten, 4089);
    assert.deepEqual(summary.dropped, {});
    assert.deepEqual(summary.errors, {});
  });

  it('reports the known quirks of the export with their counts', async () => {
    const { summary } = await built;
    assert.equal(summary.warnings['eligibility-unlinked'], 2244);
    // 982 descriptions contain "###" (DOMAIN.md); one more has the clipped "##MON##".
    assert.equal(summary.warnings['marker-removed'], 983);
    assert.equal(summary.warnings['duplicate-link'], 9155);
    assert.equal(summary.warnings['organization-missing'], 447);
    assert.equal(summary.warnings['country-filled'], 4088);
    assert.equal(summary.warnings['duplicate-id'], 3);
    assert.ok((summary.warnings['mojibake-repaired'] ?? 0) > 300);
    assert.ok((summary.warnings['url-scheme-added'] ?? 0) > 2000);
  });

  it('writes a snapshot the widget accepts, without markers, mojibake or unsafe links', async () => {
    const { snapshot } = await built;
    const json = JSON.stringify(snapshot);
    assert.ok(validateSnapshot(JSON.parse(json)).ok);
    assert.equal(/###|GÇ|javascript:/i.test(json), false);
  });

  it('normalises the hours, languages and phones the way a navigator would read them', async () => {
    const { snapshot } = await built;
    const scouts = snapshot?.services.find((service) => service.id === '136');
    assert.deepEqual(scouts?.schedule, [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }]);
    assert.deepEqual(scouts?.languages, ['en', 'es', 'ht']);
    assert.equal(scouts?.phones[0]?.number, '+13052534841');
    const spanish = snapshot?.services.filter((service) => service.languages.includes('es')).length ?? 0;
    assert.ok(spanish >= 3200, `${spanish} services list Spanish`);
  });

  it('maps most services to need categories and derives the Miami area with its ZIP codes', async () => {
    const { snapshot } = await built;
    const mapped = snapshot?.services.filter((service) => service.categories.length > 0).length ?? 0;
    assert.ok(mapped > 2900, `${mapped} services have a category`);
    const area = snapshot?.areas.find((candidate) => candidate.id === 'miami');
    assert.ok(area?.centroid && Math.abs(area.centroid.lat - 25.8) < 0.2 && Math.abs(area.centroid.lon + 80.25) < 0.2);
    assert.ok(area?.postalCodes?.includes('33142'));
  });

  it('splits into a search part under the 250 KB gzip budget', async () => {
    const { snapshot } = await built;
    assert.ok(snapshot);
    const { search } = splitSnapshot(snapshot, 'miami');
    const gzipBytes = gzipSync(JSON.stringify(search), { level: 9 }).length;
    assert.ok(gzipBytes <= 250 * 1024, `search part is ${gzipBytes} bytes gzip`);
  });

  it('prints the summary on the command line', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        'npx',
        ['tsx', 'src/cli/referral-assistant.ts', 'validate-directory', miami, '--time-zone', 'America/New_York'],
        { cwd: root, maxBuffer: 16 * 1024 * 1024 },
        (error, out) => (error ? reject(error) : resolve(out)),
      );
    });
    assert.match(stdout, /Services read: {4}4,089\n/);
    assert.match(stdout, /Services written: 4,089\n/);
    assert.match(stdout, /2,244 {2}eligibility-unlinked/);
  });
});

describe('the HSDS 3.0 official examples', { skip: skipHsds3 }, () => {
  it('reads the one example service from its three files, reporting the two copies as duplicates', async () => {
    const report = new ImportReport();
    const source = await readHsdsJson(hsds3, report);
    const snapshot = buildSnapshot(source, { categoryMap, fallbackName: 'hsds-3.0-examples', now }, report);
    const summary = report.summarize();
    assert.equal(summary.servicesRead, 3);
    assert.equal(summary.servicesWritten, 1);
    assert.deepEqual(summary.dropped, { 'duplicate-id': 2 });
    assert.equal(summary.warnings['time-zone-from-offset'], 1);
    assert.equal(summary.warnings['coordinates-invalid'], 3);
    assert.ok(validateSnapshot(JSON.parse(JSON.stringify(snapshot))).ok);
    const service = snapshot?.services[0];
    assert.equal(service?.phones[0]?.number, '+441234234567');
    assert.equal(service?.phones[0]?.extension, '100');
    assert.deepEqual(service?.ages, { min: 12, max: 100 });
    assert.deepEqual(service?.languages, ['ur']);
    assert.match(service?.scheduleNote?.en ?? '', /10 am to 6pm weekdays/);
    assert.equal(snapshot?.directory.timeZone, 'Etc/GMT-3');
  });
});
