/**
 * The pure parts of admission control, with the clock in the test's hands: per-address caps,
 * the sign-in throttle, and which address a request comes from.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { AdmissionControl } from '../../navigator/service/admission-control.js';
import { addressKey, clientAddress } from '../../navigator/service/client-address.js';
import { DEFAULT_CONFIG } from '../../navigator/service/config.js';
import { HashingSlots } from '../../navigator/service/hashing-slots.js';
import { QueueChanges } from '../../navigator/service/queue-changes.js';
import {
  FREE_FAILURES,
  MAX_ADDRESS_WAIT_MS,
  MAX_USERNAME_WAIT_MS,
  SignInThrottle,
} from '../../navigator/service/sign-in-throttle.js';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('one address holds a few conversations at a time, and gets another when one ends', () => {
  const time = clock();
  const admission = new AdmissionControl(DEFAULT_CONFIG.limits, time.now);
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(admission.admitStart('192.0.2.1', i), { ok: true });
    admission.conversationStarted(`c${i}`, '192.0.2.1');
  }
  assert.deepEqual(admission.admitStart('192.0.2.1', 3), { ok: false, why: 'address-busy' });
  assert.deepEqual(admission.admitStart('192.0.2.2', 3), { ok: true }, 'another address is not affected');
  admission.conversationEnded('c0');
  assert.deepEqual(admission.admitStart('192.0.2.1', 3), { ok: true });
  assert.equal(admission.admitStart('192.0.2.9', DEFAULT_CONFIG.limits.waiting).ok, false, 'a full queue takes nobody');
});

test('starts from one address are rate-limited even when each conversation ends at once', () => {
  const time = clock();
  const admission = new AdmissionControl(DEFAULT_CONFIG.limits, time.now);
  const burst = DEFAULT_CONFIG.limits.startsPerAddress.capacity;
  for (let i = 0; i < burst; i++) {
    assert.equal(admission.admitStart('192.0.2.1', 0).ok, true);
    admission.conversationStarted(`c${i}`, '192.0.2.1');
    admission.conversationEnded(`c${i}`);
  }
  const refused = admission.admitStart('192.0.2.1', 0);
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.why, 'rate-limited');
  time.advance(60_000);
  assert.equal(admission.admitStart('192.0.2.1', 0).ok, true, 'one more a minute later');
});

test('sockets are capped per address and in all', () => {
  const admission = new AdmissionControl({ ...DEFAULT_CONFIG.limits, socketsPerAddress: 2, sockets: 3 });
  assert.equal(admission.openSocket('a'), true);
  assert.equal(admission.openSocket('a'), true);
  assert.equal(admission.openSocket('a'), false);
  assert.equal(admission.openSocket('b'), true);
  assert.equal(admission.openSocket('c'), false, 'the service is full');
  admission.closeSocket('a');
  assert.equal(admission.openSocket('c'), true);
});

test('a blocked address is refused until the block runs out', () => {
  const time = clock();
  const admission = new AdmissionControl({ ...DEFAULT_CONFIG.limits, abuseBlockMinutes: 10 }, time.now);
  admission.block('192.0.2.1');
  assert.equal(admission.admitStart('192.0.2.1', 0).ok, false);
  assert.equal(admission.admitCallback('192.0.2.1', 0).ok, false);
  time.advance(10 * 60_000 + 1);
  assert.equal(admission.admitStart('192.0.2.1', 0).ok, true);
});

test('parallel sign-ins are counted as they start: only the free attempts reach the password check', () => {
  const time = clock();
  const throttle = new SignInThrottle(time.now);
  const keys = { address: '192.0.2.1', username: 'ana' };
  const waits = Array.from({ length: 30 }, () => throttle.begin(keys));
  assert.equal(waits.filter((wait) => wait === 0).length, FREE_FAILURES);
});

test('an address waits at most a few seconds, a guessed username at most a minute', () => {
  const time = clock();
  const throttle = new SignInThrottle(time.now);
  for (let i = 0; i < 40; i++) {
    time.advance(MAX_USERNAME_WAIT_MS);
    throttle.begin({ address: '192.0.2.1', username: `guess-${i}` });
  }
  assert.ok(throttle.begin({ address: '192.0.2.1', username: 'ana' }) <= MAX_ADDRESS_WAIT_MS);
  time.advance(MAX_ADDRESS_WAIT_MS);
  const keys = { address: '192.0.2.1', username: 'ana' };
  assert.equal(throttle.begin(keys), 0, 'the navigator behind the same NAT gets in after seconds');
  throttle.succeed(keys);
  for (let i = 0; i < 40; i++) throttle.begin({ address: `198.51.100.${i}`, username: 'luis' });
  assert.ok(throttle.begin({ address: '203.0.113.1', username: 'luis' }) <= MAX_USERNAME_WAIT_MS);
});

test('behind trusted proxies the address is the hop they appended, counted from the right', () => {
  const request = (forwarded: string) =>
    ({
      headers: { 'x-forwarded-for': forwarded },
      socket: { remoteAddress: '127.0.0.1' },
    }) as unknown as IncomingMessage;
  assert.equal(clientAddress(request('6.6.6.6, 203.0.113.7'), 1), '203.0.113.7');
  assert.equal(clientAddress(request('6.6.6.6, 203.0.113.7, 10.0.0.2'), 2), '203.0.113.7');
  assert.equal(clientAddress(request('6.6.6.6'), 0), '127.0.0.1', 'without a trusted proxy the header is ignored');
  assert.equal(clientAddress(request(''), 1), '127.0.0.1');
});

test('an IPv6 address counts by its /64; IPv4 (also mapped) as itself', () => {
  assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
  assert.equal(addressKey('::ffff:192.0.2.7'), '192.0.2.7');
  assert.equal(addressKey('192.0.2.7'), '192.0.2.7');
});

test('password hashing runs a few at a time and turns away what the line cannot hold', async () => {
  const slots = new HashingSlots(2, 1);
  let running = 0;
  let most = 0;
  const task = async () => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 20));
    running--;
    return 'done';
  };
  const results = await Promise.all([slots.run(task), slots.run(task), slots.run(task), slots.run(task)]);
  assert.equal(most, 2);
  assert.deepEqual(results, ['done', 'done', 'done', undefined]);
});

test('consoles are told only what changed in the queue since they last heard', () => {
  const entry = (id: string, visitorConnected = true) => ({
    id,
    language: 'es',
    reason: 'asked' as const,
    urgent: false,
    crisis: false,
    crisisKinds: [],
    categories: [],
    waitingSince: 0,
    visitorConnected,
  });
  const changes = new QueueChanges();
  assert.deepEqual(
    changes.changes([entry('a'), entry('b')]).added.map((e) => e.id),
    ['a', 'b'],
  );
  assert.deepEqual(changes.changes([entry('a'), entry('b')]), { added: [], removed: [] }, 'nothing new, nothing sent');
  assert.deepEqual(changes.changes([entry('b', false), entry('c')]), {
    added: [entry('b', false), entry('c')],
    removed: ['a'],
  });
});
