/**
 * An RFC 4180 CSV parser that remembers where each record starts. 211 exports put newlines,
 * commas and doubled quotes inside quoted fields, so splitting on line breaks is wrong; and
 * every problem the importer reports must name the CSV line a data team can open.
 */

/** One data record: its values by header name and the 1-based line where it starts. */
export interface CsvRecord {
  /** Line of the file (1 = the header) where the record begins. */
  line: number;
  values: Record<string, string>;
}

/** Something wrong with the file's structure, at a line. */
export interface CsvProblem {
  line: number;
  kind: 'csv-field-count' | 'csv-unterminated-quote' | 'csv-stray-quote' | 'csv-duplicate-header';
  message: string;
}

/** A parsed table. */
export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  problems: CsvProblem[];
}

/**
 * Parses CSV text with a header row. Accepts CRLF, LF or CR line ends and a UTF-8 byte
 * order mark; blank lines are skipped. Records with too few fields are padded with empty
 * strings and records with too many are kept with the extra fields dropped; both are
 * reported, never silently fixed.
 */
export function parseCsv(text: string): CsvTable {
  const rows = parseRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const problems = rows.problems;
  const first = rows.rows[0];
  if (!first) return { header: [], records: [], problems };
  const header = first.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      problems.push({
        line: first.line,
        kind: 'csv-duplicate-header',
        message: `column "${name}" appears twice; the first is used`,
      });
    }
    seen.add(name);
  }
  const records: CsvRecord[] = [];
  for (const row of rows.rows.slice(1)) {
    if (row.fields.length === 1 && row.fields[0] === '') continue;
    if (row.fields.length !== header.length) {
      problems.push({
        line: row.line,
        kind: 'csv-field-count',
        message: `${row.fields.length} fields where the header has ${header.length}`,
      });
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) {
      const name = header[i] as string;
      if (!(name in values)) values[name] = row.fields[i] ?? '';
    }
    records.push({ line: row.line, values });
  }
  return { header, records, problems };
}

interface RawRow {
  line: number;
  fields: string[];
}

/** Splits text into rows of fields, following RFC 4180 quoting. */
function parseRows(text: string): { rows: RawRow[]; problems: CsvProblem[] } {
  const rows: RawRow[] = [];
  const problems: CsvProblem[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const length = text.length;
  let atFieldStart = true;
  while (i < length) {
    const ch = text.charCodeAt(i);
    if (atFieldStart && ch === QUOTE) {
      // Quoted field: read to the closing quote, turning "" into ".
      const quoteLine = line;
      i++;
      let closed = false;
      let start = i;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            field += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          field += text.slice(start, i);
          i++;
          closed = true;
          break;
        }
        if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
        i++;
      }
      if (!closed) {
        field += text.slice(start, i);
        problems.push({
          line: quoteLine,
          kind: 'csv-unterminated-quote',
          message: 'a quoted field is never closed; the rest of the file was read into it',
        });
      }
      atFieldStart = false;
      // Anything between the closing quote and the next separator is kept, but reported.
      const after = i;
      while (i < length && !isSeparator(text.charCodeAt(i))) i++;
      if (i > after) {
        field += text.slice(after, i);
        problems.push({ line, kind: 'csv-stray-quote', message: 'text after a closing quote was kept' });
      }
      continue;
    }
    if (ch === COMMA) {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === LF || ch === CR) {
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      atFieldStart = true;
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    // Unquoted field: read to the next separator in one slice.
    const start = i;
    while (i < length && !isSeparator(text.charCodeAt(i))) i++;
    const chunk = text.slice(start, i);
    if (chunk.includes('"')) {
      problems.push({ line, kind: 'csv-stray-quote', message: 'a quote inside an unquoted field was kept as text' });
    }
    field += chunk;
    atFieldStart = false;
  }
  if (!atFieldStart || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return { rows, problems };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

function isSeparator(ch: number): boolean {
  return ch === COMMA || ch === LF || ch === CR;
}
