/**
 * Cleans one text field from a directory export and says what it changed, so the importer
 * can report every change. Order matters: escaped newlines first (markers and tags sit on
 * their own lines), then mojibake, then markers, then HTML, then whitespace.
 */
import { repairMojibake } from './repair-mojibake.js';
import type { ProblemKind } from './import-report.js';

/** One kind of change made to a field, with a short note for the report. */
export interface TextChange {
  kind: Extract<
    ProblemKind,
    | 'marker-removed'
    | 'mojibake-repaired'
    | 'html-stripped'
    | 'escaped-newline'
    | 'whitespace-trimmed'
    | 'control-characters-removed'
  >;
  detail: string;
}

/** How to clean a field. */
export interface CleanTextOptions {
  /** Names, cities, codes: every run of whitespace (newlines too) becomes one space. */
  singleLine?: boolean;
}

/** The cleaned text (empty when nothing is left) and the changes made. */
export interface CleanedText {
  text: string;
  changes: TextChange[];
}

// Markers such as ###MON### and ###COL### that 211 Miami uses to tag records internally
// (Monroe and Collier counties), including the clipped forms "###MON##" and "MON###".
const MARKER = /#{2,}[A-Z][A-Z0-9_]*#*|\b[A-Z][A-Z0-9_]*#{2,}/g;
const ESCAPED_NEWLINE = /\\r\\n|\\n|\\r/g;
const ESCAPED_TAB = /\\t/g;
// C0 controls except tab and newlines, DEL and C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u009f]/g;
const TAG = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->/;
// Scripts and styles are code, not text a visitor should read: drop them with their content.
const CODE_ELEMENT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<(script|style)\b[^>]*>[\s\S]*$/gi;
const BLOCK_END = /<\s*(br|\/p|\/div|\/h[1-6]|\/tr)\b[^>]*>/gi;
const LIST_ITEM = /<\s*li\b[^>]*>/gi;
// Inline tags sit inside words and sentences ("<b>eviction</b>."): removing them must not add spaces.
const INLINE_TAG = /<\/?(?:a|abbr|b|bdi|bdo|cite|code|em|font|i|kbd|mark|q|s|small|span|strong|sub|sup|u)\b[^<>]*>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->/g;
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
};

/** Cleans one field. Pure; the caller reports {@link CleanedText.changes}. */
export function cleanText(raw: string, options: CleanTextOptions = {}): CleanedText {
  const changes: TextChange[] = [];
  let text = raw;

  if (ESCAPED_NEWLINE.test(text) || ESCAPED_TAB.test(text)) {
    text = text.replace(ESCAPED_NEWLINE, '\n').replace(ESCAPED_TAB, ' ');
    changes.push({ kind: 'escaped-newline', detail: 'literal \\n became line breaks' });
  }
  ESCAPED_NEWLINE.lastIndex = 0;
  ESCAPED_TAB.lastIndex = 0;

  const controls = text.match(CONTROL);
  if (controls) {
    text = text.replace(CONTROL, '');
    changes.push({ kind: 'control-characters-removed', detail: `${controls.length} removed` });
  }

  const repaired = repairMojibake(text);
  if (repaired.repairs > 0) {
    text = repaired.text;
    changes.push({ kind: 'mojibake-repaired', detail: `${repaired.repairs} repaired` });
  }

  const markers = text.match(MARKER);
  if (markers) {
    text = text.replace(MARKER, ' ');
    changes.push({ kind: 'marker-removed', detail: [...new Set(markers)].join(' ') });
  }

  if (TAG.test(text)) {
    text = stripHtml(text);
    changes.push({ kind: 'html-stripped', detail: 'tags removed, text kept' });
  } else if (ENTITY.test(text)) {
    const decoded = decodeEntities(text);
    if (decoded !== text) {
      text = decoded;
      changes.push({ kind: 'html-stripped', detail: 'HTML entities decoded' });
    }
  }
  ENTITY.lastIndex = 0;

  if (raw !== raw.trim() && raw.trim() !== '') {
    changes.push({ kind: 'whitespace-trimmed', detail: 'leading or trailing spaces' });
  }
  text = options.singleLine ? text.replace(/\s+/g, ' ').trim() : tidyLines(text);
  return { text, changes };
}

/** Removes tags (and script/style elements whole), keeping the text and line breaks. */
function stripHtml(text: string): string {
  return decodeEntities(
    text
      .replace(CODE_ELEMENT, ' ')
      .replace(BLOCK_END, '\n')
      .replace(LIST_ITEM, '\n• ')
      .replace(INLINE_TAG, '')
      .replace(ANY_TAG, ' '),
  );
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (entity, body: string) => {
    if (body.startsWith('#x')) return codePoint(Number.parseInt(body.slice(2), 16)) ?? entity;
    if (body.startsWith('#')) return codePoint(Number.parseInt(body.slice(1), 10)) ?? entity;
    return NAMED_ENTITIES[body] ?? entity;
  });
}

function codePoint(value: number): string | undefined {
  if (!Number.isFinite(value) || value <= 0 || value > 0x10ffff) return undefined;
  // Control characters written as entities are as unwanted as raw ones.
  if (value < 0x20 && value !== 0x0a) return ' ';
  return String.fromCodePoint(value);
}

/** Trims each line, collapses runs of spaces and keeps at most one blank line in a row. */
function tidyLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
