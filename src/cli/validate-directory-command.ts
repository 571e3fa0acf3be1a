/**
 * `referral-assistant validate-directory`: checks a built snapshot (single file, split, or
 * partitioned by area)
 * against every rule of the format, or runs an HSDS import without writing anything
 * and prints its report, so a data team can check an export before building.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatImportSummary, formatReportCsv, formatReportJson } from '../directory/hsds/format-import-report.js';
import { createImportProgress } from '../directory/hsds/import-progress.js';
import { ImportReport } from '../directory/hsds/import-report.js';
import { detectInput } from '../directory/hsds/read-hsds-input.js';
import { importOptionsFromFlags, runImport } from '../directory/hsds/run-import.js';
import { isAreaIndex } from '../directory/area-index.js';
import { joinPartitionedSnapshot } from '../directory/hsds/partition-snapshot.js';
import { joinSplitSnapshot, SEARCH_SNAPSHOT_VERSION } from '../directory/hsds/split-snapshot.js';
import { formatProblem, validateSnapshot } from '../directory/validate-snapshot.js';
import type { CliCommand } from './cli-command.js';
import { IMPORT_OPTIONS, readImportCommandLine, usageError as commandUsageError } from './command-line.js';

const USAGE =
  'validate-directory <snapshot.json | datapackage folder | HSDS JSON> [--time-zone <IANA>] [--region <id>] ' +
  '[--categories <map.json>] [--translations <csv>] [--report <file.csv|.json>]';

const OPTIONS = IMPORT_OPTIONS;

/** The command. */
export const command: CliCommand = {
  usage: USAGE,
  summary: 'Check a directory snapshot, or dry-run an HSDS import and print its report. Exits 1 on errors.',
  run: runValidateDirectory,
};

async function runValidateDirectory(args: string[]): Promise<number> {
  const parsed = readImportCommandLine('validate-directory', USAGE, args, OPTIONS);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [input] = positionals;
  if (!input || positionals.length > 1)
    return usageError('give exactly one snapshot file, datapackage folder or HSDS JSON');

  const detected = await detectInput(input);
  if (detected.kind === 'snapshot') return validateSnapshotFile(detected.path, detected.document);

  const report = new ImportReport();
  const { snapshot, invalid } = await runImport(
    input,
    detected,
    importOptionsFromFlags(values),
    report,
    createImportProgress(),
  );
  const summary = report.summarize();
  process.stdout.write('Dry run: nothing was written.\n');
  process.stdout.write(`${formatImportSummary(summary, report.problems)}\n`);
  if (values.report) {
    const contents = values.report.toLowerCase().endsWith('.json')
      ? formatReportJson(summary, report.problems)
      : formatReportCsv(report.problems);
    await writeFile(values.report, contents);
    process.stdout.write(
      `Full report (${report.problems.length.toLocaleString('en-US')} problems): ${values.report}\n`,
    );
  }
  for (const line of invalid) process.stdout.write(`snapshot check: ${line}\n`);
  if (!snapshot) {
    process.stdout.write('Invalid: a build would write no snapshot. Fix the errors above.\n');
    return 1;
  }
  process.stdout.write(`Valid: a build would write ${snapshot.services.length.toLocaleString('en-US')} services.\n`);
  return 0;
}

/** Validates a single-file snapshot, or a split one together with its detail shards. */
async function validateSnapshotFile(path: string, document: unknown): Promise<number> {
  let subject = document;
  if (isAreaIndex(document)) {
    const joined = await joinPartitionedFiles(path, document);
    if (joined === undefined) return 1;
    subject = joined;
  }
  const version = (document as { version?: unknown }).version;
  if (
    version === SEARCH_SNAPSHOT_VERSION &&
    typeof document === 'object' &&
    document !== null &&
    'details' in document
  ) {
    const files = ((document as { details?: { files?: unknown } }).details?.files ?? []) as unknown[];
    const shards: unknown[] = [];
    for (const file of files) {
      try {
        shards.push(JSON.parse(await readFile(join(dirname(path), String(file)), 'utf8')));
      } catch (error) {
        shards.push(undefined);
        process.stdout.write(
          `${String(file)}: cannot read (${error instanceof Error ? error.message : String(error)})\n`,
        );
      }
    }
    const { joined, problems } = joinSplitSnapshot(document, shards);
    for (const problem of problems) process.stdout.write(`${problem}\n`);
    if (!joined || problems.length > 0) {
      process.stdout.write(`Invalid: ${path} and its ${files.length} detail shards do not fit together.\n`);
      return 1;
    }
    process.stdout.write(
      `Split snapshot: search part and ${files.length} detail shards fit together; checking them as one.\n`,
    );
    subject = joined;
  }
  const validation = validateSnapshot(subject);
  const listed = validation.ok ? validation.warnings : validation.problems;
  for (const problem of listed) process.stdout.write(`${formatProblem(problem)}\n`);
  if (validation.omitted > 0) process.stdout.write(`… and ${validation.omitted.toLocaleString('en-US')} more\n`);
  if (!validation.ok) {
    process.stdout.write(`Invalid: ${path} breaks the snapshot format's rules.\n`);
    return 1;
  }
  const { services, areas } = validation.snapshot;
  process.stdout.write(
    `Valid: ${services.length.toLocaleString('en-US')} services, ${areas.length} areas` +
      `${validation.warnings.length > 0 ? `, ${(validation.warnings.length + validation.omitted).toLocaleString('en-US')} warnings` : ''}.\n`,
  );
  return 0;
}

/**
 * Reads a partitioned directory's parts and shards beside its area index and puts them together,
 * printing what does not fit; undefined when it cannot be checked as one snapshot.
 */
async function joinPartitionedFiles(path: string, index: unknown): Promise<unknown> {
  const readJson = async (file: string): Promise<unknown> => {
    try {
      return JSON.parse(await readFile(join(dirname(path), file), 'utf8'));
    } catch (error) {
      process.stdout.write(`${file}: cannot read (${error instanceof Error ? error.message : String(error)})\n`);
      return undefined;
    }
  };
  const entries = [
    (index as { everywhere?: unknown }).everywhere,
    ...(((index as { parts?: unknown }).parts as unknown[] | undefined) ?? []),
  ];
  const parts = new Map<string, { search: unknown; shards: unknown[] }>();
  for (const entry of entries) {
    const file = (entry as { file?: unknown } | undefined)?.file;
    if (typeof file !== 'string') continue;
    const search = await readJson(file);
    if (search === undefined) continue;
    const shardFiles = ((search as { details?: { files?: unknown } }).details?.files ?? []) as unknown[];
    const shards: unknown[] = [];
    for (const shardFile of shardFiles) shards.push(await readJson(String(shardFile)));
    parts.set(file, { search, shards });
  }
  const wordsFile = (index as { words?: unknown }).words;
  const words = typeof wordsFile === 'string' ? await readJson(wordsFile) : undefined;
  const { joined, problems } = joinPartitionedSnapshot(index, parts, words);
  for (const problem of problems) process.stdout.write(`${problem}\n`);
  if (!joined || problems.length > 0) {
    process.stdout.write(`Invalid: ${path} and its ${entries.length} parts do not fit together.\n`);
    return undefined;
  }
  process.stdout.write(
    `Partitioned directory: area index, ${entries.length} parts and their shards fit together; checking them as one.\n`,
  );
  return joined;
}

function usageError(message: string): number {
  return commandUsageError('validate-directory', USAGE, message);
}
