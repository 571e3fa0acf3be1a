/**
 * A partitioned directory (docs/large-snapshots.md): its parts fetched once each and merged into
 * one view per set of parts, ranked with the whole directory's counts. Loaded only when the
 * directory's URL answers with an area index, so single-file directories never download it.
 */
import { type AreaIndex, areaIndexProblem, type DirectoryScope, partsForScope } from './area-index.js';
import {
  detailsOf,
  fetchJson,
  indexed,
  isRecord,
  type LoadedDirectory,
  type LoadedSnapshot,
  readSnapshot,
} from './directory-loader.js';
import type { SearchableService, WholeDirectoryCounts } from './search-index.js';
import type { LocalizedText, Service } from './snapshot.js';

export { areaIndexProblem };

/** One fetched part of a partitioned directory. */
interface LoadedPart {
  snapshot: LoadedSnapshot;
  services(ids: readonly string[]): Promise<Service[]>;
}

/**
 * A partitioned directory: parts fetched once each (a failed one is forgotten, so "Try again"
 * fetches it again), and one view per set of parts, merged and indexed with the whole
 * directory's counts.
 */
export function openPartitioned(href: string, areaIndex: AreaIndex, fetchImpl: typeof fetch) {
  const parts = new Map<string, Promise<LoadedPart>>();
  const part = (file: string): Promise<LoadedPart> => {
    let loading = parts.get(file);
    if (!loading) {
      const url = new URL(file, href).href;
      loading = fetchJson(url, fetchImpl).then((value) => {
        const snapshot = readSnapshot(url, value);
        return { snapshot, services: detailsOf(url, snapshot, fetchImpl) };
      });
      loading.catch(() => parts.delete(file));
      parts.set(file, loading);
    }
    return loading;
  };
  const views = new Map<string, Promise<LoadedDirectory>>();
  const view = (numbers: number[]): Promise<LoadedDirectory> => {
    const key = [...new Set(numbers)].sort((a, b) => a - b).join(',');
    let loading = views.get(key);
    if (!loading) {
      const files = [
        areaIndex.everywhere.file,
        ...key
          .split(',')
          .filter(Boolean)
          .map((n) => areaIndex.parts[Number(n)]!.file),
      ];
      loading = Promise.all(files.map(part)).then((loaded) => mergedView(href, areaIndex, loaded, scoped, dictionary));
      loading.catch(() => views.delete(key));
      views.set(key, loading);
    }
    return loading;
  };
  const scoped = (scope: DirectoryScope) => view(partsForScope(areaIndex, scope));
  let words: Promise<readonly string[]> | undefined;
  const dictionary = (): Promise<readonly string[]> => {
    if (!words) {
      const url = new URL(areaIndex.words, href).href;
      words = fetchJson(url, fetchImpl).then((value) => {
        const list = isRecord(value) ? value.words : undefined;
        if (!Array.isArray(list) || !list.every((word) => typeof word === 'string')) {
          throw new Error(`Directory ${url} is not valid: words: expected a list of words`);
        }
        return list as string[];
      });
      // A failed word list is forgotten so the next typed search tries again.
      words.catch(() => {
        words = undefined;
      });
    }
    return words;
  };
  return { view };
}

/** Several parts as one directory: each service once, ranked with the whole directory's counts. */
function mergedView(
  href: string,
  areaIndex: AreaIndex,
  parts: LoadedPart[],
  scoped: (scope: DirectoryScope) => Promise<LoadedDirectory>,
  dictionary: () => Promise<readonly string[]>,
): LoadedDirectory {
  const services: SearchableService[] = [];
  const owner = new Map<string, LoadedPart>();
  const taxonomyTerms: Record<string, LocalizedText> = {};
  const words: Record<string, number> = {};
  for (const part of parts) {
    Object.assign(taxonomyTerms, part.snapshot.taxonomyTerms);
    Object.assign(words, part.snapshot.wordCounts);
    for (const service of part.snapshot.services) {
      if (owner.has(service.id)) continue;
      owner.set(service.id, part);
      services.push(service);
    }
  }
  const { version, generatedAt, directory, areas, totals } = areaIndex;
  const whole: WholeDirectoryCounts = { services: totals.services, languages: totals.languages, words };
  const snapshot: LoadedSnapshot = {
    format: areaIndex.format,
    version,
    generatedAt,
    directory,
    areas,
    taxonomyTerms,
    services,
    whole,
  };
  return indexed(
    {
      url: href,
      snapshot,
      split: true,
      areaIndex,
      async services(ids) {
        const byPart = new Map<LoadedPart, string[]>();
        for (const id of ids) {
          const part = owner.get(id);
          if (part) byPart.set(part, [...(byPart.get(part) ?? []), id]);
        }
        const found = new Map<string, Service>();
        for (const list of await Promise.all([...byPart].map(([part, wanted]) => part.services(wanted)))) {
          for (const service of list) found.set(service.id, service);
        }
        return ids.flatMap((id) => found.get(id) ?? []);
      },
      scoped,
    },
    [],
    async () => {
      whole.dictionary ??= await dictionary();
    },
  );
}
