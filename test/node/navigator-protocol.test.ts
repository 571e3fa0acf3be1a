import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNavigatorFrame, parseSummary, parseVisitorFrame } from '../../navigator/service/protocol.js';
import { characterCount, messageTextProblem } from '../../src/handoff/message-text.js';
import { SPANISH_SUMMARY } from '../support/navigator-test-clients.js';

test('a summary keeps only what the hand-off needs: anything else the page sends is dropped', () => {
  const parsed = parseSummary({
    ...SPANISH_SUMMARY,
    name: 'María López',
    email: 'maria@example.org',
    userAgent: 'Mozilla/5.0',
    needs: [{ words: 'comida', categories: ['food'], location: { lat: 42.3, lon: -83 } }],
  });
  assert.equal(parsed.ok, true);
  if (!parsed.ok) return;
  assert.deepEqual(Object.keys(parsed.value).sort(), [
    'area',
    'crisis',
    'crisisKinds',
    'forWhom',
    'language',
    'needs',
    'reason',
    'servicesShown',
    'urgent',
  ]);
  assert.deepEqual(parsed.value.needs, [{ words: 'comida', categories: ['food'] }]);
  assert.equal(JSON.stringify(parsed.value).includes('María'), false);
});

test('a summary with unknown values is refused with the field named', () => {
  const wrongReason = parseSummary({ ...SPANISH_SUMMARY, reason: 'bored' });
  assert.equal(wrongReason.ok, false);
  if (!wrongReason.ok) {
    assert.equal(wrongReason.error.code, 'invalid-summary');
    assert.match(wrongReason.error.message, /summary\.reason/);
  }
  const wrongCategory = parseSummary({ ...SPANISH_SUMMARY, needs: [{ words: 'x', categories: ['spaceships'] }] });
  assert.equal(wrongCategory.ok, false);
  const longArea = parseSummary({ ...SPANISH_SUMMARY, area: 'x'.repeat(121) });
  assert.equal(longArea.ok, false);
});

test('text limits count characters as people do', () => {
  assert.equal(characterCount('añ😀'), 3);
  assert.equal(messageTextProblem('😀'.repeat(2000), 'client-1', 2000), null);
  assert.equal(messageTextProblem('😀'.repeat(2001), 'client-1', 2000)?.code, 'message-too-long');
  assert.equal(messageTextProblem('   \n', 'client-1', 2000)?.code, 'message-empty');
});

test('frames are checked before anything uses them', () => {
  assert.equal(parseVisitorFrame('{"type":"resume","conversationId":"abcdefgh","secret":"s","after":-1}').ok, false);
  assert.equal(parseVisitorFrame('{"type":"send","clientId":"short","text":"hola"}').ok, false);
  assert.equal(parseVisitorFrame('[1,2]').ok, false);
  assert.equal(parseNavigatorFrame('{"type":"claim"}').ok, false);
  const open = parseNavigatorFrame('{"type":"open","conversationId":"abcdefgh","after":3}');
  assert.deepEqual(open, { ok: true, value: { type: 'open', conversationId: 'abcdefgh', after: 3 } });
});

test('a callback request needs a real-looking phone number and a best time', () => {
  const frame = (phone: string, bestTime = 'mañana') =>
    parseVisitorFrame(
      JSON.stringify({ type: 'request-callback', clientId: 'callback-1', phone, bestTime, language: 'es' }),
    );
  assert.equal(frame('+1 (519) 555-0134').ok, true);
  assert.equal(frame('519-555-0134 ext. 22').ok, true);
  assert.equal(frame('555').ok, false);
  assert.equal(frame('call me maybe').ok, false);
  assert.equal(frame('5195550134', '   ').ok, false);
});
