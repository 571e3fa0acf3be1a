/**
 * The panel's header: the title, quick exit and close on the first row; the language switch,
 * "talk to a person" and the "More" menu (crisis lines, start over, clear, read new) below.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { VisitorEvent } from '../conversation/conversation-types.js';
import type { UiLanguage } from '../directory/snapshot.js';
import type { Translate } from './translate.js';

/** What the header shows and what its buttons do. */
export interface PanelHeaderOptions {
  t: Translate;
  title: string;
  /** The language the switch offers. */
  otherLanguage: UiLanguage;
  /** A visitor's choice: the element sends it to the conversation and moves focus to the replies. */
  choose: (event: VisitorEvent) => void;
  switchLanguage: () => void;
  quickExit: () => void;
  close: () => void;
  clearConversation: () => void;
  /** Reads the latest turn aloud; absent where the browser cannot speak. */
  readNew?: () => void;
}

/** Renders the header. */
export function renderPanelHeader(options: PanelHeaderOptions): TemplateResult {
  const { t } = options;
  return html`<div class="header" part="header">
    <div class="header-row">
      <h2 id="title" class="title">${options.title}</h2>
      <button type="button" class="header-button quick-exit" @click=${options.quickExit}>
        ${t('safety:quickExit.label')}
      </button>
      <button type="button" class="header-button close" aria-label=${t('close')} @click=${options.close}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" />
        </svg>
      </button>
    </div>
    <div class="header-actions">
      <button
        type="button"
        class="header-button"
        lang=${options.otherLanguage}
        aria-label=${t('languageSwitchLabel')}
        @click=${options.switchLanguage}
      >
        ${t('languageSwitch')}
      </button>
      <button type="button" class="header-button" @click=${() => options.choose({ type: 'TALK_TO_PERSON' })}>
        ${t('talkToPerson')}
      </button>
      <details class="more">
        <summary class="header-button">${t('more')}</summary>
        <div class="more-menu" @click=${closeMoreMenu}>
          <button type="button" class="header-button" @click=${() => options.choose({ type: 'SHOW_CRISIS_LINES' })}>
            ${t('crisisLines')}
          </button>
          <button type="button" class="header-button" @click=${() => options.choose({ type: 'START_OVER' })}>
            ${t('startOver')}
          </button>
          <button type="button" class="header-button" @click=${options.clearConversation}>
            ${t('safety:clearConversation.label')}
          </button>
          ${
            options.readNew
              ? html`<button type="button" class="header-button" @click=${options.readNew}>${t('readNew')}</button>`
              : nothing
          }
        </div>
      </details>
    </div>
  </div>`;
}

/** A choice in the "More" menu closes it, as a menu does. */
function closeMoreMenu(event: Event): void {
  if (!(event.target as Element).closest('button')) return;
  const menu = (event.currentTarget as Element).closest('details');
  if (!menu) return;
  menu.open = false;
  // The button just pressed is hidden now: focus goes to the menu's summary, not to body
  // (a choice that answers in the history then moves it on to the replies).
  menu.querySelector('summary')?.focus();
}
