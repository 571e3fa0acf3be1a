#!/usr/bin/env node
// The `referral-assistant` command: the built CLI when `npm run build` has run, otherwise the
// TypeScript source through tsx, so a fresh clone works right after `npm install`.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/referral-assistant.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/referral-assistant.ts', import.meta.url).href);
}
