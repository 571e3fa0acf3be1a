/**
 * Which services are sensitive to offer by mistake: shelters, violence and abuse services,
 * crisis lines. A women's shelter shown for "best pizza delivery" wastes a call, and on a
 * shared phone it can put someone at risk, so the evaluation counts how often an unrelated
 * request gets one, and the matcher never shows one on the strength of a single stray word.
 */
import type { SearchableService } from './search-index.js';
import { searchTokens } from './search-tokens.js';
import type { LocalizedText } from './snapshot.js';

/**
 * AIRS/211 prefixes of shelter, violence, abuse and crisis services: emergency shelters
 * (`BH-1800`, domestic-violence and youth shelters under it), crisis intervention and hotlines
 * (`RP-1500`, `RX-8470.8200`), abuse and sexual-assault counselling, family-violence and
 * sexual-assault prevention, victim services, abuse reporting and domestic-violence legal help.
 */
export const SENSITIVE_TAXONOMY = [
  'BH-1800',
  'BH-1850',
  'RP-1500',
  'RX-8470.8200',
  'RP-1400.8000-020',
  'RP-1400.8000-800',
  'RP-1400.8000-825',
  'FN-1500.1900',
  'FN-1500.8150',
  'FN-1500.9100-180',
  'FN-1900',
  'FT-3000.1750',
  'PH-6500',
  'PN-8100.0200',
  'LT-1750.7935',
] as const;

/**
 * The prefixes of crisis, violence and abuse services: {@link SENSITIVE_TAXONOMY} without the
 * plain homeless shelters. A need under one of them is never recognised from a corrected
 * typo, since "boat" read as "beat" must not become "beats me".
 */
export const CRISIS_OR_ABUSE_TAXONOMY = [
  'BH-1800.1500',
  ...SENSITIVE_TAXONOMY.filter((prefix) => !prefix.startsWith('BH-18')),
  'FN-1500.2560',
] as const;

/** True when a need's taxonomy prefixes fall under crisis, violence or abuse services. */
export function isCrisisOrAbuseNeed(taxonomy: readonly string[]): boolean {
  return taxonomy.some((code) => CRISIS_OR_ABUSE_TAXONOMY.some((prefix) => code.startsWith(prefix)));
}

/** Words in a service's name that say it is one, for directories without AIRS codes. */
const SENSITIVE_NAME_TOKENS: ReadonlySet<string> = new Set(
  searchTokens(
    'shelter shelters violence abuse abused assault crisis suicide battered trafficking refugio albergue violencia abuso agresion suicidio',
  ),
);

/** True when a service is a shelter, a violence or abuse service, or a crisis line. */
export function isSensitiveService(service: Pick<SearchableService, 'taxonomy'> & { name: LocalizedText }): boolean {
  if (service.taxonomy.some((code) => SENSITIVE_TAXONOMY.some((prefix) => code.startsWith(prefix)))) return true;
  return Object.values(service.name).some((name) =>
    searchTokens(name ?? '').some((token) => SENSITIVE_NAME_TOKENS.has(token)),
  );
}
