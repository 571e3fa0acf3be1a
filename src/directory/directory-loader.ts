/**
 * Loads a directory for the widget: the snapshot (one file, or a split snapshot's search part),
 * validated, indexed, with the need vocabulary of the visitor's language; full service details
 * come later, shard by shard, only for the services a visitor is shown. Errors name the URL and
 * the problem, because the person reading them is a partner's web developer.
 *
 * The split format is agreed in `docs/large-snapshots.md`: the search part carries
 * `details: { shardSize, files }`, and the details of `services[i]` are in
 * `files[floor(i / shardSize)]`, relative to the search part's URL. A partitioned directory
 * (same document, "Partitioned by area") is an area index naming such search parts: one for the
 * services that serve everywhere and one per area or group of nearby areas.
 */
import type { AreaIndex, DirectoryScope } from './area-index.js';
import { isAreaIndex } from './area-index-format.js';
import type { DirectoryIndex } from './directory-matcher.js';
import { buildDirectoryIndex, withVocabulary } from './directory-matcher.js';
import type { NeedVocabulary } from './need-vocabulary.js';
import { loadNeedVocabulary } from './need-vocabulary-loader.js';
import type { SearchableDirectory, SearchableService } from './search-index.js';
import type { Area, DirectorySnapshot, Service, UiLanguage } from './snapshot.js';
import type { SNAPSHOT_FORMAT } from './snapshot.js';
import { envelopeProblem, servicesProblem } from './snapshot-shape.js';

/** What the widget downloads first: a whole snapshot, or a split snapshot's search part. */
export interface LoadedSnapshot extends SearchableDirectory<SearchableService> {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  generatedAt: string;
  areas: Area[];
  /** Present on a split snapshot's search part only. */
  details?: { shardSize: number; files: string[] };
  /** Present on a part of a partitioned directory: the whole directory's count of each word. */
  wordCounts?: Record<string, number>;
}

/** A directory ready for searching. */
export interface LoadedDirectory {
  /** The URL it was loaded from, resolved. */
  url: string;
  /**
   * The snapshot or search part, as validated. For a partitioned directory: its areas (all of
   * them, from the area index) and the services of the parts loaded for this view.
   */
  snapshot: LoadedSnapshot;
  /** True when details arrive in shards. */
  split: boolean;
  /** A partitioned directory's area index; absent for a single file or a plain split snapshot. */
  areaIndex?: AreaIndex;
  /**
   * The index for matching, with the need vocabulary of `language` loaded (fetched once, the
   * first time a language is asked for). Without a language: the index as it is, enough for
   * chosen categories, so a visitor who taps "Food" never downloads a vocabulary.
   */
  index(language?: UiLanguage): Promise<DirectoryIndex<LoadedSnapshot>>;
  /**
   * Full records of services, in the order of `ids`. A split directory fetches the shards that
   * hold them (each shard once); ids it does not know are left out.
   */
  services(ids: readonly string[]): Promise<Service[]>;
  /**
   * The directory as a scope needs it. A single file or split snapshot: itself. A partitioned
   * directory: the everywhere part plus the parts {@link partsForScope} names, each fetched once
   * and shared between views.
   */
  scoped(scope: DirectoryScope): Promise<LoadedDirectory>;
}

/**
 * Fetches, validates and indexes a directory; with a `language`, its need vocabulary is loaded
 * alongside the download. A partitioned directory's URL names its area index: the everywhere
 * part is fetched with it, an area's part when the visitor's scope asks for it.
 */
export async function loadDirectory(
  url: string | URL,
  fetchImpl: typeof fetch = fetch,
  language?: UiLanguage,
): Promise<LoadedDirectory> {
  const href = resolveUrl(url);
  const vocabulary = language ? loadNeedVocabulary(language) : undefined;
  const value = await fetchJson(href, fetchImpl);
  if (isAreaIndex(value)) {
    // Only province-sized directories are partitioned: their code loads when one arrives.
    const { areaIndexProblem, openPartitioned } = await import('./partitioned-directory.js');
    const problem = areaIndexProblem(value);
    if (problem) throw new Error(`Directory ${href} is not valid: ${problem}`);
    const partitioned = openPartitioned(href, value as AreaIndex, fetchImpl);
    const [directory] = await Promise.all([partitioned.view([]), vocabulary]);
    return directory;
  }
  const snapshot = readSnapshot(href, value);
  const details = detailsOf(href, snapshot, fetchImpl);
  const directory: LoadedDirectory = indexed(
    { url: href, snapshot, split: Boolean(snapshot.details), services: details, scoped: async () => directory },
    vocabulary ? [await vocabulary] : [],
  );
  return directory;
}

/**
 * Adds the lazily built index to a directory, with the vocabularies already loaded. Typed words
 * (a `language` asked for) also wait for `forTypedWords`: a partitioned directory's word list.
 */
