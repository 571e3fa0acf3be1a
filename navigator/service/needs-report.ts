/**
 * Builds the dashboard's report from the stored counts: the tables of `needs-report-format.ts`,
 * with every count from 1 to `threshold - 1` withheld, the cells that would let one be worked
 * out withheld too (see `cell-suppression.ts`), and, when a filter narrows the report, any cell
 * whose difference from the same cell without that filter would be small (a reader can open
 * both views and subtract). Percentages are computed after suppression, and withheld when any
 * count behind them is.
 */
import { HANDOFF_REASONS } from '../../src/analytics/needs-count-protocol.js';
import { NEED_CATEGORIES } from '../../src/directory/snapshot.js';
import { isSmall, suppressCells } from './cell-suppression.js';
import { MEASURES } from './needs-counts.js';
import type { NeedsReport, ReportTable, ReportTableId, ReportValue } from './needs-report-format.js';
import { type CountCell, type CountFilter, FILTER_DIMENSIONS, type NeedsStore } from './needs-store.js';

/** The longest range a report covers, in days. */
export const MAX_REPORT_DAYS = 731;
/** Ranges longer than this are shown by week. */
const DAILY_UP_TO_DAYS = 35;

/** A table before suppression: counts only, plus how its percentages are made. */
interface RawTable {
  id: ReportTableId;
  rowKind: ReportTable['rowKind'];
  columns: string[];
  rows: { key: string; counts: number[] }[];
  lines: { rows: boolean; columns: boolean };
  /** Percent columns: name, then the numerator's and denominator's count columns. */
  percents: { name: string; numerator: string[]; denominator: string }[];
  /** Sort rows by this column's shown value, largest first (withheld rows last). */
  sortBy?: string;
}

/** Builds the report for a filter; `threshold` is the smallest count shown. */
export function buildNeedsReport(store: NeedsStore, filter: CountFilter, threshold: number): NeedsReport {
  const period = daysBetween(filter.from, filter.to) + 1 > DAILY_UP_TO_DAYS ? 'week' : 'day';
  const raw = rawTables(store.cells([...MEASURES], filter), filter, period);
  const relaxed = relaxedFilters(filter).map((other) => rawTables(store.cells([...MEASURES], other), other, period));
  const tables = raw.map((table) => finish(table, threshold, relaxed));
  const refused = store.refused(filter.from, filter.to);
  const shown = (count: number): ReportValue => (isSmall(count, threshold) ? null : count);
  const choices = (dimension: (typeof FILTER_DIMENSIONS)[number]) =>
    store
      .totalsBy(dimension)
      .filter((total) => total.count >= threshold)
      .map((total) => total.value);
  return {
    from: filter.from,
    to: filter.to,
    period,
    filter: Object.fromEntries(FILTER_DIMENSIONS.flatMap((d) => (filter[d] ? [[d, filter[d]]] : []))),
    threshold,
    demo: store.hasDemoData(),
    refused: { invalid: shown(refused.invalid), rateLimited: shown(refused.rateLimited) },
    choices: { language: choices('language'), region: choices('region'), area: choices('area') },
    tables,
  };
}

/** Every filter with one or more of the applied dimensions removed. */
function relaxedFilters(filter: CountFilter): CountFilter[] {
  const applied = FILTER_DIMENSIONS.filter((dimension) => filter[dimension] !== undefined);
  const result: CountFilter[] = [];
  for (let mask = 1; mask < 1 << applied.length; mask++) {
    const other: CountFilter = { ...filter };
    applied.forEach((dimension, index) => {
      if (mask & (1 << index)) delete other[dimension];
    });
    result.push(other);
  }
  return result;
}

