import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the real command line, as a data team would. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli/referral-assistant.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('build-directory --split on a directory whose services name their areas', () => {
  let folder: string;
  let input: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'partitioned-cli-'));
    // The tabular fixture (cities Riverside and Lakeview) with service areas added: the pantry
    // serves Riverside, the legal clinic Lakeview; the rest name none and serve everywhere.
    input = join(folder, 'input');
    await cp(join(root, 'test/fixtures/hsds/tabular'), input, { recursive: true });
    const datapackage = JSON.parse(await readFile(join(input, 'datapackage.json'), 'utf8')) as {
      resources: { name: string; path: string }[];
    };
    datapackage.resources.push({ name: 'service_area', path: 'riverside-service_areas.csv' });
    await writeFile(join(input, 'datapackage.json'), JSON.stringify(datapackage));
    await writeFile(
      join(input, 'riverside-service_areas.csv'),
      'id,service_id,service_area\narea-1,svc-food,Riverside\narea-2,svc-legal,Lakeview\n',
    );
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes an area index, the everywhere part and one part per area, which validate-directory accepts', async () => {
    const out = join(folder, 'out');
    await mkdir(out);
    const built = await cli(
      'build-directory',
      input,
      '--out',
      join(out, 'riverside.json'),
      '--time-zone',
      'America/Detroit',
      '--split',
    );
    assert.equal(built.code, 0, built.stderr + built.stdout);
    assert.match(built.stdout, /Wrote area index .*riverside\.json: 2 areas/);
    assert.match(built.stdout, /Wrote 2 area parts/);
    const files = (await readdir(out)).sort();
    assert.ok(files.includes('riverside.everywhere.json') && files.includes('riverside.words.json'), files.join(', '));
    assert.ok(files.includes('riverside.part-0.json') && files.includes('riverside.part-1.json'), files.join(', '));
    const index = JSON.parse(await readFile(join(out, 'riverside.json'), 'utf8')) as { version: number };
    assert.equal(index.version, 3);

    const search = await cli('search', join(out, 'riverside.json'), 'food pantry', '--json');
    assert.equal(search.code, 0, search.stderr);
    const found = JSON.parse(search.stdout) as { id: string }[];
    assert.equal(found[0]?.id, 'svc-food', 'search reads every part: the pantry lives in Riverside’s');

    const valid = await cli('validate-directory', join(out, 'riverside.json'));
    assert.equal(valid.code, 0, valid.stdout);
    assert.match(valid.stdout, /Partitioned directory: area index, 3 parts and their shards fit together/);
    assert.match(valid.stdout, /Valid: 4 services, 2 areas/);
  });

  it('validate-directory names a part that is missing', async () => {
    const out = join(folder, 'broken');
    await mkdir(out);
    const built = await cli(
      'build-directory',
      input,
      '--out',
      join(out, 'riverside.json'),
      '--time-zone',
      'America/Detroit',
      '--split',
    );
    assert.equal(built.code, 0, built.stderr + built.stdout);
    await rm(join(out, 'riverside.part-1.json'));
    const missing = await cli('validate-directory', join(out, 'riverside.json'));
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /riverside\.part-1\.json: cannot read/);
    assert.match(missing.stdout, /riverside\.part-1\.json: missing/);
  });
});
