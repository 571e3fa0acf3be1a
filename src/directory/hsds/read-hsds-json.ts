/**
 * Reads an HSDS 3.0 JSON export: one file or a folder of files, each holding a service, an
 * organization with nested services, a service_at_location with its service, a taxonomy
 * term, an array of any of those, or an API page (`{ "contents": [...] }`). The same service
 * may appear in several files (the official examples nest one service three ways); the
 * builder reports those duplicates.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  HsdsSource,
  SourceLocation,
  SourceOrganization,
  SourcePhone,
  SourceSchedule,
  SourceService,
  SourceTerm,
  SourceText,
} from './hsds-source.js';
import { SCHEDULE_FIELDS } from './hsds-source.js';
import type { ImportReport, SourceRef } from './import-report.js';

type Json = Record<string, unknown>;

/** Reads a file or a folder of HSDS 3.0 JSON files. */
export async function readHsdsJson(path: string, report: ImportReport): Promise<HsdsSource> {
  const files = (await stat(path)).isDirectory()
    ? (await readdir(path))
        .filter((name) => name.toLowerCase().endsWith('.json') && name !== 'datapackage.json')
        .sort()
        .map((name) => ({ full: join(path, name), file: name }))
    : [{ full: path, file: basename(path) }];
  const reader = new JsonReader(report);
  for (const { full, file } of files) {
    let document: unknown;
    try {
      document = JSON.parse(await readFile(full, 'utf8'));
    } catch (error) {
      report.error('input-unreadable', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
        file,
      });
      continue;
    }
    reader.readDocument(document, file);
  }
  return reader.finish();
}

/** Walks documents, collecting services and taxonomy terms. */
class JsonReader {
  private readonly services: SourceService[] = [];
  private readonly terms = new Map<string, { code?: string; name?: string }>();
  private readonly timeZones: HsdsSource['timeZones'] = [];
  private language: string | undefined;

  constructor(private readonly report: ImportReport) {}

  readDocument(document: unknown, file: string): void {
    if (Array.isArray(document)) {
      document.forEach((item, index) => {
        this.readItem(item, { file, path: `[${index}]` });
      });
    } else if (isObject(document) && Array.isArray(document.contents)) {
      document.contents.forEach((item, index) => {
        this.readItem(item, { file, path: `contents[${index}]` });
      });
    } else if (isObject(document) && Array.isArray(document.services) && !('id' in document) && !('name' in document)) {
      document.services.forEach((item, index) => {
        this.readItem(item, { file, path: `services[${index}]` });
      });
    } else {
      this.readItem(document, { file, path: '$' });
    }
  }

  finish(): HsdsSource {
    // Terms referenced only by id get their names from taxonomy term documents.
    for (const service of this.services) {
      for (const term of service.taxonomy) {
        const known = this.terms.get(term.code);
        if (known && !term.name) {
          if (known.name) term.name = known.name;
          if (known.code) term.code = known.code;
        }
      }
    }
    const source: HsdsSource = { kind: 'hsds-3-json', services: this.services, timeZones: this.timeZones };
    if (this.language) source.language = this.language;
    return source;
  }

  private readItem(item: unknown, ref: SourceRef): void {
    if (!isObject(item)) {
      this.report.warn('input-unrecognised', 'not a JSON object', ref);
      return;
    }
    if (isObject(item.service)) {
      this.readService(item.service, { ...ref, path: `${ref.path}.service` }, undefined, item, ref);
    } else if (Array.isArray(item.services) || looksLikeOrganization(item)) {
      this.readOrganization(item, ref);
    } else if (looksLikeTaxonomyTerm(item)) {
      this.rememberTerm(item);
    } else if (typeof item.name === 'string') {
      this.readService(item, ref, undefined);
    } else {
      this.report.warn(
        'input-unrecognised',
        'not an HSDS service, organization, service_at_location or taxonomy term',
        ref,
        {
          recordId: str(item.id),
        },
      );
    }
  }

  private readOrganization(organization: Json, ref: SourceRef): void {
    const services = Array.isArray(organization.services) ? organization.services : [];
    services.forEach((service, index) => {
      const serviceRef = { ...ref, path: `${ref.path}.services[${index}]` };
      if (isObject(service)) this.readService(service, serviceRef, { organization, ref });
      else this.report.warn('input-unrecognised', 'a service that is not a JSON object', serviceRef);
    });
  }

