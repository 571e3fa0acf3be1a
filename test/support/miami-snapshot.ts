/**
 * The Miami 211 export as a snapshot, for the bench and the relevance evaluation, built
 * in-process with the importer's own code (the same as `referral-assistant build-directory`).
 * The data is read-only test material in `../shared/data` and never copied into the project;
 * when it is absent both scripts skip with a message. `MIAMI_SNAPSHOT=<file>` reads a built
 * snapshot instead, to compare against an older build.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportReport } from '../../src/directory/hsds/import-report.js';
import { detectInput } from '../../src/directory/hsds/read-hsds-input.js';
import { runImport } from '../../src/directory/hsds/run-import.js';
import type { DirectorySnapshot } from '../../src/directory/snapshot.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Where the Miami export lives relative to the project. */
export const MIAMI_DATA = resolve(here, '../../../shared/data/open211-miami-2019');

/** The Miami snapshot and how it was obtained, or why it could not be. */
export type MiamiSnapshot = { ok: true; snapshot: DirectorySnapshot; how: string } | { ok: false; why: string };

const silent = { update() {}, done() {} };

/**
 * Builds (or, with `MIAMI_SNAPSHOT`, reads) the Miami snapshot. With `withoutTaxonomy`, builds
 * it from a temporary copy of the export whose `services_taxonomy.csv` is emptied (everything
 * else kept), as a directory without AIRS codes would be (issue 20); the copy is removed after.
 */
export async function loadMiamiSnapshot(options: { withoutTaxonomy?: boolean } = {}): Promise<MiamiSnapshot> {
  if (!existsSync(MIAMI_DATA)) return { ok: false, why: `${MIAMI_DATA} is absent` };
  const file = process.env.MIAMI_SNAPSHOT;
  if (file && !options.withoutTaxonomy)
    return { ok: true, snapshot: JSON.parse(readFileSync(file, 'utf8')) as DirectorySnapshot, how: `read ${file}` };
  if (!options.withoutTaxonomy) return importMiami(MIAMI_DATA, MIAMI_DATA);
  const copy = mkdtempSync(join(tmpdir(), 'miami-without-taxonomy-'));
  try {
    cpSync(MIAMI_DATA, copy, { recursive: true });
    const links = join(copy, 'data', 'services_taxonomy.csv');
    const header = readFileSync(links, 'utf8').split('\n')[0] ?? '';
    writeFileSync(links, `${header}\n`);
    return await importMiami(copy, `${MIAMI_DATA} with services_taxonomy.csv emptied`);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function importMiami(folder: string, described: string): Promise<MiamiSnapshot> {
  const started = performance.now();
  const detected = await detectInput(folder);
  if (detected.kind === 'snapshot') return { ok: false, why: `${folder} is a snapshot, not an HSDS export` };
  const report = new ImportReport();
  const options = { timeZone: 'America/New_York', name: '211 Miami' };
  const { snapshot, invalid } = await runImport(folder, detected, options, report, silent);
  if (!snapshot)
    return { ok: false, why: `the import failed: ${invalid.slice(0, 3).join('; ') || 'see build-directory'}` };
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return { ok: true, snapshot, how: `built from ${described} by the importer in ${seconds} s` };
}
