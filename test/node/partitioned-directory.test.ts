import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { syntheticProvince } from '../../scripts/synthetic-directory.js';
import type { AreaIndex } from '../../src/directory/area-index.js';
import { loadDirectory } from '../../src/directory/directory-loader.js';
import { buildDirectoryIndex, matchServices } from '../../src/directory/directory-matcher.js';
import { createDirectorySearch } from '../../src/directory/directory-search.js';
import { joinPartitionedSnapshot, partitionSnapshot } from '../../src/directory/hsds/partition-snapshot.js';
import { loadNeedVocabulary } from '../../src/directory/need-vocabulary-loader.js';
import type { DirectorySnapshot, Service, UiLanguage } from '../../src/directory/snapshot.js';
import { loadFuzzyEngine } from '../../src/directory/term-corrector.js';
import { validateSnapshot } from '../../src/directory/validate-snapshot.js';
import { UI_LANGUAGES } from '../../src/i18n/languages.js';

// Typo correction needs Fuse.js, which the widget loads on demand.
await loadFuzzyEngine();

const ORIGIN = 'https://example.org/province/';

/** A fetch over a directory held in memory (`index` at index.json), recording each file asked for. */
function serve(index: AreaIndex | DirectorySnapshot, files: { file: string; content: unknown }[] = []) {
  const bodies = new Map<string, string>([['index.json', JSON.stringify(index)]]);
  for (const { file, content } of files) bodies.set(file, JSON.stringify(content));
  const asked: string[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    const name = String(input).slice(ORIGIN.length);
    asked.push(name);
    const body = bodies.get(name);
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  };
  return { fetchImpl, asked };
}

function partitioned(snapshot: DirectorySnapshot, options: { partTargetGzip?: number } = {}) {
  const { index, files, warnings } = partitionSnapshot(snapshot, 'index', options);
  return { index, files, warnings, ...serve(index, files) };
}

const province = syntheticProvince(6000);
const built = partitioned(province);

