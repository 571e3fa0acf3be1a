/**
 * The needs counts, in the service's database beside the conversations: one row per day and
 * combination of dimensions, holding a count. Nothing else is kept about a step: no time
 * finer than the day, no address, no text. Rows older than the retention are deleted.
 *
 * Also kept: how many batches were refused per day (malformed or over a rate limit), so a
 * script trying to skew the figures shows on the dashboard, and whether demo counts were seeded.
 */
import type Database from 'better-sqlite3';
import type { CountIncrement, CountKey, Measure } from './needs-counts.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS needs_counts (
  day TEXT NOT NULL,
  measure TEXT NOT NULL,
  category TEXT NOT NULL,
  language TEXT NOT NULL,
  region TEXT NOT NULL,
  area TEXT NOT NULL,
  detail TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, measure, category, language, region, area, detail)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS needs_refused (
  day TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('invalid', 'rate-limited')),
  count INTEGER NOT NULL,
  PRIMARY KEY (day, reason)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS needs_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

/** A stored count. */
export interface CountCell extends CountKey {
  /** `YYYY-MM-DD` in the service's time zone. */
  day: string;
  count: number;
}

/** Which counts a report covers: a range of days (inclusive) and optional dimensions. */
export interface CountFilter {
  from: string;
  to: string;
  language?: string;
  region?: string;
  area?: string;
}

/** The dimensions a filter can narrow, in the order reports check them. */
export const FILTER_DIMENSIONS = ['language', 'region', 'area'] as const;

/** Refused batches per reason over a range. */
export interface RefusedCounts {
  invalid: number;
  rateLimited: number;
}

/** The needs counts. */
export class NeedsStore {
  private readonly statements: ReturnType<typeof prepare>;
  private readonly addTransaction: (day: string, increments: readonly CountIncrement[]) => void;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    const statements = prepare(db);
    this.statements = statements;
    this.addTransaction = db.transaction((day: string, increments: readonly CountIncrement[]) => {
      for (const increment of increments) statements.add.run({ ...increment, day });
      statements.dropEmpty.run(day);
    });
  }

  /** Adds increments to a day's counts, all or none. */
  add(day: string, increments: readonly CountIncrement[]): void {
    if (increments.length > 0) this.addTransaction(day, increments);
  }

  /** Counts one refused batch. */
  refuse(day: string, reason: 'invalid' | 'rate-limited'): void {
    this.statements.refuse.run(day, reason);
  }

  /** The cells of the given measures within a range of days, narrowed by the filter's dimensions. */
  cells(measures: readonly Measure[], filter: CountFilter): CountCell[] {
    const rows = this.statements.cells.all(filter.from, filter.to) as CountCell[];
    return rows.filter(
      (row) =>
        measures.includes(row.measure) &&
        FILTER_DIMENSIONS.every((dimension) => filter[dimension] === undefined || row[dimension] === filter[dimension]),
    );
  }

  /** Refused batches within a range of days. */
  refused(from: string, to: string): RefusedCounts {
    const rows = this.statements.refused.all(from, to) as { reason: string; count: number }[];
    const of = (reason: string) => rows.find((row) => row.reason === reason)?.count ?? 0;
    return { invalid: of('invalid'), rateLimited: of('rate-limited') };
  }

  /** Total count per value of a dimension over all days, for the filter's choices. */
  totalsBy(dimension: (typeof FILTER_DIMENSIONS)[number]): { value: string; count: number }[] {
    return this.statements.totalsBy[dimension].all() as { value: string; count: number }[];
  }

  /** The first and last day holding counts, if any. */
  dayRange(): { first: string; last: string } | undefined {
    const row = this.statements.dayRange.get() as { first: string | null; last: string | null };
    return row.first && row.last ? { first: row.first, last: row.last } : undefined;
  }

  /** Deletes counts of days before `day`; returns how many rows went. */
  deleteBefore(day: string): number {
    return this.statements.deleteCountsBefore.run(day).changes + this.statements.deleteRefusedBefore.run(day).changes;
  }

  /** Marks the counts as containing invented demo data (shown on the dashboard). */
  markDemo(): void {
    this.statements.setMeta.run('demo', '1');
  }

  /** True when demo counts were seeded into this database. */
  hasDemoData(): boolean {
    return (this.statements.getMeta.get('demo') as { value: string } | undefined)?.value === '1';
  }
}

function prepare(db: Database.Database) {
  const totalsBy = (column: string) =>
    db.prepare(
      `SELECT ${column} AS value, SUM(count) AS count FROM needs_counts WHERE ${column} <> '' GROUP BY ${column} ORDER BY ${column}`,
    );
  return {
    add: db.prepare(
      `INSERT INTO needs_counts (day, measure, category, language, region, area, detail, count)
       VALUES (@day, @measure, @category, @language, @region, @area, @detail, @count)
       ON CONFLICT (day, measure, category, language, region, area, detail) DO UPDATE SET count = count + excluded.count`,
    ),
    dropEmpty: db.prepare('DELETE FROM needs_counts WHERE day = ? AND count <= 0'),
    refuse: db.prepare(
      `INSERT INTO needs_refused (day, reason, count) VALUES (?, ?, 1)
       ON CONFLICT (day, reason) DO UPDATE SET count = count + 1`,
    ),
    cells: db.prepare(
      'SELECT day, measure, category, language, region, area, detail, count FROM needs_counts WHERE day >= ? AND day <= ?',
    ),
    refused: db.prepare(
      'SELECT reason, SUM(count) AS count FROM needs_refused WHERE day >= ? AND day <= ? GROUP BY reason',
    ),
    totalsBy: { language: totalsBy('language'), region: totalsBy('region'), area: totalsBy('area') },
    dayRange: db.prepare('SELECT MIN(day) AS first, MAX(day) AS last FROM needs_counts'),
    deleteCountsBefore: db.prepare('DELETE FROM needs_counts WHERE day < ?'),
    deleteRefusedBefore: db.prepare('DELETE FROM needs_refused WHERE day < ?'),
    setMeta: db.prepare(
      'INSERT INTO needs_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    getMeta: db.prepare('SELECT value FROM needs_meta WHERE key = ?'),
  };
}
