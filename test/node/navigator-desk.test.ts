/**
 * The navigator's desk on the service, running for real (port 0, in-memory SQLite) with the
 * widget's transport and the console's connection: phrases, services and the safety check as
 * structured messages, the contact record, and follow-ups from opt-in to done.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClientId } from '../../src/handoff/client-id.js';
import type { HandoffEvent } from '../../src/handoff/handoff-transport.js';
import type { NavigatorEvent } from '../../navigator/console/navigator-connection.js';
import { DeskStore } from '../../navigator/service/desk-store.js';
import { followUpDueAt } from '../../navigator/service/follow-up-time.js';
import { type NavigatorService, startNavigatorService } from '../../navigator/service/navigator-service.js';
import { NavigatorStore } from '../../navigator/service/store.js';
import {
  closeAllClients,
  EventLog,
  navigatorConnection,
  SPANISH_SUMMARY,
  signIn,
  visitorTransport,
} from '../support/navigator-test-clients.js';
import { DEFAULT_NEEDS_CONFIG } from '../../navigator/service/needs-config.js';

const PASSWORD = 'correct horse battery staple';

type Of<T, K> = Extract<T, { type: K }>;

/** A navigator who has claimed a fresh Spanish conversation. */
async function claimedConversation(service: NavigatorService) {
  const navigator = new EventLog<NavigatorEvent>();
  const connection = navigatorConnection(service.url, await signIn(service.url, 'ana', PASSWORD), navigator.push);
  connection.start();
  await navigator.waitFor((e) => e.type === 'hello', 'hello');
  const visitor = new EventLog<HandoffEvent>();
  const chat = visitorTransport(service.url).open({ summary: SPANISH_SUMMARY }, visitor.push);
  const connected = (await visitor.waitFor((e) => e.type === 'connected', 'connected')) as Of<
    HandoffEvent,
    'connected'
  >;
  const id = connected.conversationId;
  connection.claim(id);
  await visitor.waitFor((e) => e.type === 'navigator-joined', 'the navigator joining');
  return { navigator, connection, visitor, chat, id };
}

function navigatorMessages(log: EventLog<HandoffEvent>) {
  return log.ofType('message').filter((m) => m.from === 'navigator');
}

