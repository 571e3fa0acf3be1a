/**
 * What every `referral-assistant` command does with its command line the same way: strict
 * parsing, a one-line usage error (exit code 2), and the options the two HSDS commands share.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Options of the commands that import HSDS data (`build-directory`, `validate-directory`). */
export const IMPORT_OPTIONS = {
  translations: { type: 'string' },
  categories: { type: 'string' },
  'time-zone': { type: 'string' },
  region: { type: 'string' },
  name: { type: 'string' },
  language: { type: 'string' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses arguments strictly: unknown options are mistakes, positionals allowed. Throws on a mistake. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/**
 * Parses an HSDS command's line, or answers `--help` and usage mistakes itself: then it returns
 * the exit code, so the command only returns it.
 */
export function readImportCommandLine<O extends typeof IMPORT_OPTIONS>(
  command: string,
  usage: string,
  args: string[],
  options: O,
): ReturnType<typeof parseCommandLine<O>> | number {
  let parsed: ReturnType<typeof parseCommandLine<O>>;
  try {
    parsed = parseCommandLine(args, options);
  } catch (error) {
    return usageError(command, usage, messageOf(error));
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`Usage: referral-assistant ${usage}\n\nSee docs/importing-hsds.md.\n`);
    return 0;
  }
  return parsed;
}

/** Prints what was wrong and the command's usage; returns the exit code for a usage mistake. */
export function usageError(command: string, usage: string, message: string): number {
  process.stderr.write(`referral-assistant ${command}: ${message}\nUsage: referral-assistant ${usage}\n`);
  return 2;
}

/** The message of a thrown value, for a usage error. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