  private rememberTerm(term: Json): void {
    const id = str(term.id);
    if (!id) return;
    const entry: { code?: string; name?: string } = {};
    if (str(term.code)) entry.code = str(term.code);
    if (str(term.name)) entry.name = str(term.name);
    this.terms.set(id, entry);
    if (!this.language && str(term.language)) this.language = str(term.language);
  }

  private readService(
    service: Json,
    ref: SourceRef,
    parent: { organization: Json; ref: SourceRef } | undefined,
    serviceAtLocation?: Json,
    salRef?: SourceRef,
  ): void {
    const field = (name: string): SourceText | undefined => textOf(service, name, ref);
    const organization = isObject(service.organization)
      ? this.organizationOf(service.organization, { ...ref, path: `${ref.path}.organization` })
      : parent
        ? this.organizationOf(parent.organization, parent.ref)
        : undefined;
    const source: SourceService = {
      id: str(service.id),
      ref,
      name: field('name') ?? { text: '', ref, field: 'name' },
      eligibility: optional(field('eligibility_description')),
      requiredDocuments: list(service.required_documents).flatMap((document, index) =>
        optional(textOf(document, 'document', { ...ref, path: `${ref.path}.required_documents[${index}]` })),
      ),
      phones: this.phonesOf(service.phones, ref, 'phones', 'service'),
      schedules: this.schedulesOf(service.schedules, ref, 'schedules', 'service'),
      languages: this.languagesOf(service.languages, ref, 'languages'),
      locations: [],
      taxonomy: this.termsOf(service, ref),
      serviceAreas: list(service.service_areas).flatMap((area, index) =>
        optional(textOf(area, 'name', { ...ref, path: `${ref.path}.service_areas[${index}]` })),
      ),
    };
    for (const [key, name] of [
      ['alternateName', 'alternate_name'],
      ['description', 'description'],
      ['url', 'url'],
      ['email', 'email'],
      ['status', 'status'],
      ['applicationProcess', 'application_process'],
      ['interpretationServices', 'interpretation_services'],
      ['alert', 'alert'],
      ['minimumAge', 'minimum_age'],
      ['maximumAge', 'maximum_age'],
    ] as const) {
      const value = field(name);
      if (value) source[key] = value;
    }
    // "fees" is deprecated in 3.0 in favour of "fees_description"; read it only as a fallback.
    const fees = [...optional(field('fees_description') ?? field('fees')), ...this.costOptionsOf(service, ref)];
    if (fees.length > 0) source.fees = fees;
    if (organization) source.organization = organization;
    for (const contact of list(service.contacts)) {
      source.phones.push(...this.phonesOf(contact.phones, ref, 'contacts.phones', 'contact'));
    }

    const links: Array<{ sal: Json; ref: SourceRef }> = list(service.service_at_locations).map((sal, index) => ({
      sal,
      ref: { ...ref, path: `${ref.path}.service_at_locations[${index}]` },
    }));
    if (serviceAtLocation && salRef) links.push({ sal: serviceAtLocation, ref: salRef });
    for (const link of links) {
      source.phones.push(...this.phonesOf(link.sal.phones, link.ref, 'phones', 'service-at-location'));
      source.schedules.push(...this.schedulesOf(link.sal.schedules, link.ref, 'schedules', 'service-at-location'));
      if (isObject(link.sal.location)) {
        source.locations.push(this.locationOf(link.sal.location, { ...link.ref, path: `${link.ref.path}.location` }));
      }
    }
    this.services.push(source);
  }

  private organizationOf(organization: Json, ref: SourceRef): SourceOrganization {
    const result: SourceOrganization = {
      id: str(organization.id),
      ref,
      phones: this.phonesOf(organization.phones, ref, 'phones', 'organization'),
    };
    const name = textOf(organization, 'name', ref);
    const url = textOf(organization, 'website', ref) ?? textOf(organization, 'url', ref);
    const email = textOf(organization, 'email', ref);
    if (name) result.name = name;
    if (url) result.url = url;
    if (email) result.email = email;
    return result;
  }

