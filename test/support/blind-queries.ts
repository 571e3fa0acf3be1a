/**
 * The blind query sets in `test/fixtures/relevance/blind/`: requests written by someone who had
 * not read the need vocabulary, one per line as `label<TAB>query` (`#` starts a comment).
 * `out-of-scope-<lang>.tsv` holds requests no 211 directory serves (label `none`);
 * `in-scope-<lang>.tsv` holds everyday needs labelled with the need category they belong to.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UiLanguage } from '../../src/directory/snapshot.js';

/** One blind request and its label: `none`, or the need category it belongs to. */
export interface BlindQuery {
  label: string;
  query: string;
}

const folder = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/relevance/blind');

/** The blind requests of one kind and language, in file order. */
export function readBlindQueries(kind: 'out-of-scope' | 'in-scope', language: UiLanguage): BlindQuery[] {
  const text = readFileSync(resolve(folder, `${kind}-${language}.tsv`), 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const tab = line.indexOf('\t');
      if (tab < 0) throw new Error(`${kind}-${language}.tsv: no tab in "${line}"`);
      return { label: line.slice(0, tab).trim(), query: line.slice(tab + 1).trim() };
    });
}
