/**
 * Where the bundled demo directory is. Rollup copies the file next to the bundle and rewrites
 * this URL (see `importMetaAssets` in rollup.config.mjs); in development it resolves to the
 * file in `demo/directory/`.
 */
export function defaultDirectoryUrl(): string {
  return new URL('../../demo/directory/demo-directory.json', import.meta.url).href;
}
