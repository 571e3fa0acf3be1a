/**
 * Starts the navigator service from the environment (see `docs/navigator-service.md`):
 * `npx tsx navigator/service/main.ts`. Prints the URL once listening, and stops cleanly on SIGINT/SIGTERM.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv, type StaticRoute } from './config.js';
import { startNavigatorService } from './navigator-service.js';
import { consoleFiles } from './static-files.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `NAVIGATOR_STATIC` as `prefix=folder` pairs separated by commas, folders relative to the
 * working directory, each served whole. By default only the console's files are served
 * (`consoleFiles`); an empty value serves nothing.
 */
function staticRoutes(value: string | undefined): StaticRoute[] {
  if (value === undefined) return consoleFiles(projectRoot).filter((route) => existsSync(route.dir));
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [prefix = '', dir = ''] = pair.split('=');
      if (!prefix.startsWith('/') || !prefix.endsWith('/') || !dir) {
        throw new Error(`NAVIGATOR_STATIC: "${pair}" must look like "/dist/=dist".`);
      }
      return { urlPrefix: prefix, dir: resolve(dir) };
    });
}

async function main(): Promise<void> {
  const config = { ...configFromEnv(process.env), staticRoutes: staticRoutes(process.env.NAVIGATOR_STATIC) };
  const service = await startNavigatorService(config);
  process.stdout.write(
    `[navigator-service] listening on ${service.url} (data: ${config.dataDir}, hours: ${config.hours.description} ${config.hours.timeZone})\n`,
  );
  const stop = () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`[navigator-service] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
