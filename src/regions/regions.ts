/**
 * The region data files the widget knows, by id. Small enough to ship in the first bundle:
 * the crisis response must never wait for a download.
 */
import caOn from './ca-on.json' with { type: 'json' };
import us from './us.json' with { type: 'json' };
import type { Region } from './region.js';

const REGIONS: Record<string, Region> = { 'ca-on': caOn as Region, us: us as Region };

/** The default region: the demo directory's. */
export const DEFAULT_REGION = 'ca-on';

/** The ids of the regions the widget has data for. */
export const REGION_IDS = Object.keys(REGIONS);

/** A region by id; unknown ids fall back to the default, with a console warning for the webmaster. */
export function regionById(id: string | undefined): Region {
  const region = id ? REGIONS[id.toLowerCase()] : undefined;
  if (region) return region;
  if (id)
    console.warn(
      `[referral-assistant] unknown region "${id}"; using "${DEFAULT_REGION}". Known: ${REGION_IDS.join(', ')}`,
    );
  return REGIONS[DEFAULT_REGION] as Region;
}
