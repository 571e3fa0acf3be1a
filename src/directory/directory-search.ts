/**
 * The widget's search side, loaded lazily on the first need: loading and validating the
 * directory, the matcher, and (for typed words only) the need vocabulary and the fuzzy engine
 * stay out of the bundle that opens the panel. The conversation's `assessNeed` and
 * `findServices` actors call into this.
 */
import type {
  AssessNeedInput,
  FindServicesInput,
  FoundServices,
  NeedAssessment,
} from '../conversation/conversation-types.js';
import { questionsThatChangeResults } from './clarifying-questions.js';
import { NEARBY_KM } from './area-index-format.js';
import {
  type DirectoryIndex,
  type MatchFilters,
  type MatchResult,
  matchServices,
  unknownWords,
} from './directory-matcher.js';
import { type LoadedDirectory, type LoadedSnapshot, loadDirectory } from './directory-loader.js';
import type { SearchableService } from './search-index.js';
import type { UiLanguage } from './snapshot.js';

/** How many services a result set shows. */
const RESULTS_SHOWN = 5;
/** How many of the visitor's words the no-match answer names. */
const MAX_WORDS_NAMED = 4;
/** How many candidates to look at when deciding which questions matter. */
const CANDIDATES_CONSIDERED = 30;

/** A loaded directory, ready to answer the conversation's questions. */
export interface DirectorySearch {
  directory: LoadedDirectory;
  assess(input: AssessNeedInput): Promise<NeedAssessment>;
  find(input: FindServicesInput): Promise<FoundServices>;
  /** Services by id (those a navigator sent), in that order; unknown ids are left out. */
  byIds(ids: readonly string[]): Promise<FoundServices>;
}

const opened = new Map<string, Promise<DirectorySearch>>();

/**
 * Loads a directory once per URL and keeps it for the page's lifetime. A failed load is
 * forgotten so that "Try again" really tries again.
 */
export function openDirectory(url: string, fetchImpl: typeof fetch = fetch): Promise<DirectorySearch> {
  let search = opened.get(url);
  if (!search) {
    search = loadDirectory(url, fetchImpl).then(createDirectorySearch);
    search.catch(() => opened.delete(url));
    opened.set(url, search);
  }
  return search;
}

/** Wraps a loaded directory with the operations the conversation needs. */
export function createDirectorySearch(directory: LoadedDirectory): DirectorySearch {
  return {
    directory,
    assess: (input) => assessNeed(directory, input),
    find: (input) => findServices(directory, input),
    byIds: async (ids) => ({
      results: (await directory.services(ids)).map((service) => ({ service, reasons: [] })),
      timeZone: directory.snapshot.directory.timeZone,
      distanceUnit: directory.snapshot.directory.distanceUnit,
    }),
  };
}

/**
 * The index for a query: with the language's vocabulary when there are words to read, and
 * what correcting them takes only when some word is unknown to the vocabulary and the
 * directory (the real-word list, then Fuse.js only for a word that is not a real word).
 */
async function indexFor(
  directory: LoadedDirectory,
  text: string | undefined,
  language: UiLanguage,
): Promise<DirectoryIndex<LoadedSnapshot>> {
  if (!text?.trim()) return directory.index();
  const index = await directory.index(language);
  const unknown = unknownWords(index, text, language);
  if (unknown.length) {
    const { prepareCorrection } = await import('./term-corrector.js');
    await prepareCorrection(unknown, language);
  }
  return index;
}

