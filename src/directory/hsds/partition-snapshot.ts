/**
 * Partitions a province-sized snapshot by area (issue 21, docs/large-snapshots.md): an area index,
 * the search part of services that serve everywhere, and one search part per area or per group
 * of nearby small areas, each a version-2 split search part with its own detail shards. A visitor
 * who names an area downloads the index, the everywhere part and their area's part, not the
 * services hundreds of kilometres away.
 */
import {
  type AreaIndex,
  areaIndexProblem,
  type BoundingBox,
  boundsOf,
  DIRECTORY_WORDS_FORMAT,
  type DirectoryTotals,
  type DirectoryWords,
  type IndexedArea,
  PARTITIONED_SNAPSHOT_VERSION,
  type PartEntry,
} from '../area-index.js';
import { correctionWords } from '../directory-matcher.js';
import { buildSearchIndex } from '../search-index.js';
import {
  type DirectorySnapshot,
  type GeoPoint,
  type LocalizedText,
  SNAPSHOT_VERSION,
  type Service,
} from '../snapshot.js';
import { distanceKm } from './derive-areas.js';
import { gzipSync } from 'node:zlib';
import {
  DEFAULT_SHARD_SIZE,
  type DirectorySearchSnapshot,
  joinSplitSnapshot,
  type SplitSnapshot,
  searchRecord,
  splitSnapshot,
} from './split-snapshot.js';

/**
 * Areas are grouped until a part's search records reach about this many gzip bytes: with the
 * everywhere part, the index and the top results' shards, a visitor stays under 250 KB.
 */
export const PART_TARGET_GZIP = 96 * 1024;
/** Only areas whose centres are this close join one part: a part is a visitor's surroundings. */
export const GROUP_KM = 60;
/**
 * A service serving areas in more parts than this goes to the everywhere part instead (its
 * `areas` still limit where it shows), rather than being copied into many parts.
 */
export const MAX_PARTS_PER_SERVICE = 4;

/** One file of a partitioned directory, ready to write. */
export interface PartitionFile {
  file: string;
  content: DirectorySearchSnapshot | SplitSnapshot['shards'][number]['shard'] | DirectoryWords;
}

/** A partitioned directory: the area index (written at the name the widget is given) and every other file. */
export interface PartitionedSnapshot {
  index: AreaIndex;
  files: PartitionFile[];
  /** Parts over the target: an area too big to split, or too many services that serve everywhere. */
  warnings: string[];
}

/** True when partitioning pays: several areas, and services that name them. */
export function worthPartitioning(snapshot: DirectorySnapshot): boolean {
  const known = new Set(snapshot.areas.map((area) => area.id));
  return known.size > 1 && snapshot.services.some((service) => service.areas.some((area) => known.has(area)));
}

/**
 * Partitions a snapshot. `baseName` is the index's file name without `.json`; parts are
 * `<baseName>.everywhere.json` and `<baseName>.part-<n>.json`, each with detail shards named
 * after it. Pure apart from measuring gzip sizes.
 */
