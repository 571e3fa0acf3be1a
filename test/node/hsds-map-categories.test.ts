import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import categoryMapFile from '../../src/directory/category-map.json' with { type: 'json' };
import { categoriesOfTerm, loadCategoryMap, mapCategories } from '../../src/directory/hsds/map-categories.js';

const map = loadCategoryMap(categoryMapFile);
const of = (code: string) => categoriesOfTerm({ code }, map);

describe('mapping taxonomy to need categories (src/directory/category-map.json)', () => {
  it('maps the AIRS/211 codes named in the issue', () => {
    assert.deepEqual(of('BD-1800.2000'), ['food']);
    assert.deepEqual(of('BH-1800.8500'), ['housing']);
    assert.deepEqual(of('BV-8900.9300-950'), ['utilities']);
    assert.deepEqual(of('LV-1600'), ['health']);
    assert.deepEqual(of('RP-1500.1400-800'), ['mental-health']);
    assert.deepEqual(of('ND-6500'), ['work']);
    assert.deepEqual(of('FT-1800.1800-800'), ['legal']);
    assert.deepEqual(of('BT-4500'), ['transportation']);
    assert.deepEqual(of('PH-1250.1400'), ['family']);
  });

  it('lets the longest prefix win', () => {
    assert.deepEqual(of('BH-3800.7000'), ['housing', 'money']);
    assert.deepEqual(of('NL-6000.2000'), ['food', 'money']);
    assert.deepEqual(of('NL-1000.8500'), ['money']);
    assert.deepEqual(of('PX-2000'), []);
  });

  it('maps Open Eligibility term names, whatever their case and accents', () => {
    assert.deepEqual(categoriesOfTerm({ name: 'Food Pantry' }, map), ['food']);
    assert.deepEqual(categoriesOfTerm({ name: 'help pay for UTILITIES' }, map), ['utilities', 'money']);
    assert.deepEqual(categoriesOfTerm({ code: 'tt-1', name: 'Citizenship & Immigration' }, map), ['legal']);
  });

  it('never reads an id that is not an AIRS code as one (a UUID starting "bd…" is not food)', () => {
    assert.equal(categoriesOfTerm({ code: 'bd5f0c1e-8a1b-4d0e-9a0e-3f1d2c3b4a5e' }, map), undefined);
    assert.equal(categoriesOfTerm({ code: 'code', name: 'name' }, map), undefined);
  });

  it('gives a service every category of its terms, the one most terms share first', () => {
    const terms = [{ code: 'LN-1500' }, { code: 'LV-1600' }, { code: 'BD-1800.2000' }, { code: 'YB-8000' }];
    assert.deepEqual(mapCategories(terms, map), ['health', 'food']);
    assert.deepEqual(mapCategories([], map), []);
  });

  it('refuses a map naming a category the widget does not have', () => {
    assert.throws(() => loadCategoryMap({ codePrefixes: { BD: ['groceries'] } }), /groceries/);
    assert.throws(() => loadCategoryMap({ termNames: { food: 'food' } }), /list of categories/);
    assert.throws(() => loadCategoryMap([]), /JSON object/);
  });
});
