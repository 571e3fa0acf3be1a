/**
 * Housekeeping over time, with the hub's clock in the test's hands: a visitor who left the
 * page is taken out of the queue, and everything is deleted after the retention period.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../navigator/service/config.js';
import { ConversationHub, type Peer } from '../../navigator/service/conversation-hub.js';
import { NavigatorStore } from '../../navigator/service/store.js';
import type { ServiceToVisitorFrame } from '../../src/handoff/handoff-protocol.js';
import { SPANISH_SUMMARY } from '../support/navigator-test-clients.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function recordingPeer() {
  const frames: { type: string }[] = [];
  const peer: Peer = { send: (data) => frames.push(JSON.parse(data) as { type: string }), close: () => {} };
  return { peer, frames };
}

function setUp() {
  let now = Date.UTC(2025, 2, 5, 15, 0);
  const store = new NavigatorStore(':memory:');
  store.saveNavigator('ana', 'Ana', 'x', now);
  const hub = new ConversationHub(store, { ...DEFAULT_CONFIG, retentionDays: 30, abandonAfterMinutes: 30 }, () => now);
  const navigator = recordingPeer();
  hub.connectNavigator(navigator.peer, store.findNavigator('ana')!);
  const visitor = recordingPeer();
  const connection = hub.connectVisitor(visitor.peer);
  hub.visitorFrame(
    connection,
    JSON.stringify({ type: 'start', startId: 'a-start-id-of-22-characters', summary: SPANISH_SUMMARY }),
  );
  const started = visitor.frames.find((f) => f.type === 'started') as Extract<
    ServiceToVisitorFrame,
    { type: 'started' }
  >;
  return { store, hub, connection, started, advance: (ms: number) => (now += ms) };
}

test('a waiting visitor who left the page more than 30 minutes ago is taken out of the queue', () => {
  const { store, hub, connection, started, advance } = setUp();
  advance(45 * MINUTE);
  assert.equal(hub.sweep().abandoned, 0, 'still connected: still waiting');
  hub.disconnectVisitor(connection);
  advance(29 * MINUTE);
  assert.equal(hub.sweep().abandoned, 0);
  advance(2 * MINUTE);
  assert.equal(hub.sweep().abandoned, 1);
  assert.equal(store.conversation(started.conversationId)?.state, 'ended');
  assert.equal(store.conversation(started.conversationId)?.endedBy, 'service');
  hub.close();
  store.close();
});

test('a conversation and its messages are deleted after the retention period, not before', () => {
  const { store, hub, connection, started, advance } = setUp();
  hub.visitorFrame(connection, JSON.stringify({ type: 'send', clientId: 'client-id-1', text: 'hola' }));
  hub.flushMessages();
  hub.visitorFrame(connection, JSON.stringify({ type: 'end' }));
  hub.disconnectVisitor(connection);
  advance(29 * DAY);
  assert.equal(hub.sweep().deleted.conversations, 0);
  assert.equal(store.messagesAfter(started.conversationId, 0).length, 1);
  advance(2 * DAY);
  assert.equal(hub.sweep().deleted.conversations, 1);
  assert.equal(store.conversation(started.conversationId), undefined);
  assert.equal(store.messagesAfter(started.conversationId, 0).length, 0);
  hub.close();
  store.close();
});
