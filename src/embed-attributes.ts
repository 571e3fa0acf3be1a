/**
 * The `data-*` attributes of the one-script-tag loader and the element attributes they set.
 * A list, not "every data-* attribute", so a partner's unrelated `data-*` (a tag manager's, a
 * `data-style`) never lands on the element. A test checks it against custom-elements.json.
 */

/** Element attributes that the loader's tag may set as `data-<name>`. */
export const EMBED_ATTRIBUTES = [
  'directory',
  'lang',
  'region',
  'navigator',
  'needs-counts',
  'heading',
  'phone',
  'position',
  'accent-color',
  'exit-url',
  'map-url',
  'open',
] as const;

/** `data-*` names that set an attribute of another name: `data-title` reads better than `data-heading`. */
export const EMBED_ALIASES: Readonly<Record<string, (typeof EMBED_ATTRIBUTES)[number]>> = { title: 'heading' };
