// The package's browser build (`/browser.js`, bundled for the browser test runner) has no types
// entry of its own; it exports the same API as the package's main entry.
declare module '@guidepup/virtual-screen-reader/browser.js' {
  export * from '@guidepup/virtual-screen-reader';
}
