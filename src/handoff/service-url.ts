/** `https://host/base` + path, as `http(s):` or `ws(s):`: the navigator service's addresses. */
export function serviceUrl(base: string, path: string, scheme: 'http' | 'ws'): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`;
  url.search = '';
  url.hash = '';
  if (scheme === 'ws') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
