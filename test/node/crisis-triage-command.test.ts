import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

// Node with tsx's loader rather than `npx tsx`: half the start-up time per run.
async function triage(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/referral-assistant.ts', 'triage', ...args], { cwd: root });
}

// Each test is its own process, so they can run side by side.
describe('referral-assistant triage', { concurrency: true }, () => {
  it('prints the crisis kind for a Spanish message as JSON', async () => {
    const { stdout } = await triage('kiero matarme', '--lang', 'es', '--json');
    const report = JSON.parse(stdout);
    assert.equal(report.crisis, 'suicide');
    assert.deepEqual(report.crisisKinds, ['suicide']);
    assert.equal(report.asksForPerson, false);
    assert.equal(report.lang, 'es');
    assert.ok(Array.isArray(report.needs));
  });

  it('prints the possible kind as concern, with crisis null, beside the needs it reads', async () => {
    const { stdout } = await triage("I'm not suicidal, I need food", '--lang', 'en', '--json');
    const report = JSON.parse(stdout);
    assert.equal(report.crisis, null);
    assert.equal(report.concern, 'suicide');
    assert.ok(report.needs.includes('food'), report.needs.join());
  });

  it('prints concern null beside a strong crisis', async () => {
    const { stdout } = await triage('tengo pastillas y me las voy a tomar todas', '--lang', 'es', '--json');
    const report = JSON.parse(stdout);
    assert.equal(report.crisis, 'suicide');
    assert.equal(report.concern, null);
  });

  it('prints null and a person request when the visitor asks for someone', async () => {
    const { stdout } = await triage('quiero hablar con una persona', '--lang', 'es', '--json');
    assert.deepEqual(JSON.parse(stdout), {
      lang: 'es',
      crisis: null,
      crisisKinds: [],
      concern: null,
      needs: [],
      asksForPerson: true,
    });
  });

  it('reads food in "necesito comida para mis hijos"', async () => {
    const { stdout } = await triage('necesito comida para mis hijos', '--lang', 'es', '--json');
    assert.deepEqual(JSON.parse(stdout), {
      lang: 'es',
      crisis: null,
      crisisKinds: [],
      concern: null,
      needs: ['food'],
      asksForPerson: false,
    });
  });

  it('reads housing in "me van a correr de la casa"', async () => {
    const { stdout } = await triage('me van a correr de la casa', '--lang', 'es', '--json');
    assert.deepEqual(JSON.parse(stdout).needs, ['housing']);
  });

  it('reads a need through a typo, as the widget does ("nesesito comda")', async () => {
    const { stdout } = await triage('nesesito comda', '--lang', 'es', '--json');
    assert.deepEqual(JSON.parse(stdout).needs, ['food']);
  });

  it('reads needs in the language given by --lang', async () => {
    const { stdout } = await triage("I can't pay my hydro bill", '--lang', 'en', '--json');
    assert.deepEqual(JSON.parse(stdout).needs, ['utilities']);
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

  it('lists the need categories in the short summary', async () => {
    const { stdout } = await triage('necesito comida para mis hijos', '--lang', 'es');
    assert.match(stdout, /Needs \(es\):\s+food/);
    assert.match(stdout, /Crisis:\s+none/);
  });

  it('refuses an unknown language with a usage message and exit code 2', async () => {
    await assert.rejects(triage('hola', '--lang', 'fr'), (error: { code?: number; stderr?: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr ?? '', /--lang must be one of en, es/);
      return true;
    });
  });
});
