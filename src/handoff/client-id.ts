/**
 * Random ids for messages, callback requests and conversation starts. Uses
 * `crypto.getRandomValues`, which (unlike `crypto.randomUUID`) also exists on plain-HTTP pages.
 */

/** A random 128-bit id, base64url (22 characters). */
export function createClientId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
