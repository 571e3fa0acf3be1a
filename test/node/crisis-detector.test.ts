import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCrisis } from '../../src/conversation/crisis-detector.js';
import { bothLanguages, englishOnly } from '../support/crisis-phrase-lists.js';

const kindOf = (text: string) => detectCrisis(text, bothLanguages)?.kind ?? null;
const kindsOf = (text: string) => detectCrisis(text, bothLanguages)?.kinds ?? [];

describe('crisis detection', () => {
  it('detects suicide intent in Spanish written without accents', () => {
    assert.equal(kindOf('me quiero morir'), 'suicide');
  });

  it('detects suicide intent in Spanish written with accents and capitals', () => {
    assert.equal(kindOf('ME QUIERO MORÍR, ya no puedo'), 'suicide');
  });

  it('understands Spanish texting forms such as "kiero", "toy" and "xq"', () => {
    assert.equal(kindOf('kiero matarme'), 'suicide');
    assert.equal(kindOf('toy pensando en matarme'), 'suicide');
    assert.equal(kindOf('xq no me muero ya'), 'suicide');
  });

  it('reads stretched-out letters the way they were meant', () => {
    assert.equal(kindOf('ya no quierooo viviiir'), 'suicide');
  });

  it('detects informal English suicide phrasing', () => {
    assert.equal(kindOf('i want to end it all'), 'suicide');
    assert.equal(kindOf('i dont want to be alive anymore'), 'suicide');
    assert.equal(kindOf('kms'), 'suicide');
  });

  it('detects self-harm in both languages', () => {
    assert.equal(kindOf('me corto los brazos'), 'suicide');
    assert.equal(kindOf('i been cutting again'), 'suicide');
  });

  it('catches a crisis written in Spanish even where only the English lists would miss it', () => {
    assert.equal(detectCrisis('mi esposo me pega', englishOnly), null);
    assert.equal(kindOf('mi esposo me pega'), 'domestic-violence');
  });

  it('recognises domestic violence described with a partner and a gap of words', () => {
    assert.equal(kindOf('mi marido siempre me golpea cuando toma'), 'domestic-violence');
    assert.equal(kindOf('my boyfriend hits me'), 'domestic-violence');
    assert.equal(kindOf("he won't let me leave the house"), 'domestic-violence');
  });

  it('recognises a partner named in English inside a Spanish sentence', () => {
    assert.equal(kindOf('mi boyfriend me pega'), 'domestic-violence');
  });

  it('recognises trafficking when documents are taken', () => {
    assert.equal(kindOf('they took my passport'), 'trafficking');
    assert.equal(kindOf('el patron tiene mis papeles y no me los regresa'), 'trafficking');
  });

  it('recognises a medical emergency', () => {
    assert.equal(kindOf('my friend overdosed'), 'medical');
    assert.equal(kindOf('no puede respirar'), 'medical');
  });

  it('recognises immediate danger', () => {
    assert.equal(kindOf('someone is outside with a gun'), 'danger');
    assert.equal(kindOf('hay alguien afuera con una pistola'), 'danger');
  });

  it('recognises sexual assault and child abuse', () => {
    assert.equal(kindOf('me violaron'), 'sexual-assault');
    assert.equal(kindOf('my stepdad touches me at night'), 'child-abuse');
  });

  it('puts an overdose ahead of the suicide intent it came with, and keeps both', () => {
    const detection = detectCrisis('i took a bunch of pills to end it', bothLanguages);
    assert.equal(detection?.kind, 'medical');
    assert.deepEqual(detection?.kinds, ['medical', 'suicide']);
  });

  it('reports the words that matched, folded', () => {
    assert.equal(detectCrisis('Kiero MATARME', bothLanguages)?.matched, 'quiero matarme');
  });

  it('raises no crisis for an everyday need', () => {
    for (const text of [
      'necesito comida para mis hijos',
      'where is the food bank',
      'help paying my electric bill',
      'me quitaron la licencia',
    ]) {
      assert.equal(detectCrisis(text, bothLanguages), null, text);
    }
  });

  it('treats idioms that are clearly not about danger as everyday speech', () => {
    for (const text of [
      'me muero de hambre',
      'my phone is dying can you text me the address',
      'this rent is killing me',
      'me mata el calor en el trabajo',
      'im dying to know if i qualify',
      'necesito cortarme el pelo para una entrevista',
      'me estoy ahogando en deudas',
    ]) {
      assert.equal(detectCrisis(text, bothLanguages), null, text);
    }
  });

  it('still raises the crisis when an idiom and a real sign share a message', () => {
    assert.equal(kindOf('me muero de hambre y ya no quiero vivir'), 'suicide');
    assert.deepEqual(kindsOf('this rent is killing me and i want to die'), ['suicide']);
  });

  it('treats "ya no aguanto" as a crisis even when it is about the heat, by design', () => {
    // Ambiguous phrases trigger: a false alarm shows crisis lines and the need still follows.
    assert.equal(kindOf('ya no aguanto el calor en la traila'), 'suicide');
  });
});
