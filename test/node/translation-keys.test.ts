/**
 * Translation keys are checked by the compiler, end to end: a line in the history, a match
 * reason and a key built from a protocol code all name strings that exist. The `@ts-expect-error`
 * lines make `npm run typecheck` fail if keys ever go back to plain strings; the assertions
 * check at run time that the keys the compiler accepts resolve in both languages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import enLines from '../../locales/en/lines.json' with { type: 'json' };
import esLines from '../../locales/es/lines.json' with { type: 'json' };
import enSearch from '../../locales/en/search.json' with { type: 'json' };
import esSearch from '../../locales/es/search.json' with { type: 'json' };
import type { Line } from '../../src/conversation/chat-message.js';
import type { ReasonKey } from '../../src/directory/directory-matcher.js';
import type { TranslationKey } from '../../src/i18n/i18n.js';

/** Follows a dotted path into a strings file. */
function lookup(strings: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
}

describe('typed translation keys', () => {
  it('refuses a key that no strings file has, in a line, a reason or a built key', () => {
    // @ts-expect-error: no such ui key
    const line: Line = { key: 'askNeedd' };
    // @ts-expect-error: no such reason
    const reason: ReasonKey = 'category.pets';
    const code = 'rate-limited' as string;
    // @ts-expect-error: a key built from a plain string is not known to exist
    const built: TranslationKey = `lines:live.error.${code}`;
    assert.ok(line && reason && built, 'the values exist; the compiler is what is tested here');
  });

  it('accepts keys that exist, and they resolve in English and Spanish', () => {
    const liveError: TranslationKey = 'lines:live.error.rate-limited';
    const reason: ReasonKey = 'category.food';
    for (const lines of [enLines, esLines]) {
      assert.equal(typeof lookup(lines, liveError.replace('lines:', '')), 'string', liveError);
    }
    for (const search of [enSearch, esSearch]) {
      assert.equal(typeof lookup(search, `reasons.${reason}`), 'string', reason);
    }
  });
});
