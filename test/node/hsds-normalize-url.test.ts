import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeEmail } from '../../src/directory/hsds/normalize-email.js';
import { normalizeUrl } from '../../src/directory/hsds/normalize-url.js';

describe('normalising URLs', () => {
  it('keeps http and https URLs', () => {
    assert.deepEqual(normalizeUrl('https://www.211.example.org/help?lang=es'), {
      url: 'https://www.211.example.org/help?lang=es',
    });
    assert.deepEqual(normalizeUrl('http://example.org'), { url: 'http://example.org/' });
  });

  it('refuses javascript: and data: URLs, however they are disguised', () => {
    for (const hostile of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' java\nscript:alert(1)',
      'jav\tascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ]) {
      assert.deepEqual(normalizeUrl(hostile), { problem: 'url-unsafe' }, hostile);
    }
  });

  it('adds https:// to a bare host name, the commonest form in 211 exports, and says so', () => {
    assert.deepEqual(normalizeUrl('www.scouts.example.org'), {
      url: 'https://www.scouts.example.org/',
      problem: 'url-scheme-added',
    });
    assert.deepEqual(normalizeUrl('unitedway.example.org/give'), {
      url: 'https://unitedway.example.org/give',
      problem: 'url-scheme-added',
    });
    assert.deepEqual(normalizeUrl('www.example.org:8080/x'), {
      url: 'https://www.example.org:8080/x',
      problem: 'url-scheme-added',
    });
  });

  it('reads backslashes typed for slashes (as real exports have them: clinic.example.edu\\teens)', () => {
    assert.equal(normalizeUrl('clinic.example.edu\\teens').url, 'https://clinic.example.edu/teens');
  });

  it('removes what is not a web address', () => {
    assert.deepEqual(normalizeUrl('releasethesilence'), { problem: 'url-invalid' });
    assert.deepEqual(normalizeUrl('https://user:secret@example.org/'), { problem: 'url-invalid' });
    assert.deepEqual(normalizeUrl('   '), {});
  });
});

describe('normalising e-mail addresses', () => {
  it('keeps a plain address, without a mailto: prefix', () => {
    assert.equal(normalizeEmail(' mailto:CDP@county.example.gov '), 'CDP@county.example.gov');
  });

  it('refuses names, lists and URLs', () => {
    for (const bad of [
      'not an email',
      'a@b.org; c@d.org',
      'Jane <jane@example.org>',
      'https://example.org',
      'x@localhost',
    ]) {
      assert.equal(normalizeEmail(bad), undefined, bad);
    }
  });
});
