/**
 * How the eager directory loader recognises an area index, and the distance the search uses
 * across area borders: kept apart from `area-index.ts` so that a visitor of a single-file
 * directory does not download the partitioned directory's code (it loads when an index arrives).
 */

/** Version of the area index; older widgets refuse it with "update the widget". */
export const PARTITIONED_SNAPSHOT_VERSION = 3;

/**
 * How far a visitor goes for help when their own area has too little, and how far around a
 * shared location the widget looks: about half an hour by car or a long bus ride.
 */
export const NEARBY_KM = 30;

/** True when a downloaded file is an area index rather than a snapshot or search part. */
export function isAreaIndex(value: unknown): boolean {
  return isObject(value) && value.version === PARTITIONED_SNAPSHOT_VERSION && isObject(value.everywhere);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
