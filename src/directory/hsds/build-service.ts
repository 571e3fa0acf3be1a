/**
 * One source service to one snapshot {@link Service}: every text cleaned, phones, hours,
 * languages, ages and categories normalised, and every change reported against the file,
 * line, record and field it came from.
 */
import type {
  GeoPoint,
  LocalizedText,
  Phone,
  PostalAddress,
  ScheduleRule,
  Service,
  ServiceLocation,
} from '../snapshot.js';
import { cleanText, type CleanTextOptions } from './clean-text.js';
import { detectFree } from './detect-free.js';
import type { SourceLocation, SourcePhone, SourceService, SourceText } from './hsds-source.js';
import type { ImportReport, SourceRef } from './import-report.js';
import { mapCategories, type CategoryMap } from './map-categories.js';
import { normalizeEmail } from './normalize-email.js';
import { normalizeLanguages } from './normalize-language.js';
import { normalizePhone } from './normalize-phone.js';
import {
  groupScheduleRules,
  parseWeekday,
  readOpeningHours,
  readRecurringSchedule,
  type DayHours,
} from './normalize-schedule.js';
import { normalizeUrl } from './normalize-url.js';
import { parseAges } from './parse-ages.js';
import { normalizeCountry } from './resolve-directory-info.js';

/** What building a service needs besides the service. */
export interface ServiceBuildContext {
  /** ISO 3166-1 alpha-2 country of the directory. */
  country: string;
  /** Language of the source text (ISO 639-1). */
  language: string;
  categoryMap: CategoryMap;
  /** Today as `YYYY-MM-DD`, to report expired schedules. */
  today: string;
  report: ImportReport;
}

/** Statuses whose services must not be offered to a visitor. */
const CLOSED_STATUSES = new Set(['inactive', 'defunct', 'temporarily closed', 'closed']);

/** Builds a service, or returns undefined (reported) when it must be dropped. */
export function buildService(source: SourceService, context: ServiceBuildContext): Service | undefined {
  const { report } = context;
  const id = source.id;
  const status = source.status?.text.trim().toLowerCase() ?? '';
  if (CLOSED_STATUSES.has(status)) {
    report.warn('service-inactive', `status "${status}": not offered to visitors`, source.ref, {
      recordId: id,
      field: source.status?.field ?? 'status',
      value: status,
      droppedService: true,
    });
    return undefined;
  }
  const fields = new FieldCleaner(id, report);
  const name = fields.clean(source.name, { singleLine: true });
  if (name === '') {
    report.warn('missing-name', 'service without a name', source.ref, {
      recordId: id,
      field: 'name',
      droppedService: true,
    });
    return undefined;
  }

  const lang = context.language;
  const localized = (text: string): LocalizedText => ({ [lang]: text });
  let organizationName = fields.clean(source.organization?.name, { singleLine: true }, source.organization?.id);
  if (organizationName === '') {
    // 211 exports name a location after the organization and the site, which reads better
    // as "who runs this" than the service's own name.
    const named = source.locations.find((location) => location.name);
    const locationName = fields.clean(named?.name, { singleLine: true }, named?.id);
    report.warn(
      'organization-missing',
      `the service has no organization name; ${locationName ? 'its location name' : 'its own name'} is used`,
      source.ref,
      { recordId: id, field: 'organization_id', value: source.organization?.id },
    );
    organizationName = locationName || name;
  }

  const description = fields.clean(source.description);
  if (description === '') {
    report.warn('description-missing', 'the service has no description; its name is used', source.ref, {
      recordId: id,
      field: 'description',
    });
  }

  const service: Service = {
    id,
    name: localized(name),
    // The format requires both; the service's name is the least wrong stand-in.
    organization: localized(organizationName),
    description: localized(description || name),
    categories: mapCategories(source.taxonomy, context.categoryMap),
    taxonomy: [...new Set(source.taxonomy.map((term) => term.code))],
    phones: buildPhones(source, context),
    locations: [],
    areas: [],
    schedule: [],
    languages: [],
  };
  if (service.categories.length === 0) {
    report.warn(
      'taxonomy-unmapped',
      source.taxonomy.length === 0
        ? 'no taxonomy terms'
        : `none of ${service.taxonomy.join(', ')} maps to a need category`,
      source.ref,
      { recordId: id, field: 'taxonomy' },
    );
  }

  const keywords = [
    ...new Set(
      [
        fields.clean(source.alternateName, { singleLine: true }),
        ...source.taxonomy.map((term) =>
          fields.cleanRaw(term.name ?? '', term.ref, 'taxonomy.name', { singleLine: true }, term.code),
        ),
      ].filter((word) => word !== ''),
    ),
  ];
  if (keywords.length > 0) service.keywords = { [lang]: keywords };

  const organizationId = source.organization?.id ?? id;
  const url =
    buildUrl(source.url, id, report) ?? buildUrl(source.organization?.url, organizationId, report, 'organization');
  if (url) service.url = url;
  const email = buildEmail(source.email, id, report) ?? buildEmail(source.organization?.email, organizationId, report);
  if (email) service.email = email;

  const locations = buildLocations(source.locations, id, context, fields);
  service.locations = locations;
  service.languages = buildLanguages(source, id, report);

  const { rules, note } = buildSchedule(source, context, fields);
  service.schedule = rules;
  if (note) service.scheduleNote = localized(note);

  const eligibility = fields.cleanAll(source.eligibility);
  if (eligibility) service.eligibility = localized(eligibility);
  const ages = buildAges(source, eligibility, report);
  if (ages) service.ages = ages;

  const fees = fields.cleanAll(source.fees ?? []);
  if (fees) {
    service.fees = localized(fees);
    const free = detectFree(fees);
    if (free !== undefined) service.free = free;
  }
  const documents = fields.cleanAll(source.requiredDocuments);
  if (documents) service.documents = localized(documents);
  const applicationProcess = fields.clean(source.applicationProcess);
  if (applicationProcess) service.applicationProcess = localized(applicationProcess);
  return service;
}

