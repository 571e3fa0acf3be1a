import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectCrisis } from '../../src/conversation/crisis-detector.js';
import { bothLanguages } from '../support/crisis-phrase-lists.js';

function positives(language: string): { label: string; text: string }[] {
  return readFileSync(new URL(`../fixtures/crisis-eval/${language}.tsv`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [label = '', text = ''] = line.split('\t');
      return { label, text };
    })
    .filter(({ label }) => label !== 'none');
}

describe('crisis evaluation set', () => {
  for (const language of ['en', 'es']) {
    it(`shows crisis lines, of the right kind, for every crisis message in the ${language} evaluation set`, () => {
      const cases = positives(language);
      assert.ok(cases.length >= 150, `only ${cases.length} positives`);
      const missed = cases
        .filter(({ label, text }) => !detectCrisis(text, bothLanguages)?.kinds.includes(label as never))
        .map(({ label, text }) => `[${label}] ${text}`);
      assert.deepEqual(missed, []);
    });
  }
});