describe('a directory partitioned by area', () => {
  it('indexes every area with its names in every language, postal prefixes, box and part', () => {
    const sudbury = built.index.areas.find((area) => area.id === 'greater-sudbury');
    assert.deepEqual(sudbury?.name, { en: 'Greater Sudbury', fr: 'Grand Sudbury' });
    assert.ok(sudbury?.postalCodes?.includes('P3A'));
    assert.ok(sudbury?.bounds && sudbury.bounds.south <= 46.4917 && sudbury.bounds.north >= 46.4917);
    assert.equal(built.index.areas.length, province.areas.length);
    for (const area of built.index.areas) assert.ok(built.index.parts[area.part]?.areas.includes(area.id), area.id);
  });

  it('puts the services that serve everywhere in their own part and every other service in its areas’ parts', () => {
    const everywhere = province.services.filter((service) => service.areas.length === 0);
    assert.equal(built.index.everywhere.services, everywhere.length);
    assert.ok(everywhere.length > 0.03 * province.services.length, 'crisis lines, helplines, government programs');
    const parts = built.index.parts.reduce((sum, part) => sum + part.services, 0);
    assert.ok(parts >= province.services.length - everywhere.length, 'each local service in at least one part');
  });

  it('puts back together into the very services it was built from, valid by every rule of the format', () => {
    const { joined, problems } = joinPartitionedSnapshot(built.index, partsOf(built.files), wordsOf(built.files));
    assert.deepEqual(problems, []);
    assert.ok(joined);
    const byId = new Map(joined.services.map((service) => [service.id, service]));
    assert.equal(byId.size, province.services.length);
    for (const service of province.services) assert.deepEqual(byId.get(service.id), service);
    const validation = validateSnapshot(joined);
    assert.ok(validation.ok, validation.ok ? '' : JSON.stringify(validation.problems.slice(0, 3)));
  });

  it('tells validate-directory when a part’s word counts are not the whole directory’s, or a service left its areas', () => {
    const parts = partsOf(built.files);
    const file = built.index.parts[0]!.file;
    const part = parts.get(file)!;
    const search = structuredClone(part.search) as { wordCounts: Record<string, number>; services: Service[] };
    search.wordCounts.food = (search.wordCounts.food ?? 0) + 1;
    search.services[0]!.areas = ['kenora'];
    const shards = structuredClone(part.shards) as { services: Service[] }[];
    shards[0]!.services[0]!.areas = ['kenora'];
    parts.set(file, { search, shards });
    const { problems } = joinPartitionedSnapshot(built.index, parts, wordsOf(built.files));
    assert.ok(
      problems.some((problem) => problem.includes('serves none of the part')),
      problems.join('\n'),
    );
    const counted = joinPartitionedSnapshot(
      built.index,
      new Map([
        ...partsOf(built.files),
        [file, { ...part, search: { ...(part.search as object), wordCounts: search.wordCounts } }],
      ]),
      wordsOf(built.files),
    );
    assert.ok(
      counted.problems.some((problem) => problem.includes('wordCounts')),
      counted.problems.join('\n'),
    );
  });

  it('downloads only the index, the everywhere part and the area’s part for a visitor who names an area', async () => {
    const { fetchImpl, asked } = serve(built.index, built.files);
    const directory = await loadDirectory(`${ORIGIN}index.json`, fetchImpl);
    const search = createDirectorySearch(directory);
    const found = await search.find({
      need: { categories: ['food'] },
      answers: { area: 'leamington' },
      language: 'en',
      urgent: false,
    });
    assert.equal(found.results.length, 5);
    const part = built.index.parts[built.index.areas.find((area) => area.id === 'leamington')!.part]!;
    const searchParts = asked.filter((name) => !name.includes('.details-'));
    assert.deepEqual(searchParts, ['index.json', built.index.everywhere.file, part.file]);
    for (const { service } of found.results) {
      assert.ok(service.areas.length === 0 || service.areas.some((area) => part.areas.includes(area)), service.id);
      assert.ok(service.phones.length > 0, 'full records from the detail shards');
    }
  });

  it('answers "anywhere" with the services that serve everywhere, downloading no area’s part', async () => {
    const { fetchImpl, asked } = serve(built.index, built.files);
    const search = createDirectorySearch(await loadDirectory(`${ORIGIN}index.json`, fetchImpl));
    const found = await search.find({
      need: { categories: ['mental-health'], text: 'crisis line' },
      answers: { area: null },
      language: 'en',
      urgent: false,
    });
    assert.ok(found.results.length > 0);
    for (const { service } of found.results) assert.deepEqual(service.areas, [], service.id);
    assert.deepEqual(
      asked.filter((name) => !name.includes('.details-')),
      // Typed words also fetch the directory's word list, so typos are corrected as over the whole.
      ['index.json', built.index.everywhere.file, built.index.words],
    );
  });

  it('reads a postal code in the visitor’s words and searches only that area’s part', async () => {
    const { fetchImpl, asked } = serve(built.index, built.files);
    const search = createDirectorySearch(await loadDirectory(`${ORIGIN}index.json`, fetchImpl));
    const assessment = await search.assess({
      need: { categories: [], text: 'food bank N8H 2X3' },
      answers: {},
      language: 'en',
    });
    assert.equal(assessment.hints.area, 'leamington');
    const part = built.index.parts[built.index.areas.find((area) => area.id === 'leamington')!.part]!;
    assert.deepEqual(
      asked.filter((name) => !name.includes('.details-')),
      ['index.json', built.index.everywhere.file, part.file, built.index.words],
    );
  });
});

describe('ranking over a visitor’s parts equals ranking over the whole directory', () => {
  const queries = relevanceQueries();
  const areas = ['toronto', 'leamington', 'greater-sudbury', 'kenora', 'waterloo'];

  it(`gives the single file's results, scores and reasons for ${queries.length} queries in each of ${areas.length} areas`, async () => {
    const vocabularies = await Promise.all(UI_LANGUAGES.map((language) => loadNeedVocabulary(language)));
    const whole = buildDirectoryIndex(province, vocabularies);
    const { fetchImpl } = serve(built.index, built.files);
    const directory = await loadDirectory(`${ORIGIN}index.json`, fetchImpl);
    const now = new Date('2026-03-04T15:00:00Z');
    let compared = 0;
    for (const area of areas) {
      const scoped = await directory.scoped({ area });
      for (const { lang, query } of queries) {
        const parts = await scoped.index(lang);
        const filters = { area, now };
        const expected = matchServices(whole, { text: query }, filters, lang, 5);
        const actual = matchServices(parts, { text: query }, filters, lang, 5);
        const shown = (results: typeof actual) =>
          results.map(({ service, score, reasons }) => ({ id: service.id, score, reasons }));
        assert.deepEqual(shown(actual), shown(expected), `"${query}" (${lang}) in ${area}`);
        if (expected.length > 0) compared++;
      }
    }
    assert.ok(compared > queries.length, `most queries find something (${compared} compared)`);
  });
});

