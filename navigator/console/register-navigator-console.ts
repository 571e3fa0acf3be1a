/**
 * Registers `<navigator-console>` once (the entry point of the console bundle,
 * `dist/navigator-console.js`).
 */
import { NavigatorConsole } from './navigator-console.js';

if (!customElements.get('navigator-console')) customElements.define('navigator-console', NavigatorConsole);

export { NavigatorConsole };