export function indexed(
  directory: Omit<LoadedDirectory, 'index'>,
  vocabularies: readonly NeedVocabulary[],
  forTypedWords?: () => Promise<void>,
): LoadedDirectory {
  let index: DirectoryIndex<LoadedSnapshot> | undefined;
  return {
    ...directory,
    async index(wanted) {
      index ??= buildDirectoryIndex(directory.snapshot, vocabularies);
      if (wanted && forTypedWords) await forTypedWords();
      if (wanted && !index.vocabularies.has(wanted)) index = withVocabulary(index, await loadNeedVocabulary(wanted));
      return index;
    },
  };
}

/** Full records by id for one snapshot or search part: from memory, or shard by shard. */
export function detailsOf(
  href: string,
  snapshot: LoadedSnapshot,
  fetchImpl: typeof fetch,
): (ids: readonly string[]) => Promise<Service[]> {
  const positions = new Map<string, number>(snapshot.services.map((service, at) => [service.id, at]));
  const shards = new Map<number, Promise<Service[]>>();
  const shard = (number: number): Promise<Service[]> => {
    let loading = shards.get(number);
    if (!loading) {
      loading = fetchShard(href, snapshot, number, fetchImpl);
      // A failed shard is forgotten so the next request for it tries again.
      loading.catch(() => shards.delete(number));
      shards.set(number, loading);
    }
    return loading;
  };
  return async (ids) => {
    const details = snapshot.details;
    const wanted = ids.flatMap((id) => {
      const at = positions.get(id);
      return at === undefined ? [] : [at];
    });
    if (!details) return wanted.map((at) => snapshot.services[at] as Service);
    const numbers = [...new Set(wanted.map((at) => Math.floor(at / details.shardSize)))];
    const loaded = new Map(await Promise.all(numbers.map(async (n) => [n, await shard(n)] as const)));
    return wanted.map((at) => loaded.get(Math.floor(at / details.shardSize))![at % details.shardSize]!);
  };
}

function resolveUrl(url: string | URL): string {
  const base = typeof document !== 'undefined' ? document.baseURI : undefined;
  try {
    return new URL(url, base).href;
  } catch {
    throw new Error(`Directory ${String(url)}: not a valid URL`);
  }
}

export async function fetchJson(url: string, fetchImpl: typeof fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit' });
  } catch (error) {
    throw new Error(
      `Directory ${url}: could not be fetched (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!response.ok) throw new Error(`Directory ${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`Directory ${url}: not JSON`);
  }
}

/**
 * Checks what the URL returned, a whole snapshot or a split snapshot's search part, for the
 * shape the widget reads (see `snapshot-shape.ts`; the full rules run at build time).
 */
export function readSnapshot(url: string, value: unknown): LoadedSnapshot {
  if (isRecord(value) && value.details !== undefined) return readSearchPart(url, value);
  const problem = envelopeProblem(value) ?? servicesProblem((value as { services: unknown[] }).services, true);
  if (problem) throw new Error(`Directory ${url} is not valid: ${problem}`);
  return value as DirectorySnapshot;
}

/**
 * Checks a split snapshot's search part: the envelope as `validateSnapshot` checks it, and the
 * fields search reads of each service. Full records are checked shard by shard as they arrive.
 */
function readSearchPart(url: string, value: Record<string, unknown>): LoadedSnapshot {
  const fail = (problem: string): never => {
    throw new Error(`Directory ${url} is not valid: ${problem}`);
  };
  const details = value.details;
  if (
    !isRecord(details) ||
    !Number.isInteger(details.shardSize) ||
    (details.shardSize as number) < 1 ||
    !Array.isArray(details.files) ||
    !details.files.every((file) => typeof file === 'string')
  ) {
    fail('details: expected { shardSize: a whole number above 0, files: a list of file names }');
  }
  const { shardSize, files } = details as { shardSize: number; files: string[] };
  const envelope = envelopeProblem(value);
  if (envelope) fail(envelope);
  const services = value.services as unknown[];
  const problem = servicesProblem(services, false);
  if (problem) fail(problem);
  if (files.length !== Math.ceil(services.length / shardSize)) {
    fail(`details.files: ${files.length} shards for ${services.length} services of ${shardSize} per shard`);
  }
  return value as unknown as LoadedSnapshot;
}

async function fetchShard(
  base: string,
  snapshot: LoadedSnapshot,
  number: number,
  fetchImpl: typeof fetch,
): Promise<Service[]> {
  const { shardSize, files } = snapshot.details!;
  const url = new URL(files[number]!, base).href;
  const value = await fetchJson(url, fetchImpl);
  if (!isRecord(value) || !Array.isArray(value.services))
    throw new Error(`Directory ${url} is not valid: services: expected a list`);
  // A shard's services are whole records.
  const problem = servicesProblem(value.services, true);
  if (problem) throw new Error(`Directory ${url} is not valid: ${problem}`);
  const shardServices = value.services as Service[];
  const expected = snapshot.services.slice(number * shardSize, (number + 1) * shardSize).map((service) => service.id);
  const found = shardServices.map((service) => service.id);
  if (expected.join('\n') !== found.join('\n')) {
    throw new Error(
      `Directory ${url} is not valid: its services are not services ${number * shardSize} to ${number * shardSize + expected.length - 1} of ${base}`,
    );
  }
  return shardServices;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