describe('results across an area border', () => {
  // Two towns 12 km apart, each in a part of its own: Kingsville has one food bank, Leamington three.
  const point = (lat: number, lon: number) => ({ lat, lon });
  const foodBank = (id: string, area: string, at: { lat: number; lon: number }): Service => ({
    id,
    name: { en: `${id} Food Bank` },
    organization: { en: 'Test Org' },
    description: { en: 'Food for families.' },
    categories: ['food'],
    taxonomy: ['BD-1800.2000-640'],
    phones: [{ number: '+15555550100', display: '555-555-0100', type: 'voice' }],
    locations: [{ id: `${id}-l`, area, point: at }],
    areas: [area],
    schedule: [],
    languages: ['en'],
  });
  const towns: DirectorySnapshot = {
    format: 'referral-assistant/directory',
    version: 1,
    generatedAt: '2026-01-01T00:00:00Z',
    directory: {
      name: { en: 'Two towns' },
      timeZone: 'America/Toronto',
      region: 'ca-on',
      country: 'CA',
      distanceUnit: 'km',
    },
    areas: [
      { id: 'kingsville', name: { en: 'Kingsville' }, centroid: point(42.0387, -82.7392), postalCodes: ['N9Y'] },
      { id: 'leamington', name: { en: 'Leamington' }, centroid: point(42.0531, -82.5998), postalCodes: ['N8H'] },
      { id: 'kenora', name: { en: 'Kenora' }, centroid: point(49.767, -94.4894), postalCodes: ['P9N'] },
    ],
    services: [
      foodBank('Kingsville', 'kingsville', point(42.04, -82.74)),
      foodBank('Leamington North', 'leamington', point(42.06, -82.6)),
      foodBank('Leamington South', 'leamington', point(42.04, -82.6)),
      foodBank('Leamington East', 'leamington', point(42.05, -82.58)),
      foodBank('Kenora', 'kenora', point(49.767, -94.49)),
    ],
  };

  it('fills a short list with the next town’s services within 30 km, nearest first, never one 1,500 km away', async () => {
    const split = partitioned(towns, { partTargetGzip: 1 });
    assert.equal(split.index.parts.length, 3, 'one part per town');
    const search = createDirectorySearch(await loadDirectory(`${ORIGIN}index.json`, split.fetchImpl));
    const found = await search.find({
      need: { categories: ['food'] },
      answers: { area: 'kingsville' },
      language: 'en',
      urgent: false,
    });
    assert.deepEqual(
      found.results.map(({ service }) => service.id),
      ['Kingsville', 'Leamington South', 'Leamington North', 'Leamington East'],
    );
    const kenoraPart = split.index.parts[split.index.areas.find((area) => area.id === 'kenora')!.part]!;
    assert.ok(!split.asked.includes(kenoraPart.file), 'Kenora’s part is never fetched');
  });

  it('warns the data team about a part over the size target, naming the area', () => {
    const { warnings } = partitioned(towns, { partTargetGzip: 100 });
    assert.ok(
      warnings.some((warning) =>
        /^area leamington: its 3 services are .* gzip alone, over the 0 KB part target/.test(warning),
      ),
      warnings.join('\n'),
    );
  });

  it('fills it the same way from a single-file directory', async () => {
    const single = serve(towns);
    const search = createDirectorySearch(await loadDirectory(`${ORIGIN}index.json`, single.fetchImpl));
    const found = await search.find({
      need: { categories: ['food'] },
      answers: { area: 'kingsville' },
      language: 'en',
      urgent: false,
    });
    assert.equal(found.results.length, 4);
  });
});

function wordsOf(files: { file: string; content: unknown }[]): unknown {
  return files.find(({ file }) => file.endsWith('.words.json'))?.content;
}

function partsOf(files: { file: string; content: unknown }[]): Map<string, { search: unknown; shards: unknown[] }> {
  const byName = new Map(files.map(({ file, content }) => [file, content]));
  const parts = new Map<string, { search: unknown; shards: unknown[] }>();
  for (const [file, content] of byName) {
    if (file.includes('.details-') || file.endsWith('.words.json')) continue;
    const shards = ((content as { details: { files: string[] } }).details.files ?? []).map((name) => byName.get(name));
    parts.set(file, { search: content, shards });
  }
  return parts;
}

function relevanceQueries(): { lang: UiLanguage; query: string }[] {
  const read = (name: string) =>
    (
      JSON.parse(readFileSync(new URL(`../fixtures/relevance/${name}.json`, import.meta.url), 'utf8')) as {
        queries: { lang: UiLanguage; query: string }[];
      }
    ).queries;
  return [...read('tuned'), ...read('held-out')].map(({ lang, query }) => ({ lang, query }));
}
