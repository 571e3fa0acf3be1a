/**
 * Turns a directory phone entry into a {@link Phone}: a dialable number for `tel:` and
 * `sms:` links, the number as written for display, the extension and the HSDS type. In the
 * US and Canada numbers become E.164 (`+13055551234`), so a visitor whose phone carries a
 * foreign SIM, as many migrant workers' do, can still dial them.
 */
import type { Phone, PhoneType } from '../snapshot.js';
import type { ProblemKind } from './import-report.js';

/** A phone as the source gives it. */
export interface RawPhone {
  number: string;
  extension?: string | number | undefined;
  type?: string | undefined;
}

/** A problem found while normalising, for the report. */
export interface PhoneProblem {
  kind: Extract<ProblemKind, 'phone-invalid' | 'phone-extension-moved' | 'phone-type-unknown' | 'phone-cleaned'>;
  detail: string;
}

/** The phone (absent when the number is unusable) and what was wrong. */
export interface NormalizedPhone {
  phone?: Omit<Phone, 'description'>;
  problems: PhoneProblem[];
}

const NANP_COUNTRIES = new Set(['US', 'CA', 'PR', 'VI', 'GU', 'AS', 'MP']);
// 211, 311, 411, 511, 611, 711, 811, 911 and 988 are dialled as they are.
const SHORT_CODE = /^(?:[2-9]11|988)$/;
const EXTENSION = /[\s,;]*(?:\bext(?:ension)?\.?|\bx|#)\s*[:.]?\s*([0-9a-z]{1,10})\s*$/i;
const KEYPAD: Record<string, string> = {
  a: '2',
  b: '2',
  c: '2',
  d: '3',
  e: '3',
  f: '3',
  g: '4',
  h: '4',
  i: '4',
  j: '5',
  k: '5',
  l: '5',
  m: '6',
  n: '6',
  o: '6',
  p: '7',
  q: '7',
  r: '7',
  s: '7',
  t: '8',
  u: '8',
  v: '8',
  w: '9',
  x: '9',
  y: '9',
  z: '9',
};
const TYPES: Record<string, PhoneType> = {
  voice: 'voice',
  phone: 'voice',
  main: 'voice',
  office: 'voice',
  landline: 'voice',
  tel: 'voice',
  telephone: 'voice',
  hotline: 'voice',
  work: 'voice',
  'toll free': 'voice',
  'toll-free': 'voice',
  text: 'text',
  sms: 'text',
  'text message': 'text',
  fax: 'fax',
  facsimile: 'fax',
  cell: 'cell',
  mobile: 'cell',
  cellular: 'cell',
  video: 'video',
  pager: 'pager',
  textphone: 'textphone',
  tty: 'textphone',
  tdd: 'textphone',
  'tty/tdd': 'textphone',
};

/**
 * Normalises one phone. `country` (ISO 3166-1 alpha-2) decides how numbers without a
 * country code are dialled.
 */
export function normalizePhone(raw: RawPhone, country: string): NormalizedPhone {
  const problems: PhoneProblem[] = [];
  let written = raw.number.replace(/\s+/g, ' ').trim();
  const unquoted = written.replace(/^["'\s]+|["'\s]+$/g, '');
  if (unquoted !== written) {
    problems.push({ kind: 'phone-cleaned', detail: 'quotes removed' });
    written = unquoted;
  }
  if (written === '') return { problems };

  let extension = raw.extension === undefined ? '' : String(raw.extension).trim();
  const inline = EXTENSION.exec(written);
  if (inline && /\d/.test(written.slice(0, inline.index))) {
    const found = inline[1] as string;
    if (extension === '' || extension === found) {
      extension = found;
      problems.push({ kind: 'phone-extension-moved', detail: `extension ${found}` });
    }
    written = written.slice(0, inline.index).trim();
  }
  extension = extension.replace(/^(?:ext(?:ension)?\.?|x)\s*/i, '');
  // Extensions are dialled, so only digits are kept ("OPT9" is "press 9").
  if (/\D/.test(extension)) {
    const dialled = extension.replace(/\D/g, '');
    problems.push({ kind: 'phone-cleaned', detail: `extension "${extension}" kept as "${dialled}"` });
    extension = dialled;
  }

  const hasPlus = written.trimStart().startsWith('+');
  // Vanity numbers (1-800-FOOD-NOW) mix digits and letters; "call us" is not a number.
  const letters = /[a-z]/i.test(written) && (written.match(/\d/g)?.length ?? 0) >= 3;
  const digits = (
    letters ? written.toLowerCase().replace(/[a-z]/g, (letter) => KEYPAD[letter] ?? '') : written
  ).replace(/\D/g, '');
  if (letters) problems.push({ kind: 'phone-cleaned', detail: 'letters read as keypad digits' });

  const typeKey = (raw.type ?? '').trim().toLowerCase();
  let type: PhoneType = 'voice';
  if (typeKey !== '') {
    const known = TYPES[typeKey];
    if (known) type = known;
    else problems.push({ kind: 'phone-type-unknown', detail: `type "${raw.type}"` });
  }

  const number = dialable(digits, hasPlus, country.toUpperCase(), type);
  if (number === undefined) {
    problems.push({ kind: 'phone-invalid', detail: `"${raw.number}" has ${digits.length} digits` });
    return { problems };
  }

  const phone: Omit<Phone, 'description'> = { number, display: written, type };
  if (extension !== '') phone.extension = extension;
  return { phone, problems };
}

function dialable(digits: string, hasPlus: boolean, country: string, type: PhoneType): string | undefined {
  if (hasPlus) return digits.length >= 7 && digits.length <= 15 ? `+${digits}` : undefined;
  if (SHORT_CODE.test(digits)) return digits;
  // "000-000-0211": a short code squeezed into a ten-digit field.
  const unpadded = digits.replace(/^0+/, '');
  if (unpadded !== digits && SHORT_CODE.test(unpadded)) return unpadded;
  // Text lines such as 741741 are short codes, valid only for sms: links.
  if (type === 'text' && /^\d{5,6}$/.test(digits)) return digits;
  if (NANP_COUNTRIES.has(country)) {
    if (digits.length === 10 && /^[2-9]/.test(digits)) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
    return undefined;
  }
  // Elsewhere, without a country calling code table, keep the national number as dialled.
  return digits.length >= 5 && digits.length <= 15 ? digits : undefined;
}
