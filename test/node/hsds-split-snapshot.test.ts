import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinSplitSnapshot, splitSnapshot } from '../../src/directory/hsds/split-snapshot.js';
import type { DirectorySnapshot, Service } from '../../src/directory/snapshot.js';
import { validateSnapshot } from '../../src/directory/validate-snapshot.js';

const service = (id: string, taxonomy: string[], name = id): Service => ({
  id,
  name: { en: name },
  organization: { en: 'Org' },
  description: { en: `${name} description that only the detail shard carries` },
  categories: ['food'],
  taxonomy,
  keywords: { en: ['Alternate name', 'Food Pantries'] },
  phones: [{ number: '+13135550100', display: '313-555-0100', type: 'voice' }],
  locations: [{ id: `${id}-loc`, point: { lat: 42.3, lon: -83 } }, { id: `${id}-virtual` }],
  areas: [],
  schedule: [{ days: ['MO'], opens: '09:00', closes: '17:00' }],
  languages: ['en'],
  free: true,
});

const snapshot: DirectorySnapshot = {
  format: 'referral-assistant/directory',
  version: 1,
  generatedAt: '2026-11-26T12:00:00.000Z',
  directory: { name: { en: 'Test' }, timeZone: 'America/Detroit', region: 'us', country: 'US', distanceUnit: 'mi' },
  areas: [],
  taxonomyTerms: { 'BD-1800.2000': { en: 'Food Pantries' } },
  services: [
    service('c', ['YB-8000', 'LN-1500']),
    service('a', ['BD-1800.2000']),
    service('b', ['BD-1800.2000'], 'Another pantry'),
    service('d', []),
    service('e', ['YB-8000']),
  ],
};

describe('splitting a large snapshot into a search part and detail shards', () => {
  const split = splitSnapshot(snapshot, 'miami', 2);

  it('keeps only what search reads in the search part, with points instead of locations', () => {
    const first = split.search.services[0];
    assert.deepEqual(Object.keys(first ?? {}).sort(), [
      'areas',
      'categories',
      'free',
      'id',
      'keywords',
      'languages',
      'name',
      'organization',
      'points',
      'schedule',
      'taxonomy',
    ]);
    assert.deepEqual(first?.points, [{ lat: 42.3, lon: -83 }]);
    assert.equal(JSON.stringify(split.search).includes('description'), false);
    assert.equal(split.search.version, 2);
  });

  it('moves term names out of keywords, since taxonomyTerms holds them', () => {
    assert.deepEqual(split.search.services.find((item) => item.id === 'a')?.keywords, { en: ['Alternate name'] });
    assert.deepEqual(split.search.taxonomyTerms, snapshot.taxonomyTerms);
  });

  it('orders services by their lowest non-population taxonomy code, then name, so similar services share shards', () => {
    assert.deepEqual(
      split.search.services.map((item) => item.id),
      ['b', 'a', 'c', 'd', 'e'],
    );
  });

  it('names the shards and finds each service in files[floor(position / shardSize)]', () => {
    assert.deepEqual(split.search.details, {
      shardSize: 2,
      files: ['miami.details-0.json', 'miami.details-1.json', 'miami.details-2.json'],
    });
    split.search.services.forEach((item, position) => {
      const shard = split.shards[Math.floor(position / 2)]?.shard;
      assert.equal(shard?.services[position % 2]?.id, item.id);
    });
  });

  it('joins back into the snapshot it came from, which the widget validator accepts', () => {
    const { joined, problems } = joinSplitSnapshot(
      JSON.parse(JSON.stringify(split.search)),
      split.shards.map(({ shard }) => shard),
    );
    assert.deepEqual(problems, []);
    const validation = validateSnapshot(joined);
    assert.ok(validation.ok);
    assert.deepEqual(
      validation.snapshot.services.map((item) => item.id).sort(),
      snapshot.services.map((item) => item.id).sort(),
    );
  });

  it('reports shards that are missing, misnumbered or out of order', () => {
    const shards = split.shards.map(({ shard }) => structuredClone(shard));
    shards.reverse();
    const { problems } = joinSplitSnapshot(split.search, shards.slice(1));
    assert.ok(problems.some((problem) => problem.includes('says it is shard')));
    assert.ok(problems.some((problem) => problem.includes('the shards hold 4 services, the search part 5')));
  });
});
