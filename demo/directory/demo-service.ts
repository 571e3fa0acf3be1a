/**
 * How the demo directory's services are written: a compact, typed form that
 * {@link toService} turns into the snapshot's {@link Service}. English and Spanish are
 * required wherever a visitor reads sentences, so the compiler, not a reviewer, catches a
 * missing translation. Everything here is fictional: the town, the organizations, and every
 * phone number (555-0100 to 555-0199 are reserved for fiction in North America).
 */
import type { NeedCategory, Phone, ScheduleRule, Service, Weekday } from '../../src/directory/snapshot.js';
import { AREAS } from './demo-areas.js';
import type { DemoAreaId } from './demo-areas.js';

/**
 * Text a visitor reads, in both of the widget's languages. A type alias rather than an
 * interface, so that it is assignable to the snapshot's `LocalizedText` record.
 */
export type Bilingual = { en: string; es: string };

/** A service as the demo's data files write it. */
export interface DemoService {
  id: string;
  /** A proper name may stay in English only. */
  name: string | Bilingual;
  /** Organization names are proper names, in English. */
  organization: string;
  description: Bilingual;
  categories: NeedCategory[];
  /** AIRS/211 taxonomy codes. */
  taxonomy: string[];
  keywords: { en: string[]; es: string[] };
  phones: Phone[];
  email?: string;
  url?: string;
  /** Where the service is delivered or its office is. */
  address: { street: string; area: DemoAreaId; name?: Bilingual };
  /** Areas served; empty or absent means the whole directory. */
  serves?: DemoAreaId[];
  schedule: ScheduleRule[];
  scheduleNote?: Bilingual;
  languages: string[];
  ages?: { min?: number; max?: number };
  eligibility: Bilingual;
  /** Absent means free, worded as {@link FREE}. */
  fees?: Bilingual;
  documents?: Bilingual;
  applicationProcess?: Bilingual;
}

/** The fees text of a free service. */
export const FREE: Bilingual = { en: 'Free.', es: 'Gratis.' };

const MONDAY_TO_FRIDAY: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const EVERY_DAY: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Opening hours on some days; `closes` before `opens` means after midnight. */
export function hours(days: Weekday[] | 'weekdays' | 'daily', opens: string, closes: string): ScheduleRule {
  return { days: days === 'weekdays' ? MONDAY_TO_FRIDAY : days === 'daily' ? EVERY_DAY : days, opens, closes };
}

/** Monday to Friday, 9 to 5: the most common schedule. */
export const OFFICE_HOURS: ScheduleRule[] = [hours('weekdays', '09:00', '17:00')];
/** Always open: lines and shelters. */
export const ALWAYS: ScheduleRule[] = [hours('daily', '00:00', '24:00')];

/** A fictional local number, 519-555-01xx. */
export function local(last4: string, options: { extension?: string; description?: Bilingual } = {}): Phone {
  return phone('519', last4, 'voice', options);
}

/** A fictional local number that takes text messages. */
export function textLine(last4: string, description?: Bilingual): Phone {
  return phone('519', last4, 'text', description ? { description } : {});
}

/** A fictional toll-free number, 1-800-555-01xx. */
export function tollFree(last4: string, description?: Bilingual): Phone {
  return phone('800', last4, 'voice', description ? { description } : {});
}

function phone(
  areaCode: string,
  last4: string,
  type: Phone['type'],
  options: { extension?: string; description?: Bilingual },
): Phone {
  if (!/^01\d\d$/.test(last4)) throw new Error(`fictional numbers are 555-0100 to 555-0199, got 555-${last4}`);
  return {
    number: `+1${areaCode}555${last4}`,
    display: `${areaCode === '800' ? '1-800' : areaCode}-555-${last4}`,
    type,
    ...options,
  };
}

/** Turns a demo entry into a snapshot service. */
export function toService(entry: DemoService): Service {
  const area = AREAS[entry.address.area];
  // Seeded by the address, so that services sharing a building share its point and postal code.
  const random = seeded(`${entry.address.area} ${building(entry.address.street)}`);
  const point = {
    lat: round(area.center.lat + (random() - 0.5) * area.spread.lat + area.spread.shift),
    lon: round(area.center.lon + (random() - 0.5) * area.spread.lon),
  };
  const postalCode = `${area.fsa} ${random.digit()}${random.letter()}${random.digit()}`;
  const service: Service = {
    id: entry.id,
    name: typeof entry.name === 'string' ? { en: entry.name } : { ...entry.name },
    organization: { en: entry.organization },
    description: { ...entry.description },
    categories: entry.categories,
    taxonomy: entry.taxonomy,
    keywords: entry.keywords,
    phones: entry.phones,
    locations: [
      {
        id: `${entry.id}-site`,
        ...(entry.address.name ? { name: { ...entry.address.name } } : {}),
        address: { street: entry.address.street, city: area.city, region: 'ON', postalCode, country: 'CA' },
        point,
        area: entry.address.area,
      },
    ],
    areas: entry.serves ?? [],
    schedule: entry.schedule,
    languages: entry.languages,
    eligibility: { ...entry.eligibility },
    fees: { ...(entry.fees ?? FREE) },
    free: !entry.fees,
  };
  if (entry.email) service.email = entry.email;
  if (entry.url) service.url = entry.url;
  if (entry.scheduleNote) service.scheduleNote = { ...entry.scheduleNote };
  if (entry.ages) service.ages = entry.ages;
  if (entry.documents) service.documents = { ...entry.documents };
  if (entry.applicationProcess) service.applicationProcess = { ...entry.applicationProcess };
  return service;
}

// "Kestrel Community Hall, 4410 Concession 6" and "4410 Concession 6" are one building.
function building(street: string): string {
  return street.split(', ').find((part) => /^\d/.test(part)) ?? street;
}

function round(degrees: number): number {
  return Math.round(degrees * 1e5) / 1e5;
}

// Canada Post never uses D, F, I, O, Q or U in postal codes.
const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';

/**
 * A small deterministic random source seeded by an address, so that points and postal
 * codes stay the same from one build to the next and the committed JSON only changes when
 * the data does.
 */
function seeded(seed: string): (() => number) & { digit(): string; letter(): string } {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Object.assign(next, {
    digit: () => String(Math.floor(next() * 10)),
    letter: () => POSTAL_LETTERS[Math.floor(next() * POSTAL_LETTERS.length)]!,
  });
}
