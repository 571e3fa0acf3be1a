import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startNavigatorService } from '../../navigator/service/navigator-service.js';
import { signIn } from '../support/navigator-test-clients.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDirs: string[] = [];
after(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** A data folder of the test's own, so no test depends on another having run first. */
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'add-navigator-'));
  dataDirs.push(dir);
  return dir;
}

/** Runs `npm run navigator -- <command>`, hashing at 2^14 to stay fast. */
function navigatorCommand(command: string, args: string[], input = '') {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'navigator/service/navigator-command.ts'), command, ...args],
    {
      cwd: root,
      input,
      encoding: 'utf8',
      env: { ...process.env, NAVIGATOR_PASSWORD_COST: '14' },
    },
  );
}

function addNavigator(args: string[], password: string) {
  return navigatorCommand('add-navigator', args, `${password}\n`);
}

test('a navigator added on the command line can sign in to the service', async () => {
  const dataDir = freshDataDir();
  const result = addNavigator(
    ['maria', '--name', 'María', '--data', dataDir, '--password-stdin'],
    'una contraseña larga',
  );
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Added navigator "maria" \(María\)/);
  assert.equal(result.stdout.includes('una contraseña larga'), false);

  const service = await startNavigatorService({ port: 0, dataDir, passwordCost: 14 });
  try {
    const token = await signIn(service.url, 'maria', 'una contraseña larga');
    const session = await fetch(`${service.url}/navigator/session`, { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual(await session.json(), { username: 'maria', name: 'María', role: 'navigator' });
    await assert.rejects(signIn(service.url, 'maria', 'otra contraseña larga'), /401/);
  } finally {
    await service.close();
  }
});

test('running it again resets the password', async () => {
  const dataDir = freshDataDir();
  assert.equal(addNavigator(['maria', '--data', dataDir], 'una contraseña larga').status, 0);
  assert.equal(addNavigator(['maria', '--data', dataDir], 'la nueva contraseña').status, 0);
  const service = await startNavigatorService({ port: 0, dataDir, passwordCost: 14 });
  try {
    await assert.rejects(signIn(service.url, 'maria', 'una contraseña larga'), /401/);
    assert.ok(await signIn(service.url, 'maria', 'la nueva contraseña'));
  } finally {
    await service.close();
  }
});

test('a short password or an unusable username is refused with the reason', () => {
  const dataDir = freshDataDir();
  const short = addNavigator(['maria', '--data', dataDir], 'corta');
  assert.equal(short.status, 2);
  assert.match(short.stderr, /at least 12 characters/);
  const badName = addNavigator(['María López', '--data', dataDir], 'una contraseña larga');
  assert.equal(badName.status, 2);
  assert.match(badName.stderr, /lower-case letters/);
  const missing = addNavigator(['--data', dataDir], 'una contraseña larga');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /username is required/);
});

test('remove-navigator deletes the account, so it can no longer sign in', async () => {
  const dataDir = freshDataDir();
  assert.equal(addNavigator(['pedro', '--data', dataDir], 'otra contraseña larga').status, 0);
  const removed = navigatorCommand('remove-navigator', ['pedro', '--data', dataDir]);
  assert.equal(removed.status, 0, removed.stderr);
  assert.match(removed.stdout, /Removed navigator "pedro"/);
  const again = navigatorCommand('remove-navigator', ['pedro', '--data', dataDir]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /no navigator "pedro"/);
  const service = await startNavigatorService({ port: 0, dataDir, passwordCost: 14 });
  try {
    await assert.rejects(signIn(service.url, 'pedro', 'otra contraseña larga'), /401/);
  } finally {
    await service.close();
  }
});
