import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { NavigatorStore } from '../../navigator/service/store.js';
import { SPANISH_SUMMARY } from '../support/navigator-test-clients.js';

const DAY = 24 * 60 * 60 * 1000;

function storeWithConversation(id = 'conversation-1', now = 1_000) {
  const store = new NavigatorStore(':memory:');
  store.createConversation({ id, secretHash: 'hash', startIdHash: `start-${id}`, summary: SPANISH_SUMMARY, now });
  return store;
}

test('messages get consecutive sequence numbers whoever sends them', () => {
  const store = storeWithConversation();
  const a = store.appendMessage({
    conversationId: 'conversation-1',
    sender: 'visitor',
    clientId: 'client-a1',
    text: 'hola',
    now: 2,
  });
  const b = store.appendMessage({
    conversationId: 'conversation-1',
    sender: 'navigator',
    clientId: 'client-b1',
    text: 'buenas',
    now: 3,
  });
  assert.equal(a.message.seq, 1);
  assert.equal(b.message.seq, 2);
  assert.deepEqual(
    store.messagesAfter('conversation-1', 1).map((m) => m.text),
    ['buenas'],
  );
  store.close();
});

test('a message sent twice with the same client id is stored once and keeps its first number', () => {
  const store = storeWithConversation();
  store.appendMessage({
    conversationId: 'conversation-1',
    sender: 'visitor',
    clientId: 'client-a1',
    text: 'hola',
    now: 2,
  });
  const again = store.appendMessage({
    conversationId: 'conversation-1',
    sender: 'visitor',
    clientId: 'client-a1',
    text: 'hola',
    now: 9,
  });
  assert.equal(again.duplicate, true);
  assert.equal(again.message.seq, 1);
  assert.equal(store.messagesAfter('conversation-1', 0).length, 1);
  store.close();
});

test('only one navigator can claim a conversation, and only they can return it', () => {
  const store = storeWithConversation();
  store.saveNavigator('ana', 'Ana', 'x', 0);
  store.saveNavigator('luis', 'Luis', 'x', 0);
  const ana = store.findNavigator('ana')?.id ?? -1;
  const luis = store.findNavigator('luis')?.id ?? -1;
  assert.equal(store.claim('conversation-1', ana, 5), true);
  assert.equal(store.claim('conversation-1', luis, 6), false);
  assert.equal(store.release('conversation-1', luis, 7), false);
  assert.equal(store.release('conversation-1', ana, 8), true);
  assert.equal(
    store.conversation('conversation-1')?.waitingSince,
    1_000,
    'returned conversations keep their waiting time',
  );
  assert.equal(store.claim('conversation-1', luis, 9), true);
  store.close();
});

test('saving an existing navigator updates their name and password', () => {
  const store = new NavigatorStore(':memory:');
  assert.equal(store.saveNavigator('ana', 'Ana', 'first', 0), 'added');
  assert.equal(store.saveNavigator('ana', 'Ana María', 'second', 1), 'updated');
  assert.deepEqual(store.findNavigator('ana'), { id: 1, username: 'ana', name: 'Ana María', passwordHash: 'second' });
  store.close();
});

test('sessions expire', () => {
  const store = new NavigatorStore(':memory:');
  store.saveNavigator('ana', 'Ana', 'x', 0);
  store.createSession('token-hash', 1, 100);
  assert.equal(store.sessionNavigator('token-hash', 99)?.username, 'ana');
  assert.equal(store.sessionNavigator('token-hash', 100), undefined);
  store.close();
});

test('retention deletes conversations with their messages, and callback requests, older than the cut-off', () => {
  const now = 100 * DAY;
  const store = storeWithConversation('old-conversation', now - 40 * DAY);
  store.createConversation({
    id: 'recent-conversation',
    secretHash: 'h',
    startIdHash: 's2',
    summary: SPANISH_SUMMARY,
    now: now - DAY,
  });
  store.appendMessage({
    conversationId: 'old-conversation',
    sender: 'visitor',
    clientId: 'client-old',
    text: 'old',
    now: now - 40 * DAY,
  });
  store.addCallback({
    clientId: 'callback-old',
    phone: '5195550134',
    bestTime: 'mañana',
    language: 'es',
    now: now - 31 * DAY,
  });
  store.addCallback({
    clientId: 'callback-new',
    phone: '5195550135',
    bestTime: 'tarde',
    language: 'es',
    now: now - DAY,
  });

  const { callbackIds, ...deleted } = store.deleteExpired(now - 30 * DAY, now);
  assert.deepEqual(deleted, { conversations: 1, callbacks: 1, sessions: 0 });
  assert.equal(callbackIds.length, 1, 'the deleted requests are named, for the consoles');
  assert.equal(store.conversation('old-conversation'), undefined);
  assert.equal(store.messagesAfter('old-conversation', 0).length, 0, 'messages go with their conversation');
  assert.ok(store.conversation('recent-conversation'));
  assert.deepEqual(
    store.openCallbacks().map((c) => c.bestTime),
    ['tarde'],
  );
  store.close();
});

