/**
 * `npm start` (after `npm run build`): the demo page on PORT (default 8080) and the navigator
 * service beside it on NAVIGATOR_PORT (default 8081), with its console. Prints both URLs.
 *
 * So the console can be tried at once, a local demo navigator account is created on first
 * start and its password kept in the (git-ignored) data folder; set NAVIGATOR_DEMO_ACCOUNT=0
 * to skip it, and use `npm run navigator -- add-navigator` for real accounts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv, DEFAULT_CONFIG } from '../navigator/service/config.js';
import { hashPassword, randomToken } from '../navigator/service/navigator-accounts.js';
import { startNavigatorService } from '../navigator/service/navigator-service.js';
import { NavigatorStore } from '../navigator/service/store.js';
import { startDemoServer } from '../demo/demo-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const navigatorConfig = {
  ...configFromEnv(process.env, {
    ...DEFAULT_CONFIG,
    allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
    // Local development over plain http: the one place secure cookies are turned off.
    secureCookies: false,
  }),
  staticRoutes: [
    { urlPrefix: '/dist/', dir: join(root, 'dist') },
    { urlPrefix: '/', dir: join(root, 'demo') },
  ],
};

/** Creates the local demo navigator once; returns its password for printing. */
async function demoNavigatorPassword(dataDir: string): Promise<string | undefined> {
  if (process.env.NAVIGATOR_DEMO_ACCOUNT === '0' || dataDir === ':memory:') return undefined;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'demo-navigator-password.txt');
  const store = new NavigatorStore(dataDir);
  try {
    if (store.findNavigator('demo') && existsSync(file)) return readFileSync(file, 'utf8').trim();
    const password = randomToken(12);
    store.saveNavigator('demo', 'Demo Navigator', await hashPassword(password), Date.now());
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    return password;
  } finally {
    store.close();
  }
}

const password = await demoNavigatorPassword(navigatorConfig.dataDir);
const navigator = await startNavigatorService(navigatorConfig);
const navigatorOrigin = new URL(navigator.url).origin;
const demo = await startDemoServer({
  port,
  root,
  host,
  navigatorUrl: navigator.url,
  connectSources: [navigatorOrigin, navigatorOrigin.replace(/^http/, 'ws')],
});

console.log(`Demo: ${demo.url}/`);
console.log(`Navigator console: ${navigator.url}/ ${password ? `(user "demo", password "${password}")` : ''}`);

const stop = () => {
  demo.server.close();
  void navigator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
