/**
 * Serves a few folders of static files (the console page and its bundle) from the service's
 * own process, so the console and its API share one origin and the session cookie can stay
 * SameSite=Strict. Only GET and HEAD, only files inside the configured folders, no listings.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { StaticRoute } from './config.js';

/** Content types by file extension, for the few kinds of file these folders hold. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The content security policy for pages the service serves: nothing inline, nothing from
 * elsewhere, and connections only back to this service.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

/**
 * The console's own files and nothing else: its page and style sheet (`demo/`) and its bundle
 * (`dist/`). What the service serves unless told otherwise; never the demo or any source.
 */
export function consoleFiles(projectRoot: string): StaticRoute[] {
  return [
    { urlPrefix: '/dist/', dir: join(projectRoot, 'dist'), files: ['navigator-console.js'] },
    { urlPrefix: '/', dir: join(projectRoot, 'demo'), files: ['navigator.html', 'navigator.css'] },
  ];
}

/**
 * Answers the request from the static folders. Returns false when no route matches the
 * path, so the caller can answer 404 itself.
 */
export function serveStatic(routes: StaticRoute[], request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://service').pathname);
  } catch {
    return false;
  }
  if (pathname.includes('\0')) return false;
  for (const route of routes) {
    if (!pathname.startsWith(route.urlPrefix)) continue;
    const relative = pathname.slice(route.urlPrefix.length);
    if (route.files && !route.files.includes(relative)) continue;
    const root = resolve(route.dir);
    const file = resolve(root, `.${sep}${relative}`);
    if (file !== root && !file.startsWith(root + sep)) continue;
    let size: number;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) continue;
      size = stats.size;
    } catch {
      continue;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Length': size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(type.startsWith('text/html')
        ? { 'Content-Security-Policy': PAGE_CSP, 'Referrer-Policy': 'no-referrer' }
        : {}),
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
    return true;
  }
  return false;
}
