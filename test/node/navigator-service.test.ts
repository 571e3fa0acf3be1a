/**
 * The navigator service, running for real in this process (port 0, in-memory SQLite), driven
 * by the widget's transport and the console's connection over real WebSockets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WebSocket as NodeWebSocket } from 'ws';
import { createClientId } from '../../src/handoff/client-id.js';
import type {
  CallbackRequest,
  HandoffSummary,
  QueueEntry,
  ServiceToVisitorFrame,
} from '../../src/handoff/handoff-protocol.js';
import type { HandoffEvent } from '../../src/handoff/handoff-transport.js';
import { applyNavigatorEvent, INITIAL_CONSOLE_STATE } from '../../navigator/console/console-state.js';
import type { NavigatorEvent } from '../../navigator/console/navigator-connection.js';
import { DEFAULT_CONFIG } from '../../navigator/service/config.js';
import { type NavigatorService, startNavigatorService } from '../../navigator/service/navigator-service.js';
import { parseOperatingHours } from '../../navigator/service/operating-hours.js';
import {
  closeAllClients,
  DEMO_ORIGIN,
  EventLog,
  navigatorConnection,
  SPANISH_SUMMARY,
  signIn,
  until,
  visitorTransport,
} from '../support/navigator-test-clients.js';

const PASSWORD = 'correct horse battery staple';

type Of<T, K> = Extract<T, { type: K }>;
const isType =
  <K extends string>(type: K) =>
  <T extends { type: string }>(event: T): event is Extract<T, { type: K }> =>
    event.type === type;

/**
 * Every client here comes from 127.0.0.1, so the per-address caps are lifted: this file pins the
 * protocol; test/abuse pins the caps. Passwords hash at 2^14 to keep sign-ins fast.
 */
const ONE_ADDRESS_LIMITS = {
  ...DEFAULT_CONFIG.limits,
  socketsPerAddress: 1000,
  conversationsPerAddress: 1000,
  startsPerAddress: { capacity: 1000, perSecond: 100 },
  callbacksPerAddress: { capacity: 1000, perSecond: 100 },
};

async function startService(settings: Parameters<typeof startNavigatorService>[0] = {}): Promise<NavigatorService> {
  const service = await startNavigatorService({
    port: 0,
    dataDir: ':memory:',
    queueUpdateDelayMs: 10,
    passwordCost: 14,
    limits: ONE_ADDRESS_LIMITS,
    ...settings,
  });
  await service.addNavigator('ana', 'Ana', PASSWORD);
  await service.addNavigator('luis', 'Luis', PASSWORD);
  return service;
}

/** The queue as the console shows it, from the events received so far (a snapshot, then changes). */
function queueOf(log: EventLog<NavigatorEvent>): QueueEntry[] {
  return log.events.reduce((state, event) => applyNavigatorEvent(state, event, 0), INITIAL_CONSOLE_STATE).queue;
}

/** The open callback requests as the console shows them. */
function callbacksOf(log: EventLog<NavigatorEvent>): CallbackRequest[] {
  return log.events.reduce((state, event) => applyNavigatorEvent(state, event, 0), INITIAL_CONSOLE_STATE).callbacks;
}

async function signedInNavigator(service: NavigatorService, username = 'ana') {
  const log = new EventLog<NavigatorEvent>();
  const connection = navigatorConnection(service.url, await signIn(service.url, username, PASSWORD), log.push);
  connection.start();
  await log.waitFor(isType('hello'), 'hello');
  return { log, connection };
}

function openVisitor(service: NavigatorService, summary: HandoffSummary = SPANISH_SUMMARY) {
  const log = new EventLog<HandoffEvent>();
  const connection = visitorTransport(service.url).open({ summary }, log.push);
  return { log, connection };
}

/** An upgrade the service must refuse: its HTTP status and body (no WebSocket ever opens). */
function refusedUpgrade(url: string, headers: { origin?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new NodeWebSocket(url, headers);
    const timer = setTimeout(() => reject(new Error('no answer to the upgrade within 5 s')), 5000);
    socket.once('open', () => reject(new Error('the WebSocket opened (101) instead of being refused')));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => {
        clearTimeout(timer);
        socket.terminate();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    socket.once('error', () => {});
  });
}

