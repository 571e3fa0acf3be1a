import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assessCrisis } from '../../src/conversation/crisis-detector.js';
import { bothLanguages } from '../support/crisis-phrase-lists.js';

const root = new URL('../fixtures/crisis-eval/', import.meta.url);

function cases(file: URL): { label: string; text: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [label = '', text = ''] = line.split('\t');
      return { label, text };
    });
}

/** The tuning set and every fresh batch that has joined it, per language. */
function tuningFiles(language: string): URL[] {
  const fresh = readdirSync(new URL('fresh/', root)).map((batch) => new URL(`fresh/${batch}/${language}.tsv`, root));
  return [new URL(`${language}.tsv`, root), ...fresh];
}

describe('crisis evaluation set', () => {
  for (const language of ['en', 'es']) {
    it(`shows crisis lines or asks whether the visitor is safe, for the right kind, for every ${language} crisis message tuned on`, () => {
      const positives = tuningFiles(language)
        .flatMap(cases)
        .filter(({ label }) => label !== 'none');
      assert.ok(positives.length >= 150, `only ${positives.length} positives`);
      const missed = positives
        .filter(({ label, text }) => {
          const { crisis, concern } = assessCrisis(text, bothLanguages);
          return ![...(crisis?.kinds ?? []), ...(concern?.kinds ?? [])].includes(label as never);
        })
        .map(({ label, text }) => `[${label}] ${text}`);
      assert.deepEqual(missed, []);
    });

    it(`keeps false alarms on the ${language} everyday messages tuned on within the targets (strong ≤ 1%, possible ≤ 8%)`, () => {
      const negatives = tuningFiles(language)
        .flatMap(cases)
        .filter(({ label }) => label === 'none');
      const assessed = negatives.map(({ text }) => assessCrisis(text, bothLanguages));
      const strong = assessed.filter(({ crisis }) => crisis).length;
      const possible = assessed.filter(({ concern }) => concern).length;
      assert.ok(strong <= negatives.length * 0.01, `${strong} strong false alarms in ${negatives.length}`);
      assert.ok(possible <= negatives.length * 0.08, `${possible} possible false alarms in ${negatives.length}`);
    });
  }
});
