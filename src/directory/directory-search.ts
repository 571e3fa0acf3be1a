/**
 * The widget's search side, loaded lazily with the directory on the first need: fetching and
 * validating the snapshot, the matcher and the need vocabulary stay out of the bundle that
 * opens the panel. The conversation's `assessNeed` and `findServices` actors call into this.
 */
import type {
  AssessNeedInput,
  FindServicesInput,
  FoundServices,
  NeedAssessment,
} from '../conversation/conversation.machine.js';
import { questionsThatChangeResults } from './clarifying-questions.js';
import { buildDirectoryIndex, type DirectoryIndex, matchServices } from './directory-matcher.js';
import type { DirectorySnapshot, NeedCategory } from './snapshot.js';
import { validateSnapshot, formatProblem } from './validate-snapshot.js';

/** How many services a result set shows. */
const RESULTS_SHOWN = 5;
/** How many candidates to look at when deciding which questions matter. */
const CANDIDATES_CONSIDERED = 30;

/** A loaded directory, ready to answer the conversation's questions. */
export interface DirectorySearch {
  snapshot: DirectorySnapshot;
  assess(input: AssessNeedInput): NeedAssessment;
  find(input: FindServicesInput): FoundServices;
}

const opened = new Map<string, Promise<DirectorySearch>>();

/**
 * Loads a directory once per URL and keeps it for the page's lifetime. A failed load is
 * forgotten so that "Try again" really tries again.
 */
export function openDirectory(url: string, fetchImpl: typeof fetch = fetch): Promise<DirectorySearch> {
  let search = opened.get(url);
  if (!search) {
    search = loadSnapshot(url, fetchImpl).then(createDirectorySearch);
    search.catch(() => opened.delete(url));
    opened.set(url, search);
  }
  return search;
}

async function loadSnapshot(url: string, fetchImpl: typeof fetch): Promise<DirectorySnapshot> {
  const response = await fetchImpl(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`Directory ${url}: HTTP ${response.status}`);
  const result = validateSnapshot(await response.json());
  if (!result.ok) {
    throw new Error(`Directory ${url} is not valid: ${result.problems.slice(0, 3).map(formatProblem).join('; ')}`);
  }
  return result.snapshot;
}

/** Wraps a snapshot with the operations the conversation needs. */
export function createDirectorySearch(snapshot: DirectorySnapshot): DirectorySearch {
  const index = buildDirectoryIndex(snapshot);
  return {
    snapshot,
    assess: (input) => assessNeed(index, input),
    find: (input) => findServices(index, input),
  };
}

function assessNeed(index: DirectoryIndex, { need, language }: AssessNeedInput): NeedAssessment {
  const text = need.text?.trim();
  const candidates = matchServices(index, { ...need, ...(text ? { text } : {}) }, {}, language, CANDIDATES_CONSIDERED);
  const categories = need.categories.length ? need.categories : dominantCategories(candidates.map((c) => c.service.categories));
  const services = candidates.map((c) => c.service);
  return {
    categories,
    understood: categories.length > 0 || candidates.length > 0,
    hints: {},
    urgentWords: false,
    questions: questionsThatChangeResults(index.snapshot, services, categories),
    areaOptions: index.snapshot.areas.length > 1 ? index.snapshot.areas.map(({ id, name }) => ({ id, name })) : [],
  };
}

function findServices(index: DirectoryIndex, { need, answers, language }: FindServicesInput): FoundServices {
  const results = matchServices(
    index,
    need,
    {
      ...(answers.area ? { area: answers.area } : {}),
      ...(answers.ageGroup ? { ageGroup: answers.ageGroup } : {}),
    },
    language,
    RESULTS_SHOWN,
  );
  return { results: results.map(({ service, reasons }) => ({ service, reasons })) };
}

/** The categories most of the top word matches share: a typed need's likely category. */
function dominantCategories(categoryLists: NeedCategory[][]): NeedCategory[] {
  const counts = new Map<NeedCategory, number>();
  for (const list of categoryLists.slice(0, 10)) {
    for (const category of list) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const best = Math.max(0, ...counts.values());
  return best < 2 ? [] : [...counts].filter(([, n]) => n === best).map(([c]) => c);
}
