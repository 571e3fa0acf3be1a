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

function addNavigator(args: string[], password: string) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'navigator/service/navigator-command.ts'), 'add-navigator', ...args],
    {
      cwd: root,
      input: `${password}\n`,
      encoding: 'utf8',
    },
  );
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

  const service = await startNavigatorService({ port: 0, dataDir });
  try {
    const token = await signIn(service.url, 'maria', 'una contraseña larga');
    const session = await fetch(`${service.url}/navigator/session`, { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual(await session.json(), { username: 'maria', name: 'María' });
    await assert.rejects(signIn(service.url, 'maria', 'otra contraseña larga'), /401/);
  } finally {
    await service.close();
  }
});

test('running it again resets the password', async () => {
  const dataDir = freshDataDir();
  assert.equal(addNavigator(['maria', '--data', dataDir], 'una contraseña larga').status, 0);
  assert.equal(addNavigator(['maria', '--data', dataDir], 'la nueva contraseña').status, 0);
  const service = await startNavigatorService({ port: 0, dataDir });
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