test('what is stored survives closing and reopening the data folder', () => {
  const folder = mkdtempSync(join(tmpdir(), 'navigator-store-'));
  try {
    const store = new NavigatorStore(join(folder, 'nested', 'data'));
    store.createConversation({
      id: 'conversation-1',
      secretHash: 'h',
      startIdHash: 's',
      summary: SPANISH_SUMMARY,
      now: 1,
    });
    store.appendMessage({
      conversationId: 'conversation-1',
      sender: 'visitor',
      clientId: 'client-a1',
      text: 'hola',
      now: 2,
    });
    store.close();
    const reopened = new NavigatorStore(join(folder, 'nested', 'data'));
    assert.deepEqual(reopened.conversation('conversation-1')?.summary, SPANISH_SUMMARY);
    assert.equal(reopened.messagesAfter('conversation-1', 0)[0]?.text, 'hola');
    reopened.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a callback request sent twice is stored once', () => {
  const store = new NavigatorStore(':memory:');
  const first = store.addCallback({
    clientId: 'callback-1',
    phone: '5195550134',
    bestTime: 'mañana',
    language: 'es',
    now: 1,
  });
  const second = store.addCallback({
    clientId: 'callback-1',
    phone: '5195550134',
    bestTime: 'mañana',
    language: 'es',
    now: 2,
  });
  assert.equal(first, second);
  assert.equal(store.openCallbacks().length, 1);
  store.saveNavigator('ana', 'Ana', 'x', 0);
  assert.equal(store.handleCallback(first, 1, 3), true);
  assert.equal(store.handleCallback(first, 1, 4), false, 'handled once');
  assert.equal(store.openCallbacks().length, 0);
  store.close();
});

test('a new password ends the navigator’s sessions; removing a navigator returns their conversations to the queue', () => {
  const store = new NavigatorStore(':memory:');
  store.saveNavigator('ana', 'Ana', 'first', 0);
  const ana = store.findNavigator('ana');
  assert.ok(ana);
  store.createSession('token-hash', ana.id, 10_000);
  assert.ok(store.sessionNavigator('token-hash', 1));
  store.upgradePasswordHash(ana.id, 'stronger');
  assert.ok(store.sessionNavigator('token-hash', 1), 'a stronger hash of the same password keeps sessions');
  store.saveNavigator('ana', 'Ana', 'second', 2);
  assert.equal(store.sessionNavigator('token-hash', 3), undefined, 'a new password signs out everywhere');

  store.createSession('token-hash-2', ana.id, 10_000);
  store.createConversation({
    id: 'held-by-ana',
    secretHash: 'h',
    startIdHash: 's-held',
    summary: SPANISH_SUMMARY,
    now: 1,
  });
  assert.equal(store.claim('held-by-ana', ana.id, 2), true);
  assert.equal(store.removeNavigator('ana', 3), true);
  assert.equal(store.findNavigator('ana'), undefined);
  assert.equal(store.sessionNavigator('token-hash-2', 4), undefined);
  assert.equal(store.conversation('held-by-ana')?.state, 'waiting');
  assert.equal(store.removeNavigator('ana', 5), false);
  store.close();
});

test('the data folder is 0700 and the database files 0600, even when they existed before', () => {
  const folder = mkdtempSync(join(tmpdir(), 'navigator-modes-'));
  try {
    const dataDir = join(folder, 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    writeFileSync(join(dataDir, 'navigator.sqlite'), '', { mode: 0o644 });
    const store = new NavigatorStore(dataDir);
    store.saveNavigator('ana', 'Ana', 'x', 0);
    assert.equal(statSync(dataDir).mode & 0o777, 0o700);
    for (const name of readdirSync(dataDir)) assert.equal(statSync(join(dataDir, name)).mode & 0o777, 0o600, name);
    store.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
