/**
 * `npm run eval:crisis`: measures crisis detection, exactly as the widget runs it
 * (`triageText`), and prints per language and per kind:
 *
 * - **strong recall**: positives that get the crisis response at once;
 * - **strong+possible recall**: positives that get either the crisis response or the safety
 *   question ("Are you safe right now?");
 * - on the negatives, **strong false alarms** (crisis response for an everyday message) and
 *   **possible false alarms** (the safety question asked, no crisis response).
 *
 * It prints (1) the tuning set, `test/fixtures/crisis-eval/<lang>.tsv`, which the phrase data
 * was tuned on, and (2) each fresh batch, `test/fixtures/crisis-eval/fresh/<batch>/<lang>.tsv`,
 * written blind, whose header comment records its first-run figures (the honest estimate), and
 * (3) each held-out batch, `test/fixtures/crisis-eval/held-out/<batch>/<lang>.tsv`: blind batches
 * run once on the current detector and not tuned on.
 *
 * `npm run eval:crisis -- --batch <folder>` runs one folder of `<lang>.tsv` files once and
 * prints its figures and every miss and false alarm: for a new blind batch, before anyone
 * tunes on it. `--verbose` lists the misses and false alarms of the tuning set too.
 *
 * A line is `<label>\t<message>`: a crisis kind, or `none` for a message that must not raise
 * a crisis. Lines starting with `#` are comments.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CRISIS_KINDS, type CrisisKind, isCrisisKind } from '../src/conversation/crisis-kinds.js';
import { triageText } from '../src/conversation/triage.js';

/** One line of an evaluation file. */
interface EvalCase {
  label: CrisisKind | 'none';
  text: string;
  line: number;
}

/** What the widget did with one case. */
interface EvalResult extends EvalCase {
  strong: readonly CrisisKind[];
  possible: readonly CrisisKind[];
}

const LANGUAGES = ['en', 'es'] as const;
const EVAL_ROOT = fileURLToPath(new URL('../test/fixtures/crisis-eval/', import.meta.url));

const { values } = parseArgs({
  options: { batch: { type: 'string' }, verbose: { type: 'boolean', default: false } },
  strict: true,
});

/** Reads one evaluation file; throws on an unknown label, naming the line. */
function readCases(path: string): EvalCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((raw, index) => ({ raw: raw.replace(/\r$/, ''), line: index + 1 }))
    .filter(({ raw }) => raw.trim() !== '' && !raw.startsWith('#'))
    .map(({ raw, line }) => {
      const [rawLabel = '', ...rest] = raw.split('\t');
      const label = rawLabel.trim().toLowerCase();
      if (label !== 'none' && !isCrisisKind(label)) throw new Error(`${path}:${line}: unknown label "${rawLabel}"`);
      return { label, text: rest.join(' '), line };
    });
}

/** The header comment of a fresh batch file: where its first-run figures are recorded. */
function headerOf(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('#')) break;
    header.push(line);
  }
  return header;
}

function run(cases: readonly EvalCase[]): EvalResult[] {
  return cases.map((evalCase) => {
    const triage = triageText(evalCase.text);
    return { ...evalCase, strong: triage.crisis, possible: triage.concern ?? [] };
  });
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '    -' : `${((100 * part) / whole).toFixed(1)}%`.padStart(6);
}

/** A table of figures for one language's results. */
function figureRows(language: string, results: readonly EvalResult[]): string[][] {
  const rows: string[][] = [];
  const recallRow = (kind: string, positives: readonly EvalResult[]) => {
    const strong = positives.filter((result) => result.strong.length > 0).length;
    const either = positives.filter((result) => result.strong.length + result.possible.length > 0).length;
    rows.push([
      language,
      kind,
      String(positives.length),
      `${strong} ${percent(strong, positives.length)}`,
      `${either} ${percent(either, positives.length)}`,
    ]);
  };
  for (const kind of CRISIS_KINDS) {
    const positives = results.filter((result) => result.label === kind);
    if (positives.length > 0) recallRow(kind, positives);
  }
  recallRow(
    'all kinds',
    results.filter((result) => result.label !== 'none'),
  );
  const negatives = results.filter((result) => result.label === 'none');
  const strongAlarms = negatives.filter((result) => result.strong.length > 0).length;
  const possibleAlarms = negatives.filter((result) => result.strong.length === 0 && result.possible.length > 0).length;
  rows.push([
    language,
    'negatives',
    String(negatives.length),
    `strong FA ${strongAlarms} ${percent(strongAlarms, negatives.length)}`,
    `possible FA ${possibleAlarms} ${percent(possibleAlarms, negatives.length)}`,
  ]);
  return rows;
}

