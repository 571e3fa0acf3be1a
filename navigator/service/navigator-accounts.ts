/**
 * Navigator passwords and session tokens. Passwords are hashed with scrypt (memory-hard, in
 * Node's standard library) under a random salt; tokens are random and stored only as SHA-256
 * hashes, so a copy of the database signs nobody in.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** Shortest password `add-navigator` accepts. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * scrypt cost as log2(N), with r=8 and p=1: OWASP's current advice is N=2^17 (128 MiB and a
 * few hundred milliseconds per hash on a server core). Older hashes name their own cost, still
 * verify, and are replaced at the next sign-in ({@link needsRehash}).
 */
export const DEFAULT_PASSWORD_COST = 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Enough for N up to 2^20 with r=8 (128 × N × r bytes, plus scrypt's own small buffers). */
const MAX_MEMORY = 1200 * 1024 * 1024;

/** Hashes a password as `scrypt$N$r$p$<salt>$<hash>` (base64url), at 2^`cost`. */
export async function hashPassword(password: string, cost = DEFAULT_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const parameters = { N: 2 ** cost, r: BLOCK_SIZE, p: PARALLELISM };
  const hash = await derive(password, salt, parameters);
  return [
    'scrypt',
    parameters.N,
    parameters.r,
    parameters.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

/** True when a stored hash is cheaper than 2^`cost` (or not ours), so it should be replaced. */
export function needsRehash(stored: string, cost = DEFAULT_PASSWORD_COST): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) < 2 ** cost || Number(r) < BLOCK_SIZE || Number(p) < PARALLELISM;
}

/** True when `password` matches a hash made by {@link hashPassword}. Constant-time comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  // Refuse costs outside what we ever wrote, so a tampered row cannot exhaust memory.
  if (!(Number(n) >= 2 ** 10 && Number(n) <= 2 ** 20 && Number(r) === BLOCK_SIZE && Number(p) === PARALLELISM)) {
    return false;
  }
  const expected = Buffer.from(hashText, 'base64url');
  const actual = await derive(
    password,
    Buffer.from(saltText, 'base64url'),
    { N: Number(n), r: Number(r), p: Number(p) },
    expected.length,
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The hash of a password nobody has, at the current cost, checked when the username is unknown so that a wrong
 * username takes as long as a wrong password.
 */
export function decoyPasswordHash(cost = DEFAULT_PASSWORD_COST): string {
  return `scrypt$${2 ** cost}$${BLOCK_SIZE}$${PARALLELISM}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
}

/** Why a username cannot be used, or null. Usernames are what navigators type to sign in. */
export function usernameProblem(username: string): string | null {
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(username)) {
    return 'Usernames are 2 to 63 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.';
  }
  return null;
}

/** Why a password cannot be used, or null. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`;
  return null;
}

/** A new random token (32 bytes, base64url) for a session, a conversation secret or an id. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a token, base64url: what the database keeps instead of the token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Constant-time equality of two token hashes. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function derive(
  password: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number },
  length = KEY_LENGTH,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...cost, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
