/**
 * The one entry point for finding services: (directory, query, filters, language) in,
 * ranked results with reasons out. The widget, the CLI's `search` and the evaluations all
 * call {@link matchServices}, so what a data team checks on the command line is what a
 * visitor sees.
 *
 * How a query is read: its words are folded and stemmed, misspellings are corrected against a
 * dictionary of the vocabulary's and the directory's words (Fuse.js, over distinct words only),
 * then phrases of the visitor's need vocabulary are recognised ("me van a correr de la casa" is
 * an eviction). Each recognised need, each remaining word and each chosen category is a unit of
 * the query; a service earns evidence per unit (a taxonomy code under the need's prefixes, or
 * the words in its name and term names), and its score is the average over units, nudged up
 * when it speaks the visitor's language, is open when the need is urgent, or is near.
 */
import type { ParseKeys } from 'i18next';
import type { AgeGroup } from './age-group.js';
import { agesAdmit } from './age-group.js';
import type { CompiledNeed, Correction, NeedVocabulary, ReadNeed } from './need-vocabulary.js';
import type { OpeningStatus } from './opening-hours.js';
import { isOpenAt, openingStatusAt, wallClock } from './opening-hours.js';
import type { SearchIndex, SearchableDirectory, SearchableService } from './search-index.js';
import { buildSearchIndex, hasCodeUnder, servicesUnderPrefix } from './search-index.js';
import { searchWords } from './search-tokens.js';
import type { DirectorySnapshot, GeoPoint, NeedCategory, Service, UiLanguage } from './snapshot.js';
import type { TermCorrector } from './term-corrector.js';

export type { AgeGroup } from './age-group.js';

/** True when a service's age limits admit someone in the group (no limits admit everyone). */
export function servesAgeGroup(service: Pick<SearchableService, 'ages'>, group: AgeGroup): boolean {
  return agesAdmit(service.ages, group);
}

/** True when a service serves the area (or the whole directory). */
export function servesArea(service: Pick<SearchableService, 'areas'>, area: string): boolean {
  return service.areas.length === 0 || service.areas.includes(area);
}

/** What the visitor asked for: a category they chose, words they typed, or both. */
export interface NeedQuery {
  categories?: NeedCategory[];
  text?: string;
}

/** Narrowing the visitor chose. Every field is optional; absent means "any". */
export interface MatchFilters {
  /** Area id: services serving the whole directory or this area. */
  area?: string;
  ageGroup?: AgeGroup;
  /** Only services open at `now` (a service with unknown hours is left out). */
  openNow?: boolean;
  /** The need is urgent: services open now rank first. Also set by words such as "tonight". */
  today?: boolean;
  /** The visitor's point: nearer services rank higher and results carry their distance. */
  near?: GeoPoint;
  /** With `near`, leave out services farther than this. */
  withinKm?: number;
  /** The moment for open-now; defaults to the current time. */
  now?: Date;
}

/** The keys under `reasons.` in `locales/<lang>/search.json`, as the compiler knows them. */
export type ReasonKey = ParseKeys<'search', Record<never, never>, 'reasons'>;

/** Why a service matched: a key under `reasons.` in `locales/<lang>/search.json`, with parameters. */
export interface MatchReason {
  key: ReasonKey;
  params?: Record<string, string>;
}

/** One ranked result. Higher scores are better; about 1 means every part of the query matched. */
export interface MatchResult<S extends SearchableService = Service> {
  service: S;
  score: number;
  reasons: MatchReason[];
  /** Open now, closes at, opens at, in the directory's time zone. */
  opening: OpeningStatus;
  /** Kilometres to the service's nearest location, when the query gave a point. */
  distanceKm?: number;
}

/** The kind of service a directory holds: full services, or a split snapshot's search records. */
export type ServiceOf<D extends SearchableDirectory> = D['services'][number];

/** A snapshot made ready for searching, with the need vocabularies loaded so far. */
export interface DirectoryIndex<D extends SearchableDirectory = DirectorySnapshot> {
  snapshot: D;
  search: SearchIndex<ServiceOf<D>>;
  vocabularies: ReadonlyMap<string, NeedVocabulary>;
  /** Typo dictionaries per language (vocabulary words plus index words), built on first use. */
  correctors: Map<string, TermCorrector>;
}

/**
 * Builds the search structures for a snapshot. Pass the vocabulary of the visitor's language
 * (see `loadNeedVocabulary`); add another later with {@link withVocabulary}.
 */
