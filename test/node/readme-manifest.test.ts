/**
 * The element's public surface is written down in three places that must agree: the class's
 * doc comment and decorators (the source), custom-elements.json (generated from them by
 * `npm run manifest`), and the README's tables. The loader's list of `data-*` attributes is a
 * fourth. This test regenerates the manifest from the source and compares all of them.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EMBED_ALIASES, EMBED_ATTRIBUTES } from '../../src/embed-attributes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Relative to ROOT: the analyzer joins its `--outdir` onto the working directory. */
const FRESH_DIR = 'test-output/manifest-check';

interface Named {
  name: string;
}
interface ManifestDeclaration extends Named {
  customElement?: boolean;
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

/** Runs `npm run manifest`'s analyzer into a scratch folder and reads what it wrote. */
function generateManifest(): string {
  const require = createRequire(import.meta.url);
  const analyzer = join(dirname(require.resolve('@custom-elements-manifest/analyzer/package.json')), 'cem.js');
  mkdirSync(join(ROOT, FRESH_DIR), { recursive: true });
  execFileSync(process.execPath, [analyzer, 'analyze', '--litelement', '--quiet', '--outdir', FRESH_DIR], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return readFileSync(join(ROOT, FRESH_DIR, 'custom-elements.json'), 'utf8');
}

/** The README's `## ` sections, by title. */
function readmeSections(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const sections = new Map<string, string>();
  for (const part of readme.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    sections.set(part.slice(0, newline).trim(), part.slice(newline + 1));
  }
  return sections;
}

/** The first cell of each table row in a README section: `` `name` `` becomes `name`. */
function tableNames(section: string | undefined): string[] {
  assert.ok(section !== undefined, 'the README section is missing');
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1) // the header row
    .map((line) => /^\|\s*`([^`]+)`/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

function names(items: Named[] | undefined): string[] {
  return (items ?? []).map((item) => item.name).sort();
}

/** Every source file under src/ (the element's templates and styles are spread over several). */
function sourceFiles(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'navigator-console' || entry.name === 'cli' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the README, custom-elements.json and the source agree on the public surface', () => {
  let fresh: string;
  let element: ManifestDeclaration;
  let sections: Map<string, string>;

  before(() => {
    fresh = generateManifest();
    const manifest = JSON.parse(fresh) as Manifest;
    const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement);
    assert.ok(found, 'the manifest describes no custom element');
    element = found;
    sections = readmeSections();
  });
  after(() => rmSync(join(ROOT, FRESH_DIR), { recursive: true, force: true }));

  it('commits a custom-elements.json generated from the current source (run `npm run manifest`)', () => {
    const committed = readFileSync(join(ROOT, 'custom-elements.json'), 'utf8');
    assert.equal(committed, fresh, 'custom-elements.json is stale: run `npm run manifest`');
    assert.equal(element.tagName, 'referral-assistant');
  });

  it('lists every attribute in the README’s Attributes table, and nothing else', () => {
    assert.deepEqual(tableNames(sections.get('Attributes')).sort(), names(element.attributes));
  });

  it('lists every event in the README’s Events table, and nothing else', () => {
    assert.deepEqual(tableNames(sections.get('Events')).sort(), names(element.events));
  });

  it('lists every part in the README’s Parts table, and nothing else', () => {
    assert.deepEqual(tableNames(sections.get('Parts')).sort(), names(element.cssParts));
  });

  it('lists every CSS property in the README’s CSS properties table, and nothing else', () => {
    assert.deepEqual(tableNames(sections.get('CSS properties')).sort(), names(element.cssProperties));
  });

  it('documents in the manifest every part the templates set and every public custom property the styles read', () => {
    const source = sourceFiles()
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const parts = new Set([...source.matchAll(/\bpart="([\w-]+)"/g)].map((m) => m[1] ?? ''));
    const properties = new Set([...source.matchAll(/var\(\s*(--referral-assistant-[\w-]+)/g)].map((m) => m[1] ?? ''));
    assert.deepEqual([...parts].sort(), names(element.cssParts), 'parts in templates vs @csspart');
    assert.deepEqual([...properties].sort(), names(element.cssProperties), 'custom properties in styles vs @cssprop');
  });

  it('lets the script tag set every attribute as data-*, and nothing else', () => {
    assert.deepEqual([...EMBED_ATTRIBUTES].sort(), names(element.attributes));
    for (const target of Object.values(EMBED_ALIASES)) assert.ok(EMBED_ATTRIBUTES.includes(target), target);
  });

  it('has the Embed, Localization, Directory and Navigator service sections, the last linking its guide', () => {
    for (const title of ['Embed', 'Localization', 'Directory', 'Navigator service']) {
      assert.ok(sections.get(title)?.trim(), `no "## ${title}" section`);
    }
    const navigator = sections.get('Navigator service') ?? '';
    assert.match(navigator, /\]\(docs\/navigator-service\.md\)/);
    for (const topic of ['Configuration', 'Adding a navigator', 'HTTPS', 'HandoffTransport']) {
      assert.ok(navigator.includes(topic), `the Navigator service section does not mention ${topic}`);
    }
  });
});
