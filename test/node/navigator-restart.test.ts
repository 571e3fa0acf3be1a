/**
 * The promise that matters most: a message is never lost or doubled, even when the service
 * dies. The service runs as a child process on a SQLite file, is killed with SIGKILL while the
 * visitor and the navigator are both sending, and is started again on the same port and file.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createClientId } from '../../src/handoff/client-id.js';
import type { HandoffEvent } from '../../src/handoff/handoff-transport.js';
import type { NavigatorEvent } from '../../navigator/console/navigator-connection.js';
import { hashPassword } from '../../navigator/service/navigator-accounts.js';
import { NavigatorStore } from '../../navigator/service/store.js';
import {
  closeAllClients,
  EventLog,
  navigatorConnection,
  SPANISH_SUMMARY,
  signIn,
  until,
  visitorTransport,
} from '../support/navigator-test-clients.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'navigator-restart-'));
const PASSWORD = 'correct horse battery staple';
const MESSAGES_EACH_WAY = 40;

let child: ChildProcess | null = null;

after(() => {
  closeAllClients();
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `navigator/service/main.ts` as a child process and resolves with its port once it listens. */
function startChild(port: number): Promise<{ process: ChildProcess; port: number }> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', join(root, 'navigator/service/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NAVIGATOR_PORT: String(port),
      NAVIGATOR_HOST: '127.0.0.1',
      NAVIGATOR_DATA: dataDir,
      NAVIGATOR_STATIC: '',
      // Both sides send faster than a person would; the rate limit has its own test.
      NAVIGATOR_VISITOR_RATE: '500/500',
      NAVIGATOR_NAVIGATOR_RATE: '500/500',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePort, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        process_.stdout?.off('data', onData);
        resolvePort({ process: process_, port: Number(match[1]) });
      }
    };
    process_.stdout?.on('data', onData);
    process_.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    process_.once('exit', (code) => reject(new Error(`service exited with ${code}: ${output}`)));
  });
}

test('every message arrives exactly once and in order on both sides when the service is killed mid-conversation', async () => {
  const store = new NavigatorStore(dataDir);
  store.saveNavigator('ana', 'Ana', await hashPassword(PASSWORD), Date.now());
  store.close();

  const first = await startChild(0);
  child = first.process;
  const url = `http://127.0.0.1:${first.port}`;

  // Just before the kill, the network loses acknowledgements: those messages are stored but
  // their senders do not know it, so they must be resent and recognised as already stored.
  let losingAcks = false;
  const lose = (data: string) => losingAcks && data.includes('"type":"ack"');

  const navigatorLog = new EventLog<NavigatorEvent>();
  const navigator = navigatorConnection(url, await signIn(url, 'ana', PASSWORD), navigatorLog.push, {
    ackTimeoutMs: 2000,
    lose,
  });
  navigator.start();
  await navigatorLog.waitFor((e) => e.type === 'hello', 'hello');

  const visitorLog = new EventLog<HandoffEvent>();
  const visitor = visitorTransport(url, { ackTimeoutMs: 2000, lose }).open(
    { summary: SPANISH_SUMMARY },
    visitorLog.push,
  );
  const connected = await visitorLog.waitFor((e) => e.type === 'connected', 'connected');
  const conversationId = (connected as Extract<HandoffEvent, { type: 'connected' }>).conversationId;
  navigator.claim(conversationId);
  await navigatorLog.waitFor((e) => e.type === 'conversation', 'the claimed conversation');
  await visitorLog.waitFor((e) => e.type === 'navigator-joined', 'joined');

  const fromVisitor = Array.from({ length: MESSAGES_EACH_WAY }, (_, i) => `visitante ${i + 1}`);
  const fromNavigator = Array.from({ length: MESSAGES_EACH_WAY }, (_, i) => `navegadora ${i + 1}`);
  const visitorIds: string[] = [];
  const navigatorIds: string[] = [];

  // Both sides send one message every 10 ms; the service dies a third of the way through.
  let killedAt = -1;
  let restarted: Promise<void> = Promise.resolve();
  for (let i = 0; i < MESSAGES_EACH_WAY; i++) {
    const id = createClientId();
    visitorIds.push(id);
    visitor.send(id, fromVisitor[i] as string);
    const navigatorId = createClientId();
    navigatorIds.push(navigatorId);
    assert.equal(navigator.send(conversationId, navigatorId, fromNavigator[i] as string), null);
    if (i === Math.floor(MESSAGES_EACH_WAY / 3) - 1) losingAcks = true;
    if (i === Math.floor(MESSAGES_EACH_WAY / 3)) {
      killedAt = i;
      child.kill('SIGKILL');
      losingAcks = false;
      restarted = new Promise((resolveRestart) => setTimeout(resolveRestart, 300)).then(async () => {
        const second = await startChild(first.port);
        child = second.process;
      });
    }
    await new Promise((resolveTick) => setTimeout(resolveTick, 10));
  }
  await restarted;
  assert.ok(killedAt > 0);

  await until(
    () =>
      visitorLog.ofType('ack').length === MESSAGES_EACH_WAY &&
      navigatorLog.ofType('message').filter((e) => e.message.from === 'visitor').length >= MESSAGES_EACH_WAY &&
      navigatorLog.ofType('ack').length >= MESSAGES_EACH_WAY &&
      visitorLog.ofType('message').length >= MESSAGES_EACH_WAY &&
      navigator.pending(conversationId) === 0,
    'every message delivered after the restart',
    20_000,
  );
  // Anything late or doubled would arrive now.
  await new Promise((resolveWait) => setTimeout(resolveWait, 300));

  assert.ok(
    visitorLog.ofType('connecting').some((e) => e.attempt > 0),
    'the visitor really lost the connection',
  );
  assert.deepEqual(
    visitorLog.ofType('message').map((e) => e.text),
    fromNavigator,
    'the visitor received every navigator message once, in order',
  );
  const atNavigator = navigatorLog.ofType('message').map((e) => e.message);
  assert.deepEqual(
    atNavigator.filter((m) => m.from === 'visitor').map((m) => m.text),
    fromVisitor,
    'the navigator received every visitor message once, in order',
  );
  assert.deepEqual(
    navigatorLog.ofType('ack').map((e) => e.clientId),
    navigatorIds,
    "each of the navigator's messages acknowledged once, in order",
  );
  const seqs = [
    ...atNavigator.filter((m) => m.from === 'visitor').map((m) => m.seq),
    ...navigatorLog.ofType('ack').map((e) => e.seq),
  ];
  assert.deepEqual(
    seqs.sort((a, b) => a - b),
    Array.from({ length: MESSAGES_EACH_WAY * 2 }, (_, i) => i + 1),
    'one log without gaps or repeats',
  );
  assert.deepEqual(
    visitorLog.ofType('ack').map((e) => e.clientId),
    visitorIds,
    'each visitor message acknowledged once, in order',
  );

  navigator.stop();
  visitor.close();
  child.kill('SIGTERM');

  const check = new NavigatorStore(dataDir);
  const stored = check.messagesAfter(conversationId, 0);
  check.close();
  assert.equal(stored.length, MESSAGES_EACH_WAY * 2, 'the database holds each message once');
});
