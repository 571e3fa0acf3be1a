import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import enLines from '../../locales/en/lines.json' with { type: 'json' };
import esLines from '../../locales/es/lines.json' with { type: 'json' };
import esSafety from '../../locales/es/safety.json' with { type: 'json' };
import { CRISIS_KINDS, isCrisisKind } from '../../src/conversation/crisis-kinds.js';
import type { ContactLine, Region } from '../../src/regions/region.js';
import caOnSources from '../../src/regions/ca-on.sources.json' with { type: 'json' };
import caOn from '../../src/regions/ca-on.json' with { type: 'json' };
import usSources from '../../src/regions/us.sources.json' with { type: 'json' };
import us from '../../src/regions/us.json' with { type: 'json' };

const regions = [caOn, us] as Region[];
type Strings = Record<string, unknown>;
const lookup = (strings: Strings, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Strings | undefined)?.[key], strings);
const linesOf = (region: Region): ContactLine[] => [region.emergency, region.helpline, ...region.crisisLines];

describe('region data and safety strings', () => {
  for (const region of regions) {
    it(`${region.id}: every line has a name and a description in English and Spanish`, () => {
      for (const line of linesOf(region)) {
        for (const [language, strings] of [
          ['en', enLines],
          ['es', esLines],
        ] as const) {
          for (const field of ['name', 'description']) {
            const text = lookup(strings, `regions.${region.id}.${line.id}.${field}`);
            assert.ok(typeof text === 'string' && text.trim(), `${language} regions.${region.id}.${line.id}.${field}`);
          }
        }
      }
    });

    it(`${region.id}: every number can be tapped to call or text`, () => {
      for (const line of linesOf(region)) {
        assert.ok(line.call ?? line.text, `${line.id} has no number`);
        for (const number of [line.call, line.text]) {
          if (number !== undefined) assert.match(number, /^[0-9]{3,15}$/, `${line.id}: ${number}`);
        }
      }
    });

    it(`${region.id}: the description of each number shows the number the line dials`, () => {
      for (const line of region.crisisLines) {
        const description = String(lookup(enLines, `regions.${region.id}.${line.id}.description`));
        const digits = description.replace(/[^0-9]/g, '');
        assert.ok(line.call && digits.includes(line.call.replace(/^1(?=8)/, '')), `${line.id}: ${description}`);
      }
    });

    it(`${region.id}: lines are limited to known crisis kinds and the file names its sources`, () => {
      for (const line of region.crisisLines)
        for (const kind of line.kinds ?? []) assert.ok(isCrisisKind(kind), `${line.id}: ${kind}`);
      assert.ok(
        region.crisisLines.some((line) => !line.kinds),
        'no general crisis line',
      );
      const sources = [caOnSources, usSources].find((file) => file.region === region.id);
      assert.ok((sources?.sources.length ?? 0) >= 3);
    });
  }

  it('offers the US 988 line in Spanish by text with AYUDA', () => {
    const lifeline = (us as Region).crisisLines.find((line) => line.id === 'lifeline-988');
    assert.equal(lifeline?.textBody?.es, 'AYUDA');
    assert.ok(lifeline?.languages.includes('es'));
  });

  it('says truthfully that Ontario 9-8-8 answers in English and French only, and points Spanish speakers to 211', () => {
    const line = (caOn as Region).crisisLines.find((candidate) => candidate.id === 'crisis-988');
    assert.deepEqual(line?.languages, ['en', 'fr']);
    assert.match(String(lookup(esLines, 'regions.ca-on.crisis-988.description')), /solo en inglés y francés.*2-1-1/);
    assert.ok((caOn as Region).helpline.interpretation);
  });

  it('has a supportive message for every crisis kind in both languages, with no method words', () => {
    for (const [language, strings] of [
      ['en', enLines],
      ['es', esLines],
    ] as const) {
      for (const kind of CRISIS_KINDS) {
        const message = lookup(strings, `crisis.${kind}`);
        assert.ok(typeof message === 'string' && message.length > 40, `${language} crisis.${kind}`);
        assert.doesNotMatch(
          message,
          /\b(commit|committed|cometer|pills|pastillas|rope|soga|gun|pistola)\b/i,
          `${language} crisis.${kind}`,
        );
      }
    }
  });

  it('tells the visitor honestly what quick exit cannot do, and the shortcut', () => {
    assert.match(enLines.quickExit.help, /cannot erase your browser history/);
    assert.match(enLines.quickExit.help, /monitors/);
    assert.match(esLines.quickExit.help, /No puede borrar su historial/);
    assert.match(enLines.quickExit.shortcut, /Escape key three times/);
    assert.equal(esSafety.quickExit.label, 'Salida rápida');
  });
});