async function assessNeed(
  directory: LoadedDirectory,
  { need, answers, language }: AssessNeedInput,
): Promise<NeedAssessment> {
  const text = need.text?.trim();
  // Reading typed words (and places in them) loads only for typed words.
  const reading = text ? await Promise.all([import('./need-vocabulary.js'), import('./locate-place.js')]) : undefined;
  const { areas } = directory.snapshot;
  const place = text && reading ? reading[1].locatePlace(text, areas) : undefined;
  // A partitioned directory searches where the visitor is: the area they just named, or named
  // before; anywhere else, the services that serve everywhere until they say where.
  const area = place?.area ?? answers.area ?? undefined;
  const scoped = await directory.scoped({ area, ...(place?.point ? { near: place.point } : {}) });
  const index = await indexFor(scoped, text, language);
  const vocabulary = index.vocabularies.get(language);
  const understood = text && vocabulary && reading ? reading[0].understandNeed(text, language, vocabulary) : undefined;
  const categories = need.categories.length ? need.categories : (understood?.categories ?? []);
  const candidates = matchServices(
    index,
    { categories: need.categories, ...(text ? { text } : {}) },
    {},
    language,
    CANDIDATES_CONSIDERED,
  );
  // Without an area, most of a partitioned directory is not loaded yet: words it alone holds
  // are found once the visitor says where they are, so the need is not "not understood" yet.
  const waitingForArea = Boolean(directory.areaIndex && !area && text);
  // Words read but nothing in the directory for them: say so before asking where or for whom.
  const words = understood ? [...new Set([...understood.terms, ...understood.otherWords])] : [];
  return {
    categories,
    understood: categories.length > 0 || candidates.length > 0 || waitingForArea,
    ...(text && !need.categories.length && !candidates.length && !waitingForArea && words.length
      ? { nothingFits: { words: words.slice(0, MAX_WORDS_NAMED) } }
      : {}),
    hints: {
      ...(understood?.ageGroup ? { ageGroup: understood.ageGroup } : {}),
      ...(understood?.today ? { today: true } : {}),
      ...(place ? { area: place.area, ...(place.point ? { near: place.point } : {}) } : {}),
    },
    urgentWords: false,
    questions: questionsThatChangeResults(
      scoped.snapshot,
      candidates.map((c) => c.service),
      categories,
    ),
    areaOptions: areas.length > 1 ? areas.map(({ id, name }) => ({ id, name })) : [],
  };
}

/**
 * Finds the services to show. A named area filters to the services serving it; when that leaves
 * fewer than {@link RESULTS_SHOWN}, services within {@link NEARBY_KM} of the visitor fill the
 * list, nearest first, across the area's border (loading the nearby parts of a partitioned
 * directory), so naming a small town is never a dead end.
 */
async function findServices(
  directory: LoadedDirectory,
  { need, answers, language, urgent }: FindServicesInput,
): Promise<FoundServices> {
  const area = answers.area ?? undefined;
  // A chosen area also orders by distance from its centre: nearest first, not alphabetical.
  const near = answers.near ?? directory.snapshot.areas.find((candidate) => candidate.id === area)?.centroid;
  const scoped = await directory.scoped({ area, ...(near ? { near } : {}) });
  const filters: MatchFilters = {
    ...(area ? { area } : {}),
    ...(answers.ageGroup ? { ageGroup: answers.ageGroup } : {}),
    ...(near ? { near } : {}),
    ...(urgent ? { today: true } : {}),
  };
  const query = { categories: need.categories, ...(need.text ? { text: need.text } : {}) };
  const matches: MatchResult<SearchableService>[] = matchServices(
    await indexFor(scoped, need.text, language),
    query,
    filters,
    language,
    RESULTS_SHOWN,
  );
  let owner = scoped;
  if (area && near && matches.length < RESULTS_SHOWN) {
    const wider = await directory.scoped({ area, near, withinKm: NEARBY_KM });
    const { area: _area, ...unbounded } = filters;
    const nearby = matchServices(
      await indexFor(wider, need.text, language),
      query,
      { ...unbounded, withinKm: NEARBY_KM },
      language,
      RESULTS_SHOWN,
    );
    const shown = new Set(matches.map((match) => match.service.id));
    for (const match of nearby) {
      if (matches.length >= RESULTS_SHOWN) break;
      if (!shown.has(match.service.id)) matches.push(match);
    }
    owner = wider;
  }
  const services = await owner.services(matches.map((match) => match.service.id));
  const byId = new Map(services.map((service) => [service.id, service]));
  return {
    results: matches.flatMap((match) => {
      const service = byId.get(match.service.id);
      if (!service) return [];
      return [
        {
          service,
          reasons: match.reasons,
          ...(match.distanceKm !== undefined ? { distanceKm: match.distanceKm } : {}),
        },
      ];
    }),
    timeZone: directory.snapshot.directory.timeZone,
    distanceUnit: directory.snapshot.directory.distanceUnit,
  };
}
