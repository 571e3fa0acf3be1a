/**
 * A report's tables as the reader sees them: labelled headers and cell texts. The HTML tables
 * and the CSV export are both made from this, so the CSV holds exactly what is shown. Pure.
 */
import type { NeedsReport, ReportTable } from '../service/needs-report-format.js';
import { codeLabel, type DashboardLanguage, type DashboardText } from './dashboard-strings.js';

/** One table, labelled. */
export interface TableView {
  id: ReportTable['id'];
  title: string;
  headers: string[];
  rows: string[][];
}

/** The labelled row code of a table. */
export function rowLabel(t: DashboardText, table: ReportTable, key: string): string {
  switch (table.rowKind) {
    case 'category':
      return codeLabel(t, 'category', key);
    case 'language':
      return codeLabel(t, 'language', key);
    case 'item':
      return codeLabel(t, 'item', key);
    default:
      return key;
  }
}

/** The label of a column code. */
export function columnLabel(t: DashboardText, column: string): string {
  return codeLabel(t, 'category', column) !== column
    ? codeLabel(t, 'category', column)
    : codeLabel(t, 'column', column);
}

/** A value as text: withheld cells as `x`, numbers without grouping, percentages to one decimal. */
export function valueText(t: DashboardText, language: DashboardLanguage, value: number | null): string {
  if (value === null) return t('withheldShort');
  return new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 1 }).format(value);
}

/** Labels every table of a report. */
export function tableViews(report: NeedsReport, t: DashboardText, language: DashboardLanguage): TableView[] {
  return report.tables.map((table) => ({
    id: table.id,
    title: t(`table.${table.id}`),
    headers: [t(`rowKind.${table.rowKind}`), ...table.columns.map((column) => columnLabel(t, column))],
    rows: table.rows.map((row) => [
      rowLabel(t, table, row.key),
      ...row.values.map((value) => valueText(t, language, value)),
    ]),
  }));
}

/** The report as CSV (RFC 4180): a heading block, then each table with its title and headers. */
export function reportCsv(report: NeedsReport, t: DashboardText, language: DashboardLanguage): string {
  const lines: string[][] = [
    [t('title')],
    [t('from'), report.from],
    [t('to'), report.to],
    ...(['language', 'region', 'area'] as const).map((dimension) => [
      t(dimension),
      report.filter[dimension] ? filterLabel(t, dimension, report.filter[dimension]) : t('all'),
    ]),
    [t('suppressionNote', { below: report.threshold - 1 })],
    ...(report.demo ? [[t('demoNotice')]] : []),
  ];
  for (const view of tableViews(report, t, language)) {
    lines.push([], [view.title], view.headers, ...view.rows);
  }
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A filter value's label: a language or region by name, an area by its code. */
export function filterLabel(t: DashboardText, dimension: 'language' | 'region' | 'area', value: string): string {
  return dimension === 'area' ? value : codeLabel(t, dimension, value);
}

function csvField(text: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet: quote it with an apostrophe.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
