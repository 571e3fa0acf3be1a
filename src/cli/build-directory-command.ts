/**
 * `referral-assistant build-directory`: turns a 211's HSDS export into the widget's directory
 * snapshot, and tells the data team exactly what it cleaned, dropped and could not read.
 */
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatImportSummary, formatReportCsv, formatReportJson } from '../directory/hsds/format-import-report.js';
import { createImportProgress } from '../directory/hsds/import-progress.js';
import { ImportReport } from '../directory/hsds/import-report.js';
import { detectInput } from '../directory/hsds/read-hsds-input.js';
import { importOptionsFromFlags, runImport } from '../directory/hsds/run-import.js';
import { partitionSnapshot, worthPartitioning } from '../directory/hsds/partition-snapshot.js';
import { splitSnapshot } from '../directory/hsds/split-snapshot.js';
import type { DirectorySnapshot } from '../directory/snapshot.js';
import type { CliCommand } from './cli-command.js';
import { IMPORT_OPTIONS, readImportCommandLine, usageError as commandUsageError } from './command-line.js';

const USAGE =
  'build-directory <input> --out <snapshot.json> [--translations <csv>] [--categories <map.json>] ' +
  '[--time-zone <IANA>] [--region <id>] [--name <text>] [--language <code>] [--report <file.csv|.json>] [--split]';

const OPTIONS = {
  ...IMPORT_OPTIONS,
  out: { type: 'string', short: 'o' },
  split: { type: 'boolean' },
} as const;

/** The command. */
export const command: CliCommand = {
  usage: USAGE,
  summary: 'Build the widget directory snapshot from an HSDS 3.0 JSON export or an HSDS 1.x/2.x datapackage folder.',
  run: runBuildDirectory,
};

async function runBuildDirectory(args: string[]): Promise<number> {
  const parsed = readImportCommandLine('build-directory', USAGE, args, OPTIONS);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [input] = positionals;
  if (!input || positionals.length > 1)
    return usageError('give exactly one input: a datapackage folder or an HSDS JSON file or folder');
  if (!values.out) return usageError('--out <snapshot.json> is required');

  const started = performance.now();
  const report = new ImportReport();
  const detected = await detectInput(input);
  if (detected.kind === 'snapshot') {
    process.stderr.write(`referral-assistant: ${input} is already a snapshot; use validate-directory to check it\n`);
    return 1;
  }
  const { snapshot, invalid } = await runImport(
    input,
    detected,
    importOptionsFromFlags(values),
    report,
    createImportProgress(),
  );
  if (invalid.length > 0) {
    process.stderr.write('The built snapshot fails the snapshot checks (an importer bug or data it cannot repair):\n');
    for (const line of invalid) process.stderr.write(`  ${line}\n`);
  }

  const summary = report.summarize();
  process.stdout.write(`${formatImportSummary(summary, report.problems)}\n`);
  const reportPath = values.report ?? `${values.out.replace(/\.json$/i, '')}.import-report.csv`;
  await writeAtomically(
    reportPath,
    reportPath.toLowerCase().endsWith('.json')
      ? formatReportJson(summary, report.problems)
      : formatReportCsv(report.problems),
  );
  process.stdout.write(`Full report (${report.problems.length.toLocaleString('en-US')} problems): ${reportPath}\n`);

  if (!snapshot) {
    process.stdout.write('No snapshot written: fix the errors above.\n');
    return 1;
  }
  const seconds = (performance.now() - started) / 1000;
  if (values.split && worthPartitioning(snapshot)) {
    for (const line of await writePartitioned(snapshot, values.out)) process.stdout.write(`${line}\n`);
  } else {
    const written = values.split
      ? await writeSplit(snapshot, values.out)
      : [await writeOutput(values.out, JSON.stringify(snapshot))];
    for (const line of describeWritten(written, values.split === true)) process.stdout.write(`${line}\n`);
  }
  process.stdout.write(
    `${snapshot.services.length.toLocaleString('en-US')} services, ${snapshot.areas.length} areas, built in ${seconds.toFixed(2)} s\n`,
  );
  return 0;
}

interface WrittenFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

