/**
 * The translation function the views receive: i18next's `t`, with directory text in
 * parameters (an area's name) resolved to the current language first.
 */
import type { i18n as I18n } from 'i18next';
import type { Line, MessageParams } from '../conversation/chat-message.js';
import { pickText, type LocalizedText } from '../directory/snapshot.js';
import type { TranslationKey } from '../i18n/i18n.js';

/** Translates a key with parameters into the current language. */
export type Translate = (key: TranslationKey, params?: MessageParams) => string;

/** Makes a {@link Translate} over an i18next instance. */
export function createTranslate(i18n: I18n): Translate {
  const t = i18n.t;
  return (key, params) => {
    // Wording that loads apart shows as nothing for the moment it takes, never as its key.
    if (/^(lines|phrasebook):/.test(key) && !i18n.hasResourceBundle(i18n.language, 'lines')) return '';
    if (!params) return t(key);
    const resolved: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(params)) {
      resolved[name] =
        typeof value === 'object' ? (pickText(value as LocalizedText, i18n.language)?.text ?? '') : value;
    }
    return t(key, resolved);
  };
}

/** Translates a {@link Line}. */
export function translateLine(translate: Translate, line: Line): string {
  return translate(line.key, line.params);
}