describe('the navigator desk on the service', () => {
  let service: NavigatorService;
  before(async () => {
    service = await startNavigatorService({
      port: 0,
      dataDir: ':memory:',
      queueUpdateDelayMs: 10,
      retentionDays: 30,
      // Every count shown, so the record's single contact can be read back from the needs report.
      needs: { ...DEFAULT_NEEDS_CONFIG, minCell: 1 },
    });
    await service.addNavigator('ana', 'Ana', PASSWORD);
  });
  after(async () => {
    closeAllClients();
    await service.close();
  });

  test('delivers a phrase, services and the safety check as structured messages, and records the answer', async () => {
    const { navigator, connection, visitor, chat, id } = await claimedConversation(service);
    connection.send(id, createClientId(), 'Hello, I am Ana.', { kind: 'phrase', phrase: 'greeting', lang: 'en' });
    connection.send(id, createClientId(), 'Food Bank; Legal Clinic', {
      kind: 'services',
      serviceIds: ['svc-1', 'svc-2', 'svc-1'],
    });
    connection.send(id, createClientId(), 'Are you safe right now?', { kind: 'safety-check' });
    await visitor.waitFor(() => navigatorMessages(visitor).length === 3, 'three navigator messages');
    assert.deepEqual(
      navigatorMessages(visitor).map((m) => m.content),
      [
        { kind: 'phrase', phrase: 'greeting', lang: 'en' },
        { kind: 'services', serviceIds: ['svc-1', 'svc-2'] },
        { kind: 'safety-check' },
      ],
      'the visitor receives what each message is, duplicates removed',
    );

    chat.send(createClientId(), 'No estoy a salvo', { kind: 'safety-answer', answer: 'not-safe' });
    const answer = (await navigator.waitFor(
      (e) => e.type === 'message' && e.message.from === 'visitor' && e.message.content?.kind === 'safety-answer',
      'the safety answer at the console',
    )) as Of<NavigatorEvent, 'message'>;
    assert.deepEqual(answer.message.content, { kind: 'safety-answer', answer: 'not-safe' });

    connection.saveRecord(id, {
      needs: ['housing', 'legal'],
      referrals: ['svc-1', 'svc-2'],
      unmet: [{ category: 'housing', reason: 'waitlist' }],
      outcome: 'referred',
    });
    const saved = (await navigator.waitFor((e) => e.type === 'record-saved', 'the saved record')) as Of<
      NavigatorEvent,
      'record-saved'
    >;
    assert.equal(saved.record.safetyCheck, 'not-safe', 'the safety check is read from the transcript');
    assert.deepEqual(saved.record.unmet, [{ category: 'housing', reason: 'waitlist' }]);

    // The record joins the 211's needs counts: contacts per need, the unmet one with its reason.
    const report = service.needs.report(new URLSearchParams());
    assert.ok(!('problem' in report), 'the needs report was made');
    const records = report.tables.find((t) => t.id === 'navigator-records');
    const row = (key: string) => records?.rows.find((r) => r.key === key)?.values;
    assert.equal(row('housing')?.[0], 1, 'one contact about housing');
    assert.equal(row('legal')?.[0], 1, 'one contact about legal help');
    assert.equal(row('housing')?.[records?.columns.indexOf('unmet:waitlist') ?? -1], 1, 'housing unmet once: waitlist');
  });

  test('refuses content a side may not send, and stores nothing', async () => {
    const { visitor, chat, navigator, connection, id } = await claimedConversation(service);
    const clientId = createClientId();
    chat.send(clientId, 'x', { kind: 'services', serviceIds: ['svc-1'] });
    const error = (await visitor.waitFor((e) => e.type === 'error', 'the refusal')) as Of<HandoffEvent, 'error'>;
    assert.equal(error.code, 'invalid-content');
    assert.equal(error.clientId, clientId);
    connection.saveRecord(id, {
      needs: ['housing'],
      referrals: [],
      unmet: [{ category: 'housing', reason: 'because' as never }],
      outcome: 'referred',
    });
    const refused = (await navigator.waitFor(
      (e) => e.type === 'error' && e.code === 'invalid-record',
      'the refused record',
    )) as Of<NavigatorEvent, 'error'>;
    assert.match(refused.message, /reason/);
  });

  test('takes a follow-up only after an offer, tells the visitor the retention, lists it as due, and deletes the number once done', async () => {
    const { visitor, chat, navigator, connection, id } = await claimedConversation(service);
    chat.requestFollowUp({ clientId: createClientId(), phone: '555 010 2030', when: 'tomorrow-morning' });
    const early = (await visitor.waitFor((e) => e.type === 'error', 'a refusal before any offer')) as Of<
      HandoffEvent,
      'error'
    >;
    assert.equal(early.code, 'invalid-follow-up');

    connection.send(id, createClientId(), 'Can I follow up with you?', { kind: 'follow-up-offer', retentionDays: 999 });
    const offer = await visitor.waitFor(
      (e) => e.type === 'message' && e.content?.kind === 'follow-up-offer',
      'the offer at the visitor',
    );
    assert.deepEqual((offer as Of<HandoffEvent, 'message'>).content, { kind: 'follow-up-offer', retentionDays: 30 });

    const before = Date.now();
    chat.requestFollowUp({ clientId: createClientId(), phone: '555 010 2030', when: 'tomorrow-morning' });
    const saved = (await visitor.waitFor((e) => e.type === 'follow-up-saved', 'the saved follow-up')) as Of<
      HandoffEvent,
      'follow-up-saved'
    >;
    assert.ok(saved.dueAt > before, 'due in the future');
    const listed = (await navigator.waitFor(
      (e) => e.type === 'follow-ups' && e.entries.some((f) => f.conversationId === id),
      'the follow-up in the list',
    )) as Of<NavigatorEvent, 'follow-ups'>;
    const followUp = listed.entries.find((f) => f.conversationId === id);
    assert.equal(followUp?.phone, '555 010 2030');
    assert.equal(followUp?.state, 'due');
    assert.deepEqual(followUp?.categories, ['housing']);

    const count = navigator.ofType('follow-ups').length;
    connection.followUp({ type: 'follow-up-take', followUpId: followUp?.id ?? 0 });
    const taken = (await navigator.waitFor(
      (e) => e.type === 'follow-ups' && navigator.ofType('follow-ups').length > count,
      'the taken follow-up',
    )) as Of<NavigatorEvent, 'follow-ups'>;
    assert.deepEqual(
      taken.entries.filter((f) => f.id === followUp?.id).map((f) => [f.state, f.takenBy]),
      [['taken', 'Ana']],
    );

    const afterTake = navigator.ofType('follow-ups').length;
    connection.followUp({ type: 'follow-up-done', followUpId: followUp?.id ?? 0 });
    const done = (await navigator.waitFor(
      (e) => e.type === 'follow-ups' && navigator.ofType('follow-ups').length > afterTake,
      'the list after done',
    )) as Of<NavigatorEvent, 'follow-ups'>;
    assert.equal(done.entries.filter((f) => f.id === followUp?.id).length, 0, 'a done follow-up leaves the list');
  });
});

