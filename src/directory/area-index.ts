/**
 * The area index of a partitioned directory (docs/large-snapshots.md, "Partitioned by area"): what
 * the widget downloads first for a province-sized directory. It lists every area (names in every
 * language, postal-code prefixes, bounding box) with the search part that holds the area's
 * services, and the part of the services that serve everywhere. Which parts a visitor needs is a
 * pure function of where they are ({@link partsForScope}); the loader fetches only those.
 */
import { distanceKm } from './hsds/derive-areas.js';
import type { Area, DirectoryInfo, GeoPoint, SnapshotSource } from './snapshot.js';
import { SNAPSHOT_FORMAT } from './snapshot.js';

import { isAreaIndex, NEARBY_KM, PARTITIONED_SNAPSHOT_VERSION } from './area-index-format.js';

export { isAreaIndex, NEARBY_KM, PARTITIONED_SNAPSHOT_VERSION };
/**
 * Around a shared location (no area named), nearby parts are loaded nearest first until they
 * hold this many services, so a visitor in a dense city does not download five cities' parts.
 */
export const NEARBY_SERVICES_BUDGET = 4000;

/** A box in degrees, south-west to north-east corner. */
export interface BoundingBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** An area as the index lists it: the snapshot's `Area`, where its services lie, and its part. */
export interface IndexedArea extends Area {
  /** The part holding the services of this area: an index into `parts`. */
  part: number;
  /** Around the area's located services, where any are located. */
  bounds?: BoundingBox;
}

/** One search part: a version-2 split search part with its own detail shards. */
export interface PartEntry {
  /** Relative to the area index's URL. */
  file: string;
  /** Search records in the part. */
  services: number;
  /** The areas whose services it holds (empty for the part of services that serve everywhere). */
  areas: string[];
  /** Around every located service of the part. */
  bounds?: BoundingBox;
}

/** Counts over the whole directory, so a search over some parts ranks as over the whole. */
export interface DirectoryTotals {
  /** Distinct services in the directory. */
  services: number;
  /** Services listing each language. */
  languages: Record<string, number>;
}

/** The file a partitioned directory's URL names. */
export interface AreaIndex {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof PARTITIONED_SNAPSHOT_VERSION;
  generatedAt: string;
  source?: SnapshotSource;
  directory: DirectoryInfo;
  areas: IndexedArea[];
  /** Services that serve the whole directory (crisis lines, helplines, government programs). */
  everywhere: PartEntry;
  /** Parts of one area or of a group of nearby areas. */
  parts: PartEntry[];
  totals: DirectoryTotals;
  /**
   * The file of the whole directory's words for typo correction (a {@link DirectoryWords}),
   * relative to this file: fetched with the need vocabulary, for typed words only.
   */
  words: string;
}

/** Format name of a partitioned directory's word list. */
export const DIRECTORY_WORDS_FORMAT = 'referral-assistant/directory-words';

/** The whole directory's words, so a search over some parts corrects typos as over the whole. */
export interface DirectoryWords {
  format: typeof DIRECTORY_WORDS_FORMAT;
  version: 1;
  words: string[];
}

/** Where a visitor is, as far as the conversation knows. */
export interface DirectoryScope {
  /** An area the visitor named; `null` or absent: anywhere. */
  area?: string | null;
  /** A point: a shared location, or the named area's centre. */
  near?: GeoPoint;
  /** With `near`: also the parts within this distance (crossing area borders). */
  withinKm?: number;
  /** Every part: the whole directory, as the command line searches it. */
  all?: boolean;
}

/**
 * What is wrong with an area index as the widget reads it, or undefined: parts that exist, areas
 * that point at them, totals to rank with. The full rules run in `validate-directory`.
 */
