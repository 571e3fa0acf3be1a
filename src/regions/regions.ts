/**
 * The region data files the widget knows, by id, each loaded only when a page uses it (with
 * the strings, before the panel first shows). Small, so the crisis response never waits.
 */
import type { Region } from './region.js';

const loaders: Record<string, () => Promise<{ default: unknown }>> = {
  'ca-on': () => import('./ca-on.json', { with: { type: 'json' } }),
  us: () => import('./us.json', { with: { type: 'json' } }),
};

/** The default region: the demo directory's. */
export const DEFAULT_REGION = 'ca-on';

/** The ids of the regions the widget has data for. */
export const REGION_IDS = Object.keys(loaders);

/**
 * Each region's emergency number, for the privacy line written before its file has loaded.
 * A test checks it against the region files.
 */
export const EMERGENCY_NUMBERS: Record<string, string> = { 'ca-on': '911', us: '911' };

/** A known region id; unknown ids fall back to the default, with a console warning for the webmaster. */
export function knownRegionId(id: string | undefined): string {
  const wanted = id?.toLowerCase();
  if (wanted && wanted in loaders) return wanted;
  if (id)
    console.warn(
      `[referral-assistant] unknown region "${id}"; using "${DEFAULT_REGION}". Known: ${REGION_IDS.join(', ')}`,
    );
  return DEFAULT_REGION;
}

/** Loads a region's data file. */
export async function loadRegion(id: string | undefined): Promise<Region> {
  const known = knownRegionId(id);
  const load = loaders[known] ?? loaders[DEFAULT_REGION];
  return (await (load as () => Promise<{ default: unknown }>)()).default as Region;
}
