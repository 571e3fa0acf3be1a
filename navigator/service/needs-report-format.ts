/**
 * The needs report as the service sends it to the dashboard (`GET /navigator/needs-report`):
 * tables of codes and numbers, already suppressed, which the dashboard labels in the reader's
 * language, draws, and exports as CSV. Types and constants only, shared by both sides.
 */

/** The report's endpoint; query: `from`, `to` (YYYY-MM-DD), and optional `language`, `region`, `area`. */
export const NEEDS_REPORT_PATH = '/navigator/needs-report';

/** The tables of a report, in the order the dashboard shows them. */
export const REPORT_TABLES = [
  'needs-over-time',
  'unmet-by-category',
  'unmet-by-area',
  'language-share',
  'data-gaps',
  'handoffs-and-safety',
  'navigator-records',
] as const;

/** A table's id. */
export type ReportTableId = (typeof REPORT_TABLES)[number];

/**
 * A value: a count, a percentage (0–100, one decimal), or `null` when withheld because it is
 * small or would let a small count be worked out.
 */
export type ReportValue = number | null;

/** One table: rows and columns are codes (a category, a day, a reason), labelled by the dashboard. */
export interface ReportTable {
  id: ReportTableId;
  /** What the row codes are: `period` (a day or a week's Monday), `category`, `area`, `language` or `item`. */
  rowKind: 'period' | 'category' | 'area' | 'language' | 'item';
  columns: string[];
  /** Columns holding percentages rather than counts. */
  percentColumns: string[];
  rows: { key: string; values: ReportValue[] }[];
}

/** A whole report. */
export interface NeedsReport {
  from: string;
  to: string;
  /** Rows of `needs-over-time` are days, or weeks (their Monday) over longer ranges. */
  period: 'day' | 'week';
  filter: { language?: string; region?: string; area?: string };
  /** Counts under this are withheld. */
  threshold: number;
  /** The counts include invented demo data. */
  demo: boolean;
  /** Batches refused in the range: malformed, or over a rate limit. Withheld when small like any count. */
  refused: { invalid: ReportValue; rateLimited: ReportValue };
  /** The values the filters offer (only those whose total is at least the threshold). */
  choices: { language: string[]; region: string[]; area: string[] };
  tables: ReportTable[];
}