/** A raw visitor socket, for checking the service's answers to frames our transport never sends. */
async function rawVisitor(service: NavigatorService, origin = DEMO_ORIGIN) {
  const socket = new NodeWebSocket(`${service.url.replace('http', 'ws')}/handoff/visitor`, { origin });
  const frames: ServiceToVisitorFrame[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as ServiceToVisitorFrame));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    frames,
    closed,
    send: (frame: object) => socket.send(JSON.stringify(frame)),
    next: async <K extends ServiceToVisitorFrame['type']>(type: K, from = 0) => {
      await until(() => frames.slice(from).some((f) => f.type === type), `a "${type}" frame`);
      return frames.slice(from).find((f) => f.type === type) as Of<ServiceToVisitorFrame, K>;
    },
  };
}

describe('navigator service', () => {
  let service: NavigatorService;
  before(async () => {
    service = await startService();
  });
  after(async () => {
    closeAllClients();
    await service.close();
  });

  test('a Spanish-speaking visitor who asks for a person is claimed by a navigator, and they chat both ways', async () => {
    const navigator = await signedInNavigator(service);
    const visitor = openVisitor(service);

    await visitor.log.waitFor(isType('connecting'), 'connecting');
    const connected = await visitor.log.waitFor(isType('connected'), 'connected');
    assert.equal(connected.resumed, false);
    assert.equal(Buffer.from(connected.secret, 'base64url').length, 32, 'the secret is 32 random bytes');
    assert.deepEqual(await visitor.log.waitFor(isType('queued'), 'queued'), { type: 'queued', position: 1 });

    await until(
      () => queueOf(navigator.log).some((entry) => entry.id === connected.conversationId),
      'the conversation in the queue',
    );
    const entry = queueOf(navigator.log).find((e) => e.id === connected.conversationId);
    assert.equal(entry?.language, 'es');
    assert.deepEqual(entry?.categories, ['housing']);
    assert.equal(entry?.crisis, false);

    // The visitor writes while waiting; the navigator will see it in the transcript.
    visitor.connection.send(createClientId(), 'Hola, ¿hay alguien?');
    await visitor.log.waitFor(isType('ack'), 'ack of the first message');

    assert.equal(navigator.connection.claim(connected.conversationId), true);
    const opened = await navigator.log.waitFor(isType('conversation'), 'the claimed conversation');
    assert.deepEqual(opened.conversation.summary, SPANISH_SUMMARY, 'the navigator sees the whole summary');
    const early = await navigator.log.waitFor(isType('message'), 'the transcript');
    assert.equal(early.message.text, 'Hola, ¿hay alguien?');
    assert.equal(early.message.from, 'visitor');
    assert.deepEqual(await visitor.log.waitFor(isType('navigator-joined'), 'joined'), {
      type: 'navigator-joined',
      name: 'Ana',
    });

    navigator.connection.typing(connected.conversationId, true);
    assert.deepEqual(await visitor.log.waitFor(isType('typing'), 'navigator typing'), { type: 'typing', typing: true });
    assert.equal(
      navigator.connection.send(connected.conversationId, createClientId(), 'Hola, soy Ana. ¿En qué le puedo ayudar?'),
      null,
    );
    const reply = await visitor.log.waitFor(isType('message'), 'the navigator reply');
    assert.equal(reply.text, 'Hola, soy Ana. ¿En qué le puedo ayudar?');
    assert.equal(reply.from, 'navigator');

    visitor.connection.typing(true);
    await navigator.log.waitFor((e) => e.type === 'typing' && e.typing, 'visitor typing');
    const clientId = createClientId();
    visitor.connection.send(clientId, '<b>Me llegó una carta</b> del dueño');
    const ack = await visitor.log.waitFor(
      (e): e is Of<HandoffEvent, 'ack'> => e.type === 'ack' && e.clientId === clientId,
      'ack',
    );
    const received = await navigator.log.waitFor(
      (e): e is Of<NavigatorEvent, 'message'> => e.type === 'message' && e.message.clientId === clientId,
      'the visitor message',
    );
    assert.equal(received.message.text, '<b>Me llegó una carta</b> del dueño', 'text arrives exactly as typed');
    assert.equal(received.message.seq, ack.seq);

    navigator.connection.end(connected.conversationId);
    assert.deepEqual(await visitor.log.waitFor(isType('ended'), 'ended'), { type: 'ended', by: 'navigator' });
    navigator.connection.stop();
  });

  test("a visitor's secret opens only its own conversation", async () => {
    const navigator = await signedInNavigator(service);
    const first = openVisitor(service);
    const second = openVisitor(service);
    const a = await first.log.waitFor(isType('connected'), 'first connected');
    const b = await second.log.waitFor(isType('connected'), 'second connected');

    const intruder = new EventLog<HandoffEvent>();
    visitorTransport(service.url).open(
      { summary: SPANISH_SUMMARY, resume: { conversationId: a.conversationId, secret: b.secret, lastSeq: 0 } },
      intruder.push,
    );
    const error = await intruder.waitFor(isType('error'), 'error');
    assert.equal(error.code, 'conversation-not-found');
    assert.deepEqual(await intruder.waitFor(isType('ended'), 'ended'), { type: 'ended', by: 'service' });
    assert.equal(intruder.ofType('message').length, 0);
    first.connection.close();
    second.connection.close();
    navigator.connection.stop();
  });

  test('a visitor who reloads the page resumes the same conversation and receives only what they missed', async () => {
    const navigator = await signedInNavigator(service);
    const first = openVisitor(service);
    const connected = await first.log.waitFor(isType('connected'), 'connected');
    navigator.connection.claim(connected.conversationId);
    await navigator.log.waitFor(isType('conversation'), 'claimed');
    await first.log.waitFor(isType('navigator-joined'), 'joined');
    navigator.connection.send(connected.conversationId, createClientId(), 'Primero');
    const seen = await first.log.waitFor(isType('message'), 'first message');
    first.connection.close();

    const unsent = { clientId: createClientId(), text: 'Escribí esto antes de recargar' };
    navigator.connection.send(connected.conversationId, createClientId(), 'Segundo');
    navigator.connection.send(connected.conversationId, createClientId(), 'Tercero');
    await until(() => navigator.connection.pending(connected.conversationId) === 0, 'navigator messages stored');

    const reloaded = new EventLog<HandoffEvent>();
    visitorTransport(service.url).open(
      {
        summary: SPANISH_SUMMARY,
        resume: { conversationId: connected.conversationId, secret: connected.secret, lastSeq: seen.seq },
        pending: [unsent],
      },
      reloaded.push,
    );
    const again = await reloaded.waitFor(isType('connected'), 'connected again');
    assert.equal(again.resumed, true);
    assert.equal(again.conversationId, connected.conversationId);
    await reloaded.waitFor(
      (e) => e.type === 'ack' && e.clientId === unsent.clientId,
      'the pending message acknowledged',
    );
    await reloaded.waitFor(isType('navigator-joined'), 'still with the navigator');
    assert.deepEqual(
      reloaded.ofType('message').map((m) => m.text),
      ['Segundo', 'Tercero'],
    );
    const atNavigator = await navigator.log.waitFor(
      (e): e is Of<NavigatorEvent, 'message'> => e.type === 'message' && e.message.clientId === unsent.clientId,
      'the message written before the reload',
    );
    assert.equal(atNavigator.message.text, unsent.text);
    navigator.connection.stop();
  });

  test('waiting visitors see their place in the queue, and a crisis goes first', async () => {
    const local = await startService();
    try {
      const navigator = await signedInNavigator(local);
      const first = openVisitor(local);
      await first.log.waitFor(isType('queued'), 'first queued');
      const second = openVisitor(local);
      assert.deepEqual(await second.log.waitFor(isType('queued'), 'second queued'), { type: 'queued', position: 2 });
      const crisis = openVisitor(local, {
        ...SPANISH_SUMMARY,
        reason: 'crisis',
        urgent: true,
        crisis: true,
        crisisKinds: ['suicide'],
      });
      assert.deepEqual(await crisis.log.waitFor(isType('queued'), 'crisis queued'), { type: 'queued', position: 1 });
      await second.log.waitFor((e) => e.type === 'queued' && e.position === 3, 'second moved back');
      await first.log.waitFor((e) => e.type === 'queued' && e.position === 2, 'first moved back');

      await until(() => queueOf(navigator.log).length === 3, 'three waiting');
      const queue = queueOf(navigator.log);
      assert.deepEqual(
        queue.map((e) => e.crisis),
        [true, false, false],
      );
      assert.ok(
        navigator.log.ofType('queue-changed').every((change) => change.added.length + change.removed.length <= 3),
        'the console hears of changes, not the whole queue each time',
      );
      navigator.connection.claim(queue[0]?.id ?? '');
      await first.log.waitFor((e) => e.type === 'queued' && e.position === 1, 'first is next');
      await second.log.waitFor((e) => e.type === 'queued' && e.position === 2, 'second moved up');
      navigator.connection.stop();
    } finally {
      closeAllClients();
      await local.close();
    }
  });

  test('a navigator can return a conversation to the queue, and the visitor is told they are waiting again', async () => {
    const navigator = await signedInNavigator(service);
    const visitor = openVisitor(service);
    const connected = await visitor.log.waitFor(isType('connected'), 'connected');
    navigator.connection.claim(connected.conversationId);
    await visitor.log.waitFor(isType('navigator-joined'), 'joined');
    const queuedBefore = visitor.log.ofType('queued').length;
    navigator.connection.release(connected.conversationId);
    await navigator.log.waitFor(isType('released'), 'released');
    await visitor.log.waitFor(() => visitor.log.ofType('queued').length > queuedBefore, 'queued again');
    const other = await signedInNavigator(service, 'luis');
    other.connection.claim(connected.conversationId);
    assert.deepEqual(
      await visitor.log.waitFor((e) => e.type === 'navigator-joined' && e.name === 'Luis', 'Luis joined'),
      { type: 'navigator-joined', name: 'Luis' },
    );
    navigator.connection.stop();
    other.connection.stop();
    visitor.connection.close();
  });

  test('a second navigator cannot claim a conversation already taken', async () => {
    const ana = await signedInNavigator(service, 'ana');
    const luis = await signedInNavigator(service, 'luis');
    const visitor = openVisitor(service);
    const connected = await visitor.log.waitFor(isType('connected'), 'connected');
    ana.connection.claim(connected.conversationId);
    await visitor.log.waitFor(isType('navigator-joined'), 'joined');
    luis.connection.claim(connected.conversationId);
    const error = await luis.log.waitFor(isType('error'), 'claim refused');
    assert.equal(error.code, 'already-claimed');
    assert.equal(luis.connection.send(connected.conversationId, createClientId(), 'hola')?.code, 'not-claimed');

    // The service refuses too, whatever a client sends.
    const token = await signIn(service.url, 'luis', PASSWORD);
    const socket = new NodeWebSocket(`${service.url.replace('http', 'ws')}/navigator/socket`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const frames: { type: string; code?: string }[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data)) as { type: string }));
    await new Promise((resolve) => socket.once('open', resolve));
    for (const frame of [
      { type: 'send', conversationId: connected.conversationId, clientId: createClientId(), text: 'hola' },
      { type: 'open', conversationId: connected.conversationId, after: 0 },
      { type: 'end', conversationId: connected.conversationId },
    ]) {
      socket.send(JSON.stringify(frame));
    }
    await until(() => frames.filter((f) => f.type === 'error').length === 3, 'three refusals');
    assert.deepEqual(
      frames.filter((f) => f.type === 'error').map((f) => f.code),
      ['not-claimed', 'not-claimed', 'not-claimed'],
    );
    assert.equal(frames.filter((f) => f.type === 'message' || f.type === 'conversation').length, 0);
    socket.close();
    assert.equal(visitor.log.ofType('ended').length, 0, 'the conversation goes on');
    ana.connection.stop();
    luis.connection.stop();
    visitor.connection.close();
  });

  test('quick exit ends the conversation even from a page that is going away', async () => {
    const navigator = await signedInNavigator(service);
    const visitor = openVisitor(service);
    const connected = await visitor.log.waitFor(isType('connected'), 'connected');
    navigator.connection.claim(connected.conversationId);
    await visitor.log.waitFor(isType('navigator-joined'), 'joined');
    visitor.connection.close();
    visitorTransport(service.url).endStored(connected);
    const ended = await navigator.log.waitFor(isType('ended'), 'ended');
    assert.deepEqual(ended, { type: 'ended', conversationId: connected.conversationId, by: 'visitor' });
    navigator.connection.stop();
  });

  test('a message over 2,000 characters is refused with a clear error and never reaches the navigator', async () => {
    const navigator = await signedInNavigator(service);
    const raw = await rawVisitor(service);
    raw.send({ type: 'start', startId: createClientId(), summary: SPANISH_SUMMARY });
    const started = await raw.next('started');
    navigator.connection.claim(started.conversationId);
    await raw.next('navigator-joined');
    const clientId = createClientId();
    raw.send({ type: 'send', clientId, text: 'a'.repeat(2001) });
    const error = await raw.next('error');
    assert.equal(error.code, 'message-too-long');
    assert.equal(error.clientId, clientId);
    assert.equal(error.limit, 2000);
    assert.match(error.message, /at most 2,000 characters/);
    assert.equal(raw.frames.filter((f) => f.type === 'ack').length, 0);
    const from = raw.frames.length;
    raw.send({ type: 'send', clientId: createClientId(), text: '😀'.repeat(2000) });
    assert.equal((await raw.next('ack', from)).seq, 1, '2,000 emoji are 2,000 characters, not 4,000');
    const atNavigator = await navigator.log.waitFor(isType('message'), 'the emoji message');
    assert.equal(atNavigator.message.seq, 1, 'the refused message was never stored');
    raw.socket.close();

    const visitor = openVisitor(service);
    await visitor.log.waitFor(isType('connected'), 'connected');
    visitor.connection.send('too-long-message', 'x'.repeat(2001));
    assert.equal((await visitor.log.waitFor(isType('error'), 'refused locally')).code, 'message-too-long');
    visitor.connection.close();
    navigator.connection.stop();
  });

  test('frames that are not the protocol are answered with an error, not a crash', async () => {
    const raw = await rawVisitor(service);
    raw.send({ type: 'send', clientId: createClientId(), text: 'before any start' });
    assert.equal((await raw.next('error')).code, 'no-conversation');
    raw.socket.send('not json');
    await until(() => raw.frames.length === 2, 'second error');
    assert.equal((raw.frames[1] as Of<ServiceToVisitorFrame, 'error'>).code, 'invalid-frame');
    raw.send({ type: 'start', startId: createClientId(), summary: { language: 'es' } });
    await until(() => raw.frames.length === 3, 'third error');
    assert.equal((raw.frames[2] as Of<ServiceToVisitorFrame, 'error'>).code, 'invalid-summary');
    raw.socket.close();
  });

  test('pages from origins that are not configured are refused with a clear error, before any WebSocket opens', async () => {
    const refusal = await refusedUpgrade(`${service.url.replace('http', 'ws')}/handoff/visitor`, {
      origin: 'https://evil.example',
    });
    assert.equal(refusal.status, 403);
    assert.equal((JSON.parse(refusal.body) as { code: string }).code, 'origin-not-allowed');
    assert.match(refusal.body, /https:\/\/evil\.example/);
    const response = await fetch(`${service.url}/handoff/availability`, {
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(response.status, 403);
    const allowed = await fetch(`${service.url}/handoff/availability`, { headers: { Origin: DEMO_ORIGIN } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), DEMO_ORIGIN);
  });

  test('navigator endpoints need a session', async () => {
    assert.equal((await fetch(`${service.url}/navigator/session`)).status, 401);
    const wrong = await fetch(`${service.url}/navigator/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'ana', password: 'not the password' }),
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('set-cookie'), null);

    const refusal = await refusedUpgrade(`${service.url.replace('http', 'ws')}/navigator/socket`);
    assert.equal(refusal.status, 401, 'refused before the upgrade: nothing about the queue can leak');
    assert.equal((JSON.parse(refusal.body) as { code: string }).code, 'not-signed-in');

    const signedIn = await fetch(`${service.url}/navigator/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'ana', password: PASSWORD }),
    });
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const session = await fetch(`${service.url}/navigator/session`, {
      headers: { Cookie: cookie.split(';')[0] ?? '' },
    });
    assert.deepEqual(await session.json(), { username: 'ana', name: 'Ana', role: 'navigator' });
    await fetch(`${service.url}/navigator/sign-out`, {
      method: 'POST',
      headers: { Cookie: cookie.split(';')[0] ?? '' },
    });
    const after = await fetch(`${service.url}/navigator/session`, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    assert.equal(after.status, 401, 'signing out ends the session');
  });

  test('a visitor who sends faster than the rate limit is told why, and every message still arrives in order', async () => {
    const local = await startService({ visitorRate: { capacity: 3, perSecond: 20 } });
    try {
      const navigator = await signedInNavigator(local);
      const raw = await rawVisitor(local);
      raw.send({ type: 'start', startId: createClientId(), summary: SPANISH_SUMMARY });
      await raw.next('started');
      for (let i = 0; i < 5; i++) raw.send({ type: 'send', clientId: createClientId(), text: `m${i}` });
      const error = await raw.next('error');
      assert.equal(error.code, 'rate-limited');
      assert.ok((error.retryAfterMs ?? 0) > 0);
      assert.match(error.message, /Too many messages/);
      raw.socket.close();

      const visitor = openVisitor(local);
      const connected = await visitor.log.waitFor(isType('connected'), 'connected');
      navigator.connection.claim(connected.conversationId);
      await visitor.log.waitFor(isType('navigator-joined'), 'joined');
      const texts = Array.from({ length: 12 }, (_, i) => `mensaje ${i + 1}`);
      for (const text of texts) visitor.connection.send(createClientId(), text);
      await until(() => visitor.log.ofType('ack').length === texts.length, 'every message acknowledged');
      await until(() => navigator.log.ofType('message').length === texts.length, 'every message at the navigator');
      assert.deepEqual(
        navigator.log.ofType('message').map((m) => m.message.text),
        texts,
      );
      navigator.connection.stop();
      visitor.connection.close();
    } finally {
      closeAllClients();
      await local.close();
    }
  });
});

