/**
 * Turns the language text of a directory ("Spanish", "Español", "Creole", "English and
 * Spanish", "Haitian Creole. Interpreters for other languages on request.") into
 * ISO 639-1 codes, the form the widget compares with the visitor's language. The names live
 * in `language-names.json`, so a data team can add their spellings without code.
 */
import { foldText } from '../../text/fold-text.js';
import languageNames from './language-names.json' with { type: 'json' };
import type { ProblemKind } from './import-report.js';

/** What a language text said. */
export interface NormalizedLanguages {
  /** ISO 639-1 codes found, in order, without repeats. */
  codes: string[];
  /** Set when part of the text was not a language name. */
  problem?: { kind: Extract<ProblemKind, 'language-unknown' | 'language-note'>; detail: string };
}

const ISO_639_1 = new Set(Object.keys(languageNames.names));
// ISO 639-2/3 codes seen in HSDS files (`eng`), mapped back to ISO 639-1.
const THREE_LETTER: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  fre: 'fr',
  fra: 'fr',
  por: 'pt',
  hat: 'ht',
  zho: 'zh',
  chi: 'zh',
  vie: 'vi',
  ara: 'ar',
  rus: 'ru',
  deu: 'de',
  ger: 'de',
  ita: 'it',
  kor: 'ko',
  jpn: 'ja',
  tgl: 'tl',
  urd: 'ur',
  pol: 'pl',
  slk: 'sk',
  slo: 'sk',
  heb: 'he',
  hin: 'hi',
  som: 'so',
  fas: 'fa',
  per: 'fa',
  yid: 'yi',
};
// Words that describe interpretation rather than name a language.
const INTERPRETATION =
  /\b(interpret\w*|translat\w*|language ?line|tele\w*|bilingual|bi lingual|upon request|on request|available|other languages?|others?|all languages?)\b/;
// Words that join or qualify language names without changing them.
const FILLER = new Set([
  'and',
  'y',
  'or',
  'o',
  'with',
  'con',
  'only',
  'limited',
  'some',
  'also',
  'the',
  'a',
  'an',
  'is',
  'are',
  'in',
  'for',
  'by',
  'as',
  'needed',
  'speaking',
  'spoken',
  'staff',
  'volunteers',
  'volunteer',
  'website',
  'web',
  'site',
  'not',
  'always',
  'speak',
  'speaks',
  'se',
  'habla',
  'language',
  'languages',
  'de',
  'en',
  'el',
  'la',
]);

const nameToCode = new Map<string, string>();
for (const [code, names] of Object.entries(languageNames.names)) {
  for (const name of names) nameToCode.set(foldText(name), code);
}
const signNames = languageNames.sign.map(foldText);
// Longest names first, so "haitian creole" wins over "creole".
const NAME_PATTERN = new RegExp(
  `\\b(${[...nameToCode.keys(), ...signNames]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\b`,
  'g',
);

/** Reads one language entry. Pure. */
export function normalizeLanguages(raw: string): NormalizedLanguages {
  const folded = foldText(raw);
  if (folded === '') return { codes: [] };
  if (ISO_639_1.has(folded)) return { codes: [folded] };
  const named = nameToCode.get(folded);
  if (named) return { codes: [named] };
  const fromThree = THREE_LETTER[folded];
  if (fromThree) return { codes: [fromThree] };
  const bcp47 = /^([a-z]{2})(?: [a-z]{2,4})?$/.exec(folded)?.[1];
  if (bcp47 && ISO_639_1.has(bcp47) && /^[a-z]{2}[-_]/i.test(raw.trim())) return { codes: [bcp47] };

  const codes: string[] = [];
  const signs: string[] = [];
  const leftover = folded.replace(NAME_PATTERN, (name: string) => {
    const code = nameToCode.get(name);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else {
      signs.push(name);
    }
    return ' ';
  });
  const words = leftover.split(' ').filter((word) => word !== '' && !FILLER.has(word));
  if (signs.length > 0) {
    return withProblem(codes, 'language-unknown', `"${raw.trim()}": sign languages have no ISO 639-1 code`);
  }
  if (words.length === 0) return { codes };
  if (INTERPRETATION.test(leftover)) return withProblem(codes, 'language-note', `"${raw.trim()}"`);
  if (codes.length > 0) return withProblem(codes, 'language-note', `"${raw.trim()}": kept ${codes.join(', ')}`);
  return withProblem(codes, 'language-unknown', `"${raw.trim()}"`);
}

function withProblem(
  codes: string[],
  kind: Extract<ProblemKind, 'language-unknown' | 'language-note'>,
  detail: string,
): NormalizedLanguages {
  return { codes, problem: { kind, detail } };
}
