import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from '../../src/text/detect-language.js';

describe('detectLanguage', () => {
  it('recognises Spanish written without accents, as on a phone', () => {
    assert.equal(detectLanguage('necesito comida para mis hijos'), 'es');
    assert.equal(detectLanguage('no tengo dinero para pagar la renta'), 'es');
    assert.equal(detectLanguage('necesito despensa hoy'), 'es');
  });

  it('recognises English', () => {
    assert.equal(detectLanguage('I need help paying my hydro bill'), 'en');
  });

  it('says nothing when the evidence is thin or mixed', () => {
    assert.equal(detectLanguage('despensa'), undefined);
    assert.equal(detectLanguage('food bank'), undefined);
    assert.equal(detectLanguage('necesito help con my rent'), undefined);
  });
});
