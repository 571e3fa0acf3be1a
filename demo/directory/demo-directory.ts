/**
 * The demo directory: Port Alder, a fictional Ontario municipality, as a snapshot. Built by
 * `build-demo-directory.ts` into `demo-directory.json`, which is what the widget loads and
 * what a test checks against this function.
 */
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../../src/directory/snapshot.js';
import type { DirectorySnapshot, GeoPoint } from '../../src/directory/snapshot.js';
import { demoAreas } from './demo-areas.js';
import type { DemoAreaId } from './demo-areas.js';
import { toService } from './demo-service.js';
import type { DemoService } from './demo-service.js';
import { FAMILY } from './services/family.js';
import { FOOD } from './services/food.js';
import { HEALTH } from './services/health.js';
import { HOUSING } from './services/housing.js';
import { LEGAL } from './services/legal.js';
import { MENTAL_HEALTH } from './services/mental-health.js';
import { MONEY } from './services/money.js';
import { TRANSPORTATION } from './services/transportation.js';
import { UTILITIES } from './services/utilities.js';
import { WORK } from './services/work.js';

/** Every demo service as written, in category order. */
export const DEMO_SERVICES: DemoService[] = [
  ...FOOD,
  ...HOUSING,
  ...UTILITIES,
  ...HEALTH,
  ...MENTAL_HEALTH,
  ...MONEY,
  ...WORK,
  ...LEGAL,
  ...TRANSPORTATION,
  ...FAMILY,
];

/** A fixed build date, so rebuilding without data changes leaves the JSON file unchanged. */
export const DEMO_GENERATED_AT = '2026-11-26T00:00:00Z';

/** The demo directory snapshot. */
export function demoDirectory(): DirectorySnapshot {
  const services = DEMO_SERVICES.map(toService);
  const points = new Map<DemoAreaId, GeoPoint[]>();
  for (const service of services) {
    for (const location of service.locations) {
      if (!location.point || !location.area) continue;
      const id = location.area as DemoAreaId;
      points.set(id, [...(points.get(id) ?? []), location.point]);
    }
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    generatedAt: DEMO_GENERATED_AT,
    source: { name: 'Port Alder demo directory (fictional)', kind: 'hand-written' },
    directory: {
      name: { en: 'Port Alder community services (demo)', es: 'Servicios comunitarios de Port Alder (demostración)' },
      timeZone: 'America/Toronto',
      region: 'ca-on',
      country: 'CA',
      distanceUnit: 'km',
    },
    areas: demoAreas(points),
    services,
  };
}

/**
 * The snapshot as committed: one service per line, so a change to one service is a
 * one-line diff, with no other indentation to keep the file small.
 */
export function serializeDirectory(snapshot: DirectorySnapshot): string {
  const { services, ...rest } = snapshot;
  const head = Object.entries(rest).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return `{${head.join(',\n')},\n"services":[\n${services.map((s) => JSON.stringify(s)).join(',\n')}\n]}\n`;
}
