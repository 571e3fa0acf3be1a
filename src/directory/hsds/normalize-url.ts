/**
 * Makes a directory URL safe to put in an `href`. Only `http:` and `https:` survive: a
 * `javascript:` or `data:` URL in a directory is an attack on the people the widget serves.
 * Bare host names (`www.example.org`), the commonest form in 211 exports, become `https://`.
 */
import type { ProblemKind } from './import-report.js';

/** The URL to keep (if any) and the problem to report (if any). */
export interface NormalizedUrl {
  url?: string;
  problem?: Extract<ProblemKind, 'url-unsafe' | 'url-invalid' | 'url-scheme-added'>;
}

// Something that looks like a host name: labels separated by dots, ending in letters.
const BARE_HOST =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?::\d+)?(?:[/?#][^\s]*)?$/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Normalises one URL. An empty input gives an empty result without a problem. */
export function normalizeUrl(raw: string): NormalizedUrl {
  // Browsers ignore whitespace and control characters inside a scheme ("java\nscript:"),
  // so they are removed before the scheme is judged.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  const compact = raw.replace(/[\u0000-\u0020\u007f]+/g, '');
  if (compact === '') return {};
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    // "www.example.org:8080/x" parses as scheme "www.example.org"; that is a bare host.
    if (!BARE_HOST.test(compact)) return { problem: 'url-unsafe' };
  }
  if (scheme === 'http' || scheme === 'https') {
    const url = parse(compact.replace(/\\/g, '/'));
    return url ? { url } : { problem: 'url-invalid' };
  }
  if (compact.startsWith('//')) {
    const url = parse(`https:${compact}`);
    return url ? { url, problem: 'url-scheme-added' } : { problem: 'url-invalid' };
  }
  if (BARE_HOST.test(compact.replace(/\\/g, '/'))) {
    const url = parse(`https://${compact.replace(/\\/g, '/')}`);
    return url ? { url, problem: 'url-scheme-added' } : { problem: 'url-invalid' };
  }
  return { problem: 'url-invalid' };
}

function parse(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
    if (url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}
