import { foldText } from '../text/fold-text.js';

/**
 * One compiled phrase pattern: the regular expression, and the words a message must contain
 * for it to have any chance (see {@link matchPhrase}).
 */
export interface PhrasePattern {
  readonly regex: RegExp;
  /** The message must contain one of these words, or a word starting with one of `prefixes`. */
  readonly words: readonly string[];
  readonly prefixes: readonly string[];
}

/**
 * Compiles one phrase pattern from the crisis data (`locales/<lang>/crisis.json`).
 *
 * The syntax is deliberately small, so that people who are not programmers can review
 * the lists, and so that no pattern can backtrack catastrophically:
 *
 * | Syntax        | Means                                               | Example                        |
 * | ------------- | --------------------------------------------------- | ------------------------------ |
 * | `word`        | that word, whole                                    | `suicide`                      |
 * | `word*`       | a word starting with it                             | `suicid*` (suicidal, suicidio) |
 * | `(a\|b c)`    | one of the alternatives, each a sequence            | `(hits\|beats up) me`          |
 * | `x?`          | optional word or group                              | `my? husband`                  |
 * | `~`, `~N`     | a gap of 0 to 3 (or 0 to N, N ≤ 9) words            | `husband ~ hits me`            |
 * | `^`, `$`      | start, end of the message (first, last token only)  | `^agent$`                      |
 *
 * Words are folded like visitor text (lower case, no accents) and then normalised with the
 * language's `words` table, so a list may say `quiero` or `kiero`, `don t` or `dont`, and
 * match both. Gaps and prefixes never cross an exception that was cut out of the text.
 *
 * Throws, naming the pattern, when it is malformed or has no required word (it would match
 * every message).
 */
export function compilePhrasePattern(pattern: string, words: WordTable): PhrasePattern {
  const { source, anchor } = new PatternParser(pattern, words).parse();
  if (!anchor) throw new Error(`Phrase pattern "${pattern}" must contain at least one required word.`);
  // The regex is only parsed here; the engine compiles it the first time a message has one
  // of its anchor words, so most patterns never cost anything on a visitor's phone.
  return { regex: new RegExp(source), words: anchor.words, prefixes: anchor.prefixes };
}

/** The words of a prepared message, looked up by {@link matchPhrase}. */
export interface MessageWords {
  readonly set: ReadonlySet<string>;
  readonly list: readonly string[];
}

/** The words of a message prepared with {@link prepareText}. */
export function messageWords(prepared: string): MessageWords {
  const list = prepared.split(' ').filter(Boolean);
  return { set: new Set(list), list };
}

/** Runs a pattern on a prepared message, skipping the regex when no anchor word is present. */
export function matchPhrase(pattern: PhrasePattern, prepared: string, words: MessageWords): RegExpExecArray | null {
  const possible =
    pattern.words.some((word) => words.set.has(word)) ||
    pattern.prefixes.some((prefix) => words.list.some((word) => word.startsWith(prefix)));
  return possible ? pattern.regex.exec(prepared) : null;
}

/**
 * Texting forms and common misspellings mapped to the word the lists are written with,
 * e.g. `kiero` → `quiero`, `im` → `i m`. Keys are single folded words.
 */
export type WordTable = ReadonlyMap<string, string>;

/**
 * Turns a visitor's message into the form patterns run on: folded, letters repeated three
 * or more times collapsed ("noooo" → "no"), each word replaced through the language's
 * table, or else respelt by `correct` (see `crisis-spelling.ts`), with one space before,
 * between and after the words.
 */
export function prepareText(text: string, words: WordTable, correct?: (word: string) => string): string {
  const folded = foldText(text).replace(/([a-z])\1{2,}/g, '$1');
  if (!folded) return ' ';
  const normalised = folded
    .split(' ')
    .map((word) => words.get(word) ?? (correct ? correct(word) : word))
    .join(' ');
  return ` ${normalised} `;
}

/**
 * Named word groups of a phrase file (`"@partner": "(husband|wife|boyfriend)"`), written once
 * and used in many patterns as `@partner`. A group may use groups defined before it.
 */
export type PhraseGroups = Readonly<Record<string, string>>;

/** Replaces every `@name` in a pattern by its group; throws, naming it, on an unknown group. */
export function expandGroups(pattern: string, groups: PhraseGroups): string {
  return pattern.replace(/@[a-z0-9-]+/g, (name) => {
    const group = groups[name];
    if (group === undefined) throw new Error(`Phrase pattern "${pattern}": unknown group ${name}.`);
    return group.startsWith('(') ? group : `(${group})`;
  });
}

/**
 * The words a pattern (groups expanded) is written with: whole words, and the stems of
 * `word*` with the star kept. Spelling tolerance respells visitors' words towards these.
 */
export function patternWords(pattern: string): string[] {
  // Folding drops the star, so it travels as letters no word ends with.
  return foldText(pattern.replace(/~\d?/g, ' ').replace(/\*/g, 'zqzq'))
    .split(' ')
    .filter(Boolean)
    .map((word) => word.replace(/zqzq$/, '*'));
}

