/** The chat bubble: opens and closes the panel. Its label says what it opens, in the page's language. */
import { html, type TemplateResult } from 'lit';
import type { Translate } from './translate.js';

/** Renders the launcher button. */
export function renderLauncher(t: Translate, open: boolean, toggle: () => void): TemplateResult {
  return html`<button
    class="launcher"
    part="launcher"
    type="button"
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls="panel"
    aria-label=${t('launcherLabel')}
    @click=${toggle}
  >
    <svg class="launcher-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
    </svg>
    <span class="launcher-text">${t('launcher')}</span>
  </button>`;
}
