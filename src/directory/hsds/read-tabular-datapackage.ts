/**
 * Reads an HSDS tabular export: a folder with `datapackage.json` and CSV tables (HSDS 1.x
 * and 2.x, as most 211s publish, and the HSDS 3.0 CSV layout), and joins the tables into
 * {@link SourceService}s. Tables are found through datapackage.json's resources, falling back
 * to their usual file names; columns are read by header name, because real exports reorder
 * and add columns (Miami's `regular_schedules.csv` has an `original_text` the template lacks).
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseCsv, type CsvRecord } from './csv.js';
import type {
  HsdsSource,
  SourceLocation,
  SourcePhone,
  SourceSchedule,
  SourceService,
  SourceTerm,
  SourceText,
} from './hsds-source.js';
import { SCHEDULE_FIELDS } from './hsds-source.js';
import type { ImportReport, SourceRef } from './import-report.js';
import { numberedWeekday, weekdayNumbering } from './normalize-schedule.js';

/** The tables the importer reads, with the resource names and file names each may have. */
const TABLES = {
  organizations: { resources: ['organization', 'organizations'], files: ['organizations.csv'] },
  services: { resources: ['service', 'services'], files: ['services.csv'] },
  locations: { resources: ['location', 'locations'], files: ['locations.csv'] },
  serviceAtLocation: {
    resources: ['service_at_location', 'services_at_location', 'service_at_locations'],
    files: ['services_at_location.csv', 'service_at_location.csv'],
  },
  phones: { resources: ['phone', 'phones'], files: ['phones.csv'] },
  physicalAddresses: {
    resources: ['physical_address', 'physical_addresses', 'address', 'addresses'],
    files: ['physical_addresses.csv', 'addresses.csv'],
  },
  postalAddresses: { resources: ['postal_address', 'postal_addresses'], files: ['postal_addresses.csv'] },
  schedules: {
    resources: ['regular_schedule', 'regular_schedules', 'schedule', 'schedules'],
    files: ['regular_schedules.csv', 'schedules.csv'],
  },
  holidaySchedules: { resources: ['holiday_schedule', 'holiday_schedules'], files: ['holiday_schedules.csv'] },
  languages: { resources: ['language', 'languages'], files: ['languages.csv'] },
  eligibility: { resources: ['eligibility'], files: ['eligibility.csv'] },
  serviceTaxonomy: {
    resources: ['service_taxonomy', 'services_taxonomy'],
    files: ['services_taxonomy.csv', 'service_taxonomy.csv'],
  },
  taxonomy: {
    resources: ['taxonomy', 'taxonomy_term', 'taxonomy_terms'],
    files: ['taxonomy.csv', 'taxonomy_terms.csv'],
  },
  attributes: { resources: ['attribute', 'attributes'], files: ['attributes.csv'] },
  requiredDocuments: { resources: ['required_document', 'required_documents'], files: ['required_documents.csv'] },
  serviceAreas: { resources: ['service_area', 'service_areas'], files: ['service_areas.csv'] },
} as const;

type TableName = keyof typeof TABLES;

/** A loaded table: its file (relative to the folder) and records. */
interface Table {
  file: string;
  records: CsvRecord[];
}

/** Reads and joins a tabular export. Problems go to the report; only unreadable inputs throw. */
export async function readTabularDatapackage(
  folder: string,
  report: ImportReport,
  onProgress?: (message: string) => void,
): Promise<HsdsSource> {
  const descriptor = await readDescriptor(folder, report);
  const tables: Partial<Record<TableName, Table>> = {};
  for (const name of Object.keys(TABLES) as TableName[]) {
    onProgress?.(`reading ${TABLES[name].files[0]}`);
    const table = await loadTable(folder, name, descriptor, report);
    if (table) tables[name] = table;
  }
  if (!tables.services) {
    report.error('table-missing', 'no services table (services.csv) in the folder', { file: folder });
    return { kind: 'hsds-tabular', services: [], timeZones: [] };
  }
  onProgress?.('joining tables');
  const source: HsdsSource = {
    kind: 'hsds-tabular',
    services: joinServices(tables as Required<Pick<typeof tables, 'services'>> & typeof tables, report),
    timeZones: timeZonesOf(descriptor, tables),
  };
  if (typeof descriptor?.title === 'string') source.title = descriptor.title;
  const created = descriptor?.created ?? descriptor?.last_modified;
  if (typeof created === 'string') source.exportedAt = created;
  return source;
}