export function buildDirectoryIndex<D extends SearchableDirectory>(
  snapshot: D,
  vocabularies: readonly NeedVocabulary[] = [],
): DirectoryIndex<D> {
  return {
    snapshot,
    search: buildSearchIndex(snapshot),
    vocabularies: new Map(vocabularies.map((vocabulary) => [vocabulary.language, vocabulary])),
    correctors: new Map(),
  };
}

/** The same index with one more vocabulary, for a visitor who switches language. */
export function withVocabulary<D extends SearchableDirectory>(
  index: DirectoryIndex<D>,
  vocabulary: NeedVocabulary,
): DirectoryIndex<D> {
  const vocabularies = new Map(index.vocabularies);
  vocabularies.set(vocabulary.language, vocabulary);
  const correctors = new Map(index.correctors);
  correctors.delete(vocabulary.language);
  return { ...index, vocabularies, correctors };
}

// How much each kind of evidence counts, all on a 0..1 scale per query unit.
const EVIDENCE = {
  /** A code under one of the need's main prefixes. */
  taxonomy: 1,
  /** A code under one of the need's related prefixes. */
  related: 0.6,
  /** The need's words or English terms in the service's name or term names. */
  needWords: 0.7,
  /**
   * Added to a need's evidence in proportion to its words found, so that among the many
   * services under one prefix, the one whose name or specific term says it ("SUICIDE
   * PREVENTION HOTLINE") ranks first.
   */
  needWordsBonus: 0.2,
  /** A word of the query outside the vocabulary, at best. */
  word: 0.8,
  /** Such a word after a typo correction: less sure it is what the visitor meant. */
  correctedWord: 0.5,
  /** A category the visitor chose. */
  category: 1,
} as const;
// Nudges after the average, small enough never to lift a worse match over a better one by much.
const BOOST = { language: 0.05, forWhom: 0.05, free: 0.05, openToday: 0.1, near: 0.1 } as const;
/** Distance at which the nearness boost has fallen to about a third. */
const NEAR_SCALE_KM = 15;
/**
 * A need's word held by more than this share of a large directory's services ("care",
 * "community") barely tells them apart, and looking it up would touch thousands of services on
 * every query. Small directories keep every word: there the lookup is cheap and "care" in "child
 * care" still helps the ranking.
 */
const COMMON_WORD = { share: 0.2, atLeast: 2000 } as const;
/** A language listed by more services than this says nothing about any one of them. */
const DISTINCTIVE_SHARE = 0.9;

/** One part of a query that a service can match. */
type QueryUnit =
  | { kind: 'need'; need: CompiledNeed; label: string; tokens: string[]; corrections: Correction[] }
  | { kind: 'word'; token: string; label: string; corrections: Correction[] }
  | { kind: 'category'; category: NeedCategory };

/**
 * Ranks services for a need. Filters remove; everything else orders. Pure apart from reading
 * the clock when `filters.now` is absent.
 */
