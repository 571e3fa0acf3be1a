/**
 * `referral-assistant triage "<text>"`: shows what the widget would do with one typed
 * message: the crisis kinds it raises (most urgent first), the need categories it reads and
 * whether the visitor asked for a person. For data teams reviewing the phrase lists and for
 * navigators checking why the widget reacted as it did. It runs the same triage as the
 * widget, so crisis detection checks every language whatever `--lang` says.
 */
import { parseArgs } from 'node:util';
import type { CrisisKind } from '../conversation/crisis-kinds.js';
import { triageText } from '../conversation/triage.js';
import { understandNeed } from '../directory/need-vocabulary.js';
import { loadNeedVocabulary } from '../directory/need-vocabulary-loader.js';
import { type NeedCategory, UI_LANGUAGES, type UiLanguage } from '../directory/snapshot.js';
import { loadFuzzyEngine } from '../directory/term-corrector.js';
import type { CliCommand } from './cli-command.js';
import { usageError as commandUsageError } from './command-line.js';

const USAGE = 'triage "<text>" [--lang en|es] [--json]';

const OPTIONS = {
  lang: { type: 'string', default: 'en' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What `--json` prints: one object per run. */
export interface TriageReport {
  /** The language the needs were read in. */
  lang: UiLanguage;
  /** The strong crisis kind that leads the crisis response, or null when there is none. */
  crisis: CrisisKind | null;
  /** Every strong crisis kind raised, most urgent first. */
  crisisKinds: CrisisKind[];
  /**
   * The possible crisis kind, when there is no strong one: the widget asks "Are you safe right
   * now?" before anything else. Null otherwise.
   */
  concern: CrisisKind | null;
  /** Need categories read from the message. */
  needs: NeedCategory[];
  /** True when the visitor asked to talk to a person. */
  asksForPerson: boolean;
}

/** The command. */
export const command: CliCommand = {
  usage: USAGE,
  summary:
    'Show what the widget would do with one message: crisis kind (strong or possible), need categories, request for a person.',
  run: runTriage,
};

async function runTriage(args: string[]): Promise<number> {
  const parsed = parseTriageArgs(args);
  if (typeof parsed === 'string') return usageError(parsed);
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`Usage: referral-assistant ${USAGE}\n`);
    return 0;
  }
  const lang = values.lang;
  if (!isUiLanguage(lang)) return usageError(`--lang must be one of ${UI_LANGUAGES.join(', ')}`);
  // Accept unquoted words too: `triage me quiero morir` is what people type first.
  const text = positionals.join(' ').trim();
  if (!text) return usageError('give the message to triage');

  const report = await triageMessage(text, lang);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  return 0;
}

/** Triage of one message, as the widget would do it. */
export async function triageMessage(text: string, lang: UiLanguage): Promise<TriageReport> {
  const { crisis, concern, askedForPerson } = triageText(text);
  return {
    lang,
    crisis: crisis[0] ?? null,
    crisisKinds: crisis,
    concern: concern[0] ?? null,
    needs: await needCategoriesOf(text, lang),
    asksForPerson: askedForPerson,
  };
}

/**
 * The need categories the widget reads in typed text, through the same vocabulary it uses.
 * Unlike crisis detection this reads only `--lang`'s vocabulary, as the widget reads a need
 * in the conversation's language.
 */
async function needCategoriesOf(text: string, lang: UiLanguage): Promise<NeedCategory[]> {
  // Without the fuzzy engine the corrector guesses nothing, and "comda" would read as no need.
  const [vocabulary] = await Promise.all([loadNeedVocabulary(lang), loadFuzzyEngine()]);
  return understandNeed(text, lang, vocabulary).categories;
}

function formatReport(report: TriageReport): string {
  const crisis = report.crisis
    ? `${report.crisis}${report.crisisKinds.length > 1 ? ` (also: ${report.crisisKinds.slice(1).join(', ')})` : ''}`
    : 'none';
  const lines = [
    `Crisis:            ${crisis}`,
    `Possible crisis:   ${report.concern ?? 'none'}`,
    `Needs (${report.lang}):        ${report.needs.length ? report.needs.join(', ') : 'none'}`,
    `Asks for a person: ${report.asksForPerson ? 'yes' : 'no'}`,
  ];
  if (report.crisis)
    lines.push('The widget would show crisis lines first, then offer an urgent hand-off to a navigator.');
  else if (report.concern)
    lines.push('The widget would ask "Are you safe right now?" first; "not safe" shows the crisis lines.');
  return `${lines.join('\n')}\n`;
}

/** The parsed arguments, or the problem with them. */
function parseTriageArgs(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}

function usageError(message: string): number {
  return commandUsageError('triage', USAGE, message);
}
