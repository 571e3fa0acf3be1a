import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import enSearch from '../../locales/en/search.json' with { type: 'json' };
import esSearch from '../../locales/es/search.json' with { type: 'json' };
import type { DirectoryIndex } from '../../src/directory/directory-matcher.js';
import { buildDirectoryIndex, matchServices } from '../../src/directory/directory-matcher.js';
import { reasonText } from '../../src/directory/match-reason-text.js';
import { loadNeedVocabulary } from '../../src/directory/need-vocabulary-loader.js';
import type { DirectorySnapshot } from '../../src/directory/snapshot.js';
import { matcherFixture } from '../support/directory-matcher-fixture.js';
import { loadFuzzyEngine } from '../../src/directory/term-corrector.js';

// Typo correction needs Fuse.js, which the widget loads on demand.
await loadFuzzyEngine();

// A Monday in June, 10 p.m. and 11 a.m. in Toronto (UTC-4).
const MONDAY_10PM = new Date('2026-06-02T02:00:00Z');
const MONDAY_11AM = new Date('2026-06-01T15:00:00Z');

let index: DirectoryIndex;
before(async () => {
  index = buildDirectoryIndex(matcherFixture(), [await loadNeedVocabulary('en'), await loadNeedVocabulary('es')]);
});

const ids = (results: { service: { id: string } }[]) => results.map((r) => r.service.id);

describe('matching on a small directory', () => {
  it('ignores accents and case: "clinica" and "CLÍNICA" both find Clínica del Pueblo', () => {
    assert.equal(ids(matchServices(index, { text: 'clinica' }, {}, 'es'))[0], 'clinica');
    assert.equal(ids(matchServices(index, { text: 'CLÍNICA' }, {}, 'en'))[0], 'clinica');
  });

  it('tolerates typos: "dentel clinik" finds the dental clinic', () => {
    assert.ok(
      ids(matchServices(index, { text: 'dentel clinik' }, {}, 'en'))
        .slice(0, 2)
        .includes('dental'),
    );
  });

  it('finds an English-only record for a Spanish word: "despensa" finds the food pantries', () => {
    const found = ids(matchServices(index, { text: 'despensa' }, {}, 'es', 3));
    assert.ok(found.includes('east-pantry'), found.join());
    assert.ok(found.includes('west-pantry'), found.join());
  });

  it('finds a record without taxonomy codes through the English terms of a Spanish phrase', () => {
    assert.ok(ids(matchServices(index, { text: 'banco de comida' }, {}, 'es', 3)).includes('plain-food-bank'));
  });

  it('understands everyday Spanish: "la luz", "me van a correr de la casa", "el patrón no me quiere pagar"', () => {
    assert.equal(ids(matchServices(index, { text: 'no tengo para pagar la luz' }, {}, 'es'))[0], 'hydro-help');
    assert.equal(ids(matchServices(index, { text: 'no tengo para la renta' }, {}, 'es'))[0], 'rent-bank');
    assert.equal(ids(matchServices(index, { text: 'el patrón no me quiere pagar' }, {}, 'es'))[0], 'workers-rights');
  });

  it('ranks the pantry that speaks Spanish first for a Spanish speaker, and says so', () => {
    const [first] = matchServices(index, { text: 'despensa' }, {}, 'es');
    assert.equal(first?.service.id, 'west-pantry');
    assert.ok(first?.reasons.some((reason) => reason.key === 'language.es'));
  });

  it('gives reasons in the visitor’s language', () => {
    const [first] = matchServices(index, { text: 'despensa' }, {}, 'es');
    const texts = first!.reasons.map((reason) => reasonText(reason, esSearch));
    assert.ok(texts.includes('Coincide con: despensa'), texts.join(' | '));
    assert.ok(texts.includes('Se habla español'), texts.join(' | '));
    const [english] = matchServices(index, { text: 'food bank' }, {}, 'en');
    assert.ok(english!.reasons.map((reason) => reasonText(reason, enSearch)).includes('Matches: food bank'));
  });

  it('filters by area, keeping services that serve the whole directory', () => {
    const found = ids(matchServices(index, { text: 'food pantry' }, { area: 'east' }, 'en', 10));
    assert.ok(found.includes('east-pantry'));
    assert.ok(found.includes('plain-food-bank'));
    assert.ok(!found.includes('west-pantry'));
    const [first] = matchServices(index, { text: 'food pantry' }, { area: 'east' }, 'en');
    assert.ok(first!.reasons.some((reason) => reason.key === 'area'));
  });

  it('does not offer a seniors-only dental clinic for a child, but does for an older adult', () => {
    assert.deepEqual(ids(matchServices(index, { text: 'dentist' }, { ageGroup: 'child' }, 'en')), ['dental']);
    assert.ok(ids(matchServices(index, { text: 'dentist' }, { ageGroup: 'senior' }, 'en')).includes('seniors-dental'));
  });

  it('with "open now", offers only what is open at that moment in the directory’s time zone', () => {
    const found = ids(matchServices(index, { text: 'shelter' }, { openNow: true, now: MONDAY_10PM }, 'en'));
    assert.deepEqual(found, ['night-shelter']);
  });

  it('puts what is open first when the need is for tonight, and says it is open', () => {
    const night = matchServices(index, { text: 'shelter tonight' }, { now: MONDAY_10PM }, 'en');
    assert.equal(night[0]?.service.id, 'night-shelter');
    assert.ok(night[0]?.reasons.some((reason) => reason.key === 'openNow'));
    assert.equal(night[0]?.opening.closesAt, '08:00');
    const morning = matchServices(index, { text: 'shelter today' }, { now: MONDAY_11AM }, 'en');
    assert.equal(morning[0]?.service.id, 'day-shelter');
  });

  it('puts the nearer of two equal pantries first and gives the distance', () => {
    const [first, second] = matchServices(index, { text: 'food pantry' }, { near: { lat: 43.66, lon: -79.36 } }, 'en');
    assert.equal(first?.service.id, 'east-pantry');
    assert.equal(second?.service.id, 'west-pantry');
    assert.ok(first!.distanceKm! < 2);
    const near = first!.reasons.find((reason) => reason.key === 'near');
    assert.equal(reasonText(near!, enSearch), `${near!.params!.distance} km away`);
  });

  it('lists every service of a chosen category when the visitor typed nothing', () => {
    const found = matchServices(index, { categories: ['housing'] }, {}, 'en', 10);
    assert.deepEqual(ids(found).sort(), ['day-shelter', 'night-shelter', 'rent-bank']);
    assert.ok(found.every((result) => result.reasons.some((reason) => reason.key === 'category.housing')));
  });

  it('returns nothing for words that match nothing, and nothing for an empty query', () => {
    assert.deepEqual(matchServices(index, { text: 'xylophone quartz' }, {}, 'en'), []);
    assert.deepEqual(matchServices(index, {}, {}, 'en'), []);
  });

  it('returns at most the limit', () => {
    assert.equal(matchServices(index, { text: 'food' }, {}, 'en', 2).length, 2);
  });
});

