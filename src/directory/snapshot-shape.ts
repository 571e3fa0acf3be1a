/**
 * The widget's check of a downloaded snapshot: its shape, not every rule. The full validator
 * (`validate-snapshot.ts`) runs where data is built and checked (`build-directory`,
 * `validate-directory`); the widget checks that every field it reads has the type it reads it
 * as, names the record and field when one does not, and renders every value defensively
 * (text as text, links and numbers checked again). So one odd phone number in a 4,000-service
 * file never takes the whole directory away from a visitor, and the first results don't wait
 * for rules the build already enforced.
 */
import { SNAPSHOT_FORMAT } from './snapshot.js';

const LISTS = ['categories', 'taxonomy', 'languages', 'areas', 'schedule'] as const;
const DETAIL_LISTS = ['phones', 'locations'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with the envelope (everything but the services), or undefined. */
export function envelopeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'expected a JSON object';
  if (value.format !== SNAPSHOT_FORMAT) return `format: expected "${SNAPSHOT_FORMAT}"`;
  if (typeof value.version !== 'number') return 'version: expected a number';
  const directory = value.directory;
  if (!isRecord(directory) || typeof directory.timeZone !== 'string') return 'directory.timeZone: expected text';
  if (!Array.isArray(value.areas)) return 'areas: expected a list';
  if (!Array.isArray(value.services)) return 'services: expected a list';
  return undefined;
}

/**
 * What is wrong with one service as the widget reads it, or undefined. `full` also checks the
 * fields only whole records carry (a split snapshot's search part has no phones or locations).
 */
export function serviceProblem(service: unknown, full: boolean): string | undefined {
  if (!isRecord(service)) return 'expected a service';
  if (typeof service.id !== 'string' || !service.id) return 'id: expected text';
  if (!isRecord(service.name)) return 'name: expected text per language';
  for (const list of full ? [...LISTS, ...DETAIL_LISTS] : LISTS) {
    if (!Array.isArray(service[list])) return `${list}: expected a list`;
  }
  return undefined;
}

/** The first problem in a list of services, naming the record: `services[3] (food-1): phones: expected a list`. */
export function servicesProblem(services: readonly unknown[], full: boolean): string | undefined {
  for (const [at, service] of services.entries()) {
    const problem = serviceProblem(service, full);
    if (problem) {
      const id = isRecord(service) && typeof service.id === 'string' ? ` (${service.id})` : '';
      return `services[${at}]${id}: ${problem}`;
    }
  }
  return undefined;
}
