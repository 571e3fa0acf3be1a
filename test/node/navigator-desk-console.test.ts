/**
 * The console's side of the desk without a browser: the referral search over the demo
 * directory with the widget's matcher, what a transcript says about the safety check and the
 * services sent, how the console state takes follow-ups and saved records, and the frames the
 * service refuses.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { loadDirectory } from '../../src/directory/directory-loader.js';
import type { TranscriptMessage } from '../../src/handoff/handoff-protocol.js';
import { PHRASES } from '../../src/handoff/message-content.js';
import { safetyCheckOf, servicesSentIn, servicesText } from '../../src/handoff/transcript-content.js';
import { applyNavigatorEvent, INITIAL_CONSOLE_STATE } from '../../navigator/console/console-state.js';
import { phraseText } from '../../navigator/console/phrasebook.js';
import { searchReferrals } from '../../navigator/console/referral-search.js';
import { parseNavigatorFrame, parseVisitorFrame } from '../../navigator/service/protocol.js';

const DEMO_DIRECTORY = readFileSync(new URL('../../demo/directory/demo-directory.json', import.meta.url), 'utf8');
/** Tuesday 24 November 2026, 11:00 in Toronto: the Harbour Food Bank is open (as in results-actions). */
const TUESDAY_11AM_TORONTO = new Date('2026-11-24T16:00:00Z');

async function demoDirectory() {
  const fetchImpl = (async () => new Response(DEMO_DIRECTORY)) as typeof fetch;
  return loadDirectory('https://example.org/demo-directory.json', fetchImpl, 'en');
}

const message = (from: 'visitor' | 'navigator', text: string, content?: TranscriptMessage['content']) => ({
  from,
  text,
  ...(content ? { content } : {}),
});

describe('referral search in the console', () => {
  test('finds food banks from English words with the widget matcher', async () => {
    const results = await searchReferrals(
      await demoDirectory(),
      { text: 'food bank', area: '', openNow: false, spoken: '' },
      'en',
    );
    const ids = results.map((r) => r.id);
    assert.ok(ids.includes('harbour-food-bank'), `found: ${ids.join(', ')}`);
    assert.ok(ids.includes('baby-food-formula-bank'));
    assert.equal(results.find((r) => r.id === 'harbour-food-bank')?.name, 'Harbour Food Bank');
  });

  test('names results in the navigator language: Spanish for a Spanish-speaking navigator', async () => {
    const results = await searchReferrals(
      await demoDirectory(),
      { text: 'banco de alimentos', area: '', openNow: false, spoken: '' },
      'es',
    );
    assert.ok(
      results.some((r) => r.name === 'Banco de alimentos Harbour'),
      results.map((r) => r.name).join(', '),
    );
  });

  test('keeps only services that speak the chosen language', async () => {
    const results = await searchReferrals(
      await demoDirectory(),
      { text: 'food', area: '', openNow: false, spoken: 'tl' },
      'en',
    );
    assert.ok(results.length > 0);
    for (const result of results) assert.ok(result.languages.includes('tl'), `${result.id} speaks Tagalog`);
  });

  test('narrows to an area and to services open at the moment', async () => {
    const directory = await demoDirectory();
    const inKestrel = await searchReferrals(
      directory,
      { text: 'food', area: 'kestrel', openNow: false, spoken: '' },
      'en',
    );
    assert.ok(inKestrel.some((r) => r.id === 'kestrel-mobile-pantry'));
    assert.ok(!inKestrel.some((r) => r.id === 'northgate-community-pantry'), 'Northgate serves other areas');
    const open = await searchReferrals(
      directory,
      { text: 'food bank', area: '', openNow: true, spoken: '' },
      'en',
      TUESDAY_11AM_TORONTO,
    );
    assert.ok(open.length > 0);
    for (const result of open) assert.equal(result.openNow, true, `${result.id} is open`);
  });

  test('an empty query finds nothing rather than everything', async () => {
    assert.deepEqual(
      await searchReferrals(await demoDirectory(), { text: '  ', area: '', openNow: false, spoken: '' }, 'en'),
      [],
    );
  });
});