  private locationOf(location: Json, ref: SourceRef): SourceLocation {
    const result: SourceLocation = {
      id: str(location.id) || `${ref.file}:${ref.path}`,
      ref,
      languages: this.languagesOf(location.languages, ref, 'languages'),
      phones: this.phonesOf(location.phones, ref, 'phones', 'location'),
      schedules: this.schedulesOf(location.schedules, ref, 'schedules', 'location'),
    };
    const name = textOf(location, 'name', ref);
    if (name) result.name = name;
    if (typeof location.latitude === 'number' || typeof location.latitude === 'string')
      result.latitude = location.latitude;
    if (typeof location.longitude === 'number' || typeof location.longitude === 'string')
      result.longitude = location.longitude;
    const addresses = list(location.addresses);
    const index = Math.max(
      0,
      addresses.findIndex((address) => str(address.address_type).toLowerCase() !== 'postal'),
    );
    const address = addresses[index];
    if (address) {
      result.address = {
        ref: { ...ref, path: `${ref.path}.addresses[${index}]` },
        lines: ['address_1', 'address_2', 'address_3', 'address_4']
          .map((field) => str(address[field]))
          .filter((line) => line.trim() !== ''),
        city: str(address.city),
        stateProvince: str(address.state_province),
        postalCode: str(address.postal_code),
        country: str(address.country),
      };
    }
    return result;
  }

  private phonesOf(value: unknown, ref: SourceRef, field: string, level: SourcePhone['level']): SourcePhone[] {
    return list(value).map((phone, index) => {
      const phoneRef = { ...ref, path: `${ref.path}.${field}[${index}]` };
      const result: SourcePhone = { ref: phoneRef, number: str(phone.number), level };
      if (str(phone.id)) result.id = str(phone.id);
      if (phone.extension !== undefined && phone.extension !== null && str(phone.extension) !== '')
        result.extension = str(phone.extension);
      if (str(phone.type)) result.type = str(phone.type);
      const description = textOf(phone, 'description', phoneRef);
      if (description) result.description = description;
      return result;
    });
  }

  private schedulesOf(value: unknown, ref: SourceRef, field: string, level: SourceSchedule['level']): SourceSchedule[] {
    return list(value).map((schedule, index) => {
      const scheduleRef = { ...ref, path: `${ref.path}.${field}[${index}]` };
      if (schedule.timezone !== undefined && schedule.timezone !== null && str(schedule.timezone) !== '') {
        this.timeZones.push({
          value: typeof schedule.timezone === 'number' ? schedule.timezone : str(schedule.timezone),
          ref: scheduleRef,
        });
      }
      const result: SourceSchedule = { form: 'recurring', ref: scheduleRef, level };
      const fields = SCHEDULE_FIELDS;
      for (const [key, name] of Object.entries(fields) as Array<[keyof typeof fields, string]>) {
        const text = str(schedule[name]);
        if (text !== '') result[key] = text;
      }
      return result;
    });
  }

  private languagesOf(value: unknown, ref: SourceRef, field: string): SourceText[] {
    return list(value).flatMap((language, index) => {
      const languageRef = { ...ref, path: `${ref.path}.${field}[${index}]` };
      return optional(textOf(language, 'code', languageRef) ?? textOf(language, 'name', languageRef));
    });
  }

  private termsOf(service: Json, ref: SourceRef): SourceTerm[] {
    return list(service.attributes).flatMap((attribute, index) => {
      const termRef = { ...ref, path: `${ref.path}.attributes[${index}]` };
      const term = isObject(attribute.taxonomy_term) ? attribute.taxonomy_term : undefined;
      const code = str(term?.code) || str(term?.id) || str(attribute.taxonomy_term_id);
      if (!code) return [];
      const result: SourceTerm = { code, ref: termRef };
      if (str(term?.name)) result.name = str(term?.name);
      return [result];
    });
  }

  private costOptionsOf(service: Json, ref: SourceRef): SourceText[] {
    return list(service.cost_options).flatMap((option, index) => {
      const parts = [
        str(option.option),
        [str(option.amount), str(option.currency).toUpperCase()].filter(Boolean).join(' '),
        str(option.amount_description),
      ];
      const text = parts.filter(Boolean).join(' · ');
      return text ? [{ text, ref: { ...ref, path: `${ref.path}.cost_options[${index}]` }, field: 'cost_options' }] : [];
    });
  }
}

function looksLikeOrganization(item: Json): boolean {
  return (
    ['website', 'legal_status', 'tax_status', 'year_incorporated', 'organization_identifiers', 'programs', 'logo'].some(
      (key) => key in item,
    ) &&
    !('status' in item) &&
    !('service_at_locations' in item)
  );
}

function looksLikeTaxonomyTerm(item: Json): boolean {
  return (
    ['code', 'taxonomy', 'taxonomy_detail', 'term_uri', 'taxonomy_id'].some((key) => key in item) &&
    !('status' in item) &&
    !('phones' in item)
  );
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function textOf(object: Json, field: string, ref: SourceRef): SourceText | undefined {
  const value = str(object[field]);
  return value.trim() === '' ? undefined : { text: value, ref, field };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
