import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/directory/hsds/csv.js';
import { validateSnapshot } from '../../src/directory/validate-snapshot.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = join(root, 'test/fixtures/hsds');

/** Runs the real command line, as a data team would. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli/referral-assistant.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('referral-assistant build-directory and validate-directory', () => {
  let out: string;
  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'build-directory-'));
  });
  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('builds the tabular fixture with translations and prints the summary', async () => {
    const snapshotPath = join(out, 'riverside.json');
    const result = await cli(
      'build-directory',
      join(fixtures, 'tabular'),
      '--out',
      snapshotPath,
      '--time-zone',
      'America/Detroit',
      '--translations',
      join(fixtures, 'translations.csv'),
      '--name',
      'Riverside 211',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Services read: {4}7\n/);
    assert.match(result.stdout, /Services written: 4\n/);
    assert.match(result.stdout, /Services dropped: 3\n/);
    assert.match(result.stdout, /1 {2}service-inactive: /);
    assert.match(result.stdout, /url-unsafe: .*\n.*e\.g\. riverside-services\.csv line 5 id svc-legal \[url\]/);
    assert.match(result.stdout, /Wrote .*riverside\.json: [\d,]+ bytes, [\d,]+ gzip/);
    const snapshot: unknown = JSON.parse(await readFile(snapshotPath, 'utf8'));
    const validation = validateSnapshot(snapshot);
    assert.ok(validation.ok);
    assert.deepEqual(validation.snapshot.directory.name, { en: 'Riverside 211' });
    assert.equal(
      validation.snapshot.services.find((service) => service.id === 'svc-food')?.name.es,
      'Despensa Comunitaria',
    );
  });

  it('writes the full report beside the snapshot as CSV, each problem with file, line, id and field', async () => {
    const table = parseCsv(await readFile(join(out, 'riverside.import-report.csv'), 'utf8'));
    const mojibake = table.records.find((record) => record.values.kind === 'mojibake-repaired');
    assert.deepEqual(
      mojibake && [mojibake.values.file, mojibake.values.line, mojibake.values.record_id, mojibake.values.field],
      ['riverside-services.csv', '6', 'svc-rent', 'description'],
    );
    const dropped = table.records
      .filter((record) => record.values.dropped_service === 'yes')
      .map((record) => record.values.record_id);
    assert.deepEqual(dropped.sort(), ['svc-closed', 'svc-food', 'svc-noname']);
  });

  it('shows no progress line when stderr is not a terminal', async () => {
    const result = await cli('build-directory', join(fixtures, 'json'), '--out', join(out, 'json.json'));
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
  });

  it('fails with a clear message, and writes nothing, when the time zone is unknown', async () => {
    const snapshotPath = join(out, 'no-zone.json');
    const result = await cli('build-directory', join(fixtures, 'tabular'), '--out', snapshotPath);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /time-zone-missing/);
    assert.match(result.stdout, /--time-zone America\/New_York/);
    assert.match(result.stdout, /No snapshot written/);
    await assert.rejects(readFile(snapshotPath));
  });

  it('writes a split snapshot that validate-directory checks shard by shard', async () => {
    const searchPath = join(out, 'split', 'riverside.json');
    await rm(join(out, 'split'), { recursive: true, force: true });
    await import('node:fs/promises').then(({ mkdir }) => mkdir(join(out, 'split')));
    await writeFile(join(out, 'split', 'riverside.details-9.json'), '{"stale": true}');
    const built = await cli(
      'build-directory',
      join(fixtures, 'tabular'),
      '--out',
      searchPath,
      '--time-zone',
      'America/Detroit',
      '--split',
    );
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stdout, /Wrote search part .*\n.*Wrote 1 detail shards/);
    assert.deepEqual((await readdir(join(out, 'split'))).sort(), [
      'riverside.details-0.json',
      'riverside.import-report.csv',
      'riverside.json',
    ]);
    const checked = await cli('validate-directory', searchPath);
    assert.equal(checked.code, 0, checked.stdout);
    assert.match(checked.stdout, /Valid: 4 services/);
  });

  it('validate-directory refuses a snapshot that breaks the format rules, naming the record', async () => {
    const snapshot = JSON.parse(await readFile(join(out, 'riverside.json'), 'utf8'));
    snapshot.services[0].url = 'javascript:alert(1)';
    const path = join(out, 'tampered.json');
    await writeFile(path, JSON.stringify(snapshot));
    const result = await cli('validate-directory', path);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /services\[0\] \(id "svc-food"\): url: expected an http: or https: address/);
  });

  it('validate-directory dry-runs an HSDS import: errors exit 1, a clean run writes nothing', async () => {
    const failing = await cli('validate-directory', join(fixtures, 'tabular'));
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /Dry run: nothing was written/);
    const passing = await cli('validate-directory', join(fixtures, 'tabular'), '--time-zone', 'America/Detroit');
    assert.equal(passing.code, 0, passing.stdout);
    assert.match(passing.stdout, /Valid: a build would write 4 services/);
  });

  it('rejects unknown options with the usage line', async () => {
    const result = await cli(
      'build-directory',
      join(fixtures, 'tabular'),
      '--out',
      join(out, 'x.json'),
      '--colour',
      'blue',
    );
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Usage: referral-assistant build-directory <input> --out <snapshot\.json>/);
  });
});
