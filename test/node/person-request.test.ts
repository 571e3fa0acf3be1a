import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asksForPerson } from '../../src/conversation/person-request.js';
import { bothLanguages } from '../support/crisis-phrase-lists.js';

const asks = (text: string) => asksForPerson(text, bothLanguages);

describe('asking for a person', () => {
  it('offers a navigator when the visitor asks in Spanish', () => {
    assert.equal(asks('quiero hablar con una persona'), true);
    assert.equal(asks('puedo hablar con alguien'), true);
    assert.equal(asks('kiero ablar con alguien de verdad'), true);
    assert.equal(asks('Me pueden llamar?'), true);
  });

  it('offers a navigator when the visitor asks in English', () => {
    assert.equal(asks('can i talk to someone'), true);
    assert.equal(asks('real person please'), true);
    assert.equal(asks('i need a human not a bot'), true);
  });

  it('understands a one-word request, misspelt or not', () => {
    for (const text of [
      'agent',
      'Human!',
      'operator',
      'representative',
      'reprasentative',
      'navigator',
      'agente',
      'un humano por favor',
      'persona',
    ]) {
      assert.equal(asks(text), true, text);
    }
  });

  it('does not read a person request into everyday messages that mention one', () => {
    for (const text of [
      'the ICE agent came to my house',
      'derechos humanos',
      'necesito comida',
      'my real estate agent wont call back',
      'help with rent',
    ]) {
      assert.equal(asks(text), false, text);
    }
  });
});
