#!/usr/bin/env node
// `npm test`: every check in order, stopping at the first that fails, with how long each took
// (CI's machines have 2 cores; a phase that grows shows here before it becomes a time-out).
import { spawnSync } from 'node:child_process';

const STEPS = [
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['chromium', process.execPath, ['test/support/chromium.mjs']],
  ['node tests', 'npm', ['run', '--silent', 'test:node']],
  ['abuse tests', 'npm', ['run', '--silent', 'test:abuse']],
  ['browser tests', 'npm', ['run', '--silent', 'test:browser']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests', 'npm', ['run', '--silent', 'test:e2e']],
];

const times = [];
const started = Date.now();
let failed;
for (const [name, command, args] of STEPS) {
  console.log(`\n[test] --- ${name}`);
  const stepStarted = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  times.push([name, (Date.now() - stepStarted) / 1000]);
  if (result.status !== 0) {
    failed = `${name} failed (${result.signal ?? `exit ${result.status}`})`;
    break;
  }
}
console.log('\n[test] phase times');
for (const [name, seconds] of times) console.log(`[test]   ${name.padEnd(20)} ${seconds.toFixed(0).padStart(5)} s`);
console.log(`[test]   ${'total'.padEnd(20)} ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s`);
if (failed) {
  console.error(`[test] ${failed}`);
  process.exit(1);
}