function printTable(rows: readonly string[][]): void {
  const all = [['lang', 'kind', 'n', 'strong', 'strong+possible'], ...rows];
  const widths = all[0]?.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of all) {
    process.stdout.write(`  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}\n`);
  }
}

/** Every miss, possible-only catch and false alarm, for reading. */
function problems(language: string, results: readonly EvalResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    const where = `${language}:${result.line}`;
    if (result.label !== 'none' && result.strong.length + result.possible.length === 0) {
      lines.push(`MISS          ${where} [${result.label}] ${result.text}`);
    } else if (result.label !== 'none' && result.strong.length === 0) {
      lines.push(`POSSIBLE ONLY ${where} [${result.label}] asked (${result.possible.join(',')}): ${result.text}`);
    } else if (result.label === 'none' && result.strong.length > 0) {
      lines.push(`STRONG FA     ${where} ${result.strong.join(',')}: ${result.text}`);
    } else if (result.label === 'none' && result.possible.length > 0) {
      lines.push(`POSSIBLE FA   ${where} ${result.possible.join(',')}: ${result.text}`);
    }
  }
  return lines;
}

/** Runs one folder of `<lang>.tsv` files and prints its figures. */
function evaluateFolder(folder: string, title: string, options: { header: boolean; details: boolean }): void {
  process.stdout.write(`\n${title}\n`);
  const rows: string[][] = [];
  const details: string[] = [];
  for (const language of LANGUAGES) {
    const path = join(folder, `${language}.tsv`);
    if (!existsSync(path)) continue;
    if (options.header) {
      for (const line of headerOf(path).filter((line) => /first[- ]run/i.test(line) || line.startsWith('#  '))) {
        process.stdout.write(`  ${language}.tsv ${line}\n`);
      }
    }
    const results = run(readCases(path));
    rows.push(...figureRows(language, results));
    details.push(...problems(language, results));
  }
  if (rows.length === 0) {
    process.stdout.write('  no en.tsv or es.tsv in this folder\n');
    return;
  }
  printTable(rows);
  if (options.details) process.stdout.write(details.length ? `${details.join('\n')}\n` : '  nothing missed\n');
}

if (values.batch) {
  // A blind batch: run once, figures and every problem, nothing else.
  evaluateFolder(resolve(values.batch), `Batch ${values.batch} (run once)`, { header: false, details: true });
} else {
  evaluateFolder(EVAL_ROOT, 'Tuning set (test/fixtures/crisis-eval/<lang>.tsv): the data was tuned on these', {
    header: false,
    details: values.verbose,
  });
  const freshRoot = join(EVAL_ROOT, 'fresh');
  const batches = existsSync(freshRoot) ? readdirSync(freshRoot).sort() : [];
  for (const batch of batches) {
    evaluateFolder(join(freshRoot, batch), `Fresh batch ${batch}: first-run figures (recorded) and today's`, {
      header: true,
      details: values.verbose,
    });
  }
  // Held-out batches: written blind and run once on a detector; kept apart so that the next
  // change of the detector can be measured on them only after new blind batches exist.
  const heldOutRoot = join(EVAL_ROOT, 'held-out');
  for (const batch of existsSync(heldOutRoot) ? readdirSync(heldOutRoot).sort() : []) {
    evaluateFolder(join(heldOutRoot, batch), `Held-out batch ${batch}: first-run figures (recorded) and today's`, {
      header: true,
      details: values.verbose,
    });
  }
  // Speed, on the tuning set: what one message costs once the data is compiled.
  const texts = LANGUAGES.flatMap((language) => readCases(join(EVAL_ROOT, `${language}.tsv`)).map(({ text }) => text));
  const ROUNDS = 5;
  const started = process.hrtime.bigint();
  for (let round = 0; round < ROUNDS; round++) for (const text of texts) triageText(text);
  const microseconds = Number(process.hrtime.bigint() - started) / 1000 / (ROUNDS * texts.length);
  process.stdout.write(
    `\nSpeed: triageText ${microseconds.toFixed(1)} µs per message (${texts.length} messages x ${ROUNDS})\n`,
  );
}
