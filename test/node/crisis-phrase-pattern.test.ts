import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileCrisisPhrases, type CrisisPhraseFile } from '../../src/conversation/crisis-phrases.js';
import { detectCrisis } from '../../src/conversation/crisis-detector.js';
import { CRISIS_KINDS } from '../../src/conversation/crisis-kinds.js';
import { compilePhrasePattern, prepareText } from '../../src/conversation/phrase-pattern.js';

const noWords = new Map<string, string>();
const matches = (pattern: string, text: string, words: ReadonlyMap<string, string> = noWords) =>
  compilePhrasePattern(pattern, words).regex.test(prepareText(text, words));

function listsWith(crisis: Partial<CrisisPhraseFile['crisis']>, exceptions: string[] = []) {
  const empty = Object.fromEntries(CRISIS_KINDS.map((kind) => [kind, []])) as unknown as CrisisPhraseFile['crisis'];
  return compileCrisisPhrases({ xx: { words: {}, exceptions, crisis: { ...empty, ...crisis }, person: [] } });
}

describe('phrase patterns in the crisis lists', () => {
  it('match whole words only', () => {
    assert.equal(matches('fire', 'there is a fire'), true);
    assert.equal(matches('fire', 'i got fired'), false);
  });

  it('match a word by its start when it ends in *', () => {
    assert.equal(matches('suicid*', 'estoy pensando en suicidarme'), true);
  });

  it('match one of several alternatives, each possibly several words', () => {
    assert.equal(matches('my (husband|baby daddy) hits me', 'my baby daddy hits me'), true);
  });

  it('allow an optional word or group', () => {
    assert.equal(matches('my? husband hits me', 'husband hits me'), true);
    assert.equal(matches('(very|so)? scared', 'scared'), true);
  });

  it('let a gap stand for up to three words, and no more', () => {
    assert.equal(matches('husband ~ hits me', 'husband always when drunk hits me'), true);
    assert.equal(matches('husband ~ hits me', 'husband always when he drinks hits me'), false);
    assert.equal(matches('husband ~4 hits me', 'husband always when he drinks hits me'), true);
  });

  it('anchor to the whole message with ^ and $', () => {
    assert.equal(matches('^agent$', 'Agent!'), true);
    assert.equal(matches('^agent$', 'the ICE agent came'), false);
  });

  it('match texting forms through the language word table', () => {
    const words = new Map([['kiero', 'quiero']]);
    assert.equal(matches('quiero morir', 'kiero morir', words), true);
    assert.equal(matches('kiero morir', 'quiero morir', words), true);
  });

  it('refuse a pattern that would match every message', () => {
    assert.throws(() => compilePhrasePattern('(a|b)?', noWords), /at least one required word/);
  });

  it('name the broken pattern when one is malformed', () => {
    assert.throws(() => compilePhrasePattern('(a|b', noWords), /"\(a\|b": ends too early/);
  });

  it('never let a gap reach across an idiom that was cut out', () => {
    const lists = listsWith({ suicide: ['me ~ quiero morir'] }, ['muero de hambre']);
    assert.equal(detectCrisis('me muero de hambre quiero morir', lists), null);
    assert.equal(detectCrisis('me muero de hambre y me quiero morir', lists)?.kind, 'suicide');
  });
});