describe('matching on the demo directory', () => {
  let demo: DirectoryIndex;
  before(async () => {
    const snapshot = JSON.parse(
      readFileSync(new URL('../../demo/directory/demo-directory.json', import.meta.url), 'utf8'),
    ) as DirectorySnapshot;
    demo = buildDirectoryIndex(snapshot, [await loadNeedVocabulary('en'), await loadNeedVocabulary('es')]);
  });

  const top = (text: string, language: 'en' | 'es', count = 3) =>
    ids(matchServices(demo, { text }, {}, language, count));

  it('sends a farm worker who was not paid to the migrant worker rights desk', () => {
    assert.ok(top('no me pagaron', 'es').includes('migrant-worker-rights-desk'));
  });

  it('finds the community dental clinic for "me duele una muela"', () => {
    assert.ok(top('me duele una muela', 'es').includes('chc-dental-clinic'));
  });

  it('finds eviction help for "me van a correr de la casa"', () => {
    const found = top('me van a correr de la casa', 'es');
    assert.ok(found.includes('eviction-prevention-program') || found.includes('tenant-duty-counsel'), found.join());
  });

  it('finds energy help for "hydro bill" and "la luz"', () => {
    assert.ok(top('hydro bill', 'en').some((id) => ['leap-emergency-grant', 'oesp-application-help'].includes(id)));
    assert.ok(
      top('ayuda con la luz', 'es').some((id) => ['leap-emergency-grant', 'oesp-application-help'].includes(id)),
    );
  });

  it('finds English classes for "clases de ingles" without accents', () => {
    assert.ok(top('clases de ingles', 'es').some((id) => id.includes('english')));
  });

  it('finds a ride to the doctor for "aventón al doctor"', () => {
    assert.ok(top('aventón al doctor', 'es', 5).includes('medical-rides-volunteer-drivers'));
  });
});
