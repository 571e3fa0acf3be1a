/**
 * Turns what a visitor types about where they are ("N9N 2B4", "n9n", "33125", "Harbourside",
 * "kestrel") into one of the directory's areas and a point to measure distance from. Uses
 * only the directory's own data (areas' postal-code prefixes, names and centroids, derived
 * at build time from its addresses): no geocoding service, nothing leaves the phone.
 */
import { foldText } from '../text/fold-text.js';
import type { Area, GeoPoint } from './snapshot.js';

/** A place the visitor named. */
export interface LocatedPlace {
  /** The area it falls in. */
  area: string;
  /** Where to measure distances from: the area's centre. */
  point?: GeoPoint;
}

/** Canadian postal code (full or its first three characters) or a US ZIP code, as typed. */
const POSTAL_CODE = /\b([a-z]\d[a-z])(?:\s?\d[a-z]\d)?\b|\b(\d{5})(?:-\d{4})?\b/i;

/** Finds the area a postal code, ZIP code or place name points to, or undefined. */
export function locatePlace(text: string, areas: readonly Area[]): LocatedPlace | undefined {
  const code = POSTAL_CODE.exec(text);
  if (code) {
    const prefix = (code[1] ?? code[2] ?? '').toUpperCase();
    const area = areas.find((candidate) =>
      candidate.postalCodes?.some((known) => prefix.startsWith(known.toUpperCase().replace(/\s/g, ''))),
    );
    if (area) return located(area);
  }
  const words = ` ${foldText(text)} `;
  // Longest names first, so "North Miami Beach" wins over "Miami".
  const byLength = [...areas].flatMap((area) =>
    Object.values(area.name)
      .filter((name): name is string => Boolean(name))
      .map((name) => ({ area, name: foldText(name) })),
  );
  byLength.sort((a, b) => b.name.length - a.name.length);
  for (const { area, name } of byLength) {
    if (name && words.includes(` ${name} `)) return located(area);
  }
  // A distinctive single word of a name ("kestrel" for "Kestrel Township").
  for (const { area, name } of byLength) {
    const first = name.split(' ')[0];
    if (first && first.length >= 5 && words.includes(` ${first} `)) return located(area);
  }
  return undefined;
}

function located(area: Area): LocatedPlace {
  return area.centroid ? { area: area.id, point: area.centroid } : { area: area.id };
}
