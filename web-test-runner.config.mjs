// Browser tests: real Chromium (Debian's, never a downloaded one), TypeScript through esbuild.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './test/support/chromium.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium: run `node test/support/chromium.mjs` first (npm test does).');

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { browser: true },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'esnext' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  concurrency: 2,
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 300000,
};
