/**
 * The search index of a directory: built once when a snapshot loads, then every query is a
 * handful of map lookups. Words of names, alternate names, organizations and taxonomy term
 * names go into an inverted index (word to services); taxonomy codes go into a sorted list, so
 * a prefix such as `BD-1800` finds every food pantry with a binary search. Descriptions are not
 * indexed: they are the bulk of a snapshot, and large directories ship them separately.
 */
import type { DirectoryInfo, GeoPoint, LocalizedText, NeedCategory, ScheduleRule } from './snapshot.js';
import { searchTokens } from './search-tokens.js';

/** The fields of a service that search reads: a full `Service` or a split snapshot's search record. */
export interface SearchableService {
  id: string;
  name: LocalizedText;
  organization?: LocalizedText;
  categories: NeedCategory[];
  /** Taxonomy codes, AIRS/211 (`BD-1800.2000-640`) or others. */
  taxonomy: string[];
  keywords?: Partial<Record<string, string[]>>;
  languages: string[];
  areas: string[];
  ages?: { min?: number; max?: number };
  free?: boolean;
  schedule: ScheduleRule[];
  /** One point per location, as split snapshots carry them. */
  points?: GeoPoint[];
  /** Locations, as full services carry them. */
  locations?: { point?: GeoPoint }[];
}

/** What search needs of a snapshot, single-file or split. */
export interface SearchableDirectory<S extends SearchableService = SearchableService> {
  directory: DirectoryInfo;
  services: S[];
  /** Each taxonomy code's term name once; when absent, term names are read from `keywords`. */
  taxonomyTerms?: Record<string, LocalizedText>;
  /**
   * Counts over the whole directory when `services` are only some of it (the parts of a
   * partitioned directory that a visitor loaded), so that word rarity and language shares, and
   * with them the ranking, are the whole directory's. Words absent here count as in `services`.
   */
  whole?: WholeDirectoryCounts;
}

/** How many services the whole directory has, and how many hold each word and language. */
export interface WholeDirectoryCounts {
  services: number;
  languages: Record<string, number>;
  words: Record<string, number>;
  /** The whole directory's words for typo correction (`correctionWords`), once loaded. */
  dictionary?: readonly string[];
}

/** Services holding one word, with how strongly (the best field the word appears in). */
export interface Posting {
  services: Int32Array;
  weights: Float32Array;
  /** Services of the whole directory holding the word (more than `services` in a partial index). */
  holders: number;
}

/** A directory made ready for searching. */
export interface SearchIndex<S extends SearchableService = SearchableService> {
  directory: SearchableDirectory<S>;
  services: S[];
  /** Services in the whole directory: `services.length`, or more when only parts are loaded. */
  serviceCount: number;
  /** Word to the services that hold it. */
  postings: ReadonlyMap<string, Posting>;
  /** Distinct taxonomy codes, sorted, and the services of each. */
  codes: readonly string[];
  codeServices: readonly Int32Array[];
  /** Share of services that list each language, to tell when "speaks Spanish" sets one apart. */
  languageShare: ReadonlyMap<string, number>;
  /** Every location point of each service. */
  points: readonly GeoPoint[][];
  /** Services under each taxonomy prefix, filled as queries ask. */
  prefixCache: Map<string, Int32Array>;
}

/**
 * How much a word counts by where it appears. A word in the service's name says most about
 * it; term names of target populations (AIRS `Y…` codes such as "Older Adults") say who the
 * service is for, not what it does.
 */
export const FIELD_WEIGHTS = {
  name: 1,
  term: 0.9,
  keyword: 0.8,
  organization: 0.5,
  populationTerm: 0.4,
} as const;