function finish(table: RawTable, threshold: number, relaxed: RawTable[][]): ReportTable {
  const others = relaxed.map((tables) => tables.find((other) => other.id === table.id));
  const differenceIsSmall = (r: number, c: number) => {
    const row = table.rows[r];
    const column = table.columns[c];
    if (!row || column === undefined) return false;
    return others.some((other) => {
      const otherRow = other?.rows.find((candidate) => candidate.key === row.key);
      const otherColumn = other?.columns.indexOf(column) ?? -1;
      const wider = otherRow && otherColumn >= 0 ? (otherRow.counts[otherColumn] ?? 0) : 0;
      return isSmall(wider - (row.counts[c] ?? 0), threshold);
    });
  };
  const matrix = suppressCells(
    table.rows.map((row) => row.counts),
    threshold,
    table.lines,
    differenceIsSmall,
  );
  const columnIndex = (name: string) => table.columns.indexOf(name);
  let rows = table.rows.map((row, r) => {
    const counts = matrix[r] ?? [];
    const percents = table.percents.map(({ numerator, denominator }) => {
      const parts = numerator.map((name) => counts[columnIndex(name)] ?? null);
      const whole = counts[columnIndex(denominator)] ?? null;
      if (whole === null || whole === 0 || parts.some((part) => part === null)) return null;
      const part = (parts as number[]).reduce((sum, value) => sum + value, 0);
      if (isSmall(Math.max(0, whole - part), threshold)) return null;
      return Math.round((Math.min(part, whole) / whole) * 1000) / 10;
    });
    return { key: row.key, values: [...counts, ...percents] };
  });
  const columns = [...table.columns, ...table.percents.map((percent) => percent.name)];
  if (table.sortBy) {
    const index = columns.indexOf(table.sortBy);
    rows = [...rows].sort((a, b) => (b.values[index] ?? -1) - (a.values[index] ?? -1) || a.key.localeCompare(b.key));
  }
  return {
    id: table.id,
    rowKind: table.rowKind,
    columns,
    percentColumns: table.percents.map((percent) => percent.name),
    rows,
  };
}