export function matchServices<D extends SearchableDirectory>(
  index: DirectoryIndex<D>,
  query: NeedQuery,
  filters: MatchFilters,
  language: UiLanguage,
  limit = 5,
): MatchResult<ServiceOf<D>>[] {
  if (limit < 1) return [];
  const vocabulary = index.vocabularies.get(language);
  const read = readQuery(index, query.text ?? '', vocabulary, language);
  const units = queryUnits(read, query.categories ?? []);
  if (!units.length) return [];

  const { search } = index;
  const count = search.services.length;
  const total = new Float32Array(count);
  const unitHits = new Uint32Array(count);
  const touched: number[] = [];
  const scratch: Scratch = {
    best: new Float32Array(count),
    coverage: new Float32Array(count),
    words: new Float32Array(count),
  };
  const unitHitLists: number[][] = [];
  // Bits of the units that say what the need is (a recognised need, a chosen category), as
  // against the visitor's other words.
  let needBits = 0;
  units.forEach((unit, bit) => {
    if (unit.kind !== 'word') needBits |= 1 << Math.min(bit, 31);
    const hits = unitEvidence(index, unit, scratch);
    unitHitLists.push(hits);
    for (const at of hits) {
      if (unitHits[at] === 0) touched.push(at);
      total[at] += scratch.best[at]!;
      unitHits[at]! |= 1 << Math.min(bit, 31);
      scratch.best[at] = 0;
    }
  });

  const today = Boolean(filters.today || read.today);
  const ageHint = filters.ageGroup ?? read.ageGroup;
  const needsClock = filters.openNow || today;
  const clock = needsClock ? wallClock(filters.now ?? new Date(), index.snapshot.directory.timeZone) : undefined;
  // Filters first. A unit counts in the average only when a service the visitor can be shown
  // matches it: a word that nothing in their area holds does not dilute what does match, and
  // the scores are the same whether the whole directory is loaded or only the visitor's parts.
  const shown = new Uint8Array(count);
  const candidates: { at: number; open: boolean; distanceKm: number | undefined }[] = [];
  for (const at of touched) {
    if (!supported(unitHits[at]!, needBits, units.length)) continue;
    const service = search.services[at]!;
    if (filters.area && !servesArea(service, filters.area)) continue;
    if (filters.ageGroup && !agesAdmit(service.ages, filters.ageGroup)) continue;
    const open = clock ? isOpenAt(service.schedule, clock) : false;
    if (filters.openNow && !open) continue;
    const distanceKm = filters.near ? nearestKm(filters.near, search.points[at]!) : undefined;
    if (filters.withinKm !== undefined && (distanceKm === undefined || distanceKm > filters.withinKm)) continue;
    shown[at] = 1;
    candidates.push({ at, open, distanceKm });
  }
  const counted = unitHitLists.filter((hits) => hits.some((at) => shown[at] === 1)).length;
  if (!counted) return [];
  // The best `limit` so far, best first: a full sort of thousands of candidates costs more than
  // keeping five in order. Ties go to the smaller id, so a split snapshot (which orders services
  // differently) ranks exactly as the single file does.
  const ranked: { at: number; score: number; distanceKm?: number }[] = [];
  const better = (a: { at: number; score: number }, b: { at: number; score: number }) =>
    a.score > b.score || (a.score === b.score && search.services[a.at]!.id < search.services[b.at]!.id);
  for (const { at, open, distanceKm } of candidates) {
    const service = search.services[at]!;
    let score = total[at]! / counted;
    if (service.languages.includes(language)) score += BOOST.language;
    if (ageHint && vocabulary && hasCodeUnder(service, vocabulary.forWhomTaxonomy[ageHint])) score += BOOST.forWhom;
    if (read.free && service.free) score += BOOST.free;
    if (today && open) score += BOOST.openToday;
    if (distanceKm !== undefined) score += BOOST.near * Math.exp(-distanceKm / NEAR_SCALE_KM);
    const last = ranked[limit - 1];
    if (last && (score < last.score || (score === last.score && service.id > search.services[last.at]!.id))) continue;
    const candidate = { at, score, distanceKm };
    let place = ranked.length;
    while (place > 0 && better(candidate, ranked[place - 1]!)) place--;
    ranked.splice(place, 0, candidate);
    if (ranked.length > limit) ranked.pop();
  }

  const resultClock = clock ?? wallClock(filters.now ?? new Date(), index.snapshot.directory.timeZone);
  return ranked.map(({ at, score, distanceKm }) => {
    const service = search.services[at]!;
    const status = openingStatusAt(service.schedule, resultClock);
    return {
      service,
      score: Math.round(score * 1000) / 1000,
      reasons: reasonsFor(index, service, units, unitHits[at]!, { language, filters, read, status, distanceKm }),
      opening: status,
      ...(distanceKm !== undefined ? { distanceKm } : {}),
    };
  });
}

/**
 * The evidence rule: a service is shown only when a recognised need or a chosen category
 * supports it, or when it holds at least half of the visitor's words. One stray word ("engine"
 * in a name, for "fixing my boat engine") is not enough, so a request the directory cannot
 * serve gets no results rather than the best of bad ones.
 */
function supported(hits: number, needBits: number, unitCount: number): boolean {
  if (hits & needBits) return true;
  let matched = 0;
  for (let bits = hits; bits; bits &= bits - 1) matched++;
  return matched * 2 >= unitCount;
}

/**
 * The visitor's words that neither the vocabulary nor the directory knows: what a typo
 * correction would have to look at. The widget loads the real-word list and Fuse.js only
 * when there are some (`prepareCorrection` in `term-corrector.ts`).
 */
