/**
 * What both readers (HSDS 3.0 JSON and HSDS 1.x/2.x tabular datapackage) hand to the
 * snapshot builder: services with their related records already joined, every value still
 * raw, and each record carrying where it came from. Keeping the readers to "find and join"
 * and the builder to "clean and normalise" means both formats are cleaned the same way.
 */
import type { SourceRef } from './import-report.js';

/** A raw value with where it came from. */
export interface SourceText {
  text: string;
  ref: SourceRef;
  /** The field name in the source, for reports. */
  field: string;
}

/** A whole directory as read. */
export interface HsdsSource {
  kind: 'hsds-3-json' | 'hsds-tabular';
  /** A name found in the data (datapackage title, ...), if any. */
  title?: string;
  /** When the export was made, if the data says. */
  exportedAt?: string;
  services: SourceService[];
  /** Time zones the data states (HSDS 3.0 `schedule.timezone`, a datapackage `timezone`). */
  timeZones: Array<{ value: string | number; ref: SourceRef }>;
  /** Text language of the records, ISO 639 code, where the data says. */
  language?: string;
}

/** A service with its related records joined. */
export interface SourceService {
  id: string;
  ref: SourceRef;
  name: SourceText;
  alternateName?: SourceText;
  description?: SourceText;
  url?: SourceText;
  email?: SourceText;
  status?: SourceText;
  organization?: SourceOrganization;
  applicationProcess?: SourceText;
  fees?: SourceText[];
  interpretationServices?: SourceText;
  /** Eligibility text, one entry per source row or field. */
  eligibility: SourceText[];
  minimumAge?: SourceText;
  maximumAge?: SourceText;
  requiredDocuments: SourceText[];
  alert?: SourceText;
  phones: SourcePhone[];
  schedules: SourceSchedule[];
  languages: SourceText[];
  locations: SourceLocation[];
  taxonomy: SourceTerm[];
  serviceAreas: SourceText[];
}

/** The organization running a service. */
export interface SourceOrganization {
  id: string;
  ref: SourceRef;
  name?: SourceText;
  url?: SourceText;
  email?: SourceText;
  phones: SourcePhone[];
}

/** A phone, from whichever level of the record it was attached to. */
export interface SourcePhone {
  id?: string;
  ref: SourceRef;
  number: string;
  extension?: string | number;
  type?: string;
  description?: SourceText;
  /** Where the phone hangs: the service's own phones are preferred over its location's. */
  level: 'service' | 'service-at-location' | 'location' | 'organization' | 'contact';
}

/** Opening hours as the source writes them. */
export type SourceSchedule =
  | {
      form: 'weekday';
      ref: SourceRef;
      weekday: string;
      opensAt: string;
      closesAt: string;
      /** The export's own wording of the hours, if it keeps one (Miami's `original_text`). */
      originalText?: string;
      level: SourceLevel;
    }
  | {
      form: 'recurring';
      ref: SourceRef;
      id?: string;
      freq?: string;
      interval?: string | number;
      byday?: string;
      byweekno?: string;
      bymonthday?: string;
      byyearday?: string;
      count?: string | number;
      opensAt?: string;
      closesAt?: string;
      validFrom?: string;
      validTo?: string;
      description?: string;
      notes?: string;
      level: SourceLevel;
    };

/** Which record a schedule is attached to. */
export type SourceLevel = 'service' | 'service-at-location' | 'location';

/** A place where the service is delivered. */
export interface SourceLocation {
  id: string;
  ref: SourceRef;
  name?: SourceText;
  latitude?: string | number;
  longitude?: string | number;
  address?: SourceAddress;
  languages: SourceText[];
  phones: SourcePhone[];
  schedules: SourceSchedule[];
}

/** A street address, raw. */
export interface SourceAddress {
  ref: SourceRef;
  lines: string[];
  city: string;
  stateProvince: string;
  postalCode: string;
  country: string;
}

/** A taxonomy term linked to a service. */
export interface SourceTerm {
  code: string;
  name?: string;
  ref: SourceRef;
}

/**
 * The schedule fields both HSDS forms share, by our name and the source's (HSDS 3.0 JSON
 * properties and 1.x/2.x CSV columns are spelled alike), so both readers copy the same set.
 */
export const SCHEDULE_FIELDS = {
  id: 'id',
  freq: 'freq',
  interval: 'interval',
  byday: 'byday',
  byweekno: 'byweekno',
  bymonthday: 'bymonthday',
  byyearday: 'byyearday',
  count: 'count',
  opensAt: 'opens_at',
  closesAt: 'closes_at',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  description: 'description',
  notes: 'notes',
} as const;