describe('what the desk keeps', () => {
  test('a done follow-up keeps no phone number, and retention deletes records and follow-ups with their conversation', () => {
    const store = new NavigatorStore(':memory:');
    const desk = new DeskStore(store.database);
    store.createConversation({
      id: 'conversation-1',
      secretHash: 'h',
      startIdHash: 's1',
      summary: SPANISH_SUMMARY,
      now: 1000,
    });
    store.saveNavigator('ana', 'Ana', 'x', 1000);
    const navigatorId = store.findNavigator('ana')?.id ?? 0;
    desk.addFollowUp({
      conversationId: 'conversation-1',
      clientId: 'follow-up-1',
      phone: '555 010 2030',
      language: 'es',
      categories: ['housing'],
      dueAt: 5000,
      now: 1000,
    });
    desk.addFollowUp({
      conversationId: 'conversation-1',
      clientId: 'follow-up-2',
      phone: '555 010 4040',
      language: 'es',
      categories: ['housing'],
      dueAt: 4000,
      now: 1000,
    });
    desk.saveRecord({
      conversationId: 'conversation-1',
      navigatorId,
      record: { needs: ['housing'], referrals: [], unmet: [], outcome: 'information' },
      safetyCheck: 'not-done',
      now: 1000,
    });
    assert.deepEqual(
      desk.openFollowUps().map((f) => f.phone),
      ['555 010 4040', '555 010 2030'],
      'ordered by due time',
    );
    const first = desk.openFollowUps()[0]?.id ?? 0;
    assert.equal(desk.completeFollowUp(first, navigatorId, 2000), true);
    const phones = store.database.prepare('SELECT phone FROM follow_ups ORDER BY id').all() as {
      phone: string | null;
    }[];
    assert.deepEqual(
      phones.map((row) => row.phone),
      ['555 010 2030', null],
    );

    store.deleteExpired(10_000, 10_000);
    assert.deepEqual(desk.openFollowUps(), []);
    assert.equal(desk.record('conversation-1'), undefined);
    assert.equal((store.database.prepare('SELECT COUNT(*) AS n FROM follow_ups').get() as { n: number }).n, 0);
    store.close();
  });

  test('a follow-up chosen for tomorrow morning is due at 10:00 in the service time zone', () => {
    // 16:00 UTC on a December Friday is 11:00 in Toronto; tomorrow 10:00 there is 15:00 UTC.
    const now = Date.UTC(2026, 11, 4, 16, 0);
    assert.equal(
      new Date(followUpDueAt('tomorrow-morning', now, 'America/Toronto')).toISOString(),
      '2026-12-05T15:00:00.000Z',
    );
    assert.equal(new Date(followUpDueAt('next-week', now, 'Europe/Madrid')).toISOString(), '2026-12-11T09:00:00.000Z');
  });
});