async function writeOutput(path: string, contents: string): Promise<WrittenFile> {
  await writeAtomically(path, contents);
  return { path, bytes: Buffer.byteLength(contents), gzipBytes: gzipSync(contents, { level: 9 }).length };
}

/** Writes the search part at `out` and the detail shards beside it, removing stale shards. */
async function writeSplit(snapshot: DirectorySnapshot, out: string): Promise<WrittenFile[]> {
  const folder = dirname(out);
  const baseName = basename(out).replace(/\.json$/i, '');
  const split = splitSnapshot(snapshot, baseName);
  await removeStaleParts(folder, baseName);
  const written = [await writeOutput(out, JSON.stringify(split.search))];
  for (const { file, shard } of split.shards)
    written.push(await writeOutput(join(folder, file), JSON.stringify(shard)));
  return written;
}

/**
 * Writes a partitioned directory: the area index at `out`, its parts and their shards beside it,
 * removing the files of an earlier build. Returns what to tell the data team.
 */
async function writePartitioned(snapshot: DirectorySnapshot, out: string): Promise<string[]> {
  const folder = dirname(out);
  const baseName = basename(out).replace(/\.json$/i, '');
  const partitioned = partitionSnapshot(snapshot, baseName);
  await removeStaleParts(folder, baseName);
  const written = new Map<string, WrittenFile>();
  for (const { file, content } of partitioned.files) {
    written.set(file, await writeOutput(join(folder, file), JSON.stringify(content)));
  }
  const index = await writeOutput(out, JSON.stringify(partitioned.index));
  const { everywhere, parts, areas } = partitioned.index;
  const gzip = (file: string) => written.get(file)?.gzipBytes ?? 0;
  const partSizes = parts.map((part) => gzip(part.file));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  return [
    `Wrote area index ${out}: ${areas.length} areas, ${index.bytes.toLocaleString('en-US')} bytes, ${index.gzipBytes.toLocaleString('en-US')} gzip`,
    `Wrote the part of the ${everywhere.services.toLocaleString('en-US')} services that serve everywhere: ${kb(gzip(everywhere.file))} gzip (every visitor downloads it)`,
    `Wrote ${parts.length} area parts: ${kb(Math.min(...partSizes))} to ${kb(Math.max(...partSizes))} gzip each; a visitor who names an area downloads the index, the everywhere part and one of them`,
    `Wrote ${partitioned.files.length - parts.length - 1} detail shards beside them`,
    ...partitioned.warnings.map((warning) => `Warning: ${warning}`),
  ];
}

/** Removes the search parts and shards an earlier build wrote for this base name. */
async function removeStaleParts(folder: string, baseName: string): Promise<void> {
  const escaped = baseName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}(?:\\.everywhere|\\.part-\\d+)?(?:\\.details-\\d+)?\\.json$`);
  for (const name of await readdir(folder)) {
    if (name !== `${baseName}.json` && pattern.test(name)) await rm(join(folder, name));
  }
}

function describeWritten(files: WrittenFile[], split: boolean): string[] {
  const [first, ...shards] = files;
  if (!first) return [];
  const size = (file: Pick<WrittenFile, 'bytes' | 'gzipBytes'>) =>
    `${file.bytes.toLocaleString('en-US')} bytes, ${file.gzipBytes.toLocaleString('en-US')} gzip`;
  if (!split) return [`Wrote ${first.path}: ${size(first)}`];
  const gzips = shards.map((file) => file.gzipBytes);
  const total = {
    bytes: shards.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: gzips.reduce((sum, bytes) => sum + bytes, 0),
  };
  return [
    `Wrote search part ${first.path}: ${size(first)} (downloaded before the first results)`,
    `Wrote ${shards.length} detail shards beside it: ${size(total)} in all, ` +
      `${Math.min(...gzips).toLocaleString('en-US')} to ${Math.max(...gzips).toLocaleString('en-US')} gzip each`,
  ];
}

/** Writes through a temporary file, so a reader never sees half a snapshot. */
async function writeAtomically(path: string, contents: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

function usageError(message: string): number {
  return commandUsageError('build-directory', USAGE, message);
}