/** Cleans text fields of one record and reports every change. */
class FieldCleaner {
  constructor(
    private readonly recordId: string,
    private readonly report: ImportReport,
  ) {}

  /** Cleans one source field; absent fields give ''. `recordId` names a related record (organization, location). */
  clean(text: SourceText | undefined, options: CleanTextOptions = {}, recordId = this.recordId): string {
    if (!text) return '';
    return this.cleanRaw(text.text, text.ref, text.field, options, recordId);
  }

  /** Cleans several entries of one field and joins them as paragraphs. */
  cleanAll(texts: SourceText[]): string {
    const parts = texts.map((text) => this.clean(text)).filter((part) => part !== '');
    return [...new Set(parts)].join('\n\n');
  }

  /** Cleans a raw string from a known place. */
  cleanRaw(
    raw: string,
    ref: SourceRef,
    field: string,
    options: CleanTextOptions = {},
    recordId = this.recordId,
  ): string {
    if (raw === '') return '';
    const { text, changes } = cleanText(raw, options);
    for (const change of changes) {
      this.report.warn(change.kind, change.detail, ref, { recordId, field, value: raw });
    }
    return text;
  }
}

const PHONE_LEVELS: SourcePhone['level'][] = ['service', 'service-at-location', 'location', 'organization', 'contact'];

/** The service's own phones; failing that its locations', then its organization's. */
function buildPhones(source: SourceService, context: ServiceBuildContext): Phone[] {
  const all = [
    ...source.phones,
    ...source.locations.flatMap((location) => location.phones),
    ...(source.organization?.phones ?? []),
  ];
  const phones: Phone[] = [];
  const seen = new Set<string>();
  for (const level of PHONE_LEVELS) {
    for (const raw of all.filter((phone) => phone.level === level)) {
      const { phone, problems } = normalizePhone(raw, context.country);
      const recordId = raw.id ?? source.id;
      for (const problem of problems) {
        context.report.warn(problem.kind, problem.detail, raw.ref, { recordId, field: 'number', value: raw.number });
      }
      if (!phone) continue;
      const key = `${phone.number}|${phone.extension ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const full: Phone = { ...phone };
      if (raw.description) {
        const description = new FieldCleaner(recordId, context.report).clean(raw.description);
        if (description) full.description = { [context.language]: description };
      }
      phones.push(full);
    }
    if (phones.length > 0) break;
  }
  return phones;
}

function buildUrl(
  raw: SourceText | undefined,
  recordId: string,
  report: ImportReport,
  owner: 'service' | 'organization' = 'service',
): string | undefined {
  if (!raw || raw.text.trim() === '') return undefined;
  const { url, problem } = normalizeUrl(raw.text);
  if (problem) {
    const messages = {
      'url-unsafe': `${owner} URL removed: only http and https links are kept`,
      'url-invalid': `${owner} URL removed: it cannot be read as a web address`,
      'url-scheme-added': `${owner} URL without a scheme; https:// added`,
    };
    report.warn(problem, messages[problem], raw.ref, { recordId, field: raw.field, value: raw.text });
  }
  return url;
}

function buildEmail(raw: SourceText | undefined, recordId: string, report: ImportReport): string | undefined {
  if (!raw || raw.text.trim() === '') return undefined;
  const email = normalizeEmail(raw.text);
  if (!email)
    report.warn('email-invalid', 'e-mail address removed', raw.ref, { recordId, field: raw.field, value: raw.text });
  return email;
}

