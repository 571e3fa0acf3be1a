/**
 * Serves the demo: `demo/` at the root and the built widget under `/dist/`, with the strict
 * Content Security Policy a careful partner site would send, so the demo proves the widget
 * needs no `unsafe-inline`. Static files only; no directory listings; no path escapes.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_TYPES } from '../navigator/service/static-files.js';

/** Options for {@link startDemoServer}. */
export interface DemoServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The project root (holding demo/ and dist/). */
  root: string;
  /** Origins the widget may connect to besides its own (the navigator service). */
  connectSources?: string[];
  /**
   * The navigator service's URL. The demo page names the default one (`DEMO_NAVIGATOR_URL`);
   * pages are served with this one instead when it differs (another NAVIGATOR_PORT).
   */
  navigatorUrl?: string;
  /**
   * Opt the demo page's widget into counting needs for this navigator service (its
   * `needs-counts` attribute); off when absent, as on a partner's page by default.
   */
  needsCountsUrl?: string;
  /** More `data-*` attributes for the page's embed tag, e.g. `{ directory: '…' }` (tests). */
  embedAttributes?: Record<string, string>;
  host?: string;
}

/** The navigator URL written in the demo pages. */
export const DEMO_NAVIGATOR_URL = 'http://localhost:8081';

/** The Content Security Policy the demo pages are served with. */
export function demoContentSecurityPolicy(connectSources: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${connectSources.map((s) => ` ${s}`).join('')}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Maps a URL path to a file under demo/ or dist/, or undefined when outside them. */
export function resolveDemoPath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const [base, rest] = path.startsWith('/dist/')
    ? [resolve(root, 'dist'), path.slice('/dist/'.length)]
    : [resolve(root, 'demo'), path.replace(/^\/+/, '')];
  const file = resolve(base, normalize(rest || 'index.html'));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  return file;
}

/** A demo page with the navigator URL and the counting opt-in of the options, or undefined when unchanged. */
async function rewrittenPage(file: string, options: DemoServerOptions): Promise<Buffer | undefined> {
  const navigatorUrl = options.navigatorUrl ?? DEMO_NAVIGATOR_URL;
  const attributes = {
    ...(options.needsCountsUrl ? { 'needs-counts': options.needsCountsUrl } : {}),
    ...options.embedAttributes,
  };
  if (navigatorUrl === DEMO_NAVIGATOR_URL && Object.keys(attributes).length === 0) return undefined;
  const page = (await readFile(file, 'utf8')).replaceAll(DEMO_NAVIGATOR_URL, navigatorUrl);
  const added = Object.entries(attributes)
    .map(([name, value]) => ` data-${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
    .join('');
  return Buffer.from(
    page.replace('<script src="/dist/referral-assistant.js"', `<script src="/dist/referral-assistant.js"${added}`),
  );
}

/** Starts the demo server; resolves once it listens. */
export async function startDemoServer(options: DemoServerOptions): Promise<{ url: string; server: Server }> {
  const csp = demoContentSecurityPolicy(options.connectSources);
  const server = createServer(async (request, response) => {
    const file = resolveDemoPath(options.root, request.url ?? '/');
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(file ? 405 : 404).end();
      return;
    }
    try {
      const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      const rewritten = extname(target) === '.html' ? await rewrittenPage(target, options) : undefined;
      const info = await stat(target);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
        'content-length': rewritten?.length ?? info.size,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      if (request.method === 'HEAD') response.end();
      else if (rewritten) response.end(rewritten);
      else createReadStream(target).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', done);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://localhost:${port}`, server };
}
