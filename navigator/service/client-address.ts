/**
 * Who is on the other end of a request, for admission control and the sign-in throttle. Behind
 * reverse proxies of our own, the address is the hop the outermost of them appended to
 * `X-Forwarded-For` (counted from the right); whatever a client wrote to the left of it is its
 * own invention and is ignored. Kept in memory only: the service stores no visitor addresses.
 */
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/**
 * The client's address. `trustedHops` is how many proxies of ours append to `X-Forwarded-For`
 * (0: use the socket's address).
 */
export function clientAddress(request: IncomingMessage, trustedHops: number): string {
  const socketAddress = request.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return socketAddress;
  const header = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Our nearest proxy appended the last hop, the next one the hop before it, and so on.
  const hop = hops[hops.length - trustedHops];
  return hop ?? socketAddress;
}

/**
 * The key caps are counted under: an IPv4 address as is, an IPv6 address by its /64 (one
 * household or phone gets a whole /64, so single addresses within it cost nothing to rotate).
 */
export function addressKey(address: string): string {
  const plain = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  if (!isIPv6(plain)) return plain;
  return `${expandIPv6(plain).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    (Number.parseInt(group, 16) || 0).toString(16),
  );
}
