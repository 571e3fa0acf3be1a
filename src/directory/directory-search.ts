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
import { type DirectoryIndex, type MatchFilters, matchServices } from './directory-matcher.js';
import { type LoadedDirectory, type LoadedSnapshot, loadDirectory } from './directory-loader.js';
import type { UiLanguage } from './snapshot.js';

/** How many services a result set shows. */
const RESULTS_SHOWN = 5;
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

/** The index for a query: with the language's vocabulary and the fuzzy engine only when there are words to read. */
async function indexFor(
  directory: LoadedDirectory,
  text: string | undefined,
  language: UiLanguage,
): Promise<DirectoryIndex<LoadedSnapshot>> {
  if (!text?.trim()) return directory.index();
  const [index] = await Promise.all([
    directory.index(language),
    import('./term-corrector.js').then(({ loadFuzzyEngine }) => loadFuzzyEngine()),
  ]);
  return index;
}

async function assessNeed(directory: LoadedDirectory, { need, language }: AssessNeedInput): Promise<NeedAssessment> {
  const text = need.text?.trim();
  const index = await indexFor(directory, text, language);
  const vocabulary = index.vocabularies.get(language);
  // Reading typed words (and places in them) loads only for typed words.
  const reading = text ? await Promise.all([import('./need-vocabulary.js'), import('./locate-place.js')]) : undefined;
  const understood = text && vocabulary && reading ? reading[0].understandNeed(text, language, vocabulary) : undefined;
  const categories = need.categories.length ? need.categories : (understood?.categories ?? []);
  const candidates = matchServices(
    index,
    { categories: need.categories, ...(text ? { text } : {}) },
    {},
    language,
    CANDIDATES_CONSIDERED,
  );
  const { snapshot } = directory;
  const place = text && reading ? reading[1].locatePlace(text, snapshot.areas) : undefined;
  return {
    categories,
    understood: categories.length > 0 || candidates.length > 0,
    hints: {
      ...(understood?.ageGroup ? { ageGroup: understood.ageGroup } : {}),
      ...(understood?.today ? { today: true } : {}),
      ...(place ? { area: place.area, ...(place.point ? { near: place.point } : {}) } : {}),
    },
    urgentWords: false,
    questions: questionsThatChangeResults(
      snapshot,
      candidates.map((c) => c.service),
      categories,
    ),
    areaOptions: snapshot.areas.length > 1 ? snapshot.areas.map(({ id, name }) => ({ id, name })) : [],
  };
}

async function findServices(
  directory: LoadedDirectory,
  { need, answers, language, urgent }: FindServicesInput,
): Promise<FoundServices> {
  const index = await indexFor(directory, need.text, language);
  // A chosen area also orders by distance from its centre: nearest first, not alphabetical.
  const near = answers.near ?? directory.snapshot.areas.find((area) => area.id === answers.area)?.centroid;
  const filters: MatchFilters = {
    ...(answers.area ? { area: answers.area } : {}),
    ...(answers.ageGroup ? { ageGroup: answers.ageGroup } : {}),
    ...(near ? { near } : {}),
    ...(urgent ? { today: true } : {}),
  };
  const query = { categories: need.categories, ...(need.text ? { text: need.text } : {}) };
  const matches = matchServices(index, query, filters, language, RESULTS_SHOWN);
  const services = await directory.services(matches.map((match) => match.service.id));
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