function rawTables(cells: CountCell[], filter: CountFilter, period: 'day' | 'week'): RawTable[] {
  const sum = (predicate: (cell: CountCell) => boolean) =>
    cells.reduce((total, cell) => (predicate(cell) ? total + cell.count : total), 0);
  const categories = NEED_CATEGORIES.filter((category) => cells.some((cell) => cell.category === category));
  const searchColumns = (match: (cell: CountCell) => boolean) => [
    sum((cell) => match(cell) && cell.measure === 'results'),
    sum((cell) => match(cell) && cell.measure === 'results' && cell.detail === 'none'),
    sum((cell) => match(cell) && cell.measure === 'feedback' && cell.detail === 'not-helpful'),
  ];
  const unmetPercent = [{ name: 'unmet-rate', numerator: ['no-result', 'not-helpful'], denominator: 'searches' }];

  const periods = periodsOf(filter.from, filter.to, period);
  const needCategories = categories.filter((category) =>
    cells.some((cell) => cell.measure === 'need' && cell.category === category),
  );
  const needsOverTime: RawTable = {
    id: 'needs-over-time',
    rowKind: 'period',
    columns: [...needCategories, 'total'],
    rows: periods.map((start) => {
      const inPeriod = (cell: CountCell) => cell.measure === 'need' && periodOf(cell.day, period) === start;
      const counts = needCategories.map((category) => sum((cell) => inPeriod(cell) && cell.category === category));
      return { key: start, counts: [...counts, sum(inPeriod)] };
    }),
    lines: { rows: true, columns: true },
    percents: [],
  };

  const searched = categories.filter((category) =>
    cells.some((cell) => (cell.measure === 'results' || cell.measure === 'feedback') && cell.category === category),
  );
  const unmetByCategory: RawTable = {
    id: 'unmet-by-category',
    rowKind: 'category',
    columns: ['searches', 'no-result', 'not-helpful'],
    rows: searched.map((category) => ({ key: category, counts: searchColumns((cell) => cell.category === category) })),
    lines: { rows: false, columns: true },
    percents: unmetPercent,
  };

  const areas = [...new Set(cells.filter((cell) => cell.area !== '').map((cell) => cell.area))].sort();
  const unmetByArea: RawTable = {
    id: 'unmet-by-area',
    rowKind: 'area',
    columns: ['searches', 'no-result', 'not-helpful'],
    rows: areas.map((area) => ({ key: area, counts: searchColumns((cell) => cell.area === area) })),
    lines: { rows: false, columns: true },
    percents: unmetPercent,
  };

  const languages = [...new Set(cells.filter((cell) => cell.measure === 'need').map((cell) => cell.language))]
    .filter(Boolean)
    .sort();
  const needTotal = sum((cell) => cell.measure === 'need');
  const languageShare: RawTable = {
    id: 'language-share',
    rowKind: 'language',
    columns: ['needs', 'all-needs'],
    rows: languages.map((language) => ({
      key: language,
      counts: [sum((cell) => cell.measure === 'need' && cell.language === language), needTotal],
    })),
    lines: { rows: false, columns: true },
    percents: [{ name: 'share', numerator: ['needs'], denominator: 'all-needs' }],
    sortBy: 'needs',
  };

  const gaps = categories.filter((category) =>
    cells.some((cell) => cell.measure === 'results' && cell.detail === 'none' && cell.category === category),
  );
  const dataGaps: RawTable = {
    id: 'data-gaps',
    rowKind: 'category',
    columns: ['no-result', 'searches'],
    rows: gaps.map((category) => {
      const [searches = 0, none = 0] = searchColumns((cell) => cell.category === category);
      return { key: category, counts: [none, searches] };
    }),
    lines: { rows: false, columns: true },
    percents: [{ name: 'no-result-rate', numerator: ['no-result'], denominator: 'searches' }],
    sortBy: 'no-result',
  };

  const safetyAnswers = [
    ...new Set(cells.filter((cell) => cell.measure === 'safety-check').map((cell) => cell.detail)),
  ].sort();
  const items: (readonly [string, (cell: CountCell) => boolean])[] = [
    ...HANDOFF_REASONS.map(
      (reason) =>
        [`handoff:${reason}`, (cell: CountCell) => cell.measure === 'handoff' && cell.detail === reason] as const,
    ),
    ['crisis-lines', (cell) => cell.measure === 'crisis-lines'],
    ['quick-exit', (cell) => cell.measure === 'quick-exit'],
    ...safetyAnswers.map(
      (answer) =>
        [
          `safety-check:${answer}`,
          (cell: CountCell) => cell.measure === 'safety-check' && cell.detail === answer,
        ] as const,
    ),
  ];
  const handoffsAndSafety: RawTable = {
    id: 'handoffs-and-safety',
    rowKind: 'item',
    columns: ['count'],
    rows: items.map(([key, match]) => ({ key, counts: [sum(match)] })).filter((row) => (row.counts[0] ?? 0) > 0),
    lines: { rows: false, columns: true },
    percents: [],
  };

  const reasons = [...new Set(cells.filter((cell) => cell.measure === 'unmet').map((cell) => cell.detail))].sort();
  const recorded = categories.filter((category) =>
    cells.some((cell) => ['contact', 'referred', 'unmet'].includes(cell.measure) && cell.category === category),
  );
  const navigatorRecords: RawTable = {
    id: 'navigator-records',
    rowKind: 'category',
    columns: ['contacts', 'referred', ...reasons.map((reason) => `unmet:${reason}`)],
    rows: recorded.map((category) => ({
      key: category,
      counts: [
        sum((cell) => cell.measure === 'contact' && cell.category === category),
        sum((cell) => cell.measure === 'referred' && cell.category === category),
        ...reasons.map((reason) =>
          sum((cell) => cell.measure === 'unmet' && cell.category === category && cell.detail === reason),
        ),
      ],
    })),
    lines: { rows: true, columns: true },
    percents: [],
  };

  return [needsOverTime, unmetByCategory, unmetByArea, languageShare, dataGaps, handoffsAndSafety, navigatorRecords];
}

/** The days (or weeks' Mondays) from `from` to `to`. */
function periodsOf(from: string, to: string, period: 'day' | 'week'): string[] {
  const result: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const start = periodOf(day, period);
    if (result[result.length - 1] !== start) result.push(start);
  }
  return result;
}

function periodOf(day: string, period: 'day' | 'week'): string {
  if (period === 'day') return day;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** `day` moved by `days`, as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today (or the day of `now`) in a time zone, as `YYYY-MM-DD`. */
export function dayIn(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
