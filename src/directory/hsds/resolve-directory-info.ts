/**
 * Facts about the directory as a whole (time zone, country, region, name), from the data
 * where it says, else from the command line, else a clear error. The time zone matters most:
 * "open now" is computed in it, and a wrong guess would send people to closed doors.
 */
import type { DirectoryInfo } from '../snapshot.js';
import type { ImportReport } from './import-report.js';
import type { HsdsSource } from './hsds-source.js';

/** What the command line may supply. */
export interface DirectoryInfoOptions {
  timeZone?: string;
  region?: string;
  name?: string;
  /** The input's file or folder name, the last resort for a name. */
  fallbackName: string;
  /** Language of the records' text. */
  language: string;
}

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP'.split(
    ' ',
  ),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));
const COUNTRY_NAMES: Record<string, string> = {
  USA: 'US',
  'UNITED STATES': 'US',
  'UNITED STATES OF AMERICA': 'US',
  CANADA: 'CA',
  CAN: 'CA',
  'UNITED KINGDOM': 'GB',
  UK: 'GB',
  MEXICO: 'MX',
  MÉXICO: 'MX',
};
const MILES_COUNTRIES = new Set(['US', 'GB', 'LR', 'MM', 'PR']);
// The HSDS datapackage template's title, which exports often leave unchanged.
const TEMPLATE_TITLES = new Set(['human services data specification template', 'human services data']);

/** True when the runtime knows the IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return /\//.test(name) || name === 'UTC';
  } catch {
    return false;
  }
}

/** Normalises a country as written ("US ", "USA", "Canada") to ISO 3166-1 alpha-2, or ''. */
export function normalizeCountry(raw: string): string {
  const upper = raw.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return upper;
  return COUNTRY_NAMES[upper] ?? '';
}

/**
 * Decides the directory facts. Reports an error (and returns undefined) when the time zone or
 * the country cannot be decided, naming the option that fixes it.
 */
export function resolveDirectoryInfo(
  source: HsdsSource,
  options: DirectoryInfoOptions,
  report: ImportReport,
): DirectoryInfo | undefined {
  const timeZone = resolveTimeZone(source, options, report);
  const { country, stateProvinces } = resolveCountry(source, options, report);
  if (!country) {
    report.error(
      'country-inferred',
      'the country is blank in every address and cannot be inferred; pass --region (e.g. us or ca-on)',
    );
  }
  const region = options.region ?? guessRegion(country, stateProvinces, report);
  const name = resolveName(source, options, report);
  if (!timeZone || !country) return undefined;
  return {
    name: { [options.language]: name },
    timeZone,
    region,
    country,
    distanceUnit: MILES_COUNTRIES.has(country) ? 'mi' : 'km',
  };
}

function resolveTimeZone(source: HsdsSource, options: DirectoryInfoOptions, report: ImportReport): string | undefined {
  const named = new Map<string, number>();
  const offsets = new Map<number, number>();
  for (const { value, ref } of source.timeZones) {
    if (typeof value === 'number' || /^[+-]?\d{1,2}(?:\.\d+)?$/.test(String(value).trim())) {
      const offset = Number(value);
      offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
    } else if (isTimeZone(String(value).trim())) {
      named.set(String(value).trim(), (named.get(String(value).trim()) ?? 0) + 1);
    } else if (String(value).trim() !== '') {
      report.warn('time-zone-invalid', `"${String(value)}" is not an IANA time zone; ignored`, ref, {
        field: 'timezone',
        value,
      });
    }
  }
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) {
    report.error(
      'time-zone-invalid',
      `--time-zone "${options.timeZone}" is not an IANA time zone name such as America/New_York`,
    );
    return undefined;
  }
  if (named.size > 0) {
    const fromData = [...named].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
    if (named.size > 1) {
      report.warn(
        'time-zone-conflict',
        `the data names several time zones (${[...named.keys()].join(', ')}); using ${fromData}`,
        {},
      );
    }
    if (options.timeZone && options.timeZone !== fromData) {
      report.warn(
        'time-zone-conflict',
        `the data says ${fromData} but --time-zone says ${options.timeZone}; the data wins`,
        {},
      );
    }
    return fromData;
  }
  if (options.timeZone) return options.timeZone;
  if (offsets.size > 0) {
    const offset = [...offsets].sort((a, b) => b[1] - a[1])[0]?.[0] as number;
    if (Number.isInteger(offset) && offset >= -12 && offset <= 14) {
      // IANA's Etc zones have the sign inverted: UTC+3 is Etc/GMT-3.
      const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
      report.warn(
        'time-zone-from-offset',
        `the data gives only the UTC offset ${offset}; using ${zone}, which ignores daylight saving. Pass --time-zone (e.g. Europe/London) to fix`,
        {},
        { value: offset },
      );
      return zone;
    }
  }
  report.error(
    'time-zone-missing',
    'the data does not say which time zone its opening hours are in; pass --time-zone with an IANA name, e.g. --time-zone America/New_York',
  );
  return undefined;
}