describe('what a transcript says about the desk', () => {
  test('the safety check is not done, asked, then answered', () => {
    assert.equal(safetyCheckOf([message('visitor', 'hola')]), 'not-done');
    const asked = [message('navigator', 'Are you safe right now?', { kind: 'safety-check' })];
    assert.equal(safetyCheckOf(asked), 'no-answer');
    assert.equal(safetyCheckOf([...asked, message('visitor', 'x', { kind: 'safety-answer', answer: 'call' })]), 'call');
  });

  test('an answer without a question counts for nothing', () => {
    assert.equal(safetyCheckOf([message('visitor', 'x', { kind: 'safety-answer', answer: 'safe' })]), 'not-done');
  });

  test('services sent are listed once each, with their names', () => {
    const services = [
      { id: 'a', name: 'Food Bank' },
      { id: 'b', name: 'Legal Clinic' },
    ];
    const sent = servicesSentIn([
      message('navigator', servicesText(services), { kind: 'services', serviceIds: ['a', 'b'] }),
      message('navigator', 'Food Bank', { kind: 'services', serviceIds: ['a'] }),
      message('visitor', 'gracias'),
    ]);
    assert.deepEqual(sent, services);
  });
});

describe('the console state and the phrasebook', () => {
  test('takes the follow-ups list as the service sends it', () => {
    const entry = {
      id: 1,
      conversationId: 'c1',
      phone: '555 010 2030',
      language: 'es',
      dueAt: 5,
      state: 'due' as const,
      categories: [],
    };
    const state = applyNavigatorEvent(INITIAL_CONSOLE_STATE, { type: 'follow-ups', entries: [entry] }, 0);
    assert.deepEqual(state.followUps, [entry]);
  });

  test('has every phrase in both of its languages', () => {
    for (const phrase of PHRASES) {
      assert.ok(phraseText(phrase, 'en').length > 0, phrase);
      assert.ok(phraseText(phrase, 'es').length > 0, phrase);
      assert.notEqual(phraseText(phrase, 'en'), phraseText(phrase, 'es'), `${phrase} is translated`);
    }
  });
});

describe('desk frames the service refuses', () => {
  test('a visitor cannot send services or a phrase', () => {
    for (const content of [
      { kind: 'services', serviceIds: ['a'] },
      { kind: 'phrase', phrase: 'greeting', lang: 'en' },
    ]) {
      const parsed = parseVisitorFrame(JSON.stringify({ type: 'send', clientId: 'client-0001', text: 'x', content }));
      assert.equal(parsed.ok ? 'accepted' : parsed.error.code, 'invalid-content');
    }
  });

  test('a navigator cannot answer the safety check, nor send an unknown phrase or too many services', () => {
    const send = (content: unknown) =>
      parseNavigatorFrame(
        JSON.stringify({ type: 'send', conversationId: 'conversation-1', clientId: 'client-0001', text: 'x', content }),
      );
    for (const content of [
      { kind: 'safety-answer', answer: 'safe' },
      { kind: 'phrase', phrase: 'pleaseSendMoney', lang: 'en' },
      { kind: 'services', serviceIds: Array.from({ length: 11 }, (_, i) => `s${i}`) },
      { kind: 'text', lang: '<script>' },
    ]) {
      const parsed = send(content);
      assert.equal(parsed.ok ? 'accepted' : parsed.error.code, 'invalid-content', JSON.stringify(content));
    }
  });

  test('a record keeps codes only: unknown fields are dropped, free text is refused', () => {
    const parsed = parseNavigatorFrame(
      JSON.stringify({
        type: 'save-record',
        conversationId: 'conversation-1',
        record: { needs: ['food'], referrals: ['a'], unmet: [], outcome: 'referred', notes: 'the visitor said…' },
      }),
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.ok && parsed.value.type === 'save-record' ? Object.keys(parsed.value.record).sort() : [], [
      'needs',
      'outcome',
      'referrals',
      'unmet',
    ]);
    const free = parseNavigatorFrame(
      JSON.stringify({
        type: 'save-record',
        conversationId: 'conversation-1',
        record: { needs: ['a lot of things'], referrals: [], unmet: [], outcome: 'referred' },
      }),
    );
    assert.equal(free.ok ? 'accepted' : free.error.code, 'invalid-record');
  });

  test('a follow-up needs a usable number and one of the offered times', () => {
    const frame = (phone: string, when: string) =>
      parseVisitorFrame(JSON.stringify({ type: 'follow-up', clientId: 'client-0001', phone, when }));
    assert.ok(frame('519 555 0199', 'next-week').ok);
    const bad = [frame('call me', 'next-week'), frame('519 555 0199', 'whenever')];
    assert.deepEqual(
      bad.map((parsed) => (parsed.ok ? 'accepted' : parsed.error.code)),
      ['invalid-follow-up', 'invalid-follow-up'],
    );
  });
});