function buildLocations(
  sources: SourceLocation[],
  serviceId: string,
  context: ServiceBuildContext,
  fields: FieldCleaner,
): ServiceLocation[] {
  const locations: ServiceLocation[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.id)) continue;
    seen.add(source.id);
    const location: ServiceLocation = { id: source.id };
    const name = fields.clean(source.name, { singleLine: true }, source.id);
    if (name) location.name = { [context.language]: name };
    const address = buildAddress(source, context, fields);
    if (address) location.address = address;
    const point = buildPoint(source, serviceId, context.report);
    if (point) location.point = point;
    locations.push(location);
  }
  return locations;
}

function buildAddress(
  source: SourceLocation,
  context: ServiceBuildContext,
  fields: FieldCleaner,
): PostalAddress | undefined {
  const raw = source.address;
  if (!raw) return undefined;
  const single = { singleLine: true };
  const street = raw.lines
    .map((line, index) => fields.cleanRaw(line, raw.ref, `address_${index + 1}`, single, source.id))
    .filter((line) => line !== '')
    .join(', ');
  const city = fields.cleanRaw(raw.city, raw.ref, 'city', single, source.id);
  const region = fields.cleanRaw(raw.stateProvince, raw.ref, 'state_province', single, source.id);
  const postalCode = fields.cleanRaw(raw.postalCode, raw.ref, 'postal_code', single, source.id);
  let country = normalizeCountry(raw.country);
  if (country === '') {
    country = context.country;
    context.report.warn('country-filled', `blank country; ${country} used`, raw.ref, {
      recordId: source.id,
      field: 'country',
      value: raw.country,
    });
  }
  if (street === '' && city === '' && postalCode === '') return undefined;
  const missing = Object.entries({ street, city, state_province: region, postal_code: postalCode })
    .filter(([, value]) => value === '')
    .map(([field]) => field);
  if (missing.length > 0) {
    // The snapshot format needs every part; a partial address would make the widget refuse the file.
    context.report.warn('address-incomplete', `address without ${missing.join(', ')} left out`, raw.ref, {
      recordId: source.id,
      field: missing.join(','),
      value: [street, city, region, postalCode].join(' | '),
    });
    return undefined;
  }
  return { street, city, region, postalCode, country };
}

