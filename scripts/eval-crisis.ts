/**
 * `npm run eval:crisis`: measures crisis detection on the hand-written evaluation sets in
 * `test/fixtures/crisis-eval/<lang>.tsv` and prints recall and false-positive rate per
 * language and per kind, then every miss and every false alarm.
 *
 * A positive counts as detected when any crisis is raised (the visitor sees crisis lines),
 * and as detected for its kind when that kind is among the kinds raised.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectCrisis } from '../src/conversation/crisis-detector.js';
import { CRISIS_KINDS, type CrisisKind, isCrisisKind } from '../src/conversation/crisis-kinds.js';
import { type CrisisPhraseFile, compileCrisisPhrases } from '../src/conversation/crisis-phrases.js';
import { UI_LANGUAGES } from '../src/i18n/languages.js';
import { importLocaleFile } from '../src/i18n/locale-files.js';
import { foldText } from '../src/text/fold-text.js';

/** One line of an evaluation set. */
interface EvalCase {
  label: CrisisKind | 'none';
  text: string;
  line: number;
}

/** Every language the widget speaks that has an evaluation set. */
const LANGUAGES = UI_LANGUAGES.filter((language) =>
  existsSync(fileURLToPath(new URL(`../test/fixtures/crisis-eval/${language}.tsv`, import.meta.url))),
);
const phraseFiles = Object.fromEntries(
  await Promise.all(
    UI_LANGUAGES.map(async (language) => [language, (await importLocaleFile(language, 'crisis')) as CrisisPhraseFile]),
  ),
);

// Compiled exactly as the widget does (src/conversation/triage.ts), timed once.
const compileStarted = process.hrtime.bigint();
const bundledCrisisPhrases = compileCrisisPhrases(phraseFiles);
const compileMilliseconds = Number(process.hrtime.bigint() - compileStarted) / 1e6;

function readCases(language: string): EvalCase[] {
  const path = fileURLToPath(new URL(`../test/fixtures/crisis-eval/${language}.tsv`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((raw, index) => ({ raw, line: index + 1 }))
    .filter(({ raw }) => raw.trim() !== '' && !raw.startsWith('#'))
    .map(({ raw, line }) => {
      const [label = '', text = ''] = raw.split('\t');
      if (label !== 'none' && !isCrisisKind(label))
        throw new Error(`${language}.tsv:${line}: unknown label "${label}"`);
      return { label, text, line };
    });
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '   -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
}

const rows: string[][] = [['lang', 'kind', 'positives', 'detected', 'recall', 'kind recall']];
const problems: string[] = [];
let totalMicroseconds = 0;
let totalMessages = 0;

for (const language of LANGUAGES) {
  const cases = readCases(language);
  const results = cases.map((evalCase) => {
    const started = process.hrtime.bigint();
    const detection = detectCrisis(evalCase.text, bundledCrisisPhrases);
    totalMicroseconds += Number(process.hrtime.bigint() - started) / 1000;
    totalMessages++;
    return { ...evalCase, detection };
  });

  for (const kind of CRISIS_KINDS) {
    const positives = results.filter((result) => result.label === kind);
    const detected = positives.filter((result) => result.detection !== null).length;
    const ofKind = positives.filter((result) => result.detection?.kinds.includes(kind)).length;
    rows.push([
      language,
      kind,
      String(positives.length),
      String(detected),
      percent(detected, positives.length),
      percent(ofKind, positives.length),
    ]);
  }
  const positives = results.filter((result) => result.label !== 'none');
  const detected = positives.filter((result) => result.detection !== null).length;
  const ofKind = positives.filter(
    (result) => result.label !== 'none' && result.detection?.kinds.includes(result.label),
  ).length;
  rows.push([
    language,
    'all kinds',
    String(positives.length),
    String(detected),
    percent(detected, positives.length),
    percent(ofKind, positives.length),
  ]);

  const negatives = results.filter((result) => result.label === 'none');
  const falseAlarms = negatives.filter((result) => result.detection !== null);
  rows.push([
    language,
    'negatives',
    String(negatives.length),
    `${falseAlarms.length} alarms`,
    `FPR ${percent(falseAlarms.length, negatives.length).trim()}`,
    '',
  ]);

  for (const result of results) {
    if (result.label !== 'none' && result.detection === null) {
      problems.push(`MISS        ${language}:${result.line} [${result.label}] ${result.text}`);
    } else if (result.label !== 'none' && !result.detection?.kinds.includes(result.label)) {
      problems.push(
        `WRONG KIND  ${language}:${result.line} [${result.label}] got ${result.detection?.kinds.join(',')}: ${result.text}`,
      );
    } else if (result.label === 'none' && result.detection !== null) {
      problems.push(
        `FALSE ALARM ${language}:${result.line} ${result.detection.kind} ("${result.detection.matched}"): ${result.text}`,
      );
    }
  }
}

const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
for (const row of rows) {
  process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}\n`);
}
process.stdout.write(`\n${problems.length ? problems.join('\n') : 'No misses, wrong kinds or false alarms.'}\n`);
// Baseline in the same run: folding the same messages, the least any matcher must do.
const texts = LANGUAGES.flatMap((language) => readCases(language).map(({ text }) => text));
const ROUNDS = 20;
let foldMicroseconds = 0;
let detectMicroseconds = 0;
for (let round = 0; round < ROUNDS; round++) {
  let started = process.hrtime.bigint();
  for (const text of texts) foldText(text);
  foldMicroseconds += Number(process.hrtime.bigint() - started) / 1000;
  started = process.hrtime.bigint();
  for (const text of texts) detectCrisis(text, bundledCrisisPhrases);
  detectMicroseconds += Number(process.hrtime.bigint() - started) / 1000;
}
const perMessage = (total: number) => (total / (ROUNDS * texts.length)).toFixed(1);
const patternCount = bundledCrisisPhrases.languages.reduce(
  (sum, language) =>
    sum + language.exceptions.length + language.crisis.reduce((count, { patterns }) => count + patterns.length, 0),
  0,
);
process.stdout.write(
  `\nSpeed (${texts.length} messages x ${ROUNDS} rounds, ${patternCount} patterns, both languages checked per message):\n` +
    `  detectCrisis ${perMessage(detectMicroseconds)} µs per message; baseline foldText alone ${perMessage(foldMicroseconds)} µs; ` +
    `first pass incl. warm-up ${(totalMicroseconds / totalMessages).toFixed(1)} µs\n` +
    `  compiling both languages' lists: ${compileMilliseconds.toFixed(1)} ms, once per page\n`,
);
