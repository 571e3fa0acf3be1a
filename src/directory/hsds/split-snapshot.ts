/**
 * Splits a built snapshot into the search part the widget downloads first and detail shards
 * it fetches for the results it shows (agreed in docs/large-snapshots.md). For 211 Miami the
 * single file is over 1 MB gzip; the search part is what must fit in 250 KB.
 */
import {
  SNAPSHOT_FORMAT,
  type Area,
  type DirectoryInfo,
  type DirectorySnapshot,
  type GeoPoint,
  type LocalizedText,
  type Service,
  type SnapshotSource,
} from '../snapshot.js';

/** Version of the split search part; a version-1 reader refuses it with "update the widget". */
export const SEARCH_SNAPSHOT_VERSION = 2;
/** Format name of a detail shard. */
export const DETAIL_SHARD_FORMAT = 'referral-assistant/directory-details';
/**
 * Services per shard. At 20 the search part and the shards holding any Miami query's top five
 * stay under 250 KB gzip (230 KB at worst, measured by `npm run bench`; 260 KB at 40), for
 * about one more small request on average.
 */
export const DEFAULT_SHARD_SIZE = 20;

/** What search reads of a service in a split snapshot. */
export type SearchService = Pick<
  Service,
  | 'id'
  | 'name'
  | 'organization'
  | 'categories'
  | 'taxonomy'
  | 'keywords'
  | 'languages'
  | 'areas'
  | 'ages'
  | 'free'
  | 'schedule'
> & {
  /** One point per location that has one, in the service's location order. */
  points?: GeoPoint[];
};

/** The part of a split snapshot downloaded before the first results. */
export interface DirectorySearchSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SEARCH_SNAPSHOT_VERSION;
  generatedAt: string;
  source?: SnapshotSource;
  directory: DirectoryInfo;
  areas: Area[];
  taxonomyTerms?: Record<string, LocalizedText>;
  services: SearchService[];
  /** The shard of `services[i]` is `files[floor(i / shardSize)]`, relative to this file's URL. */
  details: { shardSize: number; files: string[] };
  /**
   * In a part of a partitioned directory only: for each word of this part's index, how many
   * services of the whole directory hold it, so ranking over some parts equals the whole's.
   */
  wordCounts?: Record<string, number>;
}

/** One detail shard: full services, in the same order as in the search part. */
export interface DirectoryDetailShard {
  format: typeof DETAIL_SHARD_FORMAT;
  version: 1;
  shard: number;
  services: Service[];
}

/** A split snapshot ready to write: the search part and each shard with its file name. */
export interface SplitSnapshot {
  search: DirectorySearchSnapshot;
  shards: Array<{ file: string; shard: DirectoryDetailShard }>;
}

/**
 * Splits a snapshot. `baseName` is the search part's file name without `.json`; shards are
 * named `<baseName>.details-<n>.json`. Pure.
 */
export function splitSnapshot(
  snapshot: DirectorySnapshot,
  baseName: string,
  shardSize = DEFAULT_SHARD_SIZE,
): SplitSnapshot {
  const services = [...snapshot.services].sort(compareForSharding);
  const shards: SplitSnapshot['shards'] = [];
  for (let start = 0, shard = 0; start < services.length; start += shardSize, shard++) {
    shards.push({
      file: `${baseName}.details-${shard}.json`,
      shard: { format: DETAIL_SHARD_FORMAT, version: 1, shard, services: services.slice(start, start + shardSize) },
    });
  }
  const search: DirectorySearchSnapshot = {
    format: SNAPSHOT_FORMAT,
    version: SEARCH_SNAPSHOT_VERSION,
    generatedAt: snapshot.generatedAt,
    ...(snapshot.source ? { source: snapshot.source } : {}),
    directory: snapshot.directory,
    areas: snapshot.areas,
    ...(snapshot.taxonomyTerms ? { taxonomyTerms: snapshot.taxonomyTerms } : {}),
    services: services.map((service) => searchRecord(service, snapshot.taxonomyTerms)),
    details: { shardSize, files: shards.map(({ file }) => file) },
  };
  return { search, shards };
}

