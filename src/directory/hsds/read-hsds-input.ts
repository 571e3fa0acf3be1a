/**
 * Finds out what a path given to `build-directory` or `validate-directory` holds (a tabular
 * datapackage folder, HSDS 3.0 JSON, or an already built snapshot) and reads it.
 */
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SNAPSHOT_FORMAT } from '../snapshot.js';
import type { HsdsSource } from './hsds-source.js';
import type { ImportReport } from './import-report.js';
import { readHsdsJson } from './read-hsds-json.js';
import { readTabularDatapackage } from './read-tabular-datapackage.js';

/** What an input path holds. */
export type InputKind =
  | { kind: 'hsds-tabular'; folder: string }
  | { kind: 'hsds-3-json'; path: string }
  | { kind: 'snapshot'; path: string; document: unknown };

/** Decides what a path is. Throws an Error with a message for the user when it is none of them. */
export async function detectInput(path: string): Promise<InputKind> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    throw new Error(`${path}: no such file or folder`);
  }
  if (info.isDirectory()) {
    const names = new Set(await readdir(path));
    if (
      names.has('datapackage.json') ||
      names.has('services.csv') ||
      (names.has('data') && (await hasServicesCsv(join(path, 'data'))))
    ) {
      return { kind: 'hsds-tabular', folder: path };
    }
    if ([...names].some((name) => name.toLowerCase().endsWith('.json'))) return { kind: 'hsds-3-json', path };
    throw new Error(
      `${path}: neither a datapackage folder (datapackage.json and CSVs) nor a folder of HSDS JSON files`,
    );
  }
  if (basename(path) === 'datapackage.json') return { kind: 'hsds-tabular', folder: dirname(path) };
  if (!path.toLowerCase().endsWith('.json')) {
    throw new Error(`${path}: give a datapackage folder, an HSDS JSON file or folder, or a snapshot .json`);
  }
  let document: unknown;
  try {
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (
    typeof document === 'object' &&
    document !== null &&
    (document as { format?: unknown }).format === SNAPSHOT_FORMAT
  ) {
    return { kind: 'snapshot', path, document };
  }
  return { kind: 'hsds-3-json', path };
}

async function hasServicesCsv(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).includes('services.csv');
  } catch {
    return false;
  }
}

/** Reads an HSDS input (not a snapshot) into a source for the builder. */
export async function readHsdsInput(
  input: Exclude<InputKind, { kind: 'snapshot' }>,
  report: ImportReport,
  onProgress?: (message: string) => void,
): Promise<HsdsSource> {
  if (input.kind === 'hsds-tabular') return readTabularDatapackage(input.folder, report, onProgress);
  onProgress?.('reading JSON');
  return readHsdsJson(input.path, report);
}