export function unknownWords<D extends SearchableDirectory>(
  index: DirectoryIndex<D>,
  text: string,
  language: UiLanguage,
): string[] {
  const vocabulary = index.vocabularies.get(language);
  if (!vocabulary) return [];
  const corrector = correctorFor(index, vocabulary);
  return searchWords(text)
    .map((word) => word.token)
    .filter((token) => !vocabulary.stopwords.has(token) && !corrector.knows(token));
}

/** Reads the visitor's words: typo correction against this directory's words, then the vocabulary. */
function readQuery(
  index: DirectoryIndex<SearchableDirectory>,
  text: string,
  vocabulary: NeedVocabulary | undefined,
  language: string,
): ReadNeed {
  if (!text.trim()) return { needs: [], leftovers: [] };
  if (!vocabulary) {
    throw new Error(`matchServices: typed words need the "${language}" need vocabulary (see loadNeedVocabulary)`);
  }
  return vocabulary.read(text, correctorFor(index, vocabulary));
}

function correctorFor(index: DirectoryIndex<SearchableDirectory>, vocabulary: NeedVocabulary): TermCorrector {
  let corrector = index.correctors.get(vocabulary.language);
  if (!corrector) {
    // Over some parts of a partitioned directory, the whole directory's words: a word that only
    // other areas hold is still a real word, not a typo to rewrite into a local one.
    const words = index.snapshot.whole?.dictionary ?? correctionWords(index.search.postings.keys());
    corrector = vocabulary.corrector(words);
    index.correctors.set(vocabulary.language, corrector);
  }
  return corrector;
}

/** The index words typo correction may correct to: only words of letters, because codes and numbers are never misspellings. */
export function correctionWords(tokens: Iterable<string>): string[] {
  const words: string[] = [];
  for (const token of tokens) if (token.length >= 3 && /^\p{L}+$/u.test(token)) words.push(token);
  return words;
}

function queryUnits(read: ReadNeed, categories: readonly NeedCategory[]): QueryUnit[] {
  const units: QueryUnit[] = [];
  for (const category of categories) units.push({ kind: 'category', category });
  for (const { label, tokens, need, corrections } of read.needs)
    units.push({ kind: 'need', need, label, tokens, corrections });
  for (const { token, word, corrected } of read.leftovers) {
    if (token.length < 3) continue;
    units.push({ kind: 'word', token, label: word, corrections: corrected ? [{ typed: word, read: token }] : [] });
  }
  return units;
}

/** Per-query scratch arrays, one slot per service, all zeros between uses. */
interface Scratch {
  best: Float32Array;
  coverage: Float32Array;
  words: Float32Array;
}

/**
 * Fills `scratch.best` with each service's evidence for one unit and returns the services
 * touched. The caller zeroes `best` where it read it.
 */
function unitEvidence(index: DirectoryIndex<SearchableDirectory>, unit: QueryUnit, scratch: Scratch): number[] {
  const { best } = scratch;
  const touched: number[] = [];
  const raise = (at: number, value: number) => {
    if (best[at] === 0) touched.push(at);
    if (value > best[at]!) best[at] = value;
  };
  const { search } = index;
  if (unit.kind === 'category') {
    for (const at of servicesInCategory(search, unit.category)) raise(at, EVIDENCE.category);
    return touched;
  }
  if (unit.kind === 'word') {
    const posting = search.postings.get(unit.token);
    if (!posting) return touched;
    const strength =
      (unit.corrections.length ? EVIDENCE.correctedWord : EVIDENCE.word) * rarity(search, posting.holders);
    for (let i = 0; i < posting.services.length; i++) raise(posting.services[i]!, strength * posting.weights[i]!);
    return touched;
  }
  for (const prefix of unit.need.taxonomy)
    for (const at of servicesUnderPrefix(search, prefix)) raise(at, EVIDENCE.taxonomy);
  for (const prefix of unit.need.related)
    for (const at of servicesUnderPrefix(search, prefix)) raise(at, EVIDENCE.related);
  const withWords = bestCoverage(search, [unit.tokens, ...unit.need.terms], scratch);
  for (const at of withWords) {
    const share = scratch.words[at]!;
    raise(at, EVIDENCE.needWords * share);
    best[at]! += EVIDENCE.needWordsBonus * share;
    scratch.words[at] = 0;
  }
  return touched;
}

/**
 * For each service, the best over `terms` of the weighted share of a term's words it holds
 * (all words of "food bank" in the name: 1; only "food", in a term name: 0.45). Leaves the
 * shares in `scratch.words` for the caller to read and zero; returns the services with one.
 */
