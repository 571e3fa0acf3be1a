/**
 * Links built from directory data. The build already refuses anything but http(s) URLs and
 * digit-only phone numbers; the widget checks again because a snapshot can come from anywhere
 * the `directory` attribute points.
 */

/** An http(s) URL as a string, or undefined for anything else (`javascript:`, `data:`, junk). */
export function safeWebUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A `tel:` or `sms:` URL for a number of digits with an optional leading +, else undefined. */
export function phoneUrl(scheme: 'tel' | 'sms', number: string | undefined, body?: string): string | undefined {
  if (!number || !/^\+?[0-9]{2,15}$/.test(number)) return undefined;
  return body ? `${scheme}:${number}?body=${encodeURIComponent(body)}` : `${scheme}:${number}`;
}

/** A `mailto:` URL for a plausible address, else undefined. */
export function mailtoUrl(email: string | undefined): string | undefined {
  if (!email || !/^[^\s@:/?#]+@[^\s@:/?#]+\.[^\s@:/?#]+$/.test(email)) return undefined;
  return `mailto:${email}`;
}
