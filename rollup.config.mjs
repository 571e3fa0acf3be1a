// Bundles: the one-script-tag loader (IIFE) and the widget (ESM, code-split so that the
// panel opens with lit + xstate + i18next + our element, and search code, the need
// vocabulary and each language's strings load only when needed).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';

const target = 'es2022';

/**
 * Copies files referenced as `new URL('<relative path>', import.meta.url)` next to the bundle
 * and points the URL at the copy, so the default directory works wherever dist/ is served.
 */
function importMetaAssets() {
  const pattern = /new URL\((['"])(\.[^'"]+\.json)\1,\s*import\.meta\.url\)/g;
  return {
    name: 'import-meta-assets',
    transform(code, id) {
      if (!pattern.test(code)) return null;
      pattern.lastIndex = 0;
      const replaced = code.replace(pattern, (_, _quote, relative) => {
        const file = resolve(dirname(id), relative);
        const referenceId = this.emitFile({
          type: 'asset',
          fileName: `directory/${file.split('/').pop()}`,
          source: readFileSync(file),
        });
        return `new URL(import.meta.ROLLUP_FILE_URL_${referenceId})`;
      });
      return { code: replaced, map: null };
    },
  };
}

/**
 * Minifies the CSS inside Lit's css`...` templates (esbuild leaves template literals alone):
 * comments and white space cost bytes in the first bundle a visitor downloads.
 */
function minifyLitCss() {
  return {
    name: 'minify-lit-css',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const minified = code.replace(/css`([^`]*)`/g, (_, body) => {
        const css = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${css}\``;
      });
      return { code: minified, map: null };
    },
  };
}

/**
 * Expands the one import in src/i18n/locale-files.ts whose path is built from the language
 * (`locales/${language}/${file}.json`) into one dynamic import per folder and file found in
 * locales/, so each becomes its own chunk and adding a language needs no import line.
 */
function localeImports() {
  const pattern = /import\(`\.\.\/\.\.\/locales\/\$\{language\}\/\$\{file\}\.json`[^)]*\)/;
  return {
    name: 'locale-imports',
    transform(code, id) {
      if (!id.endsWith('src/i18n/locale-files.ts')) return null;
      if (!pattern.test(code)) this.error('locale-files.ts no longer has the import localeImports expands');
      const root = resolve('locales');
      const cases = readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((folder) =>
          readdirSync(resolve(root, folder.name))
            .filter((name) => name.endsWith('.json'))
            .map((name) => {
              const key = `${folder.name}/${name.slice(0, -'.json'.length)}`;
              return `case ${JSON.stringify(key)}: return import("../../locales/${key}.json");`;
            }),
        )
        .join(' ');
      const expanded = `((key) => { switch (key) { ${cases} default: return Promise.reject(new Error("no locale file " + key)); } })(\`\${language}/\${file}\`)`;
      return { code: code.replace(pattern, expanded), map: null };
    },
  };
}

/**
 * Writes dist/bundle-manifest.json: each chunk with its static and dynamic imports and the
 * source modules in it, so `npm run size` and the budget tests can add up exactly what the
 * browser fetches on each path without guessing from hashed file names.
 */
function bundleManifest() {
  return {
    name: 'bundle-manifest',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .filter((file) => file.type === 'chunk')
        .map((chunk) => ({
          fileName: chunk.fileName,
          isEntry: chunk.isEntry,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          modules: Object.keys(chunk.modules).map((id) => id.replace(process.cwd() + '/', '')),
        }));
      this.emitFile({ type: 'asset', fileName: 'bundle-manifest.json', source: JSON.stringify(chunks, null, 1) });
    },
  };
}

/**
 * Deletes chunks of earlier builds from dist/chunks once this build is written: their names
 * are hashed, so without this they pile up and would be published and served.
 */
function removeStaleChunks() {
  return {
    name: 'remove-stale-chunks',
    writeBundle(options, bundle) {
      const dir = resolve(options.dir, 'chunks');
      let names;
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (!(`chunks/${name}` in bundle)) rmSync(resolve(dir, name), { force: true });
      }
    },
  };
}

const plugins = () => [
  nodeResolve({ browser: true }),
  json({ preferConst: true, compact: true, namedExports: true }),
  minifyLitCss(),
  localeImports(),
  esbuild({ target, tsconfig: 'tsconfig.json' }),
];

export default [
  {
    input: 'src/embed.ts',
    output: { file: 'dist/referral-assistant.js', format: 'iife', plugins: [minify({ target })] },
    plugins: plugins(),
  },
  {
    input: 'navigator/console/register-navigator-console.ts',
    // One file for the console page: the directory search's lazy parts are inlined.
    output: {
      file: 'dist/navigator-console.js',
      format: 'es',
      inlineDynamicImports: true,
      plugins: [minify({ target })],
    },
    plugins: plugins(),
  },
  {
    input: 'navigator/dashboard/register-needs-dashboard.ts',
    output: { file: 'dist/needs-dashboard.js', format: 'es', plugins: [minify({ target })] },
    plugins: plugins(),
  },
  {
    input: { define: 'src/define.ts', index: 'src/index.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'referral-assistant.[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      plugins: [minify({ target })],
    },
    plugins: [...plugins(), importMetaAssets(), bundleManifest(), removeStaleChunks()],
  },
];