export function partitionSnapshot(
  snapshot: DirectorySnapshot,
  baseName: string,
  options: { partTargetGzip?: number; shardSize?: number } = {},
): PartitionedSnapshot {
  const target = options.partTargetGzip ?? PART_TARGET_GZIP;
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  const known = new Set(snapshot.areas.map((area) => area.id));
  const servicesOfArea = new Map<string, Service[]>(snapshot.areas.map((area) => [area.id, []]));
  for (const service of snapshot.services) {
    for (const area of new Set(service.areas)) if (known.has(area)) servicesOfArea.get(area)!.push(service);
  }
  const warnings: string[] = [];
  const groups = groupAreas(snapshot, servicesOfArea, target);
  const partOfArea = new Map<string, number>();
  groups.forEach((group, part) => {
    for (const area of group) partOfArea.set(area, part);
  });

  const everywhere: Service[] = [];
  const partServices: Service[][] = groups.map(() => []);
  for (const service of snapshot.services) {
    const parts = [...new Set(service.areas.flatMap((area) => (known.has(area) ? [partOfArea.get(area)!] : [])))];
    if (parts.length === 0 || parts.length > MAX_PARTS_PER_SERVICE) everywhere.push(service);
    else for (const part of parts) partServices[part]!.push(service);
  }

  // Counts over the whole directory, from the same index builder the widget runs, so a part
  // carries for each of its words how many services of the whole directory hold it.
  const wholeIndex = buildSearchIndex(snapshot);
  const totals: DirectoryTotals = { services: snapshot.services.length, languages: {} };
  for (const service of snapshot.services)
    for (const language of new Set(service.languages))
      totals.languages[language] = (totals.languages[language] ?? 0) + 1;

  const files: PartitionFile[] = [];
  const writePart = (services: Service[], name: string, areas: string[]): PartEntry => {
    const split = splitSnapshot(
      { ...snapshot, areas: [], services, ...termsOf(snapshot.taxonomyTerms, services) },
      name,
      shardSize,
    );
    const wordCounts: Record<string, number> = {};
    for (const word of buildSearchIndex(split.search).postings.keys()) {
      wordCounts[word] = wholeIndex.postings.get(word)?.holders ?? 0;
    }
    const search: DirectorySearchSnapshot = { ...split.search, wordCounts };
    files.push({ file: `${name}.json`, content: search });
    for (const { file, shard } of split.shards) files.push({ file, content: shard });
    const bounds = boundsOf(services.flatMap(pointsOf));
    return { file: `${name}.json`, services: services.length, areas, ...(bounds ? { bounds } : {}) };
  };

  const everywhereEntry = writePart(everywhere, `${baseName}.everywhere`, []);
  const everywhereGzip = gzipSize(files[0]!.content);
  if (everywhereGzip > target) {
    warnings.push(
      `the ${everywhere.length} services that serve everywhere are ${kb(everywhereGzip)} gzip, over the ${kb(target)} part target: every visitor downloads them`,
    );
  }
  const parts = groups.map((group, part) => writePart(partServices[part]!, `${baseName}.part-${part}`, group));
  // Grouping estimated from the areas' records alone; a part also carries its word counts and
  // term names, so check what was written.
  for (const entry of parts) {
    const content = files.find(({ file }) => file === entry.file)!.content;
    const size = gzipSize(content);
    if (size <= target) continue;
    warnings.push(
      entry.areas.length === 1
        ? `area ${entry.areas[0]}: its ${entry.services} services are ${kb(size)} gzip alone, over the ${kb(target)} part target (an area is never split)`
        : `${entry.file} (${entry.areas.join(', ')}): ${kb(size)} gzip, over the ${kb(target)} part target`,
    );
  }

  const areaBounds = boundsByArea(snapshot);
  const areas: IndexedArea[] = snapshot.areas.map((area) => {
    const bounds = areaBounds.get(area.id);
    return { ...area, part: partOfArea.get(area.id)!, ...(bounds ? { bounds } : {}) };
  });
  const words: DirectoryWords = {
    format: DIRECTORY_WORDS_FORMAT,
    version: 1,
    words: correctionWords(wholeIndex.postings.keys()).sort(),
  };
  files.push({ file: `${baseName}.words.json`, content: words });
  const index: AreaIndex = {
    format: snapshot.format,
    version: PARTITIONED_SNAPSHOT_VERSION,
    generatedAt: snapshot.generatedAt,
    ...(snapshot.source ? { source: snapshot.source } : {}),
    directory: snapshot.directory,
    areas,
    everywhere: everywhereEntry,
    parts,
    totals,
    words: `${baseName}.words.json`,
  };
  return { index, files, warnings };
}

/**
 * Groups nearby areas into parts: the biggest area not yet placed starts a part, and the areas
 * nearest its centre (within {@link GROUP_KM}) join while the part stays under the target. An
 * area over the target alone is its own part. Estimates add each area's own
 * gzip size; parts over the target once written are reported by the caller.
 */