interface Descriptor {
  title?: unknown;
  created?: unknown;
  last_modified?: unknown;
  timezone?: unknown;
  resources?: Array<{ name?: unknown; path?: unknown }>;
}

async function readDescriptor(folder: string, report: ImportReport): Promise<Descriptor | undefined> {
  let text: string;
  try {
    text = await readFile(join(folder, 'datapackage.json'), 'utf8');
  } catch {
    report.warn('datapackage-missing', 'no datapackage.json; tables found by their usual file names', {
      file: 'datapackage.json',
    });
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) return parsed as Descriptor;
  } catch {
    // Reported below with the other unusable forms.
  }
  report.warn('datapackage-missing', 'datapackage.json is not a JSON object; tables found by their usual file names', {
    file: 'datapackage.json',
  });
  return undefined;
}

async function loadTable(
  folder: string,
  name: TableName,
  descriptor: Descriptor | undefined,
  report: ImportReport,
): Promise<Table | undefined> {
  const spec = TABLES[name];
  const declared = (descriptor?.resources ?? [])
    .filter(
      (resource) => typeof resource.name === 'string' && (spec.resources as readonly string[]).includes(resource.name),
    )
    .map((resource) => String(resource.path ?? ''))
    .filter((path) => path !== '');
  const candidates = [
    ...new Set([
      ...declared,
      ...spec.files,
      ...spec.files.map((file) => `data/${file}`),
      ...declared.map((path) => `data/${basename(path)}`),
    ]),
  ];
  for (const candidate of candidates) {
    let text: string;
    try {
      text = await readFile(join(folder, candidate), 'utf8');
    } catch {
      continue;
    }
    const table = parseCsv(text);
    for (const problem of table.problems)
      report.warn(problem.kind, problem.message, { file: candidate, line: problem.line });
    return { file: candidate, records: table.records };
  }
  for (const path of declared) {
    report.warn('datapackage-resource-missing', `datapackage.json lists ${path}, which is not in the folder`, {
      file: path,
    });
  }
  return undefined;
}

function timeZonesOf(
  descriptor: Descriptor | undefined,
  tables: Partial<Record<TableName, Table>>,
): HsdsSource['timeZones'] {
  const zones: HsdsSource['timeZones'] = [];
  if (typeof descriptor?.timezone === 'string' || typeof descriptor?.timezone === 'number') {
    zones.push({ value: descriptor.timezone, ref: { file: 'datapackage.json' } });
  }
  const schedules = tables.schedules;
  for (const record of schedules?.records ?? []) {
    const zone = record.values.timezone?.trim();
    if (zone) zones.push({ value: zone, ref: { file: schedules?.file, line: record.line } });
  }
  return zones;
}

