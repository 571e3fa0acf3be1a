/**
 * Checks an e-mail address from a directory. The widget turns it into a `mailto:` link, so
 * anything that is not plainly an address (several addresses, a name, a URL) is refused
 * rather than guessed at.
 */

// Deliberately plain: one local part, one domain with a dot, no spaces or brackets.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** Returns the address, trimmed and without a `mailto:` prefix, or undefined if it is not one. */
export function normalizeEmail(raw: string): string | undefined {
  const candidate = raw.trim().replace(/^mailto:/i, '');
  return EMAIL.test(candidate) ? candidate : undefined;
}
