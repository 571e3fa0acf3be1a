/**
 * The baseline every measurement compares against: the obvious approach of issue 3, one
 * Fuse.js index over name, taxonomy term names and description with `ignoreLocation`, searched
 * with the visitor's words as typed. Used by `npm run bench` and `npm run eval` only; the
 * widget never loads it.
 */
import Fuse from 'fuse.js';
import type { SearchableDirectory, SearchableService } from './search-index.js';
import type { LocalizedText } from './snapshot.js';

/** A service as the baseline indexes it. */
interface NaiveRecord<S> {
  service: S;
  name: string;
  terms: string[];
  description: string;
}

/** The baseline's index. */
export interface NaiveIndex<S extends SearchableService> {
  fuse: Fuse<NaiveRecord<S>>;
}

/** Builds the baseline index: every text of every service, in one Fuse. */
export function buildNaiveIndex<S extends SearchableService & { description?: LocalizedText }>(
  directory: SearchableDirectory<S>,
): NaiveIndex<S> {
  const records = directory.services.map((service) => ({
    service,
    name: Object.values(service.name).join(' '),
    terms: service.taxonomy.flatMap((code) => Object.values(directory.taxonomyTerms?.[code] ?? {}) as string[]),
    description: Object.values(service.description ?? {}).join(' '),
  }));
  const fuse = new Fuse(records, {
    keys: [{ name: 'name', weight: 2 }, 'terms', 'description'],
    ignoreLocation: true,
    includeScore: true,
    threshold: 0.35,
  });
  return { fuse };
}

/** The baseline's top results for some words, best first, with Fuse's score turned into 0..1 higher-is-better. */
export function naiveMatch<S extends SearchableService>(
  index: NaiveIndex<S>,
  text: string,
  limit = 5,
): { service: S; score: number }[] {
  return index.fuse.search(text, { limit }).map((hit) => ({ service: hit.item.service, score: 1 - (hit.score ?? 1) }));
}
