/**
 * `<needs-dashboard>`: where 211 staff (navigators, and analysts who may see figures but never a
 * conversation) read what their community needs and does not find. Signs in like the console,
 * then shows the report of the navigator service (`GET /navigator/needs-report`), filtered by
 * dates, language, region and area: each figure as an SVG chart with the same figures in a
 * table beside it, and a CSV of exactly those tables.
 *
 * Every count the service sends is already suppressed; the page never sees a small cell.
 *
 * @csspart header - The top bar.
 * @csspart filters - The filter form.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SignInResponse } from '../../src/handoff/handoff-protocol.js';
import { currentSession, type SignInFailure, signIn, signOut } from '../console/console-api.js';
import { styles as consoleStyles } from '../console/navigator-console.styles.js';
import { NEEDS_REPORT_PATH, type NeedsReport } from '../service/needs-report-format.js';
import { type DashboardLanguage, dashboardLanguage, dashboardText } from './dashboard-strings.js';
import { styles } from './needs-dashboard.styles.js';
import { renderChart } from './report-charts.js';
import { filterLabel, reportCsv, tableViews } from './report-view.js';

const DIMENSIONS = ['language', 'region', 'area'] as const;

export class NeedsDashboard extends LitElement {
  static override styles = [consoleStyles, styles];

  /** Base URL of the navigator service. Defaults to this page's origin. */
  @property() service?: string;

  @state() private phase: 'checking' | 'signed-out' | 'signed-in' = 'checking';
  @state() private account: SignInResponse | null = null;
  @state() private signInProblem: SignInFailure | null = null;
  @state() private signingIn = false;
  @state() private report: NeedsReport | null = null;
  @state() private loadProblem = false;
  @state() private loading = false;

  private get language(): DashboardLanguage {
    return dashboardLanguage(
      this.getAttribute('lang'),
      new URLSearchParams(location.search).get('lang'),
      navigator.language,
    );
  }

  private get t() {
    return dashboardText(this.language);
  }

  private get serviceUrl(): string {
    return this.service ?? location.origin;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.checkSession();
  }

  override render(): TemplateResult {
    return html`<div class="root" lang=${this.language}>
      ${
        this.phase === 'checking'
          ? html`<p class="checking">${this.t('loading')}</p>`
          : this.phase === 'signed-out'
            ? this.renderSignIn()
            : this.renderDashboard()
      }
    </div>`;
  }

  private renderSignIn(): TemplateResult {
    const t = this.t;
    const problem = this.signInProblem;
    const message =
      problem === 'invalid-credentials'
        ? t('signInFailed')
        : problem === 'rate-limited'
          ? t('signInThrottled')
          : problem === 'unreachable'
            ? t('serviceUnreachable')
            : '';
    return html`<main class="sign-in">
      <h1>${t('title')}</h1>
      <form @submit=${this._onSignIn} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">${t('signInTitle')}</h2>
        <p class="field">
          <label for="username">${t('username')}</label>
          <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required />
        </p>
        <p class="field">
          <label for="password">${t('password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <p role="alert" class="problem">${message}</p>
        <button type="submit" ?disabled=${this.signingIn}>${this.signingIn ? t('signingIn') : t('signIn')}</button>
      </form>
    </main>`;
  }

  private renderDashboard(): TemplateResult {
    const t = this.t;
    const report = this.report;
    return html`
      <header part="header" class="header">
        <h1>${t('title')}</h1>
        <p class="who">${this.account ? t('signedInAs', { name: this.account.name }) : ''}</p>
        <button type="button" @click=${this._onSignOut}>${t('signOut')}</button>
      </header>
      <main class="dashboard">
        <p class="muted">${t('subtitle')}</p>
        ${report?.demo ? html`<p class="notice demo" role="note">${t('demoNotice')}</p>` : nothing}
        ${this.renderFilters(report)}
        <p role="status" class="muted">${this.loading ? t('loading') : this.loadProblem ? t('loadFailed') : ''}</p>
        ${report ? this.renderReport(report) : nothing}
      </main>
    `;
  }

  private renderFilters(report: NeedsReport | null): TemplateResult {
    const t = this.t;
    return html`<form part="filters" class="filters" @submit=${this._onFilter} aria-label=${t('filtersTitle')}>
      <p class="field">
        <label for="from">${t('from')}</label>
        <input id="from" name="from" type="date" required .value=${report?.from ?? ''} />
      </p>
      <p class="field">
        <label for="to">${t('to')}</label>
        <input id="to" name="to" type="date" required .value=${report?.to ?? ''} />
      </p>
      ${DIMENSIONS.map(
        (dimension) => html`<p class="field">
          <label for=${dimension}>${t(dimension)}</label>
          <select id=${dimension} name=${dimension}>
            <option value="" ?selected=${!report?.filter[dimension]}>${t('all')}</option>
            ${(report?.choices[dimension] ?? []).map(
              (value) =>
                html`<option value=${value} ?selected=${report?.filter[dimension] === value}>
                  ${filterLabel(t, dimension, value)}
                </option>`,
            )}
          </select>
        </p>`,
      )}
      <p class="actions">
        <button type="submit">${t('apply')}</button>
        <button type="button" class="export" ?disabled=${!report} @click=${this._onExport}>${t('exportCsv')}</button>
      </p>
    </form>`;
  }

  private renderReport(report: NeedsReport): TemplateResult {
    const t = this.t;
    const language = this.language;
    const views = tableViews(report, t, language);
    const refused = report.refused;
    return html`
      <p class="muted">
        ${report.from} – ${report.to}, ${report.period === 'day' ? t('periodDay') : t('periodWeek')}.
        ${t('suppressionNote', { below: report.threshold - 1 })}
      </p>
      ${
        refused.invalid !== 0 || refused.rateLimited !== 0
          ? html`<p class="notice" role="note">
            ${t('refusedNote', {
              invalid: refused.invalid ?? t('withheldShort'),
              rateLimited: refused.rateLimited ?? t('withheldShort'),
            })}
          </p>`
          : nothing
      }
      ${report.tables.map((table, index) => {
        const view = views[index];
        if (!view) return nothing;
        const titleId = `title-${table.id}`;
        const about =
          table.id === 'unmet-by-category' || table.id === 'unmet-by-area'
            ? t('about.unmet')
            : table.id === 'navigator-records'
              ? t('about.navigator-records')
              : '';
        return html`<section class="figure" aria-labelledby=${titleId} data-table=${table.id}>
          <h2 id=${titleId}>${view.title}</h2>
          ${about ? html`<p class="muted">${about}</p>` : nothing}
          <div class="pair">
            ${renderChart(table, t, language)}
            <div class="table-wrap" role="region" tabindex="0" aria-label=${t('tableOf', { title: view.title })}>
              ${
                view.rows.length === 0
                  ? html`<p class="muted">${t('noData')}</p>`
                  : html`<table>
                    <thead>
                      <tr>${view.headers.map((header) => html`<th scope="col">${header}</th>`)}</tr>
                    </thead>
                    <tbody>
                      ${view.rows.map(
                        ([head, ...cells], r) => html`<tr>
                          <th scope="row">${head}</th>
                          ${cells.map((cell, c) =>
                            table.rows[r]?.values[c] === null
                              ? html`<td class="withheld"><abbr title=${t('withheld')}>${cell}</abbr></td>`
                              : html`<td>${cell}</td>`,
                          )}
                        </tr>`,
                      )}
                    </tbody>
                  </table>`
              }
            </div>
          </div>
        </section>`;
      })}
    `;
  }

  private async checkSession(): Promise<void> {
    try {
      const account = await currentSession(this.serviceUrl);
      if (!account) {
        this.phase = 'signed-out';
        return;
      }
      this.account = account;
      this.phase = 'signed-in';
      await this.load(new URLSearchParams(location.search));
    } catch {
      this.phase = 'signed-out';
      this.signInProblem = 'unreachable';
    }
  }

  private async load(query: URLSearchParams): Promise<void> {
    const params = new URLSearchParams();
    for (const name of ['from', 'to', ...DIMENSIONS]) {
      const value = query.get(name);
      if (value) params.set(name, value);
    }
    const url = new URL(this.serviceUrl);
    url.pathname = `${url.pathname.replace(/\/$/, '')}${NEEDS_REPORT_PATH}`;
    url.search = params.toString();
    this.loading = true;
    try {
      const response = await fetch(url, { credentials: 'include', cache: 'no-store' });
      if (response.status === 401) {
        this.phase = 'signed-out';
        return;
      }
      if (!response.ok) throw new Error(`The service answered ${response.status}.`);
      this.report = (await response.json()) as NeedsReport;
      this.loadProblem = false;
    } catch {
      this.loadProblem = true;
    } finally {
      this.loading = false;
    }
  }

  private async _onSignIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    this.signingIn = true;
    const result = await signIn(
      this.serviceUrl,
      String(data.get('username') ?? ''),
      String(data.get('password') ?? ''),
    );
    this.signingIn = false;
    if (!result.ok) {
      this.signInProblem = result.reason;
      return;
    }
    this.signInProblem = null;
    this.account = result.navigator;
    this.phase = 'signed-in';
    await this.load(new URLSearchParams(location.search));
  }

  private async _onSignOut(): Promise<void> {
    await signOut(this.serviceUrl);
    this.account = null;
    this.report = null;
    this.phase = 'signed-out';
  }

  private _onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const query = new URLSearchParams();
    for (const [name, value] of data) if (typeof value === 'string' && value) query.set(name, value);
    void this.load(query);
  }

  /** Downloads the tables as shown, as CSV, through a blob link (allowed under a strict CSP). */
  private _onExport(): void {
    const report = this.report;
    if (!report) return;
    const t = this.t;
    const csv = reportCsv(report, t, this.language);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
    link.download = t('csvFile', { from: report.from, to: report.to });
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'needs-dashboard': NeedsDashboard;
  }
}
