/**
 * Issue 21 end to end: a 60,000-service provincial directory, partitioned by area, in the widget
 * on the demo page in Chromium. A visitor types a need with a postal code and gets service cards,
 * and the page fetched only the area index, the part of services that serve everywhere, the
 * postal code's area part, the word list and the shards of the services shown: under 250 KB gzip.
 *
 * The directory is generated here (deterministic: `syntheticProvince(60000)`), partitioned by the
 * same code as `build-directory --split`, written to a temporary folder and served under the demo
 * page's own origin (`/province/`), so the widget fetches it as it would from a partner's server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { syntheticProvince } from '../../scripts/synthetic-directory.js';
import type { AreaIndex } from '../../src/directory/area-index.js';
import { partitionSnapshot } from '../../src/directory/hsds/partition-snapshot.js';
import { type E2eSession, startE2eSession } from '../support/browser-session.js';
import { answerUntilResults, openDemo, openPanel, say, widgetIn } from '../support/demo-widget.js';

/** Directory data a visitor who named an area may download before the first results (gzip, 1 KB = 1,024 bytes). */
const BUDGET_BYTES = 250 * 1024;
/** A Leamington postal code (FSA N8H), where migrant farm workers look for food. */
const POSTAL_CODE = 'N8H 3W2';

let session: E2eSession;
let folder: string;
let index: AreaIndex;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'province-'));
  const partitioned = partitionSnapshot(syntheticProvince(60_000), 'province');
  index = partitioned.index;
  writeFileSync(join(folder, 'province.json'), JSON.stringify(partitioned.index));
  for (const { file, content } of partitioned.files) writeFileSync(join(folder, file), JSON.stringify(content));
  session = await startE2eSession();
});
after(async () => {
  await session?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Serves the generated directory under /province/ on the demo's origin; returns the files fetched, in order. */
async function serveProvince(page: Page): Promise<string[]> {
  const fetched: string[] = [];
  await page.route(`${session.url}/province/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice('/province/'.length);
    fetched.push(name);
    if (name.includes('/') || name.includes('..')) return route.fulfill({ status: 404 });
    try {
      await route.fulfill({ contentType: 'application/json', body: await readFile(join(folder, name), 'utf8') });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  return fetched;
}

describe('a 60,000-service province partitioned by area', () => {
  it('shows services for a need typed with a postal code, fetching only that area’s part and the everywhere part', async () => {
    const { page } = await session.newPage({ phone: true });
    try {
      const fetched = await serveProvince(page);
      await openDemo(page, session.url, { directory: '/province/province.json' });
      const widget = widgetIn(page, 'en');
      await openPanel(widget);
      await say(page, widget, `I need a food bank, I am at ${POSTAL_CODE}`);
      await answerUntilResults(page, widget, 2);
      const cards = await widget.cards.count();
      assert.ok(cards >= 3 && cards <= 5, `3 to 5 service cards, got ${cards}`);

      const leamington = index.areas.find((area) => area.id === 'leamington')!;
      const areaPart = index.parts[leamington.part]!;
      const ownShards = (file: string) => file.startsWith(areaPart.file.replace(/\.json$/, '.details-'));
      const everywhereShards = (file: string) => file.startsWith(index.everywhere.file.replace(/\.json$/, '.details-'));
      const searchFiles = fetched.filter((file) => !file.includes('.details-'));
      assert.deepEqual(
        [...new Set(searchFiles)].sort(),
        ['province.json', index.everywhere.file, areaPart.file, index.words].sort(),
        `fetched: ${fetched.join(', ')}`,
      );
      const shards = fetched.filter((file) => file.includes('.details-'));
      assert.ok(shards.length > 0, 'the cards’ details came from detail shards');
      for (const shard of shards)
        assert.ok(ownShards(shard) || everywhereShards(shard), `${shard} is not a shard of the visitor’s parts`);
      assert.ok(
        areaPart.areas.includes('leamington') && index.parts.length > 20,
        `one part of ${index.parts.length}, holding ${areaPart.areas.join(', ')}`,
      );
      // Issue 21's budget: at most 250 KB gzip of directory data before the first results.
      let gzipBytes = 0;
      for (const file of new Set(fetched))
        gzipBytes += gzipSync(await readFile(join(folder, file)), { level: 9 }).length;
      assert.ok(gzipBytes <= BUDGET_BYTES, `${gzipBytes} bytes gzip of directory data before the first results`);
      const names = await widget.cards.getByRole('heading').allTextContents();
      assert.ok(
        names.some((name) =>
          /Food Bank|Community Pantry|Good Food Box|Mobile Food Market|Community Meal|Soup Kitchen/.test(name),
        ),
        `food services among ${names.join(' | ')}`,
      );
    } finally {
      await page.context().close();
    }
  });
});
