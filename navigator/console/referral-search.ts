/**
 * `<referral-search>`: the navigator searches the directory snapshot the widget uses, with the
 * widget's own matcher, reading the query in the navigator's language; narrows by area, open
 * now and language spoken; ticks one or more services and sends them in one click. Services the
 * visitor was already shown (by the widget or earlier in the chat) are marked and not ticked.
 *
 * @fires referral-search-send - `{ services: {id, name}[] }`: the services to send.
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { matchServices } from '../../src/directory/directory-matcher.js';
import { type LoadedDirectory, loadDirectory } from '../../src/directory/directory-loader.js';
import { openingStatus } from '../../src/directory/opening-hours.js';
import { pickText, type UiLanguage } from '../../src/directory/snapshot.js';
import { loadFuzzyEngine } from '../../src/directory/term-corrector.js';
import { MAX_SERVICES_PER_MESSAGE } from '../../src/handoff/message-content.js';
import { type ConsoleLanguage, consoleText } from './console-strings.js';

/** What the navigator narrowed the search to. */
export interface ReferralQuery {
  text: string;
  area: string;
  openNow: boolean;
  /** ISO 639-1 code, or '' for any. */
  spoken: string;
}

/** One result as the console lists it. */
export interface ReferralResult {
  id: string;
  name: string;
  organization: string;
  openNow: boolean | undefined;
  languages: string[];
}

/** How many results the list shows. */
const RESULTS_SHOWN = 10;

/**
 * Searches a loaded directory as the navigator asked: the matcher ranks, then the language
 * spoken filters (the matcher has no such filter; a service that lists no language is left out).
 */
export async function searchReferrals(
  directory: LoadedDirectory,
  query: ReferralQuery,
  language: UiLanguage,
  now = new Date(),
): Promise<ReferralResult[]> {
  const text = query.text.trim();
  if (!text) return [];
  const [index] = await Promise.all([directory.index(language), loadFuzzyEngine()]);
  const matches = matchServices(
    index,
    { text },
    { ...(query.area ? { area: query.area } : {}), ...(query.openNow ? { openNow: true, now } : {}) },
    language,
    RESULTS_SHOWN * 5,
  );
  const timeZone = directory.snapshot.directory.timeZone;
  return matches
    .filter((match) => !query.spoken || match.service.languages.includes(query.spoken))
    .slice(0, RESULTS_SHOWN)
    .map(({ service }) => ({
      id: service.id,
      name: pickText(service.name, language)?.text ?? service.id,
      organization: pickText(service.organization, language)?.text ?? '',
      openNow: service.schedule.length ? openingStatus(service.schedule, timeZone, now).open : undefined,
      languages: service.languages,
    }));
}

