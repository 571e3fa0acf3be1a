/**
 * The console's HTTP calls: sign in, sign out, and "who am I" after a reload. The session is
 * an HttpOnly cookie the page never reads.
 */
import { SESSION_PATH, SIGN_IN_PATH, SIGN_OUT_PATH, type SignInResponse } from '../../src/handoff/handoff-protocol.js';

/** Why signing in failed. */
export type SignInFailure = 'invalid-credentials' | 'rate-limited' | 'unreachable';

/** Signs in with the session cookie. */
export async function signIn(
  serviceUrl: string,
  username: string,
  password: string,
): Promise<{ ok: true; navigator: SignInResponse } | { ok: false; reason: SignInFailure }> {
  let response: Response;
  try {
    response = await fetch(endpoint(serviceUrl, SIGN_IN_PATH), {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.ok) return { ok: true, navigator: (await response.json()) as SignInResponse };
  if (response.status === 429) return { ok: false, reason: 'rate-limited' };
  if (response.status === 401) return { ok: false, reason: 'invalid-credentials' };
  return { ok: false, reason: 'unreachable' };
}

/** The signed-in navigator, or null; throws when the service cannot be reached. */
export async function currentSession(serviceUrl: string): Promise<SignInResponse | null> {
  const response = await fetch(endpoint(serviceUrl, SESSION_PATH), { credentials: 'include', cache: 'no-store' });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`The navigator service answered ${response.status}.`);
  return (await response.json()) as SignInResponse;
}

/** Ends the session. */
export async function signOut(serviceUrl: string): Promise<void> {
  await fetch(endpoint(serviceUrl, SIGN_OUT_PATH), { method: 'POST', credentials: 'include' }).catch(() => undefined);
}

function endpoint(serviceUrl: string, path: string): string {
  const url = new URL(serviceUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`;
  return url.toString();
}
