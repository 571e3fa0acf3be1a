import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

/** Visitor-facing string files: identical keys in every language. Phrase lists and need
 * vocabularies and word lists (crisis.json, needs.json, words.json) are per-language data and may differ. */
const DATA_FILES = new Set(['crisis.json', 'needs.json', 'words.json']);
/** The widget's strings, and the navigator side's (console, and later its phrasebook). */
const ROOTS = [new URL('../../locales/', import.meta.url), new URL('../../navigator/locales/', import.meta.url)];

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) keys.set(k, v);
    }
  } else {
    keys.set(prefix, value);
  }
  return keys;
}

/** The language folders under a root (`en` is the reference every other is checked against). */
function languages(root: URL): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function stringFiles(root: URL, language: string): string[] {
  return readdirSync(new URL(`${language}/`, root))
    .filter((name) => name.endsWith('.json') && !DATA_FILES.has(name))
    .sort();
}

function read(root: URL, language: string, file: string): Map<string, unknown> {
  return flatten(JSON.parse(readFileSync(new URL(`${language}/${file}`, root), 'utf8')));
}

for (const root of ROOTS)
  for (const language of languages(root).filter((code) => code !== 'en'))
    describe(`locales in ${root.pathname.split('/').slice(-3, -1).join('/')}, ${language}`, () => {
      it(`has the same string files in ${language} as in English`, () => {
        assert.deepEqual(stringFiles(root, language), stringFiles(root, 'en'));
        assert.ok(stringFiles(root, 'en').length > 0);
      });

      for (const file of stringFiles(root, 'en')) {
        it(`${file}: ${language} has exactly the English keys`, () => {
          const en = read(root, 'en', file);
          const other = read(root, language, file);
          const missing = [...en.keys()].filter((key) => !other.has(key));
          const extra = [...other.keys()].filter((key) => !en.has(key));
          assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
        });

        it(`${file}: every string is non-empty and uses the same {{placeholders}} in English and ${language}`, () => {
          const en = read(root, 'en', file);
          const other = read(root, language, file);
          const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
          for (const [key, value] of en) {
            assert.equal(typeof value, 'string', `${file} en ${key} is not a string`);
            assert.ok(String(value).trim(), `${file} en ${key} is empty`);
            assert.ok(String(other.get(key) ?? '').trim(), `${file} ${language} ${key} is empty`);
            assert.deepEqual(placeholders(other.get(key)), placeholders(value), `${file} ${key}: placeholders differ`);
          }
        });
      }
    });
