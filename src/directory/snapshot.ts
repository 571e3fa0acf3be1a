/**
 * The directory snapshot format: what the widget downloads and searches, and what
 * `referral-assistant build-directory` writes. Documented for data teams in
 * `docs/snapshot-format.md`; bump {@link SNAPSHOT_VERSION} on any breaking change.
 *
 * Design notes:
 * - HSDS has no way to translate text, so every human-readable field is a
 *   {@link LocalizedText}: one string per language, the source language always present.
 *   A Spanish-speaking visitor still sees English-only records (with a note), never nothing.
 * - Everything the widget computes from (open now, distance, eligibility in plain words)
 *   is normalised at build time, so the phone that runs the widget does no parsing.
 */

/** Identifies a file as a directory snapshot. */
export const SNAPSHOT_FORMAT = 'referral-assistant/directory';
/** The snapshot version this code reads and writes. */
export const SNAPSHOT_VERSION = 1;

// The languages the widget speaks are listed in one place, src/i18n/languages.ts.
export { UI_LANGUAGES, type UiLanguage } from '../i18n/languages.js';

/**
 * Text in one or more languages, keyed by ISO 639-1 code. At least one entry is present;
 * readers fall back through {@link pickText}.
 */
export type LocalizedText = Partial<Record<string, string>>;

/** The need categories a visitor chooses from, in the order the widget offers them. */
export const NEED_CATEGORIES = [
  'food',
  'housing',
  'utilities',
  'health',
  'mental-health',
  'money',
  'work',
  'legal',
  'transportation',
  'family',
] as const;
/** A need category. "Something else" in the widget is free text, not a category. */
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

/** Two-letter weekday codes, as in iCal and HSDS `byday`. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** A weekday code. */
export type Weekday = (typeof WEEKDAYS)[number];

/** A whole snapshot file. */
export interface DirectorySnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** When the snapshot was built, ISO 8601. */
  generatedAt: string;
  /** Where the data came from, for the data team's records. */
  source?: SnapshotSource;
  directory: DirectoryInfo;
  /** Areas the directory covers. One or none means the widget never asks "which area?". */
  areas: Area[];
  services: Service[];
  /**
   * Each taxonomy code's term name, once per directory, so search can match term names without
   * repeating them in every service. Optional: readers fall back to `keywords`.
   */
  taxonomyTerms?: Record<string, LocalizedText>;
}

/** Provenance of a snapshot. */
export interface SnapshotSource {
  name: string;
  kind: 'hsds-3-json' | 'hsds-tabular' | 'hand-written';
  /** When the source was exported, ISO 8601, where known. */
  exportedAt?: string;
}

/** Facts about the directory as a whole. */
export interface DirectoryInfo {
  name: LocalizedText;
  /** IANA time zone that every schedule is written in, e.g. `America/Toronto`. */
  timeZone: string;
  /** Region data file to use for emergency and crisis lines, e.g. `ca-on` or `us`. */
  region: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** Unit for showing distances. */
  distanceUnit: 'km' | 'mi';
}

/** A part of the directory's territory that a visitor can pick or type. */
export interface Area {
  id: string;
  name: LocalizedText;
  /** Derived at build time from the directory's own addresses: no geocoding service. */
  centroid?: GeoPoint;
  /** Postal-code prefixes (Canadian FSAs such as `N9A`, or ZIP codes) that fall in this area. */
  postalCodes?: string[];
}

/** A latitude and longitude in degrees. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** One service a visitor can be referred to. */
export interface Service {
  /** Stable id from the source, unique within the snapshot. */
  id: string;
  name: LocalizedText;
  /** The organization that runs the service. */
  organization: LocalizedText;
  description: LocalizedText;
  /** Our need categories, mapped from taxonomy codes through a data file. */
  categories: NeedCategory[];
  /** The source's own taxonomy codes (AIRS/211 or Open Eligibility), kept for search and reports. */
  taxonomy: string[];
  /** Extra search words per language (taxonomy term names, alternate names). */
  keywords?: Partial<Record<string, string[]>>;
  phones: Phone[];
  email?: string;
  /** Only `http:` and `https:` URLs survive the build. */
  url?: string;
  locations: ServiceLocation[];
  /** Area ids this service serves. Empty means the whole directory. */
  areas: string[];
  /** Regular opening hours in the directory's time zone. Empty means unknown, not closed. */
  schedule: ScheduleRule[];
  /** Irregular hours and holidays, as the directory words them. */
  scheduleNote?: LocalizedText;
  /** ISO 639-1 codes of languages spoken by staff. */
  languages: string[];
  /** Age limits taken from eligibility, in years, inclusive. */
  ages?: { min?: number; max?: number };
  eligibility?: LocalizedText;
  fees?: LocalizedText;
  /** True when the directory says the service costs nothing. */
  free?: boolean;
  /** What to bring. */
  documents?: LocalizedText;
  applicationProcess?: LocalizedText;
}

/** HSDS phone types. */
export type PhoneType = 'voice' | 'text' | 'fax' | 'cell' | 'video' | 'pager' | 'textphone';

/** A phone number of a service. */
export interface Phone {
  /** Digits with an optional leading `+`, ready for `tel:` and `sms:` links. */
  number: string;
  /** How the directory writes it, for display. */
  display: string;
  extension?: string;
  type: PhoneType;
  description?: LocalizedText;
}

/** A place where a service is delivered. */
export interface ServiceLocation {
  id: string;
  name?: LocalizedText;
  address?: PostalAddress;
  point?: GeoPoint;
  /** The area this location lies in, where known. */
  area?: string;
}

/** A street address. */
export interface PostalAddress {
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

/** Opening hours on some weekdays, 24-hour `HH:MM`, in the directory's time zone. */
export interface ScheduleRule {
  days: Weekday[];
  opens: string;
  /** May be `24:00`; a time before `opens` means the service closes after midnight. */
  closes: string;
  /** ISO dates (inclusive) when the rule applies, where the source limits it. */
  validFrom?: string;
  validTo?: string;
}

/**
 * Picks the text for a language: the language itself, then English, then whatever exists.
 * Returns the language actually used so the view can mark English text inside a Spanish
 * conversation with `lang="en"`.
 */
export function pickText(
  text: LocalizedText | undefined,
  language: string,
): { text: string; language: string } | undefined {
  if (!text) return undefined;
  const own = text[language];
  if (own) return { text: own, language };
  if (text.en) return { text: text.en, language: 'en' };
  for (const [lang, value] of Object.entries(text)) {
    if (value) return { text: value, language: lang };
  }
  return undefined;
}
