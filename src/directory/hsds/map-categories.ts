/**
 * Taxonomy codes and term names to the widget's need categories, through a data file
 * (`src/directory/category-map.json` by default), so a 211 can adjust the mapping to its
 * own taxonomy without touching code.
 */
import { NEED_CATEGORIES, type NeedCategory } from '../snapshot.js';
import { foldText } from '../../text/fold-text.js';

/** A loaded, checked category map. */
export interface CategoryMap {
  /** Code prefixes, longest first, with their categories. */
  prefixes: Array<{ prefix: string; categories: NeedCategory[] }>;
  /** Folded term names to categories. */
  termNames: Map<string, NeedCategory[]>;
}

/** A taxonomy term attached to a service. */
export interface TaxonomyTermRef {
  code?: string;
  name?: string;
}

const CATEGORY_SET = new Set<string>(NEED_CATEGORIES);

/**
 * Checks and loads a category map file's contents. Throws an Error naming the first bad
 * entry, because a wrong map silently misfiles every service.
 */
export function loadCategoryMap(data: unknown): CategoryMap {
  if (!isRecord(data)) throw new Error('the category map must be a JSON object');
  const prefixes: CategoryMap['prefixes'] = [];
  const termNames = new Map<string, NeedCategory[]>();
  const codePrefixes = data.codePrefixes ?? {};
  const names = data.termNames ?? {};
  if (!isRecord(codePrefixes)) throw new Error('"codePrefixes" must be an object');
  if (!isRecord(names)) throw new Error('"termNames" must be an object');
  for (const [prefix, value] of Object.entries(codePrefixes)) {
    prefixes.push({ prefix: prefix.toUpperCase(), categories: checkCategories(value, `codePrefixes.${prefix}`) });
  }
  for (const [name, value] of Object.entries(names)) {
    termNames.set(foldText(name), checkCategories(value, `termNames.${name}`));
  }
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  return { prefixes, termNames };
}

function checkCategories(value: unknown, where: string): NeedCategory[] {
  if (!Array.isArray(value)) throw new Error(`${where} must be a list of categories`);
  for (const item of value) {
    if (typeof item !== 'string' || !CATEGORY_SET.has(item)) {
      throw new Error(`${where}: "${String(item)}" is not one of ${NEED_CATEGORIES.join(', ')}`);
    }
  }
  return value as NeedCategory[];
}

// AIRS/211 LA codes: one or two letters, then groups of digits ("BD", "BD-1800.2000-640",
// "RP-1500.1400-800"). Prefixes are tried only on codes of that shape, so that an id such as a
// UUID starting "bd5f…" is never read as food.
const AIRS_CODE = /^[A-Z]{1,2}(?:-\d{4}(?:[.-]\d{2,4})*)?$/;

/** The categories of one term: its code's longest prefix, else its whole name, else none. */
export function categoriesOfTerm(term: TaxonomyTermRef, map: CategoryMap): NeedCategory[] | undefined {
  const code = term.code?.trim().toUpperCase();
  if (code && AIRS_CODE.test(code)) {
    const match = map.prefixes.find(({ prefix }) => code.startsWith(prefix));
    if (match) return match.categories;
  }
  if (term.name) {
    const byName = map.termNames.get(foldText(term.name));
    if (byName) return byName;
  }
  return undefined;
}

/**
 * A service's categories: every category its terms map to, the one most of its terms
 * point at first (ties in the widget's order), so the first category reads as the main one.
 */
export function mapCategories(terms: TaxonomyTermRef[], map: CategoryMap): NeedCategory[] {
  const counts = new Map<NeedCategory, number>();
  for (const term of terms) {
    for (const category of categoriesOfTerm(term, map) ?? []) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts.keys()].sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || NEED_CATEGORIES.indexOf(a) - NEED_CATEGORIES.indexOf(b),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