describe('navigator service when nobody can chat', () => {
  after(closeAllClients);
  test('with no navigator signed in, the visitor is offered a callback, which the console then shows', async () => {
    const service = await startService();
    try {
      const visitor = openVisitor(service);
      assert.deepEqual(await visitor.log.waitFor(isType('offline'), 'offline'), {
        type: 'offline',
        reason: 'no-navigators',
      });
      assert.equal(visitor.log.ofType('connected').length, 0, 'no conversation was created');
      const availability = await visitorTransport(service.url).availability();
      assert.equal(availability.open, false);
      assert.equal(availability.reason, 'no-navigators');

      const clientId = createClientId();
      visitor.connection.requestCallback({ clientId, phone: '+1 (519) 555-0134', bestTime: 'después de las 5' });
      await visitor.log.waitFor(isType('callback-requested'), 'callback saved');

      const navigator = await signedInNavigator(service);
      const callbacks = await navigator.log.waitFor(isType('callbacks'), 'callbacks');
      assert.equal(callbacks.requests.length, 1);
      const [request] = callbacks.requests;
      assert.ok(request);
      assert.equal(request?.phone, '+1 (519) 555-0134');
      assert.equal(request?.bestTime, 'después de las 5');
      assert.equal(request?.language, 'es');
      assert.equal(request?.summary?.needs[0]?.words, SPANISH_SUMMARY.needs[0]?.words);

      navigator.connection.handleCallback(request.id);
      await navigator.log.waitFor(
        (e) => e.type === 'callbacks-changed' && e.removed.includes(request.id),
        'the request handled (a removal, not the whole list)',
      );
      assert.deepEqual(callbacksOf(navigator.log), []);
      navigator.connection.stop();
    } finally {
      closeAllClients();
      await service.close();
    }
  });

  test('after hours the visitor is told the service is closed, even with a navigator signed in', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const service = await startService({ hours: parseOperatingHours('MO-SU 00:00-24:00', 'UTC', [today]) });
    try {
      const navigator = await signedInNavigator(service);
      const visitor = openVisitor(service);
      assert.deepEqual(await visitor.log.waitFor(isType('offline'), 'offline'), {
        type: 'offline',
        reason: 'after-hours',
      });
      const raw = await rawVisitor(service);
      raw.send({
        type: 'request-callback',
        clientId: createClientId(),
        phone: 'call me',
        bestTime: 'now',
        language: 'es',
      });
      const error = await raw.next('error');
      assert.equal(error.code, 'invalid-callback');
      raw.socket.close();
      navigator.connection.stop();
    } finally {
      closeAllClients();
      await service.close();
    }
  });
});
