/**
 * Settings of needs counting, read from `NAVIGATOR_NEEDS_*` environment variables over working
 * defaults (documented in `docs/needs-data.md`).
 */
import type { RateLimit } from './rate-limiter.js';

/** How needs counts are received, kept and shown. */
export interface NeedsConfig {
  /** Counts under this are withheld from every output (5, as statistical agencies do). */
  minCell: number;
  /** Daily counts are deleted this many days after their day. */
  retentionDays: number;
  /** Batches per client address: a burst of `capacity`, refilled at `perSecond`. */
  perAddress: RateLimit;
  /** Batches per hour from everyone together: a flood past this is refused and shown as refused. */
  perHour: number;
}

/** Defaults: withhold under 5, keep two years, 30 batches at once per address then 30 an hour. */
export const DEFAULT_NEEDS_CONFIG: NeedsConfig = {
  minCell: 5,
  retentionDays: 730,
  perAddress: { capacity: 30, perSecond: 30 / 3600 },
  perHour: 20_000,
};

/** Reads the environment; throws naming the variable when a value cannot be used. */
export function needsConfigFromEnv(env: NodeJS.ProcessEnv, base: NeedsConfig = DEFAULT_NEEDS_CONFIG): NeedsConfig {
  return {
    minCell: whole(env, 'NAVIGATOR_NEEDS_MIN_CELL', base.minCell, 1),
    retentionDays: whole(env, 'NAVIGATOR_NEEDS_RETENTION_DAYS', base.retentionDays, 1),
    perAddress: {
      capacity: whole(env, 'NAVIGATOR_NEEDS_BURST', base.perAddress.capacity, 1),
      perSecond:
        whole(env, 'NAVIGATOR_NEEDS_PER_HOUR_PER_ADDRESS', Math.round(base.perAddress.perSecond * 3600), 0) / 3600,
    },
    perHour: whole(env, 'NAVIGATOR_NEEDS_PER_HOUR', base.perHour, 1),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum)
    throw new Error(`${name} must be a whole number of at least ${minimum}, not "${value}".`);
  return number;
}
