/**
 * Areas (towns and cities) and their centroids from the directory's own addresses, so the
 * widget can place a visitor who types a town or a postal code without any geocoding service
 * or network call. Only the directory's home states or provinces make areas: a national
 * hotline's head office in Washington is not an area of a Miami directory.
 */
import type { Area, GeoPoint } from '../snapshot.js';
import { foldText } from '../../text/fold-text.js';

/** One location's address facts, already cleaned. */
export interface AddressedLocation {
  locationId: string;
  city: string;
  stateProvince: string;
  postalCode: string;
  point?: GeoPoint;
}

/** A location left out of its city's centroid because it lies too far from the others. */
export interface CentroidOutlier {
  locationId: string;
  areaId: string;
  kilometres: number;
}

/** The derived areas and which area each location lies in. */
export interface DerivedAreas {
  areas: Area[];
  areaOfLocation: Map<string, string>;
  outliers: CentroidOutlier[];
}

/** A state or province with at least this share of addresses is part of the directory's home. */
const HOME_SHARE = 0.1;
/** Points further than this from their city's median point are treated as geocoding errors. */
const OUTLIER_KM = 50;

/** Derives areas by city within the directory's home states or provinces. Pure. */
export function deriveAreas(locations: AddressedLocation[], country: string): DerivedAreas {
  const home = homeStates(locations);
  const groups = new Map<string, { names: Map<string, number>; state: string; members: AddressedLocation[] }>();
  for (const location of locations) {
    const state = location.stateProvince.trim().toUpperCase();
    const city = location.city.trim();
    if (city === '' || !home.has(state)) continue;
    const key = `${foldText(city)}|${state}`;
    let group = groups.get(key);
    if (!group) {
      group = { names: new Map(), state, members: [] };
      groups.set(key, group);
    }
    group.names.set(city, (group.names.get(city) ?? 0) + 1);
    group.members.push(location);
  }

  const slugCount = new Map<string, number>();
  for (const key of groups.keys()) {
    const slug = slugify(key.split('|')[0] as string);
    slugCount.set(slug, (slugCount.get(slug) ?? 0) + 1);
  }

  const areas: Area[] = [];
  const areaOfLocation = new Map<string, string>();
  const outliers: CentroidOutlier[] = [];
  const postalVotes = new Map<string, Map<string, number>>();
  for (const [key, group] of groups) {
    const slug = slugify(key.split('|')[0] as string);
    const id = (slugCount.get(slug) ?? 0) > 1 ? `${slug}-${slugify(group.state)}` : slug;
    const name = mostCommon(group.names);
    const area: Area = { id, name: { en: name } };
    const points: Array<{ locationId: string; point: GeoPoint }> = [];
    for (const member of group.members) {
      areaOfLocation.set(member.locationId, id);
      if (member.point) points.push({ locationId: member.locationId, point: member.point });
      const postal = postalPrefix(member.postalCode, country);
      if (postal) {
        const votes = postalVotes.get(postal) ?? new Map<string, number>();
        votes.set(id, (votes.get(id) ?? 0) + 1);
        postalVotes.set(postal, votes);
      }
    }
    const centroid = centroidOf(points, id, outliers);
    if (centroid) area.centroid = centroid;
    areas.push(area);
  }

  // Each postal code belongs to the one area where most of its addresses are.
  const postalOf = new Map<string, string[]>();
  for (const [postal, votes] of postalVotes) {
    const winner = mostCommon(votes);
    postalOf.set(winner, [...(postalOf.get(winner) ?? []), postal]);
  }
  for (const area of areas) {
    const codes = postalOf.get(area.id);
    if (codes) area.postalCodes = codes.sort();
  }
  areas.sort((a, b) => (a.name.en ?? '').localeCompare(b.name.en ?? ''));
  return { areas, areaOfLocation, outliers };
}

/** The postal code as areas list it: ZIP5 in the US, the FSA (`N9A`) in Canada, else the whole code. */
export function postalPrefix(postalCode: string, country: string): string | undefined {
  const compact = postalCode.trim().toUpperCase();
  if (compact === '') return undefined;
  if (country === 'US') return /^(\d{5})/.exec(compact)?.[1];
  if (country === 'CA') return /^([A-Z]\d[A-Z])/.exec(compact.replace(/\s+/g, ''))?.[1];
  return compact;
}

function homeStates(locations: AddressedLocation[]): Set<string> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const location of locations) {
    const state = location.stateProvince.trim().toUpperCase();
    if (location.city.trim() === '') continue;
    counts.set(state, (counts.get(state) ?? 0) + 1);
    total++;
  }
  return new Set([...counts].filter(([, count]) => count >= total * HOME_SHARE).map(([state]) => state));
}

function centroidOf(
  points: Array<{ locationId: string; point: GeoPoint }>,
  areaId: string,
  outliers: CentroidOutlier[],
): GeoPoint | undefined {
  if (points.length === 0) return undefined;
  const median: GeoPoint = {
    lat: medianOf(points.map(({ point }) => point.lat)),
    lon: medianOf(points.map(({ point }) => point.lon)),
  };
  const kept: GeoPoint[] = [];
  for (const { locationId, point } of points) {
    const kilometres = distanceKm(point, median);
    if (kilometres > OUTLIER_KM) outliers.push({ locationId, areaId, kilometres: Math.round(kilometres) });
    else kept.push(point);
  }
  const used = kept.length > 0 ? kept : points.map(({ point }) => point);
  return {
    lat: round(used.reduce((sum, point) => sum + point.lat, 0) / used.length),
    lon: round(used.reduce((sum, point) => sum + point.lon, 0) / used.length),
  };
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const radians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * radians;
  const dLon = (b.lon - a.lon) * radians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Four decimals is about 11 m: plenty for "nearest first", and fewer bytes to download. */
function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function mostCommon<K>(counts: Map<K, number>): K {
  let best: K | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best as K;
}

function slugify(text: string): string {
  return foldText(text).replace(/ /g, '-') || 'area';
}