/** The fields search reads; term names leave `keywords` because `taxonomyTerms` holds them. */
export function searchRecord(
  service: Service,
  taxonomyTerms: Record<string, LocalizedText> | undefined,
): SearchService {
  const record: SearchService = {
    id: service.id,
    name: service.name,
    organization: service.organization,
    categories: service.categories,
    taxonomy: service.taxonomy,
    languages: service.languages,
    areas: service.areas,
    schedule: service.schedule,
  };
  const keywords = keywordsWithoutTerms(service, taxonomyTerms);
  if (keywords) record.keywords = keywords;
  if (service.ages) record.ages = service.ages;
  if (service.free !== undefined) record.free = service.free;
  const points = service.locations.flatMap((location) => (location.point ? [location.point] : []));
  if (points.length > 0) record.points = points;
  return record;
}

function keywordsWithoutTerms(
  service: Service,
  taxonomyTerms: Record<string, LocalizedText> | undefined,
): Service['keywords'] | undefined {
  if (!service.keywords) return undefined;
  const result: NonNullable<Service['keywords']> = {};
  for (const [language, words] of Object.entries(service.keywords)) {
    const termNames = new Set(service.taxonomy.map((code) => taxonomyTerms?.[code]?.[language]).filter(Boolean));
    const kept = (words ?? []).filter((word) => !termNames.has(word));
    if (kept.length > 0) result[language] = kept;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/**
 * Services that answer one query sit side by side: ordered by their lowest taxonomy code that
 * is not a target population (`Y…` says who, not what), then by name. Source order of codes
 * is arbitrary, so the lowest code keeps builds stable. Services without such a code go last.
 */
function compareForSharding(a: Service, b: Service): number {
  const keyA = shardingKey(a);
  const keyB = shardingKey(b);
  if (keyA !== keyB) {
    if (keyA === undefined) return 1;
    if (keyB === undefined) return -1;
    return keyA < keyB ? -1 : 1;
  }
  const nameA = Object.values(a.name)[0] ?? '';
  const nameB = Object.values(b.name)[0] ?? '';
  return nameA < nameB ? -1 : nameA > nameB ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function shardingKey(service: Service): string | undefined {
  let lowest: string | undefined;
  for (const code of service.taxonomy) {
    if (!code.startsWith('Y') && (lowest === undefined || code < lowest)) lowest = code;
  }
  return lowest;
}

/**
 * Puts a split snapshot back together as a single-file snapshot (version 1), so it can be
 * checked against every rule of the format, and reports what does not fit together:
 * missing or misnumbered shards, or shard services that are not the search part's, in order.
 * Takes parsed JSON as it comes from files. Pure.
 */
export function joinSplitSnapshot(search: unknown, shards: unknown[]): { joined?: unknown; problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(search) || !isRecord(search.details) || !Array.isArray(search.services)) {
    return { problems: ['not a split search part: expected "details" and "services"'] };
  }
  const searchServices: unknown[] = search.services;
  const { shardSize, files } = search.details;
  if (typeof shardSize !== 'number' || !Number.isInteger(shardSize) || shardSize < 1 || !Array.isArray(files)) {
    return { problems: ['details: expected a whole shardSize and a list of files'] };
  }
  const expectedShards = Math.ceil(search.services.length / shardSize);
  if (files.length !== expectedShards) {
    problems.push(
      `details.files: ${files.length} files for ${search.services.length} services in shards of ${shardSize} (expected ${expectedShards})`,
    );
  }
  const services: unknown[] = [];
  shards.forEach((shard, index) => {
    const where = `shard ${index} (${String(files[index])})`;
    if (
      !isRecord(shard) ||
      shard.format !== DETAIL_SHARD_FORMAT ||
      shard.version !== 1 ||
      !Array.isArray(shard.services)
    ) {
      problems.push(`${where}: not a detail shard (format "${DETAIL_SHARD_FORMAT}", version 1)`);
      return;
    }
    if (shard.shard !== index) problems.push(`${where}: says it is shard ${String(shard.shard)}`);
    shard.services.forEach((service, offset) => {
      const position = index * shardSize + offset;
      const expected = searchServices[position];
      const id = isRecord(service) ? service.id : undefined;
      if (!isRecord(expected) || expected.id !== id) {
        problems.push(
          `${where}: service ${offset} is ${JSON.stringify(id)}, but the search part has ${JSON.stringify(isRecord(expected) ? expected.id : undefined)} at ${position}`,
        );
      }
      services.push(service);
    });
  });
  if (services.length !== search.services.length) {
    problems.push(`the shards hold ${services.length} services, the search part ${search.services.length}`);
  }
  const { details: _details, version: _version, services: _services, ...envelope } = search;
  return { joined: { ...envelope, version: 1, services }, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
