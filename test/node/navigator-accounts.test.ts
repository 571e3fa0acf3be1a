import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decoyPasswordHash,
  hashPassword,
  needsRehash,
  passwordProblem,
  randomToken,
  tokenHash,
  usernameProblem,
  verifyPassword,
} from '../../navigator/service/navigator-accounts.js';

/** Tests hash at 2^14 to stay fast; the default (OWASP's 2^17) is checked once below. */
const FAST = 14;

test('new hashes use OWASP scrypt parameters: N=2^17, r=8, p=1', async () => {
  assert.match(await hashPassword('correct horse battery staple'), /^scrypt\$131072\$8\$1\$/);
});

test('a hash made at an older, cheaper cost still verifies and asks to be upgraded', async () => {
  const old = await hashPassword('correct horse battery staple', 15);
  assert.equal(await verifyPassword('correct horse battery staple', old), true);
  assert.equal(needsRehash(old), true);
  assert.equal(needsRehash(old, 15), false);
  assert.equal(await verifyPassword('correct horse battery staple', old.replace('$32768$', '$1073741824$')), false);
});

test('a password hashed with scrypt verifies, and a wrong one does not', async () => {
  const hash = await hashPassword('correct horse battery staple', FAST);
  assert.match(hash, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  assert.equal(hash.includes('correct horse'), false);
  assert.equal(await verifyPassword('correct horse battery staple', hash), true);
  assert.equal(await verifyPassword('correct horse battery stapler', hash), false);
});

test('the same password hashes differently each time (random salt)', async () => {
  assert.notEqual(
    await hashPassword('correct horse battery staple', FAST),
    await hashPassword('correct horse battery staple', FAST),
  );
});

test('accented passwords verify however the keyboard composed them', async () => {
  const hash = await hashPassword('contraseña segura 1', FAST);
  assert.equal(await verifyPassword('contrasen\u0303a segura 1', hash), true);
});

test('the decoy hash matches nothing and malformed hashes are rejected', async () => {
  assert.equal(await verifyPassword('', decoyPasswordHash(14)), false);
  assert.equal(await verifyPassword('anything', 'plain-text'), false);
});

test('usernames and passwords that cannot be used are explained', () => {
  assert.equal(usernameProblem('ana.garcia'), null);
  assert.match(usernameProblem('Ana García') ?? '', /lower-case letters/);
  assert.match(passwordProblem('short') ?? '', /at least 12 characters/);
  assert.equal(passwordProblem('twelve chars'), null);
});

test('tokens are 32 random bytes and only their hash is kept', () => {
  const token = randomToken();
  assert.equal(Buffer.from(token, 'base64url').length, 32);
  assert.notEqual(randomToken(), token);
  assert.notEqual(tokenHash(token), token);
  assert.equal(tokenHash(token), tokenHash(token));
});