/** Marks where an exception was cut out, so that no gap or prefix reaches across it. */
export const EXCEPTION_MARK = ' - ';

// One word of prepared text: anything but the separator and the exception mark.
const WORD = '[^ \\-]';
const DEFAULT_GAP = 3;
const PLAIN_WORD = /^[a-z0-9]+$/;

/** Words one of which must appear wherever a part of a pattern matches. */
interface Anchor {
  words: string[];
  prefixes: string[];
}

/** A compiled part of a pattern, with its anchor when the part cannot match without words. */
interface Piece {
  source: string;
  anchor: Anchor | null;
}

class PatternParser {
  private readonly tokens: string[];
  private position = 0;

  constructor(
    private readonly pattern: string,
    private readonly words: WordTable,
  ) {
    this.tokens = pattern.match(/~\d?|[()|?^$]|[^\s()|?^$~]+/g) ?? [];
  }

  parse(): Piece {
    let start = ' ';
    let end = '';
    if (this.tokens[0] === '^') {
      start = '^ ';
      this.position++;
    }
    if (this.tokens.at(-1) === '$') {
      end = '$';
      this.tokens.pop();
    }
    const body = this.sequence();
    if (this.position < this.tokens.length) this.fail(`unexpected "${this.tokens[this.position]}"`);
    return { source: start + body.source + end, anchor: body.anchor };
  }

  private sequence(): Piece {
    const pieces: Piece[] = [];
    for (let token = this.peek(); token !== undefined && token !== ')' && token !== '|'; token = this.peek()) {
      pieces.push(this.item());
    }
    // Of the required parts, the one whose rarest-looking word is longest filters best.
    const anchors = pieces.flatMap(({ anchor }) => (anchor ? [anchor] : []));
    const anchor = anchors.reduce<Anchor | null>(
      (best, candidate) => (!best || score(candidate) > score(best) ? candidate : best),
      null,
    );
    return { source: pieces.map(({ source }) => source).join(''), anchor };
  }

  private item(): Piece {
    const token = this.next();
    let piece: Piece;
    if (token === '(') {
      const alternatives = [this.sequence()];
      while (this.peek() === '|') {
        this.next();
        alternatives.push(this.sequence());
      }
      if (this.next() !== ')') this.fail('missing ")"');
      if (alternatives.some(({ source }) => source === '')) this.fail('empty alternative; use "?"');
      const required = alternatives.every(({ anchor }) => anchor);
      piece = {
        source: `(?:${alternatives.map(({ source }) => source).join('|')})`,
        anchor: required
          ? {
              words: alternatives.flatMap(({ anchor }) => anchor?.words ?? []),
              prefixes: alternatives.flatMap(({ anchor }) => anchor?.prefixes ?? []),
            }
          : null,
      };
    } else if (token.startsWith('~')) {
      const most = token.length > 1 ? Number(token.slice(1)) : DEFAULT_GAP;
      piece = { source: `(?:${WORD}+ ){0,${most}}`, anchor: null };
    } else if (token === '^' || token === '$' || token === '?' || token === ')' || token === '|') {
      this.fail(`"${token}" is not allowed here`);
    } else {
      piece = this.word(token);
    }
    if (this.peek() === '?') {
      this.next();
      piece = { source: `(?:${piece.source})?`, anchor: null };
    }
    return piece;
  }

  private word(token: string): Piece {
    const prefix = token.endsWith('*');
    const stem = prefix ? token.slice(0, -1) : token;
    // Lists are mostly written folded already; folding is only for the odd accent.
    const folded = PLAIN_WORD.test(stem) ? stem : foldText(stem);
    if (!folded) this.fail(`"${token}" has no letters`);
    const parts = folded.split(' ').flatMap((word) => (this.words.get(word) ?? word).split(' '));
    const last = parts.length - 1;
    // Folded words hold only letters and digits, so they need no escaping in a regex.
    const source = parts.map((part, index) => `${part}${prefix && index === last ? `${WORD}*` : ''} `).join('');
    // Any part will do as the anchor; the longest is the least common.
    const longest = parts.reduce((best, part) => (part.length > best.length ? part : best));
    const anchor =
      prefix && longest === parts[last] ? { words: [], prefixes: [longest] } : { words: [longest], prefixes: [] };
    return { source, anchor };
  }

  private peek(): string | undefined {
    return this.tokens[this.position];
  }

  private next(): string {
    const token = this.tokens[this.position++];
    if (token === undefined) this.fail('ends too early');
    return token;
  }

  private fail(problem: string): never {
    throw new Error(`Phrase pattern "${this.pattern}": ${problem}.`);
  }
}

/** How well an anchor filters: its shortest word's length, fewer alternatives breaking ties. */
function score({ words, prefixes }: Anchor): number {
  const shortest = Math.min(...words.map((word) => word.length), ...prefixes.map((prefix) => prefix.length));
  return shortest * 1000 - words.length - prefixes.length;
}
