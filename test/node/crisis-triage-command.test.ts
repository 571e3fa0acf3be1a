import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

async function triage(...args: string[]) {
  return run('npx', ['tsx', 'src/cli/referral-assistant.ts', 'triage', ...args], { cwd: root });
}

describe('referral-assistant triage', () => {
  it('prints the crisis kind for a Spanish message as JSON', async () => {
    const { stdout } = await triage('kiero matarme', '--lang', 'es', '--json');
    const report = JSON.parse(stdout);
    assert.equal(report.crisis, 'suicide');
    assert.deepEqual(report.crisisKinds, ['suicide']);
    assert.equal(report.asksForPerson, false);
    assert.equal(report.lang, 'es');
    assert.ok(Array.isArray(report.needs));
  });

  it('prints null and a person request when the visitor asks for someone', async () => {
    const { stdout } = await triage('quiero hablar con una persona', '--lang', 'es', '--json');
    assert.deepEqual(JSON.parse(stdout), { lang: 'es', crisis: null, crisisKinds: [], needs: [], asksForPerson: true });
  });

  it('checks Spanish for a crisis even when --lang is en', async () => {
    const { stdout } = await triage('mi esposo me pega', '--lang', 'en', '--json');
    assert.equal(JSON.parse(stdout).crisis, 'domestic-violence');
  });

  it('prints a short summary without --json', async () => {
    const { stdout } = await triage('someone is outside with a gun');
    assert.match(stdout, /Crisis:\s+danger/);
    assert.match(stdout, /Asks for a person: no/);
  });

  it('refuses an unknown language with a usage message and exit code 2', async () => {
    await assert.rejects(triage('hola', '--lang', 'fr'), (error: { code?: number; stderr?: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr ?? '', /--lang must be one of en, es/);
      return true;
    });
  });
});
