/**
 * Registers `<needs-dashboard>` once (the entry point of the dashboard bundle,
 * `dist/needs-dashboard.js`).
 */
import { NeedsDashboard } from './needs-dashboard.js';

if (!customElements.get('needs-dashboard')) customElements.define('needs-dashboard', NeedsDashboard);

export { NeedsDashboard };