/** Builds the index. Linear in the directory's size; ~tens of ms for thousands of services. */
export function buildSearchIndex<S extends SearchableService>(directory: SearchableDirectory<S>): SearchIndex<S> {
  const services = directory.services;
  const termTokens = new Map<string, string[]>();
  const tokensOfTerm = (code: string): string[] => {
    let tokens = termTokens.get(code);
    if (!tokens) {
      const names = directory.taxonomyTerms?.[code];
      tokens = names ? unique(Object.values(names).flatMap((name) => searchTokens(name ?? ''))) : [];
      termTokens.set(code, tokens);
    }
    return tokens;
  };

  const lists = new Map<string, { services: number[]; weights: number[] }>();
  const codeLists = new Map<string, number[]>();
  const languageCounts = new Map<string, number>();
  const points: GeoPoint[][] = [];
  // Services are visited in order, so a word already listed for this service is the list's
  // last entry: keep the better weight there instead of listing the service twice.
  const note = (token: string, at: number, weight: number) => {
    const list = lists.get(token);
    if (!list) lists.set(token, { services: [at], weights: [weight] });
    else if (list.services[list.services.length - 1] !== at) {
      list.services.push(at);
      list.weights.push(weight);
    } else if (list.weights[list.weights.length - 1]! < weight) list.weights[list.weights.length - 1] = weight;
  };
  services.forEach((service, at) => {
    const add = (text: string | undefined, weight: number) => {
      if (text) for (const token of searchTokens(text)) if (token.length >= 2) note(token, at, weight);
    };
    for (const name of Object.values(service.name)) add(name, FIELD_WEIGHTS.name);
    for (const name of Object.values(service.organization ?? {})) add(name, FIELD_WEIGHTS.organization);
    for (const words of Object.values(service.keywords ?? {}))
      for (const word of words ?? []) add(word, FIELD_WEIGHTS.keyword);
    for (const code of service.taxonomy) {
      const weight = code.startsWith('Y') ? FIELD_WEIGHTS.populationTerm : FIELD_WEIGHTS.term;
      for (const token of tokensOfTerm(code)) note(token, at, weight);
      const list = codeLists.get(code);
      if (list) list.push(at);
      else codeLists.set(code, [at]);
    }
    for (const language of new Set(service.languages))
      languageCounts.set(language, (languageCounts.get(language) ?? 0) + 1);
    points.push(servicePoints(service));
  });

  const postings = new Map<string, Posting>();
  const whole = directory.whole;
  for (const [token, list] of lists) {
    postings.set(token, {
      services: Int32Array.from(list.services),
      weights: Float32Array.from(list.weights),
      holders: Math.max(list.services.length, whole?.words[token] ?? 0),
    });
  }
  const codes = [...codeLists.keys()].sort();
  const serviceCount = Math.max(services.length, whole?.services ?? 0);
  const languageShare = new Map<string, number>();
  for (const [language, count] of whole ? Object.entries(whole.languages) : languageCounts)
    languageShare.set(language, count / Math.max(1, serviceCount));
  return {
    directory,
    services,
    serviceCount,
    postings,
    codes,
    codeServices: codes.map((code) => Int32Array.from(codeLists.get(code)!)),
    languageShare,
    points,
    prefixCache: new Map(),
  };
}

/**
 * The services with a taxonomy code under `prefix`: `BD-1800` takes in `BD-1800.2000-640`.
 * Prefixes are meant to end at a level of the code (`BD`, `BD-1800`, `BD-1800.2000`).
 */
export function servicesUnderPrefix(index: SearchIndex<SearchableService>, prefix: string): Int32Array {
  const cached = index.prefixCache.get(prefix);
  if (cached) return cached;
  const { codes, codeServices } = index;
  let low = 0;
  let high = codes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (codes[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found = new Set<number>();
  for (let at = low; at < codes.length && codes[at]!.startsWith(prefix); at++) {
    for (const service of codeServices[at]!) found.add(service);
  }
  const result = Int32Array.from(found);
  index.prefixCache.set(prefix, result);
  return result;
}

/** True when one of the service's codes starts with one of the prefixes. */
export function hasCodeUnder(service: SearchableService, prefixes: readonly string[]): boolean {
  return service.taxonomy.some((code) => prefixes.some((prefix) => code.startsWith(prefix)));
}

function servicePoints(service: SearchableService): GeoPoint[] {
  if (service.points?.length) return service.points;
  const points: GeoPoint[] = [];
  for (const location of service.locations ?? []) if (location.point) points.push(location.point);
  return points;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