function bestCoverage(search: SearchIndex<SearchableService>, terms: readonly string[][], scratch: Scratch): number[] {
  const { coverage, words } = scratch;
  const withWords: number[] = [];
  const common = Math.max(COMMON_WORD.atLeast, COMMON_WORD.share * search.serviceCount);
  for (const term of terms) {
    if (!term.length) continue;
    const covered: number[] = [];
    for (const word of term) {
      const posting = search.postings.get(word);
      if (!posting || posting.holders > common) continue;
      for (let i = 0; i < posting.services.length; i++) {
        const at = posting.services[i]!;
        if (coverage[at] === 0) covered.push(at);
        coverage[at]! += posting.weights[i]! / term.length;
      }
    }
    for (const at of covered) {
      if (words[at] === 0) withWords.push(at);
      if (coverage[at]! > words[at]!) words[at] = coverage[at]!;
      coverage[at] = 0;
    }
  }
  return withWords;
}

/** 0.4 for a word every service has, up to 1 for a word only one service has. */
function rarity(search: SearchIndex<SearchableService>, holders: number): number {
  const count = Math.max(1, search.serviceCount);
  return 0.4 + 0.6 * (Math.log(1 + count / holders) / Math.log(1 + count));
}

function servicesInCategory(search: SearchIndex<SearchableService>, category: NeedCategory): Int32Array {
  const key = `category:${category}`;
  let found = search.prefixCache.get(key);
  if (!found) {
    const list: number[] = [];
    search.services.forEach((service, at) => {
      if (service.categories.includes(category)) list.push(at);
    });
    found = Int32Array.from(list);
    search.prefixCache.set(key, found);
  }
  return found;
}

function reasonsFor(
  index: DirectoryIndex<SearchableDirectory>,
  service: SearchableService,
  units: readonly QueryUnit[],
  hits: number,
  context: {
    language: UiLanguage;
    filters: MatchFilters;
    read: ReadNeed;
    status: OpeningStatus;
    distanceKm: number | undefined;
  },
): MatchReason[] {
  const { language, filters, read, status, distanceKm } = context;
  const reasons: MatchReason[] = [];
  const matched: string[] = [];
  const corrected: string[] = [];
  const guesses: MatchReason[] = [];
  units.forEach((unit, bit) => {
    if (!(hits & (1 << Math.min(bit, 31)))) return;
    if (unit.kind === 'category') {
      reasons.push({ key: `category.${unit.category}` });
      return;
    }
    if (!matched.includes(unit.label)) matched.push(unit.label);
    for (const { typed, read } of unit.corrections) {
      if (corrected.includes(typed)) continue;
      corrected.push(typed);
      guesses.push({ key: 'corrected', params: { typed, read } });
    }
  });
  // The guesses come right after what matched, so "boat" read as "beat" would be visible.
  reasons.unshift(...guesses);
  if (matched.length) reasons.unshift({ key: 'matches', params: { terms: matched.join(', ') } });
  if (service.languages.includes(language) && (index.search.languageShare.get(language) ?? 0) < DISTINCTIVE_SHARE) {
    reasons.push({ key: `language.${language}` });
  }
  if (filters.area && service.areas.includes(filters.area)) reasons.push({ key: 'area' });
  if (
    filters.ageGroup &&
    (service.ages || hasCodeUnder(service, index.vocabularies.get(language)?.forWhomTaxonomy[filters.ageGroup] ?? []))
  ) {
    reasons.push({ key: `ageGroup.${filters.ageGroup}` });
  }
  if (read.free && service.free) reasons.push({ key: 'free' });
  if (status.open) reasons.push({ key: 'openNow' });
  if (distanceKm !== undefined) {
    const unit = index.snapshot.directory.distanceUnit;
    const distance = unit === 'mi' ? distanceKm / 1.609344 : distanceKm;
    reasons.push({ key: 'near', params: { distance: distance.toFixed(distance < 10 ? 1 : 0), unit } });
  }
  return reasons;
}

/** Great-circle distance in km from a point to the nearest of some points. */
function nearestKm(from: GeoPoint, points: readonly GeoPoint[]): number | undefined {
  let best: number | undefined;
  for (const point of points) {
    const distance = haversineKm(from, point);
    if (best === undefined || distance < best) best = distance;
  }
  return best;
}

function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const radians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * radians;
  const dLon = (b.lon - a.lon) * radians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