function buildPoint(source: SourceLocation, serviceId: string, report: ImportReport): GeoPoint | undefined {
  const rawLat = source.latitude;
  const rawLon = source.longitude;
  const blank = (value: string | number | undefined) => value === undefined || String(value).trim() === '';
  if (blank(rawLat) && blank(rawLon)) return undefined;
  const lat = Number(rawLat);
  const lon = Number(rawLon);
  const valid =
    !blank(rawLat) &&
    !blank(rawLon) &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180 &&
    !(lat === 0 && lon === 0);
  if (!valid) {
    report.warn('coordinates-invalid', 'latitude/longitude out of range or not numbers; point dropped', source.ref, {
      recordId: source.id,
      field: 'latitude,longitude',
      value: `${String(rawLat)},${String(rawLon)} (service ${serviceId})`,
    });
    return undefined;
  }
  // Five decimals is about a metre: as precise as any address, and fewer bytes to download.
  return { lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
}

function buildLanguages(source: SourceService, serviceId: string, report: ImportReport): string[] {
  const codes: string[] = [];
  const entries = [...source.languages, ...source.locations.flatMap((location) => location.languages)];
  for (const entry of entries) {
    const { codes: found, problem } = normalizeLanguages(entry.text);
    for (const code of found) if (!codes.includes(code)) codes.push(code);
    if (problem)
      report.warn(problem.kind, problem.detail, entry.ref, {
        recordId: serviceId,
        field: entry.field,
        value: entry.text,
      });
  }
  return codes;
}

/**
 * The service's own hours; failing that, its service-at-location hours; failing that, its
 * locations' hours. Returns the rules and the directory's own words for what rules cannot say.
 */
function buildSchedule(
  source: SourceService,
  context: ServiceBuildContext,
  fields: FieldCleaner,
): { rules: ScheduleRule[]; note: string } {
  const all = [...source.schedules, ...source.locations.flatMap((location) => location.schedules)];
  const level = (['service', 'service-at-location', 'location'] as const).find((candidate) =>
    all.some((schedule) => schedule.level === candidate),
  );
  const schedules = all.filter((schedule) => schedule.level === level);
  const periods: DayHours[] = [];
  const notes: string[] = [];
  const { report } = context;
  let unreadable = false;
  const originals = new Set<string>();
  const recurringKeys = new Set<string>();
  for (const schedule of schedules) {
    const recordId = source.id;
    if (schedule.form === 'weekday') {
      if (schedule.originalText) originals.add(schedule.originalText);
      const day = parseWeekday(schedule.weekday);
      if (schedule.opensAt.trim() === '' && schedule.closesAt.trim() === '') {
        unreadable = true;
        report.warn('schedule-time-invalid', 'no opening or closing time', schedule.ref, {
          recordId,
          field: 'opens_at',
          value: schedule.originalText ?? '',
        });
        continue;
      }
      if (!day) {
        unreadable = true;
        report.warn('schedule-weekday-invalid', `weekday "${schedule.weekday}"`, schedule.ref, {
          recordId,
          field: 'weekday',
          value: schedule.weekday,
        });
        continue;
      }
      const hours = readOpeningHours(schedule.opensAt, schedule.closesAt);
      for (const problem of hours.problems) {
        if (problem.kind !== 'schedule-meridiem-guessed') unreadable = true;
        report.warn(problem.kind, problem.detail, schedule.ref, {
          recordId,
          field: 'opens_at,closes_at',
          value: `${schedule.opensAt} - ${schedule.closesAt}`,
        });
      }
      if ('opens' in hours) periods.push({ day, opens: hours.opens, closes: hours.closes });
      else if (!schedule.originalText) notes.push(`${schedule.weekday} ${schedule.opensAt}-${schedule.closesAt}`);
      continue;
    }
    const key = JSON.stringify({ ...schedule, ref: undefined, id: undefined, level: undefined });
    if (recurringKeys.has(key)) continue;
    recurringKeys.add(key);
    const read = readRecurringSchedule({
      freq: schedule.freq,
      interval: schedule.interval,
      byday: schedule.byday,
      byweekno: schedule.byweekno,
      bymonthday: schedule.bymonthday,
      byyearday: schedule.byyearday,
      count: schedule.count,
      opens_at: schedule.opensAt,
      closes_at: schedule.closesAt,
      valid_from: schedule.validFrom,
      valid_to: schedule.validTo,
    });
    for (const problem of read.problems) {
      report.warn(problem.kind, problem.detail, schedule.ref, { recordId: schedule.id ?? recordId, field: 'schedule' });
    }
    periods.push(...read.periods);
    for (const [text, field] of [
      [schedule.description, 'description'],
      [schedule.notes, 'notes'],
    ] as const) {
      const cleaned = fields.cleanRaw(text ?? '', schedule.ref, `schedule.${field}`);
      if (cleaned) notes.push(cleaned);
    }
    if (read.periods.length === 0 && !schedule.description && !schedule.notes) {
      notes.push([schedule.byday, schedule.opensAt, schedule.closesAt].filter(Boolean).join(' '));
    }
  }
  if (unreadable) {
    for (const original of originals) {
      const cleaned = fields.cleanRaw(original, schedules[0]?.ref ?? source.ref, 'original_text');
      if (cleaned) notes.unshift(cleaned);
    }
  }
  const rules = groupScheduleRules(periods);
  const expired = rules.filter((rule) => rule.validTo !== undefined && rule.validTo < context.today);
  if (expired.length > 0) {
    report.warn(
      'schedule-expired',
      `valid_to ${expired.map((rule) => rule.validTo).join(', ')} has passed`,
      schedules[0]?.ref ?? source.ref,
      {
        recordId: source.id,
        field: 'valid_to',
      },
    );
  }
  const locationsWithHours = source.locations.filter((location) => location.schedules.length > 0).length;
  if (level === 'location' && locationsWithHours > 1 && rules.length > 1) {
    report.warn('schedule-merged', `hours of ${locationsWithHours} locations were merged`, source.ref, {
      recordId: source.id,
      field: 'schedule',
    });
  }
  return { rules, note: [...new Set(notes)].join('\n') };
}

function buildAges(source: SourceService, eligibility: string, report: ImportReport): Service['ages'] {
  const min = numberOf(source.minimumAge);
  const max = numberOf(source.maximumAge);
  if (min !== undefined || max !== undefined) {
    if (min !== undefined && max !== undefined && min > max) {
      report.warn('ages-conflict', `minimum_age ${min} is above maximum_age ${max}`, source.ref, {
        recordId: source.id,
        field: 'minimum_age',
      });
      return undefined;
    }
    const ages: NonNullable<Service['ages']> = {};
    if (min !== undefined && min > 0) ages.min = min;
    if (max !== undefined && max < 120) ages.max = max;
    return ages.min === undefined && ages.max === undefined ? undefined : ages;
  }
  return eligibility ? parseAges(eligibility) : undefined;
}

function numberOf(text: SourceText | undefined): number | undefined {
  if (!text || text.text.trim() === '') return undefined;
  const value = Number(text.text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
