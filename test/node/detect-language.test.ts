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

  it('recognises Canadian French written without accents, as on a phone', () => {
    assert.equal(detectLanguage("j'ai besoin d'aide pour payer mon loyer"), 'fr');
    assert.equal(detectLanguage('chu pu capable de payer ma facture d hydro'), 'fr');
    assert.equal(detectLanguage('mes enfants ont faim, y a rien à manger à la maison'), 'fr');
    assert.equal(detectLanguage('je cherche une épicerie communautaire'), 'fr');
  });

  it('does not take Spanish for French where the two share words', () => {
    assert.equal(detectLanguage('necesito ayuda con la renta de mi casa'), 'es');
    assert.equal(detectLanguage('no tengo trabajo y necesito dinero'), 'es');
  });

  it('says nothing when the evidence is thin or mixed', () => {
    assert.equal(detectLanguage('hydro'), undefined);
    assert.equal(detectLanguage('besoin help with my loyer'), undefined);
    assert.equal(detectLanguage('despensa'), undefined);
    assert.equal(detectLanguage('food bank'), undefined);
    assert.equal(detectLanguage('necesito help con my rent'), undefined);
  });
});
