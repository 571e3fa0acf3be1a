import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeLanguages } from '../../src/directory/hsds/normalize-language.js';

const codes = (raw: string) => normalizeLanguages(raw).codes;
const problem = (raw: string) => normalizeLanguages(raw).problem?.kind;

describe('normalising languages', () => {
  it('maps English, Spanish and native names to ISO 639-1 codes', () => {
    assert.deepEqual(codes('Spanish'), ['es']);
    assert.deepEqual(codes('Español'), ['es']);
    assert.deepEqual(codes('espanol'), ['es']);
    assert.deepEqual(codes('Creole'), ['ht']);
    assert.deepEqual(codes('Haitian-Creole'), ['ht']);
    assert.deepEqual(codes('Kreyòl'), ['ht']);
    assert.deepEqual(codes('Mandarin'), ['zh']);
    assert.deepEqual(codes('Tagalog'), ['tl']);
    assert.deepEqual(codes('中文'), ['zh']);
  });

  it('accepts codes: ISO 639-1, the 639-2/3 forms HSDS files use, and language tags', () => {
    assert.deepEqual(codes('es'), ['es']);
    assert.deepEqual(codes('eng'), ['en']);
    assert.deepEqual(codes('es-MX'), ['es']);
  });

  it('finds every language in a list and keeps qualifiers quiet ("Spanish (limited)")', () => {
    assert.deepEqual(codes('English and Spanish'), ['en', 'es']);
    assert.deepEqual(codes('Spanish (limited)'), ['es']);
    assert.equal(problem('Spanish (limited)'), undefined);
  });

  it('reports interpretation statements as notes, not languages, keeping the languages they name', () => {
    assert.deepEqual(codes('more languages available upon request'), []);
    assert.equal(problem('more languages available upon request'), 'language-note');
    assert.deepEqual(codes('Haitian Creole. Interpreters can also be arranged for other languages.'), ['ht']);
    assert.equal(problem('Telephone interpreter line available'), 'language-note');
  });

  it('reports names it does not know, and sign languages, which have no ISO 639-1 code', () => {
    assert.deepEqual(codes('Klingon'), []);
    assert.equal(problem('Klingon'), 'language-unknown');
    assert.equal(problem('American Sign Language'), 'language-unknown');
  });

  it('says nothing about an empty entry', () => {
    assert.deepEqual(normalizeLanguages('  '), { codes: [] });
  });
});
