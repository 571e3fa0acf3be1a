/**
 * Renders a match reason as the visitor reads it, from `locales/<lang>/search.json`. The
 * widget does the same through i18next (namespace `search`, key `reasons.<key>`); this
 * dependency-free version serves the CLI, so a data team reads what a visitor reads.
 */
import type { MatchReason } from './directory-matcher.js';

/** The parsed contents of one `locales/<lang>/search.json`. */
export type SearchStrings = { reasons: Record<string, unknown> };

/**
 * The reason's sentence, with `{{param}}` placeholders filled. An unknown key renders as the
 * key itself, as i18next does, so a missing string is visible rather than silently dropped.
 */
export function reasonText(reason: MatchReason, strings: SearchStrings): string {
  let node: unknown = strings.reasons;
  for (const part of reason.key.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return `reasons.${reason.key}`;
  return node.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => reason.params?.[name] ?? placeholder);
}
