/**
 * `npm run size` (after `npm run build`): every chunk of the widget, raw and gzip -9, and the
 * total a visitor downloads at each step, per language, beside the budgets. The numbers come
 * from test/support/bundle-size.ts, the same module the budget test asserts with.
 */
import { fileURLToPath } from 'node:url';
import { BUDGETS, type BundleReport, bundleReport, formatKb, type VisitorStep } from '../test/support/bundle-size.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** What a chunk is, in a few words: its own source modules, or the packages in it. */
function describe(modules: string[]): string {
  const packages = new Set<string>();
  const own: string[] = [];
  for (const module of modules) {
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module)?.[1];
    if (pkg) packages.add(pkg === '@lit/reactive-element' || pkg === 'lit-html' || pkg === 'lit-element' ? 'lit' : pkg);
    else own.push(module.replace(/^src\//, ''));
  }
  const shown = own.length > 3 ? [...own.slice(-2), `+${own.length - 2} more`] : own;
  return [...packages, ...shown].join(', ') || '(entry)';
}

const BUDGET_OF: Partial<Record<VisitorStep, number>> = { category: BUDGETS.category, typed: BUDGETS.typed };

function print(report: BundleReport): void {
  const rows = [
    { ...report.loader, what: 'the loader (classic script)' },
    ...[...report.chunks].sort((a, b) => b.gzip - a.gzip).map((chunk) => ({ ...chunk, what: describe(chunk.modules) })),
  ];
  const width = Math.max(...rows.map((row) => row.fileName.length));
  console.log('Chunks (bytes)');
  console.log(`  ${'file'.padEnd(width)}  ${'raw'.padStart(7)}  ${'gzip -9'.padStart(7)}  contents`);
  for (const row of rows) {
    console.log(
      `  ${row.fileName.padEnd(width)}  ${String(row.raw).padStart(7)}  ${String(row.gzip).padStart(7)}  ${row.what}`,
    );
  }

  console.log('\nWhat a visitor downloads (gzip -9, cumulative; the directory data is not counted)');
  const loaderOk = report.loader.gzip <= BUDGETS.loader;
  console.log(
    `  loader          ${formatKb(report.loader.gzip).padStart(9)}  budget ${formatKb(BUDGETS.loader)} ${loaderOk ? 'ok' : 'OVER'}`,
  );
  for (const path of report.paths) {
    const budget = BUDGET_OF[path.step];
    const verdict = budget === undefined ? '' : `  budget ${formatKb(budget)} ${path.gzip <= budget ? 'ok' : 'OVER'}`;
    console.log(
      `  ${path.language} ${path.step.padEnd(9)}  ${formatKb(path.gzip).padStart(9)}  (${path.gzip} B, ${path.files.length} files: ${path.label})${verdict}`,
    );
  }
}

print(bundleReport(dist));
