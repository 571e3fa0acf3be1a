/**
 * What a user who installs the published package gets: `npm pack`, then `npm install` of the
 * tarball into a scratch project outside the repository, as a partner's build would. Checks the
 * tarball's contents, that every bare import the widget and the CLI make is a runtime
 * dependency, that a TypeScript consumer type-checks against the installed types, and that the
 * installed `referral-assistant` command runs. Prints the tarball's size and file count.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { ROOT } from '../support/browser-session.js';

/** npm's own limits: a pack or an install from the local cache takes seconds; a minute means it hangs. */
const NPM_TIMEOUT_MS = 120_000;

const CONSUMER = `import { type ReferralAssistantEventMap, ReferralAssistant } from 'referral-assistant';
import 'referral-assistant/define';

const element = document.createElement('referral-assistant');
const typed: ReferralAssistant = element;
typed.startWithNeed('food');
typed.setLanguage('es');
typed.addEventListener('referral-assistant-results', (event) => {
  const count: number = event.detail.count;
  return count;
});
const detail: ReferralAssistantEventMap['referral-assistant-need'] = { categories: ['housing'], language: 'en' };
// @ts-expect-error: not a need category
typed.startWithNeed('pizza');
// @ts-expect-error: the open property is a boolean
const wrong: string = typed.open;
export { detail, wrong };
`;

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

function npm(args: string[], cwd: string, what: string): string {
  try {
    return execFileSync('npm', args, { cwd, encoding: 'utf8', timeout: NPM_TIMEOUT_MS, stdio: 'pipe' });
  } catch (error) {
    const failure = error as { stderr?: string; signal?: string };
    const why = failure.signal === 'SIGTERM' ? `timed out after ${NPM_TIMEOUT_MS / 1000} s` : failure.stderr;
    throw new Error(`npm ${args.join(' ')} (${what}) failed: ${why}`);
  }
}

/** Every JavaScript file under a folder. */
function javascriptFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js') || name.endsWith('.mjs'))
    .map((name) => join(folder, name));
}

/**
 * The packages an entry point reaches, statically or through dynamic imports, as esbuild's
 * bundler resolves them (`lit/decorators.js`, `fuse.js/basic`), Node's built-ins left out.
 */
async function externalImports(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  return [...new Set(imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => i.path))];
}

/** `lit/decorators.js` → `lit`, `@scope/name/x` → `@scope/name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

describe('the package a user installs from its tarball', { timeout: 300_000 }, () => {
  let scratch: string;
  let pack: PackResult;
  let installed: string;

  before(() => {
    assert.ok(existsSync(join(ROOT, 'dist', 'referral-assistant.js')), 'dist/ is missing: run `npm run build` first');
    scratch = mkdtempSync(join(tmpdir(), 'referral-assistant-consumer-'));
    const [result] = JSON.parse(
      npm(['pack', '--json', '--pack-destination', scratch], ROOT, 'packing the package'),
    ) as PackResult[];
    pack = result as PackResult;
    console.log(
      `# tarball ${pack.filename}: ${(pack.size / 1024).toFixed(1)} KB packed, ` +
        `${(pack.unpackedSize / 1024).toFixed(1)} KB unpacked, ${pack.entryCount} files`,
    );
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'partner-site', version: '1.0.0', private: true, type: 'module' }),
    );
    npm(
      ['install', join(scratch, pack.filename), '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'],
      scratch,
      'installing the tarball into a scratch project',
    );
    installed = join(scratch, 'node_modules', 'referral-assistant');
  });

  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('holds the built widget, its types, its manifest and its strings, and nothing of the repository', () => {
    const paths = pack.files.map((file) => file.path);
    for (const needed of [
      'package.json',
      'README.md',
      'bin/referral-assistant.mjs',
      'dist/referral-assistant.js',
      'dist/referral-assistant.define.js',
      'dist/referral-assistant.index.js',
      'dist/cli/referral-assistant.js',
      'types/index.d.ts',
      'types/define.d.ts',
      'custom-elements.json',
      'locales/en/ui.json',
      'locales/es/ui.json',
    ]) {
      assert.ok(paths.includes(needed), `the tarball lacks ${needed}`);
    }
    const unwanted = paths.filter((path) =>
      /^(src|test|navigator|scripts|demo|docs)\/|fixtures|\.test\.|navigator-console|\.tsbuildinfo$/.test(path),
    );
    assert.deepEqual(unwanted, [], 'tests, fixtures, sources or the navigator side are in the tarball');
  });

  it('has no source map pointing at a file the tarball lacks', () => {
    const paths = new Set(pack.files.map((file) => file.path));
    const dangling: string[] = [];
    for (const file of javascriptFiles(join(installed, 'dist'))) {
      const mapUrl = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, 'utf8'))?.[1];
      if (!mapUrl || mapUrl.startsWith('data:')) continue;
      const mapPath = relative(installed, join(dirname(file), mapUrl));
      if (!paths.has(mapPath)) dangling.push(`${relative(installed, file)} → ${mapPath}`);
    }
    assert.deepEqual(dangling, []);
  });

  it('declares as dependencies every package the widget and the command import', async () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
    const undeclared = new Map<string, string>();
    const entries = [
      'referral-assistant.js',
      'referral-assistant.define.js',
      'referral-assistant.index.js',
      'cli/referral-assistant.js',
    ];
    for (const entry of entries) {
      for (const specifier of await externalImports(join(installed, 'dist', entry))) {
        if (!dependencies.has(packageName(specifier))) undeclared.set(specifier, `dist/${entry}`);
      }
    }
    assert.deepEqual(Object.fromEntries(undeclared), {}, 'imported but not a dependency (only a devDependency?)');
    for (const name of dependencies) {
      assert.ok(
        existsSync(join(scratch, 'node_modules', name, 'package.json')),
        `npm installed the dependency ${name}`,
      );
    }
  });

  it('type-checks a TypeScript consumer of the class, its tag and its typed events', () => {
    mkdirSync(join(scratch, 'src'), { recursive: true });
    writeFileSync(join(scratch, 'src', 'consumer.ts'), CONSUMER);
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['src/consumer.ts'],
      }),
    );
    // typescript's `exports` hide bin/tsc from require.resolve; its package.json is exported.
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', join(scratch, 'tsconfig.json')], {
        encoding: 'utf8',
        timeout: NPM_TIMEOUT_MS,
      });
    } catch (error) {
      assert.fail(
        `the consumer does not type-check against the installed package:\n${(error as { stdout?: string }).stdout}`,
      );
    }
  });

  it('runs `referral-assistant --help` and `search` from the installed package', () => {
    const bin = join(scratch, 'node_modules', '.bin', 'referral-assistant');
    const run = (args: string[]) =>
      execFileSync(bin, args, { cwd: scratch, encoding: 'utf8', timeout: NPM_TIMEOUT_MS, stdio: 'pipe' });
    const help = run(['--help']);
    for (const command of ['build-directory', 'validate-directory', 'search', 'triage']) {
      assert.match(help, new RegExp(`^  ${command} `, 'm'), `--help lists ${command}`);
    }
    assert.doesNotMatch(help, /add-navigator/, 'the navigator service’s admin command is not in the widget package');
    const directory = join(installed, 'dist', 'directory', 'demo-directory.json');
    const results = JSON.parse(run(['search', directory, 'food bank', '--lang', 'en', '--json'])) as { name: string }[];
    assert.ok(
      results.some((service) => /food bank/i.test(service.name)),
      `search found a food bank: ${results.map((s) => s.name).join(', ')}`,
    );
  });
});
