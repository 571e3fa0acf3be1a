/**
 * The "Directions" link. Partners choose the map provider with a URL template (the widget's
 * `map-url` attribute): `{query}` is the encoded address, `{lat}` and `{lon}` the point. The
 * default is OpenStreetMap. A link the visitor follows, never a request the widget makes.
 */
import type { GeoPoint } from '../directory/snapshot.js';
import { safeWebUrl } from './safe-link.js';

/** OpenStreetMap's search, which needs no account and no key. */
export const DEFAULT_MAP_URL = 'https://www.openstreetmap.org/search?query={query}';

/** Fills the template; undefined when there is nothing to point at or the result isn't http(s). */
export function directionsUrl(
  template: string,
  address: string | undefined,
  point: GeoPoint | undefined,
): string | undefined {
  if (!address && !point) return undefined;
  const usesPoint = template.includes('{lat}') && template.includes('{lon}');
  if (usesPoint && !point && !template.includes('{query}')) return undefined;
  const query = address ?? (point ? `${point.lat},${point.lon}` : '');
  const filled = template
    .replaceAll('{query}', encodeURIComponent(query))
    .replaceAll('{lat}', point ? String(point.lat) : '')
    .replaceAll('{lon}', point ? String(point.lon) : '');
  return safeWebUrl(filled);
}
