import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDirectory } from '../../src/directory/directory-loader.js';
import { matchServices } from '../../src/directory/directory-matcher.js';
import { splitSnapshot } from '../../src/directory/hsds/split-snapshot.js';
import { matcherFixture } from '../support/directory-matcher-fixture.js';
import { loadFuzzyEngine } from '../../src/directory/term-corrector.js';

// Typo correction needs Fuse.js, which the widget loads on demand.
await loadFuzzyEngine();

/** A fetch that serves files from memory and records what was asked for. */
function serve(files: Record<string, unknown>) {
  const asked: string[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    const url = String(input);
    asked.push(url);
    const path = new URL(url).pathname;
    if (!(path in files)) return new Response('not found', { status: 404 });
    const body = files[path];
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
  };
  return { fetchImpl, asked };
}

function splitFiles(shardSize = 4) {
  const parts = splitSnapshot(matcherFixture(), 'testville', shardSize);
  const files: Record<string, unknown> = { '/data/testville.json': parts.search };
  for (const { file, shard } of parts.shards) files[`/data/${file}`] = shard;
  return { files, parts };
}

describe('loading a directory', () => {
  it('loads a single-file snapshot, searches it in Spanish, and returns full records in the order asked', async () => {
    const { fetchImpl } = serve({ '/data/testville.json': matcherFixture() });
    const directory = await loadDirectory('https://example.org/data/testville.json', fetchImpl, 'es');
    assert.equal(directory.split, false);
    const results = matchServices(await directory.index('es'), { text: 'despensa' }, {}, 'es');
    assert.equal(results[0]?.service.id, 'west-pantry');
    const services = await directory.services(['rent-bank', 'not-there', 'dental']);
    assert.deepEqual(
      services.map((s) => s.id),
      ['rent-bank', 'dental'],
    );
    assert.ok(services[0]!.description.en);
  });

  it('loads the other language’s vocabulary when the visitor switches', async () => {
    const { fetchImpl } = serve({ '/data/testville.json': matcherFixture() });
    const directory = await loadDirectory('https://example.org/data/testville.json', fetchImpl, 'en');
    const spanish = await directory.index('es');
    assert.equal(matchServices(spanish, { text: 'me cortaron la luz' }, {}, 'es')[0]?.service.id, 'hydro-help');
  });

  it('fetches only the shards holding the services asked for, each once', async () => {
    const { files, parts } = splitFiles(4);
    const { fetchImpl, asked } = serve(files);
    const directory = await loadDirectory('https://example.org/data/testville.json', fetchImpl);
    assert.equal(directory.split, true);
    const first = parts.search.services[0]!.id;
    const last = parts.search.services.at(-1)!.id;
    const services = await directory.services([last, first]);
    assert.deepEqual(
      services.map((s) => s.id),
      [last, first],
    );
    assert.ok(services[0]!.phones !== undefined && services[0]!.description.en);
    await directory.services([first]);
    const shardsAsked = asked.filter((url) => url.includes('.details-'));
    assert.deepEqual(shardsAsked, [
      'https://example.org/data/testville.details-2.json',
      'https://example.org/data/testville.details-0.json',
    ]);
  });

  it('names the URL and the problem when the file is missing, not JSON or not a snapshot', async () => {
    const { fetchImpl } = serve({ '/data/notjson.json': 'oops', '/data/wrong.json': { hello: 'world' } });
    await assert.rejects(
      loadDirectory('https://example.org/data/missing.json', fetchImpl),
      /https:\/\/example\.org\/data\/missing\.json: HTTP 404/,
    );
    await assert.rejects(loadDirectory('https://example.org/data/notjson.json', fetchImpl), /notjson\.json: not JSON/);
    await assert.rejects(
      loadDirectory('https://example.org/data/wrong.json', fetchImpl),
      /wrong\.json is not valid: .*format/,
    );
  });

  it('refuses a search part whose shard list does not fit its services', async () => {
    const { files, parts } = splitFiles(4);
    files['/data/testville.json'] = { ...parts.search, details: { shardSize: 4, files: ['testville.details-0.json'] } };
    const { fetchImpl } = serve(files);
    await assert.rejects(
      loadDirectory('https://example.org/data/testville.json', fetchImpl),
      /testville\.json is not valid: details\.files: 1 shards for 11 services/,
    );
  });

  it('refuses a shard that holds other services, naming the shard', async () => {
    const { files, parts } = splitFiles(4);
    files['/data/testville.details-0.json'] = parts.shards[1]!.shard;
    const { fetchImpl } = serve(files);
    const directory = await loadDirectory('https://example.org/data/testville.json', fetchImpl);
    await assert.rejects(
      directory.services([parts.search.services[0]!.id]),
      /testville\.details-0\.json is not valid: its services are not services 0 to 3/,
    );
  });

  it('tries a failed shard again on the next request', async () => {
    const { files, parts } = splitFiles(4);
    const shard = files['/data/testville.details-0.json'];
    delete files['/data/testville.details-0.json'];
    const { fetchImpl } = serve(files);
    const directory = await loadDirectory('https://example.org/data/testville.json', fetchImpl);
    const id = parts.search.services[0]!.id;
    await assert.rejects(directory.services([id]), /details-0\.json: HTTP 404/);
    files['/data/testville.details-0.json'] = shard;
    assert.deepEqual(
      (await directory.services([id])).map((s) => s.id),
      [id],
    );
  });
});