export function areaIndexProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'expected a JSON object';
  if (value.format !== SNAPSHOT_FORMAT) return `format: expected "${SNAPSHOT_FORMAT}"`;
  if (!isRecord(value.directory) || typeof value.directory.timeZone !== 'string')
    return 'directory.timeZone: expected text';
  if (!isPart(value.everywhere)) return 'everywhere: expected { file, services, areas }';
  if (!Array.isArray(value.parts)) return 'parts: expected a list';
  const parts = value.parts as unknown[];
  const badPart = parts.findIndex((part) => !isPart(part));
  if (badPart >= 0) return `parts[${badPart}]: expected { file, services, areas }`;
  if (!Array.isArray(value.areas)) return 'areas: expected a list';
  for (const [at, area] of (value.areas as unknown[]).entries()) {
    if (!isRecord(area) || typeof area.id !== 'string' || !isRecord(area.name))
      return `areas[${at}]: expected { id, name }`;
    if (!Number.isInteger(area.part) || (area.part as number) < 0 || (area.part as number) >= parts.length) {
      return `areas[${at}] (${area.id}): part: expected one of the ${parts.length} parts`;
    }
  }
  const totals = value.totals;
  if (!isRecord(totals) || typeof totals.services !== 'number' || !isRecord(totals.languages)) {
    return 'totals: expected { services, languages }';
  }
  if (typeof value.words !== 'string') return 'words: expected the file name of the directory’s words';
  return undefined;
}

/**
 * The parts a scope needs besides the everywhere part, by number. A named area: its part, and
 * with `withinKm`, the parts within that distance of `near`, nearest first. A point alone: the
 * parts within {@link NEARBY_KM} (or `withinKm`), nearest first, until they hold
 * {@link NEARBY_SERVICES_BUDGET} services, and at least the nearest part wherever it is.
 * Anywhere: none. `all`: every part. Pure.
 */
export function partsForScope(index: AreaIndex, scope: DirectoryScope): number[] {
  if (scope.all) return index.parts.map((_, number) => number);
  const chosen: number[] = [];
  const named = scope.area ? index.areas.find((area) => area.id === scope.area) : undefined;
  if (named) chosen.push(named.part);
  if (!scope.near || (named && scope.withinKm === undefined)) return chosen;
  const near = scope.near;
  const withinKm = scope.withinKm ?? NEARBY_KM;
  const byDistance = index.parts
    .map((part, number) => ({ number, part, km: part.bounds ? kmToBox(near, part.bounds) : Number.POSITIVE_INFINITY }))
    .filter(({ number }) => !chosen.includes(number))
    .sort((a, b) => a.km - b.km || a.number - b.number);
  let services = chosen.reduce((sum, number) => sum + (index.parts[number]?.services ?? 0), 0);
  for (const { number, part, km } of byDistance) {
    const first = chosen.length === 0 && Number.isFinite(km);
    if (!first && (km > withinKm || services + part.services > NEARBY_SERVICES_BUDGET)) break;
    chosen.push(number);
    services += part.services;
  }
  return chosen;
}

/** Kilometres from a point to the nearest point of a box (0 inside it). */
export function kmToBox(point: GeoPoint, box: BoundingBox): number {
  const clamped = {
    lat: Math.min(box.north, Math.max(box.south, point.lat)),
    lon: Math.min(box.east, Math.max(box.west, point.lon)),
  };
  return distanceKm(point, clamped);
}

/**
 * The smallest box around some points, or undefined for none, rounded outward to 3 decimals
 * (about 100 m): the index lists one per area, and digits the widget never needs cost bytes.
 */
export function boundsOf(points: Iterable<GeoPoint>): BoundingBox | undefined {
  let box: BoundingBox | undefined;
  for (const { lat, lon } of points) {
    if (!box) box = { south: lat, west: lon, north: lat, east: lon };
    else {
      box.south = Math.min(box.south, lat);
      box.west = Math.min(box.west, lon);
      box.north = Math.max(box.north, lat);
      box.east = Math.max(box.east, lon);
    }
  }
  if (!box) return undefined;
  return {
    south: Math.floor(box.south * 1e3) / 1e3,
    west: Math.floor(box.west * 1e3) / 1e3,
    north: Math.ceil(box.north * 1e3) / 1e3,
    east: Math.ceil(box.east * 1e3) / 1e3,
  };
}

function isPart(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.file === 'string' &&
    typeof value.services === 'number' &&
    Array.isArray(value.areas)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