function resolveCountry(
  source: HsdsSource,
  options: DirectoryInfoOptions,
  report: ImportReport,
): { country: string; stateProvinces: Map<string, number> } {
  const countries = new Map<string, number>();
  const stateProvinces = new Map<string, number>();
  for (const service of source.services) {
    for (const location of service.locations) {
      const address = location.address;
      if (!address) continue;
      const country = normalizeCountry(address.country);
      if (country) countries.set(country, (countries.get(country) ?? 0) + 1);
      const state = address.stateProvince.trim().toUpperCase();
      if (state) stateProvinces.set(state, (stateProvinces.get(state) ?? 0) + 1);
    }
  }
  if (countries.size > 0) {
    return { country: [...countries].sort((a, b) => b[1] - a[1])[0]?.[0] as string, stateProvinces };
  }
  const fromRegion = options.region ? normalizeCountry(options.region.split('-')[0] ?? '') : '';
  if (fromRegion) return { country: fromRegion, stateProvinces };
  let us = 0;
  let ca = 0;
  for (const [state, count] of stateProvinces) {
    if (US_STATES.has(state)) us += count;
    if (CA_PROVINCES.has(state)) ca += count;
  }
  const total = [...stateProvinces.values()].reduce((sum, count) => sum + count, 0);
  const country = us > total / 2 ? 'US' : ca > total / 2 ? 'CA' : '';
  if (country) {
    report.warn(
      'country-inferred',
      `every address country is blank; ${country} inferred from the states or provinces`,
      {},
      { value: country },
    );
  }
  return { country, stateProvinces };
}

function guessRegion(country: string, stateProvinces: Map<string, number>, report: ImportReport): string {
  let region = country.toLowerCase();
  if (country === 'CA') {
    const main = [...stateProvinces].filter(([state]) => CA_PROVINCES.has(state)).sort((a, b) => b[1] - a[1])[0]?.[0];
    if (main) region = `ca-${main.toLowerCase()}`;
  }
  if (region)
    report.warn(
      'region-guessed',
      `region "${region}" chosen from the country; pass --region to change it`,
      {},
      { value: region },
    );
  return region;
}

function resolveName(source: HsdsSource, options: DirectoryInfoOptions, report: ImportReport): string {
  if (options.name?.trim()) return options.name.trim();
  const title = source.title?.trim();
  if (title && !TEMPLATE_TITLES.has(title.toLowerCase())) {
    report.warn(
      'directory-name-guessed',
      `directory name "${title}" taken from the data; pass --name to change it`,
      {},
      { value: title },
    );
    return title;
  }
  report.warn(
    'directory-name-guessed',
    `no usable directory name in the data; using "${options.fallbackName}". Pass --name "Your 211 directory"`,
    {},
    { value: options.fallbackName },
  );
  return options.fallbackName;
}
