import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePhone } from '../../src/directory/hsds/normalize-phone.js';

const kinds = (result: ReturnType<typeof normalizePhone>) => result.problems.map((problem) => problem.kind);

describe('normalising phones', () => {
  it('gives US numbers in E.164 for tel: links and keeps the written form for display', () => {
    assert.deepEqual(normalizePhone({ number: '305-253-4841' }, 'US').phone, {
      number: '+13052534841',
      display: '305-253-4841',
      type: 'voice',
    });
    assert.equal(normalizePhone({ number: '(519) 555-0142' }, 'CA').phone?.number, '+15195550142');
    assert.equal(normalizePhone({ number: '1 800 555 0199' }, 'US').phone?.number, '+18005550199');
  });

  it('moves an extension written in the number ("x123", "ext. 45") to the extension, and reports it', () => {
    const withExtension = normalizePhone({ number: '305-555-0142 x57471' }, 'US');
    assert.deepEqual(withExtension.phone, {
      number: '+13055550142',
      display: '305-555-0142',
      type: 'voice',
      extension: '57471',
    });
    assert.deepEqual(kinds(withExtension), ['phone-extension-moved']);
    assert.equal(normalizePhone({ number: '313.555.0199 ext. 45' }, 'US').phone?.extension, '45');
    assert.equal(normalizePhone({ number: '313-555-0199 Extension 7' }, 'US').phone?.extension, '7');
  });

  it('takes the extension column, numeric or text', () => {
    assert.equal(normalizePhone({ number: '+44 1234 234567', extension: 100 }, 'GB').phone?.extension, '100');
    assert.equal(normalizePhone({ number: '313-555-0100', extension: 'ext 12' }, 'US').phone?.extension, '12');
  });

  it('keeps only the digits of an IVR option written as an extension ("xOPT2")', () => {
    const result = normalizePhone({ number: '305-555-0150 xOPT2' }, 'US');
    assert.equal(result.phone?.extension, '2');
    assert.ok(kinds(result).includes('phone-cleaned'));
  });

  it('keeps international numbers written with +, and removes stray quotes (HSDS 3.0 example)', () => {
    const result = normalizePhone({ number: '"+44 1234 234567"' }, 'US');
    assert.equal(result.phone?.number, '+441234234567');
    assert.equal(result.phone?.display, '+44 1234 234567');
    assert.deepEqual(kinds(result), ['phone-cleaned']);
  });

  it('dials 211, 911 and 988 as they are, also when padded with zeros ("000-000-0211")', () => {
    assert.equal(normalizePhone({ number: '211' }, 'US').phone?.number, '211');
    assert.equal(normalizePhone({ number: '988' }, 'US').phone?.number, '988');
    assert.equal(normalizePhone({ number: '000-000-0211' }, 'US').phone?.number, '211');
  });

  it('reads vanity numbers on the keypad', () => {
    assert.equal(normalizePhone({ number: '1-800-FOOD-NOW' }, 'US').phone?.number, '+18003663669');
  });

  it('maps types to HSDS types, blank to voice, and reports unknown types', () => {
    const type = (raw: string) => normalizePhone({ number: '313-555-0100', type: raw }, 'US').phone?.type;
    assert.equal(type('SMS'), 'text');
    assert.equal(type('Fax'), 'fax');
    assert.equal(type('TTY'), 'textphone');
    assert.equal(type('mobile'), 'cell');
    assert.equal(type(''), 'voice');
    const odd = normalizePhone({ number: '313-555-0100', type: 'carrier pigeon' }, 'US');
    assert.equal(odd.phone?.type, 'voice');
    assert.deepEqual(kinds(odd), ['phone-type-unknown']);
  });

  it('accepts a text short code such as 741741 only on a text line', () => {
    assert.equal(normalizePhone({ number: '741741', type: 'text' }, 'US').phone?.number, '741741');
    assert.equal(normalizePhone({ number: '741741' }, 'US').phone, undefined);
  });

  it('removes and reports what cannot be dialled', () => {
    for (const bad of ['000-000-*347', 'call us', '555-0100', '0123456789']) {
      const result = normalizePhone({ number: bad }, 'US');
      assert.equal(result.phone, undefined, bad);
      assert.ok(kinds(result).includes('phone-invalid'), bad);
    }
    assert.deepEqual(normalizePhone({ number: '  ' }, 'US'), { problems: [] });
  });
});
