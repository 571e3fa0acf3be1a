/**
 * The whole import, minus reading and writing files: an {@link HsdsSource} in, a
 * {@link DirectorySnapshot} and a filled {@link ImportReport} out. Pure apart from the report
 * it appends to, so the CLI's build and validate commands and the tests all run the same code.
 */
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type DirectorySnapshot,
  type LocalizedText,
  type Service,
} from '../snapshot.js';
import { cleanText } from './clean-text.js';
import { applyTranslations } from './apply-translations.js';
import { buildService } from './build-service.js';
import { deriveAreas, type AddressedLocation, type DerivedAreas } from './derive-areas.js';
import type { HsdsSource } from './hsds-source.js';
import type { ImportReport } from './import-report.js';
import type { CategoryMap } from './map-categories.js';
import type { TranslationRow } from './read-translations.js';
import { resolveDirectoryInfo } from './resolve-directory-info.js';
import { foldText } from '../../text/fold-text.js';

/** Choices the command line makes. */
export interface BuildSnapshotOptions {
  categoryMap: CategoryMap;
  timeZone?: string;
  region?: string;
  name?: string;
  /** The input's file or folder name, used when nothing better names the directory. */
  fallbackName: string;
  /** Language of the source text; English unless the data says otherwise. */
  language?: string;
  translations?: { rows: TranslationRow[]; file: string };
  /** The build time, passed in so that builds are reproducible in tests. */
  now: Date;
  /** Called as services are built, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Builds the snapshot. Returns undefined when an error (not a warning) was reported; the
 * report then says what to fix. Every service is still processed, so a dry run reports all
 * problems at once.
 */
export function buildSnapshot(
  source: HsdsSource,
  options: BuildSnapshotOptions,
  report: ImportReport,
): DirectorySnapshot | undefined {
  const language = options.language ?? languageOf(source.language) ?? 'en';
  const infoOptions = {
    fallbackName: options.fallbackName,
    language,
    ...pick(options, ['timeZone', 'region', 'name']),
  };
  const directory = resolveDirectoryInfo(source, infoOptions, report);
  const country = directory?.country ?? '';
  const today = options.now.toISOString().slice(0, 10);

  report.servicesRead += source.services.length;
  const services: Service[] = [];
  const firstById = new Map<string, { service: Service | undefined; json: string }>();
  const organizationServices = new Map<string, string[]>();
  let done = 0;
  for (const sourceService of source.services) {
    options.onProgress?.(++done, source.services.length);
    if (sourceService.id.trim() === '') {
      report.warn('missing-id', 'service without an id', sourceService.ref, {
        field: 'id',
        value: sourceService.name.text,
        droppedService: true,
      });
      continue;
    }
    const service = buildService(sourceService, { country, language, categoryMap: options.categoryMap, today, report });
    const json = JSON.stringify(service ?? null);
    const first = firstById.get(sourceService.id);
    if (first) {
      const same = first.json === json ? 'an identical record' : 'a different record';
      report.warn('duplicate-id', `service id already used by ${same}; this one is dropped`, sourceService.ref, {
        recordId: sourceService.id,
        field: 'id',
        droppedService: true,
      });
      continue;
    }
    firstById.set(sourceService.id, { service, json });
    if (!service) continue;
    services.push(service);
    const organizationId = sourceService.organization?.id;
    if (organizationId)
      organizationServices.set(organizationId, [...(organizationServices.get(organizationId) ?? []), service.id]);
  }

  const derived = areasFor(services, country);
  assignAreas(services, derived, source, report);

  if (options.translations) {
    applyTranslations(services, options.translations.rows, organizationServices, options.translations.file, report);
  }

  report.servicesWritten = services.length;
  if (!directory || report.failed) {
    report.servicesWritten = 0;
    return undefined;
  }
  const snapshot: DirectorySnapshot = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    generatedAt: options.now.toISOString(),
    source: {
      name: firstText(directory.name) ?? options.fallbackName,
      kind: source.kind,
      ...(source.exportedAt ? { exportedAt: source.exportedAt } : {}),
    },
    directory,
    areas: derived.areas,
    services,
  };
  const taxonomyTerms = termNames(source, services, language);
  if (Object.keys(taxonomyTerms).length > 0) snapshot.taxonomyTerms = taxonomyTerms;
  return snapshot;
}

/** Areas come from the written services' own locations (dropped services don't count). */
function areasFor(services: Service[], country: string): DerivedAreas {
  const seen = new Set<string>();
  const addressed: AddressedLocation[] = [];
  for (const service of services) {
    for (const location of service.locations) {
      if (seen.has(location.id) || !location.address) continue;
      seen.add(location.id);
      const entry: AddressedLocation = {
        locationId: location.id,
        city: location.address.city,
        stateProvince: location.address.region,
        postalCode: location.address.postalCode,
      };
      if (location.point) entry.point = location.point;
      addressed.push(entry);
    }
  }
  return deriveAreas(addressed, country);
}

/**
 * Sets each location's area and each service's areas (from HSDS service areas whose names
 * match a derived area; otherwise the service is directory-wide, which is what empty means).
 */
function assignAreas(services: Service[], derived: DerivedAreas, source: HsdsSource, report: ImportReport): void {
  for (const outlier of derived.outliers) {
    report.warn(
      'coordinates-outlier',
      `${outlier.kilometres} km from the other locations in ${outlier.areaId}; not used for its centroid`,
      {},
      { recordId: outlier.locationId, field: 'latitude,longitude' },
    );
  }
  const areaByName = new Map(derived.areas.map((area) => [foldText(area.name.en ?? ''), area.id]));
  const sourceById = new Map(source.services.map((service) => [service.id, service]));
  for (const service of services) {
    for (const location of service.locations) {
      const area = derived.areaOfLocation.get(location.id);
      if (area) location.area = area;
    }
    for (const serviceArea of sourceById.get(service.id)?.serviceAreas ?? []) {
      const area = areaByName.get(foldText(serviceArea.text));
      if (area) {
        if (!service.areas.includes(area)) service.areas.push(area);
      } else if (serviceArea.text.trim() !== '') {
        report.warn(
          'service-area-unmatched',
          'no derived area has this name; the service is treated as directory-wide',
          serviceArea.ref,
          {
            recordId: service.id,
            field: serviceArea.field,
            value: serviceArea.text,
          },
        );
      }
    }
  }
}

/** Each code the written services use, with the first name the source gives it (cleaned). */
function termNames(source: HsdsSource, services: Service[], language: string): Record<string, LocalizedText> {
  const used = new Set(services.flatMap((service) => service.taxonomy));
  const names: Record<string, LocalizedText> = {};
  for (const service of source.services) {
    for (const term of service.taxonomy) {
      if (!used.has(term.code) || names[term.code] || !term.name) continue;
      const name = cleanText(term.name, { singleLine: true }).text;
      if (name) names[term.code] = { [language]: name };
    }
  }
  return names;
}

function languageOf(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const lower = code.trim().toLowerCase();
  const three: Record<string, string> = { eng: 'en', spa: 'es', fra: 'fr', fre: 'fr' };
  if (/^[a-z]{2}$/.test(lower)) return lower;
  return three[lower];
}

function firstText(text: Record<string, string | undefined>): string | undefined {
  return Object.values(text).find((value) => value);
}

function pick<T extends object, K extends keyof T>(object: T, keys: K[]): Partial<Pick<T, K>> {
  const result: Partial<Pick<T, K>> = {};
  for (const key of keys) if (object[key] !== undefined) result[key] = object[key];
  return result;
}
