/**
 * The end-of-build summary for the terminal and the full problem list as CSV or JSON for the
 * data team, who fix their source with it open beside them.
 */
import { PROBLEM_KINDS, type ImportProblem, type ImportSummary, type ProblemKind } from './import-report.js';

/** How many examples of each kind the terminal summary shows. */
const EXAMPLES_PER_KIND = 3;

/** The terminal summary: counts, drops with reasons, warnings by kind, a few examples each. */
export function formatImportSummary(
  summary: ImportSummary,
  problems: ImportProblem[],
  options: { examples?: number } = {},
): string {
  const examples = options.examples ?? EXAMPLES_PER_KIND;
  const lines: string[] = [];
  const droppedTotal = total(summary.dropped);
  lines.push(`Services read:    ${summary.servicesRead.toLocaleString('en-US')}`);
  lines.push(`Services written: ${summary.servicesWritten.toLocaleString('en-US')}`);
  lines.push(`Services dropped: ${droppedTotal.toLocaleString('en-US')}`);
  for (const [kind, count] of sorted(summary.dropped)) lines.push(`  ${pad(count)}  ${kind}: ${PROBLEM_KINDS[kind]}`);
  for (const [title, counts] of [
    ['Errors', summary.errors],
    ['Warnings', summary.warnings],
  ] as const) {
    const count = total(counts);
    lines.push(`${title}: ${count.toLocaleString('en-US')}${count > 0 ? ' by kind:' : ''}`);
    for (const [kind, kindCount] of sorted(counts)) {
      lines.push(`  ${pad(kindCount)}  ${kind}: ${PROBLEM_KINDS[kind]}`);
      const severity = title === 'Errors' ? 'error' : 'warning';
      for (const problem of problems.filter((p) => p.kind === kind && p.severity === severity).slice(0, examples)) {
        lines.push(`           e.g. ${describeProblem(problem)}`);
      }
    }
  }
  return lines.join('\n');
}

/** One problem on one line: where, record, field, message, value. */
export function describeProblem(problem: ImportProblem): string {
  const where = [problem.file, problem.line !== undefined ? `line ${problem.line}` : undefined, problem.path]
    .filter(Boolean)
    .join(' ');
  const record = problem.recordId ? ` id ${problem.recordId}` : '';
  const field = problem.field ? ` [${problem.field}]` : '';
  const value = problem.value ? `: ${JSON.stringify(problem.value)}` : '';
  return `${where || '(input)'}${record}${field} ${problem.message}${value}`;
}

const CSV_COLUMNS = [
  'severity',
  'kind',
  'file',
  'line',
  'path',
  'record_id',
  'field',
  'message',
  'value',
  'dropped_service',
] as const;

/** All problems as CSV (RFC 4180), one row each, for a spreadsheet. */
export function formatReportCsv(problems: ImportProblem[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const problem of problems) {
    rows.push(
      [
        problem.severity,
        problem.kind,
        problem.file ?? '',
        problem.line?.toString() ?? '',
        problem.path ?? '',
        problem.recordId ?? '',
        problem.field ?? '',
        problem.message,
        problem.value ?? '',
        problem.droppedService ? 'yes' : '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** All problems and the summary as JSON. */
export function formatReportJson(summary: ImportSummary, problems: ImportProblem[]): string {
  return `${JSON.stringify({ summary, problems }, null, 2)}\n`;
}

function csvField(value: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet; the apostrophe keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function total(counts: Partial<Record<ProblemKind, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
}

function sorted(counts: Partial<Record<ProblemKind, number>>): Array<[ProblemKind, number]> {
  return (Object.entries(counts) as Array<[ProblemKind, number]>).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );
}

function pad(count: number): string {
  return count.toLocaleString('en-US').padStart(7);
}