function groupAreas(snapshot: DirectorySnapshot, servicesOfArea: Map<string, Service[]>, target: number): string[][] {
  const estimate = new Map<string, number>();
  for (const [area, services] of servicesOfArea) {
    estimate.set(
      area,
      services.length ? gzipSize(services.map((service) => searchRecord(service, snapshot.taxonomyTerms))) : 0,
    );
  }
  const byId = new Map(snapshot.areas.map((area) => [area.id, area]));
  const unplaced = new Set(
    [...snapshot.areas]
      .sort((a, b) => estimate.get(b.id)! - estimate.get(a.id)! || (a.id < b.id ? -1 : 1))
      .map((a) => a.id),
  );
  const groups: string[][] = [];
  for (const seed of unplaced) {
    unplaced.delete(seed);
    const group = [seed];
    let size = estimate.get(seed)!;
    const centre = byId.get(seed)?.centroid;
    if (centre) {
      const nearby = [...unplaced]
        .flatMap((id) => {
          const centroid = byId.get(id)?.centroid;
          return centroid ? [{ id, km: distanceKm(centre, centroid) }] : [];
        })
        .filter(({ km }) => km <= GROUP_KM)
        .sort((a, b) => a.km - b.km);
      for (const { id } of nearby) {
        const added = estimate.get(id)!;
        if (size + added > target) continue;
        group.push(id);
        size += added;
        unplaced.delete(id);
      }
    }
    groups.push(group);
  }
  return groups;
}

/** Each area's box: its own located services' locations. */
function boundsByArea(snapshot: DirectorySnapshot): Map<string, BoundingBox> {
  const points = new Map<string, GeoPoint[]>();
  for (const service of snapshot.services) {
    for (const location of service.locations) {
      if (!location.area || !location.point) continue;
      const list = points.get(location.area);
      if (list) list.push(location.point);
      else points.set(location.area, [location.point]);
    }
  }
  const boxes = new Map<string, BoundingBox>();
  for (const [area, list] of points) {
    const box = boundsOf(list);
    if (box) boxes.set(area, box);
  }
  return boxes;
}

function pointsOf(service: Service): GeoPoint[] {
  return service.locations.flatMap((location) => (location.point ? [location.point] : []));
}

/** The term names a part's services use, so a part does not carry the whole directory's. */
function termsOf(
  terms: Record<string, LocalizedText> | undefined,
  services: Service[],
): { taxonomyTerms?: Record<string, LocalizedText> } {
  if (!terms) return {};
  const used: Record<string, LocalizedText> = {};
  for (const service of services) for (const code of service.taxonomy) if (terms[code]) used[code] = terms[code];
  return { taxonomyTerms: used };
}