export class ReferralSearch extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: end;
    }
    label {
      display: flex;
      flex-direction: column;
      font-weight: 600;
    }
    label.inline {
      flex-direction: row;
      gap: 0.4rem;
      align-items: center;
      min-height: 44px;
    }
    input,
    select,
    button {
      font: inherit;
      min-height: 44px;
      color: inherit;
    }
    input[type='checkbox'] {
      min-height: auto;
      width: 1.25rem;
      height: 1.25rem;
    }
    button {
      border: 2px solid var(--nc-accent, #1a5fb4);
      background: var(--nc-accent, #1a5fb4);
      color: var(--nc-surface, #fff);
      border-radius: 6px;
      padding: 0 1rem;
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    :focus-visible {
      outline: 3px solid var(--nc-focus, #0b4f9c);
      outline-offset: 2px;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0.75rem 0;
    }
    li {
      border-top: 1px solid var(--nc-border, #6b7585);
      padding: 0.4rem 0;
    }
    li label {
      flex-direction: row;
      gap: 0.6rem;
      font-weight: 400;
      align-items: start;
    }
    .name {
      font-weight: 600;
    }
    .muted {
      color: var(--nc-muted, #4a5360);
    }
    .shown {
      font-style: italic;
    }
  `;

  /** The directory snapshot's URL (the one the widget on the partner's pages uses). */
  @property() directory = '';
  /** The navigator's language: the query is read in it and results are named in it. */
  @property() language: ConsoleLanguage = 'en';
  /** The visitor's language, the language-spoken filter's first choice. */
  @property({ attribute: 'visitor-language' }) visitorLanguage = '';
  /** Ids of services the visitor has already been shown. */
  @property({ attribute: false }) shown: ReadonlySet<string> = new Set();

  @state() private loaded: LoadedDirectory | null = null;
  @state() private loadState: 'idle' | 'loading' | 'failed' = 'idle';
  @state() private results: ReferralResult[] | null = null;
  @state() private chosen: ReadonlySet<string> = new Set();
  @state() private spoken: string | null = null;

  private get t() {
    return consoleText(this.language);
  }

  override render(): TemplateResult {
    const t = this.t;
    const areas = this.loaded?.snapshot.areas ?? [];
    const spoken = this.spoken ?? this.visitorLanguage;
    const spokenChoices = [...new Set([this.visitorLanguage, this.language, 'en', 'es', 'fr'].filter(Boolean))];
    return html`
      <form @submit=${this._onSearch} role="search" aria-label=${t('searchTitle')}>
        <label>${t('searchLabel')}<input name="text" type="search" autocomplete="off" required /></label>
        <label>${t('searchArea')}
          <select name="area">
            <option value="">${t('searchAnyArea')}</option>
            ${areas.map((area) => html`<option value=${area.id}>${pickText(area.name, this.language)?.text ?? area.id}</option>`)}
          </select>
        </label>
        <label>${t('searchLanguage')}
          <select name="spoken" @change=${this._onSpoken}>
            <option value="" ?selected=${spoken === ''}>${t('searchAnyLanguage')}</option>
            ${spokenChoices.map((code) => html`<option value=${code} ?selected=${spoken === code}>${this.languageName(code)}</option>`)}
          </select>
        </label>
        <label class="inline"><input name="openNow" type="checkbox" />${t('searchOpenNow')}</label>
        <button type="submit">${t('searchButton')}</button>
      </form>
      ${this.renderResults()}
    `;
  }

  private renderResults(): TemplateResult | typeof nothing {
    const t = this.t;
    if (this.loadState === 'loading') return html`<p role="status">${t('searchLoading')}</p>`;
    if (this.loadState === 'failed') return html`<p role="alert">${t('searchUnavailable')}</p>`;
    const results = this.results;
    if (!results) return nothing;
    const count = this.chosen.size;
    return html`
      <p role="status">${results.length ? t('searchResults', { count: results.length }) : t('searchNoResults')}</p>
      ${
        results.length
          ? html`<ul aria-label=${t('searchTitle')}>
            ${results.map((result) => this.renderResult(result))}
          </ul>
          <button type="button" ?disabled=${count === 0} @click=${this._onSend}>${t('sendServices', { count })}</button>`
          : nothing
      }
    `;
  }

  private renderResult(result: ReferralResult): TemplateResult {
    const t = this.t;
    const shown = this.shown.has(result.id);
    const details = [
      result.organization,
      result.openNow === undefined ? '' : result.openNow ? t('openNow') : t('closedNow'),
      result.languages.length
        ? t('speaks', { languages: result.languages.map((code) => this.languageName(code)).join(', ') })
        : '',
    ].filter(Boolean);
    return html`<li>
      <label>
        <input
          type="checkbox"
          .checked=${this.chosen.has(result.id)}
          ?disabled=${!this.chosen.has(result.id) && this.chosen.size >= MAX_SERVICES_PER_MESSAGE}
          @change=${(event: Event) => this._onChoose(result.id, (event.target as HTMLInputElement).checked)}
        />
        <span>
          <span class="name">${result.name}</span>
          ${shown ? html`<span class="shown">(${t('alreadyShown')})</span>` : nothing}
          <br /><span class="muted">${details.join(' · ')}</span>
        </span>
      </label>
    </li>`;
  }

  private languageName(code: string): string {
    try {
      return new Intl.DisplayNames([this.language], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  private async directoryLoaded(): Promise<LoadedDirectory | null> {
    if (this.loaded) return this.loaded;
    this.loadState = 'loading';
    try {
      this.loaded = await loadDirectory(this.directory, fetch, this.language);
      this.loadState = 'idle';
    } catch {
      this.loadState = 'failed';
    }
    return this.loaded;
  }

  private async _onSearch(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const directory = await this.directoryLoaded();
    if (!directory) return;
    const results = await searchReferrals(
      directory,
      {
        text: String(data.get('text') ?? ''),
        area: String(data.get('area') ?? ''),
        openNow: data.get('openNow') !== null,
        spoken: String(data.get('spoken') ?? ''),
      },
      this.language,
    );
    this.results = results;
    // Nothing is ticked for the navigator: a service already shown stays unticked.
    this.chosen = new Set();
  }

  private _onSpoken(event: Event): void {
    this.spoken = (event.target as HTMLSelectElement).value;
  }

  private _onChoose(id: string, checked: boolean): void {
    const chosen = new Set(this.chosen);
    if (checked) chosen.add(id);
    else chosen.delete(id);
    this.chosen = chosen;
  }

  private _onSend(): void {
    const services = (this.results ?? [])
      .filter((result) => this.chosen.has(result.id))
      .map(({ id, name }) => ({ id, name }));
    if (!services.length) return;
    this.dispatchEvent(
      new CustomEvent('referral-search-send', { detail: { services }, bubbles: true, composed: true }),
    );
    this.chosen = new Set();
  }
}

if (!customElements.get('referral-search')) customElements.define('referral-search', ReferralSearch);

declare global {
  interface HTMLElementTagNameMap {
    'referral-search': ReferralSearch;
  }
  interface GlobalEventHandlersEventMap {
    'referral-search-send': CustomEvent<{ services: { id: string; name: string }[] }>;
  }
}
