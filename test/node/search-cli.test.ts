import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { splitSnapshot } from '../../src/directory/hsds/split-snapshot.js';
import { matcherFixture } from '../support/directory-matcher-fixture.js';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../src/cli/referral-assistant.ts', import.meta.url));

async function search(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, 'search', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let folder: string;
let single: string;
let split: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'search-cli-'));
  single = join(folder, 'testville.json');
  writeFileSync(single, JSON.stringify(matcherFixture()));
  const parts = splitSnapshot(matcherFixture(), 'testville-split', 4);
  split = join(folder, 'testville-split.json');
  writeFileSync(split, JSON.stringify(parts.search));
  for (const { file, shard } of parts.shards) writeFileSync(join(folder, file), JSON.stringify(shard));
});
after(() => rmSync(folder, { recursive: true, force: true }));

describe('referral-assistant search', () => {
  it('prints, with --json, each result with id, name, categories, taxonomy, score and reasons in --lang', async () => {
    const { code, stdout } = await search(single, 'despensa', '--lang', 'es', '--json');
    assert.equal(code, 0);
    const results = JSON.parse(stdout) as Record<string, unknown>[];
    assert.ok(results.length >= 2);
    const first = results[0]!;
    assert.equal(first.id, 'west-pantry');
    assert.equal(first.name, 'Westside Food Pantry');
    assert.deepEqual(first.categories, ['food']);
    assert.deepEqual(first.taxonomy, ['BD-1800.2000-640']);
    assert.equal(typeof first.score, 'number');
    assert.ok((first.reasons as string[]).includes('Coincide con: despensa'));
    assert.ok((first.reasons as string[]).includes('Se habla español'));
  });

  it('gives the same results from a split snapshot as from the single file', async () => {
    const fromSingle = JSON.parse((await search(single, 'dentist', '--json')).stdout) as { id: string }[];
    const fromSplit = JSON.parse((await search(split, 'dentist', '--json')).stdout) as { id: string }[];
    assert.deepEqual(
      fromSplit.map((r) => r.id),
      fromSingle.map((r) => r.id),
    );
    assert.ok(fromSingle.some((r) => r.id === 'dental'));
  });

  it('respects --limit', async () => {
    const results = JSON.parse((await search(single, 'food', '--limit', '1', '--json')).stdout) as unknown[];
    assert.equal(results.length, 1);
  });

  it('reads one query per line with --queries and prints one JSON line per query', async () => {
    const queries = join(folder, 'queries.txt');
    writeFileSync(queries, 'la luz\n\nno tengo para la renta\n');
    const { code, stdout } = await search(single, '--queries', queries, '--lang', 'es');
    assert.equal(code, 0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { query: string; results: { id: string }[]; ms: number });
    assert.deepEqual(
      lines.map((line) => line.query),
      ['la luz', 'no tengo para la renta'],
    );
    assert.equal(lines[0]!.results[0]!.id, 'hydro-help');
    assert.equal(lines[1]!.results[0]!.id, 'rent-bank');
    assert.ok(lines.every((line) => typeof line.ms === 'number'));
  });

  it('prints a readable list without --json', async () => {
    const { code, stdout } = await search(single, 'shelter', '--lang', 'en');
    assert.equal(code, 0);
    assert.match(stdout, /^\d+ services for "shelter"/);
    assert.match(stdout, /1\. Harbour (Night|Day) Shelter/);
    assert.match(stdout, /Matches: shelter/);
  });

  it('applies filters: --age child leaves out the seniors-only dental clinic', async () => {
    const results = JSON.parse((await search(single, 'dentist', '--age', 'child', '--json')).stdout) as {
      id: string;
    }[];
    assert.deepEqual(
      results.map((r) => r.id),
      ['dental'],
    );
  });

  it('exits 2 with the usage on a bad language, and 1 naming the file when it is missing', async () => {
    const bad = await search(single, 'food', '--lang', 'de');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--lang must be one of en, es, fr/);
    const missing = await search(join(folder, 'nope.json'), 'food');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.json: HTTP 404/);
  });
});
