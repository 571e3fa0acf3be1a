/**
 * The console's session cookie: HttpOnly so page scripts never see the token, SameSite=Strict
 * so other sites cannot ride on it, Secure when the console is served over HTTPS.
 */

/** Cookie name. */
export const SESSION_COOKIE = 'ra_navigator_session';

/** The `Set-Cookie` value that stores a session token. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

/**
 * The session token a request carries: `Authorization: Bearer <token>` (scripts, the benchmark)
 * or the session cookie (the console).
 */
export function sessionToken(headers: {
  authorization?: string | undefined;
  cookie?: string | undefined;
}): string | undefined {
  const bearer = /^Bearer\s+([A-Za-z0-9_-]+)$/.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0) return value.join('=') || undefined;
  }
  return undefined;
}