/** Indexes a table's records by the value of one column, skipping blanks. */
function groupBy(table: Table | undefined, column: string): Map<string, CsvRecord[]> {
  const groups = new Map<string, CsvRecord[]>();
  for (const record of table?.records ?? []) {
    const key = record.values[column]?.trim() ?? '';
    if (key === '') continue;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

/** Indexes records by id, reporting duplicate ids (the first wins). */
function indexById(table: Table | undefined, report: ImportReport, idColumn = 'id'): Map<string, CsvRecord> {
  const index = new Map<string, CsvRecord>();
  for (const record of table?.records ?? []) {
    const id = record.values[idColumn]?.trim() ?? '';
    if (id === '') continue;
    if (index.has(id)) {
      report.warn(
        'duplicate-id',
        `id used by line ${index.get(id)?.line}; the first is kept`,
        { file: table?.file, line: record.line },
        {
          recordId: id,
          field: idColumn,
        },
      );
      continue;
    }
    index.set(id, record);
  }
  return index;
}

function text(table: Table, record: CsvRecord, field: string): SourceText | undefined {
  const value = record.values[field];
  if (value === undefined || value.trim() === '') return undefined;
  return { text: value, ref: { file: table.file, line: record.line }, field };
}

function refOf(table: Table, record: CsvRecord): SourceRef {
  return { file: table.file, line: record.line };
}

function joinServices(
  tables: Partial<Record<TableName, Table>> & { services: Table },
  report: ImportReport,
): SourceService[] {
  const services = tables.services;
  const serviceIds = new Set(services.records.map((record) => record.values.id?.trim() ?? ''));
  const organizations = indexById(tables.organizations, report);
  const locations = indexById(tables.locations, report);
  const taxonomy = indexById(tables.taxonomy, report);
  const physical = groupBy(tables.physicalAddresses, 'location_id');
  const postal = groupBy(tables.postalAddresses, 'location_id');
  const salByService = groupBy(tables.serviceAtLocation, 'service_id');
  const phonesByOwner = ownedBy(tables.phones, serviceIds, report);
  const schedulesByOwner = ownedBy(tables.schedules, serviceIds, report);
  const languagesByOwner = ownedBy(tables.languages, serviceIds, report);
  const eligibilityByService = linkedRows(tables.eligibility, 'service_id', serviceIds, report, 'eligibility');
  const documentsByService = linkedRows(
    tables.requiredDocuments,
    'service_id',
    serviceIds,
    report,
    'required document',
  );
  const areasByService = linkedRows(tables.serviceAreas, 'service_id', serviceIds, report, 'service area');
  const termsByService = serviceTerms(tables, serviceIds, taxonomy, report);
  reportHolidaySchedules(tables.holidaySchedules, report);

  const organizationPhones = new Map<string, SourcePhone[]>();
  const locationCache = new Map<string, SourceLocation>();
  const locationOf = (id: string, ref: SourceRef, serviceId: string): SourceLocation | undefined => {
    const cached = locationCache.get(id);
    if (cached) return cached;
    const record = locations.get(id);
    if (!record || !tables.locations) {
      report.warn('dangling-reference', `location "${id}" does not exist`, ref, {
        recordId: serviceId,
        field: 'location_id',
        value: id,
      });
      return undefined;
    }
    const location = buildLocation(
      tables,
      tables.locations,
      record,
      physical,
      postal,
      phonesByOwner,
      schedulesByOwner,
      languagesByOwner,
    );
    locationCache.set(id, location);
    return location;
  };

  const result: SourceService[] = [];
  for (const record of services.records) {
    const id = record.values.id?.trim() ?? '';
    const name = text(services, record, 'name') ?? { text: '', ref: refOf(services, record), field: 'name' };
    const service: SourceService = {
      id,
      ref: refOf(services, record),
      name,
      eligibility: [
        ...optional(text(services, record, 'eligibility_description')),
        ...(eligibilityByService.get(id) ?? []).flatMap((row) => texts(tables.eligibility, row, 'eligibility')),
      ],
      requiredDocuments: (documentsByService.get(id) ?? []).flatMap((row) =>
        texts(tables.requiredDocuments, row, 'document'),
      ),
      phones: phonesOf(phonesByOwner.service.get(id), tables.phones, 'service'),
      schedules: schedulesOf(schedulesByOwner.service.get(id), tables.schedules, 'service'),
      languages: (languagesByOwner.service.get(id) ?? []).flatMap((row) => languageText(tables.languages, row)),
      locations: [],
      taxonomy: termsByService.get(id) ?? [],
      serviceAreas: (areasByService.get(id) ?? []).flatMap((row) => [
        ...texts(tables.serviceAreas, row, 'service_area'),
        ...texts(tables.serviceAreas, row, 'name'),
      ]),
    };
    assign(service, 'alternateName', text(services, record, 'alternate_name'));
    assign(service, 'description', text(services, record, 'description'));
    assign(service, 'url', text(services, record, 'url'));
    assign(service, 'email', text(services, record, 'email'));
    assign(service, 'status', text(services, record, 'status'));
    assign(service, 'applicationProcess', text(services, record, 'application_process'));
    assign(service, 'interpretationServices', text(services, record, 'interpretation_services'));
    assign(service, 'minimumAge', text(services, record, 'minimum_age'));
    assign(service, 'maximumAge', text(services, record, 'maximum_age'));
    // HSDS 3.0 deprecates "fees" in favour of "fees_description"; 1.x and 2.x have only "fees".
    const fees = text(services, record, 'fees_description') ?? text(services, record, 'fees');
    if (fees) service.fees = [fees];

    const organizationId = record.values.organization_id?.trim() ?? '';
    if (organizationId) {
      const organization = organizations.get(organizationId);
      if (!organization || !tables.organizations) {
        report.warn('dangling-reference', `organization "${organizationId}" does not exist`, service.ref, {
          recordId: id,
          field: 'organization_id',
          value: organizationId,
        });
      } else {
        let phones = organizationPhones.get(organizationId);
        if (!phones) {
          phones = phonesOf(phonesByOwner.organization.get(organizationId), tables.phones, 'organization');
          organizationPhones.set(organizationId, phones);
        }
        service.organization = {
          id: organizationId,
          ref: refOf(tables.organizations, organization),
          phones,
          ...defined('name', text(tables.organizations, organization, 'name')),
          ...defined(
            'url',
            text(tables.organizations, organization, 'url') ?? text(tables.organizations, organization, 'website'),
          ),
          ...defined('email', text(tables.organizations, organization, 'email')),
        };
      }
    }

    for (const link of salByService.get(id) ?? []) {
      const locationId = link.values.location_id?.trim() ?? '';
      if (!locationId || !tables.serviceAtLocation) continue;
      const location = locationOf(locationId, refOf(tables.serviceAtLocation, link), id);
      if (!location) continue;
      const salId = link.values.id?.trim() ?? '';
      const salPhones = salId
        ? phonesOf(phonesByOwner.serviceAtLocation.get(salId), tables.phones, 'service-at-location')
        : [];
      const salSchedules = salId
        ? schedulesOf(schedulesByOwner.serviceAtLocation.get(salId), tables.schedules, 'service-at-location')
        : [];
      service.phones.push(...salPhones.filter((phone) => !service.phones.some((own) => own.ref === phone.ref)));
      service.schedules.push(
        ...salSchedules.filter((schedule) => !service.schedules.some((own) => own.ref === schedule.ref)),
      );
      service.locations.push(location);
    }
    result.push(service);
  }
  return result;
}

/** Rows of a table attached to services, locations, services-at-location or organizations. */
interface Owned {
  service: Map<string, CsvRecord[]>;
  location: Map<string, CsvRecord[]>;
  serviceAtLocation: Map<string, CsvRecord[]>;
  organization: Map<string, CsvRecord[]>;
}

/**
 * Sorts rows by what they hang on: a service id wins (Miami's phones carry both service and
 * location ids), then service-at-location, then location, then organization.
 */
function ownedBy(table: Table | undefined, serviceIds: Set<string>, report: ImportReport): Owned {
  const owned: Owned = {
    service: new Map(),
    location: new Map(),
    serviceAtLocation: new Map(),
    organization: new Map(),
  };
  const add = (map: Map<string, CsvRecord[]>, key: string, record: CsvRecord) => {
    const list = map.get(key);
    if (list) list.push(record);
    else map.set(key, [record]);
  };
  for (const record of table?.records ?? []) {
    const values = record.values;
    const serviceId = values.service_id?.trim() ?? '';
    if (serviceId) {
      if (!serviceIds.has(serviceId)) {
        report.warn(
          'dangling-reference',
          `service "${serviceId}" does not exist; row not used`,
          { file: table?.file, line: record.line },
          {
            recordId: values.id,
            field: 'service_id',
            value: serviceId,
          },
        );
        continue;
      }
      add(owned.service, serviceId, record);
    } else if (values.service_at_location_id?.trim())
      add(owned.serviceAtLocation, values.service_at_location_id.trim(), record);
    else if (values.location_id?.trim()) add(owned.location, values.location_id.trim(), record);
    else if (values.organization_id?.trim()) add(owned.organization, values.organization_id.trim(), record);
  }
  return owned;
}

/** Rows linked to services by one column; unlinked and dangling rows are reported. */
function linkedRows(
  table: Table | undefined,
  column: string,
  serviceIds: Set<string>,
  report: ImportReport,
  what: string,
): Map<string, CsvRecord[]> {
  const linked = new Map<string, CsvRecord[]>();
  for (const record of table?.records ?? []) {
    const serviceId = record.values[column]?.trim() ?? '';
    const ref = { file: table?.file, line: record.line };
    if (serviceId === '') {
      if (what === 'eligibility') {
        report.warn(
          'eligibility-unlinked',
          'eligibility row without a service_id: its text and ages cannot be attached to any service',
          ref,
          {
            recordId: record.values.id,
            field: 'service_id',
            value: record.values.eligibility,
          },
        );
      } else {
        report.warn('dangling-reference', `${what} row without a service_id; not used`, ref, {
          recordId: record.values.id,
          field: column,
        });
      }
      continue;
    }
    if (!serviceIds.has(serviceId)) {
      report.warn('dangling-reference', `service "${serviceId}" does not exist; ${what} row not used`, ref, {
        recordId: record.values.id,
        field: column,
        value: serviceId,
      });
      continue;
    }
    linked.set(serviceId, [...(linked.get(serviceId) ?? []), record]);
  }
  return linked;
}

/** Taxonomy terms per service, from services_taxonomy (1.x/2.x) or attributes (3.0). */
function serviceTerms(
  tables: Partial<Record<TableName, Table>>,
  serviceIds: Set<string>,
  taxonomy: Map<string, CsvRecord>,
  report: ImportReport,
): Map<string, SourceTerm[]> {
  const terms = new Map<string, SourceTerm[]>();
  const seen = new Set<string>();
  const unknown = new Set<string>();
  const link = (table: Table, record: CsvRecord, serviceId: string, termId: string) => {
    const ref = refOf(table, record);
    if (!serviceIds.has(serviceId)) {
      report.warn('dangling-reference', `service "${serviceId}" does not exist; taxonomy link not used`, ref, {
        recordId: record.values.id,
        field: 'service_id',
        value: serviceId,
      });
      return;
    }
    const key = `${serviceId}|${termId}`;
    if (seen.has(key)) {
      report.warn('duplicate-link', `service ${serviceId} is linked to ${termId} more than once`, ref, {
        recordId: serviceId,
        field: 'taxonomy_id',
        value: termId,
      });
      return;
    }
    seen.add(key);
    const term = taxonomy.get(termId);
    const code = term?.values.code?.trim() || termId;
    const entry: SourceTerm = { code, ref };
    const name = term?.values.name?.trim();
    if (name) entry.name = name;
    if (!term && !unknown.has(termId)) {
      unknown.add(termId);
      report.warn(
        'taxonomy-unknown',
        `taxonomy term "${termId}" is not in the taxonomy table; kept without a name`,
        ref,
        {
          recordId: serviceId,
          field: 'taxonomy_id',
          value: termId,
        },
      );
    }
    terms.set(serviceId, [...(terms.get(serviceId) ?? []), entry]);
  };
  const direct = tables.serviceTaxonomy;
  for (const record of direct?.records ?? []) {
    const serviceId = record.values.service_id?.trim() ?? '';
    const termId = record.values.taxonomy_id?.trim() ?? '';
    if (direct && serviceId && termId) link(direct, record, serviceId, termId);
  }
  const attributes = tables.attributes;
  for (const record of attributes?.records ?? []) {
    const serviceId = record.values.link_id?.trim() ?? '';
    const termId = record.values.taxonomy_term_id?.trim() ?? '';
    const entity = record.values.link_entity?.trim().toLowerCase() ?? '';
    // HSDS 3.0 attributes link terms to any table; only links to services are about services.
    if (!attributes || !serviceId || !termId || (entity !== 'service' && !serviceIds.has(serviceId))) continue;
    link(attributes, record, serviceId, termId);
  }
  return terms;
}

function reportHolidaySchedules(table: Table | undefined, report: ImportReport): void {
  for (const record of table?.records ?? []) {
    report.warn(
      'schedule-unsupported',
      'holiday schedules are not imported; add the closures to the schedule note',
      refOf(table as Table, record),
      {
        recordId: record.values.service_id || record.values.id,
        field: 'holiday_schedule',
      },
    );
  }
}

function buildLocation(
  tables: Partial<Record<TableName, Table>>,
  table: Table,
  record: CsvRecord,
  physical: Map<string, CsvRecord[]>,
  postal: Map<string, CsvRecord[]>,
  phones: Owned,
  schedules: Owned,
  languages: Owned,
): SourceLocation {
  const id = record.values.id?.trim() ?? '';
  const location: SourceLocation = {
    id,
    ref: refOf(table, record),
    latitude: record.values.latitude ?? '',
    longitude: record.values.longitude ?? '',
    languages: (languages.location.get(id) ?? []).flatMap((row) => languageText(tables.languages, row)),
    phones: phonesOf(phones.location.get(id), tables.phones, 'location'),
    schedules: schedulesOf(schedules.location.get(id), tables.schedules, 'location'),
  };
  assign(location, 'name', text(table, record, 'name'));
  // HSDS 3.0 puts all addresses in one table with a type; a physical address is where people go.
  const candidates = physical.get(id) ?? [];
  const address =
    candidates.find((row) => (row.values.address_type ?? 'physical').trim().toLowerCase() !== 'postal') ??
    candidates[0] ??
    postal.get(id)?.[0];
  const addressTable =
    address && physical.get(id)?.includes(address) ? tables.physicalAddresses : tables.postalAddresses;
  if (address && addressTable) {
    const values = address.values;
    location.address = {
      ref: refOf(addressTable, address),
      lines: ['address_1', 'address_2', 'address_3', 'address_4']
        .map((field) => values[field] ?? '')
        .filter((line) => line.trim() !== ''),
      city: values.city ?? '',
      stateProvince: values.state_province ?? '',
      postalCode: values.postal_code ?? '',
      country: values.country ?? '',
    };
  }
  return location;
}

function phonesOf(
  records: CsvRecord[] | undefined,
  table: Table | undefined,
  level: SourcePhone['level'],
): SourcePhone[] {
  if (!records || !table) return [];
  return records.map((record) => {
    const values = record.values;
    const phone: SourcePhone = { ref: refOf(table, record), number: values.number ?? '', level };
    if (values.id?.trim()) phone.id = values.id.trim();
    if (values.extension?.trim()) phone.extension = values.extension.trim();
    if (values.type?.trim()) phone.type = values.type.trim();
    const description = text(table, record, 'description');
    if (description) phone.description = description;
    return phone;
  });
}

function schedulesOf(
  records: CsvRecord[] | undefined,
  table: Table | undefined,
  level: SourceSchedule['level'],
): SourceSchedule[] {
  if (!records || !table) return [];
  // Numbered weekdays ("1", "2", …) become codes under the numbering the whole column implies.
  const numbering = weekdayNumbering(records.map((record) => record.values.weekday ?? ''));
  return records.map((record): SourceSchedule => {
    const values = record.values;
    const ref = refOf(table, record);
    if (values.weekday !== undefined && values.freq === undefined) {
      const schedule: SourceSchedule = {
        form: 'weekday',
        ref,
        weekday: (numbering && numberedWeekday(values.weekday, numbering)) || values.weekday,
        opensAt: values.opens_at ?? '',
        closesAt: values.closes_at ?? '',
        level,
      };
      if (values.original_text?.trim()) schedule.originalText = values.original_text;
      return schedule;
    }
    const recurring: SourceSchedule = { form: 'recurring', ref, level };
    const fields = SCHEDULE_FIELDS;
    for (const [key, column] of Object.entries(fields) as Array<[keyof typeof fields, string]>) {
      const value = values[column]?.trim();
      if (value) recurring[key] = value;
    }
    return recurring;
  });
}

function languageText(table: Table | undefined, record: CsvRecord): SourceText[] {
  if (!table) return [];
  // 1.x/2.x: a "language" name; 3.0: a "code" and a "name".
  const code = text(table, record, 'code');
  if (code) return [code];
  return [...optional(text(table, record, 'language')), ...optional(text(table, record, 'name'))].slice(0, 1);
}

function texts(table: Table | undefined, record: CsvRecord, field: string): SourceText[] {
  return table ? optional(text(table, record, field)) : [];
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function defined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
