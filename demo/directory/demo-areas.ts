/**
 * The four areas of Port Alder, the demo directory's fictional municipality on the north
 * shore of Lake Erie: a downtown, two neighbourhoods, and a rural township of farms and
 * greenhouses where most migrant farm workers live. The forward sortation areas (N9L to
 * N9P) are chosen to look like the region's real ones without being a real town's.
 */
import type { Area, GeoPoint } from '../../src/directory/snapshot.js';

/** The ids of the demo's areas. */
export type DemoAreaId = 'downtown' | 'harbourside' | 'northgate' | 'kestrel';

/** What the demo knows about an area to place its services. */
export interface DemoArea {
  name: { en: string; es: string };
  /** The town or township written in addresses. */
  city: string;
  /** Forward sortation area: the first three characters of the area's postal codes. */
  fsa: string;
  /** Where services in this area are placed around. */
  center: GeoPoint;
  /**
   * How far, in degrees, services spread around the center; `shift` moves them north, to
   * keep an area on the lake shore out of the water.
   */
  spread: { lat: number; lon: number; shift: number };
}

/** The demo's areas by id. */
export const AREAS: Record<DemoAreaId, DemoArea> = {
  downtown: {
    name: { en: 'Downtown Port Alder', es: 'Centro de Port Alder' },
    city: 'Port Alder',
    fsa: 'N9M',
    center: { lat: 42.064, lon: -82.655 },
    spread: { lat: 0.012, lon: 0.018, shift: 0 },
  },
  harbourside: {
    name: { en: 'Harbourside', es: 'Harbourside (zona del puerto)' },
    city: 'Port Alder',
    fsa: 'N9N',
    center: { lat: 42.052, lon: -82.612 },
    spread: { lat: 0.01, lon: 0.024, shift: 0.005 },
  },
  northgate: {
    name: { en: 'Northgate', es: 'Northgate (zona norte)' },
    city: 'Port Alder',
    fsa: 'N9P',
    center: { lat: 42.104, lon: -82.664 },
    spread: { lat: 0.016, lon: 0.022, shift: 0 },
  },
  kestrel: {
    name: { en: 'Kestrel Township', es: 'Municipio de Kestrel (zona rural)' },
    city: 'Kestrel',
    fsa: 'N9L',
    center: { lat: 42.17, lon: -82.56 },
    spread: { lat: 0.09, lon: 0.14, shift: 0 },
  },
};

/** The areas in the order a visitor is offered them, with centroids taken from the services placed in each. */
export function demoAreas(points: Map<DemoAreaId, GeoPoint[]>): Area[] {
  return (Object.keys(AREAS) as DemoAreaId[]).map((id) => {
    const placed = points.get(id) ?? [];
    const area: Area = { id, name: { ...AREAS[id].name }, postalCodes: [AREAS[id].fsa] };
    if (placed.length) {
      const mean = (pick: (p: GeoPoint) => number) =>
        Math.round((placed.reduce((sum, p) => sum + pick(p), 0) / placed.length) * 1e4) / 1e4;
      area.centroid = { lat: mean((p) => p.lat), lon: mean((p) => p.lon) };
    }
    return area;
  });
}