function gzipSize(value: unknown): number {
  return gzipSync(JSON.stringify(value), { level: 9 }).length;
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

/**
 * Puts a partitioned directory back together as a single-file snapshot (version 1), so it can be
 * checked against every rule of the format, and reports what does not fit together: an index
 * that points at missing parts, parts whose shards do not fit them (see `joinSplitSnapshot`), a
 * service outside the areas of its part, one service written differently in two parts, totals
 * and word counts that are not the whole directory's (they would rank differently from the single
 * file), boxes that miss their services. `parts` maps each part's file name to its search part
 * and shards, parsed. Pure.
 */
export function joinPartitionedSnapshot(
  index: unknown,
  parts: ReadonlyMap<string, { search: unknown; shards: unknown[] }>,
  words?: unknown,
): { joined?: DirectorySnapshot; problems: string[] } {
  const problem = areaIndexProblem(index);
  if (problem) return { problems: [`area index: ${problem}`] };
  const { areas, everywhere, parts: entries, totals, ...envelope } = index as AreaIndex;
  const problems: string[] = [];
  const services = new Map<string, { service: Service; file: string }>();
  const taxonomyTerms: Record<string, LocalizedText> = {};
  const partsOfArea = new Map<string, number>(areas.map((area) => [area.id, area.part]));
  const seenIds = new Set<string>();
  for (const area of areas) {
    if (seenIds.has(area.id)) problems.push(`areas: ${area.id} is listed twice`);
    seenIds.add(area.id);
  }
  const counted: { file: string; counts: Record<string, number>; search: unknown }[] = [];
  [everywhere, ...entries].forEach((entry, at) => {
    const number = at - 1;
    const found = parts.get(entry.file);
    if (!found) {
      problems.push(`${entry.file}: missing`);
      return;
    }
    const split = joinSplitSnapshot(found.search, found.shards);
    for (const line of split.problems) problems.push(`${entry.file}: ${line}`);
    if (!split.joined) return;
    const joined = split.joined as DirectorySnapshot;
    const partServices = Array.isArray(joined.services) ? joined.services : [];
    if (partServices.length !== entry.services) {
      problems.push(`${entry.file}: the index says ${entry.services} services, the part holds ${partServices.length}`);
    }
    if (number >= 0) {
      const listed = areas.filter((area) => area.part === number).map((area) => area.id);
      if (listed.sort().join() !== [...entry.areas].sort().join()) {
        problems.push(
          `parts[${number}].areas: [${entry.areas.join(', ')}], but the areas pointing at it are [${listed.join(', ')}]`,
        );
      }
    }
    Object.assign(taxonomyTerms, joined.taxonomyTerms);
    for (const service of partServices) {
      if (!service || typeof service.id !== 'string') continue;
      if (number >= 0 && !service.areas?.some((area) => partsOfArea.get(area) === number)) {
        problems.push(`${entry.file}: ${service.id} serves none of the part's areas (${entry.areas.join(', ')})`);
      }
      const already = services.get(service.id);
      if (already && JSON.stringify(already.service) !== JSON.stringify(service)) {
        problems.push(`${service.id}: written differently in ${already.file} and ${entry.file}`);
      }
      if (!already) services.set(service.id, { service, file: entry.file });
      for (const location of service.locations ?? []) {
        if (location.point && entry.bounds && !inBox(location.point, entry.bounds)) {
          problems.push(`${entry.file}: ${service.id} lies outside the part's bounds`);
          break;
        }
      }
    }
    const counts = (found.search as { wordCounts?: unknown }).wordCounts;
    if (typeof counts !== 'object' || counts === null)
      problems.push(`${entry.file}: wordCounts: expected the whole directory's count of each word`);
    else counted.push({ file: entry.file, counts: counts as Record<string, number>, search: found.search });
  });

  const joined: DirectorySnapshot = {
    ...(envelope as Omit<DirectorySnapshot, 'areas' | 'services' | 'version'>),
    version: SNAPSHOT_VERSION,
    areas: areas.map(({ part: _part, bounds: _bounds, ...area }) => area),
    services: [...services.values()].map(({ service }) => service),
    ...(Object.keys(taxonomyTerms).length > 0 ? { taxonomyTerms } : {}),
  };
  if (totals.services !== joined.services.length) {
    problems.push(
      `totals.services: ${totals.services}, but the parts hold ${joined.services.length} distinct services`,
    );
  }
  const languages: Record<string, number> = {};
  for (const service of joined.services)
    for (const language of new Set(service.languages ?? [])) languages[language] = (languages[language] ?? 0) + 1;
  if (JSON.stringify(sortedEntries(languages)) !== JSON.stringify(sortedEntries(totals.languages))) {
    problems.push('totals.languages: not the count of services listing each language');
  }
  if (problems.length === 0) {
    const whole = buildSearchIndex(joined);
    const expected = correctionWords(whole.postings.keys()).sort();
    const listed = (words as { format?: unknown; words?: unknown } | undefined)?.words;
    if ((words as { format?: unknown } | undefined)?.format !== DIRECTORY_WORDS_FORMAT || !Array.isArray(listed)) {
      problems.push(
        `${(index as AreaIndex).words}: expected the directory's words (format "${DIRECTORY_WORDS_FORMAT}")`,
      );
    } else if (listed.join('\n') !== expected.join('\n')) {
      problems.push(`${(index as AreaIndex).words}: not the whole directory's words; rebuild with this version`);
    }
    for (const { file, counts, search } of counted) {
      const own = buildSearchIndex(search as DirectorySearchSnapshot);
      const wrong = [...own.postings.keys()].filter((word) => counts[word] !== whole.postings.get(word)?.holders);
      if (wrong.length > 0) {
        problems.push(
          `${file}: wordCounts: ${wrong.length} words counted differently from the whole directory (${wrong.slice(0, 3).join(', ')}); rebuild with this version`,
        );
      }
    }
  }
  return { joined, problems };
}

function inBox(point: GeoPoint, box: BoundingBox): boolean {
  return point.lat >= box.south && point.lat <= box.north && point.lon >= box.west && point.lon <= box.east;
}

function sortedEntries(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));
}
