/**
 * `<contact-record-form>`: the record of a contact, completed when the conversation ends. Needs
 * as categories, referrals given (service ids, those sent in the chat ticked already), unmet
 * needs each with a reason, and the outcome. The safety check is shown as the service read it
 * from the transcript; the navigator does not claim it. Codes only: nothing the visitor wrote.
 *
 * @fires contact-record-save - `ContactRecordInput`: the record to save.
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { NEED_CATEGORIES, type NeedCategory } from '../../src/directory/snapshot.js';
import {
  CONTACT_OUTCOMES,
  type ContactOutcome,
  type ContactRecord,
  type ContactRecordInput,
  type SafetyCheckRecord,
  UNMET_REASONS,
  type UnmetReason,
} from '../../src/handoff/message-content.js';
import { type ConsoleKey, type ConsoleLanguage, consoleText } from './console-strings.js';

export class ContactRecordForm extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    fieldset {
      border: 1px solid var(--nc-border, #6b7585);
      border-radius: 6px;
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
    }
    legend {
      font-weight: 600;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    label {
      display: inline-flex;
      gap: 0.4rem;
      align-items: center;
      min-height: 44px;
    }
    select,
    button {
      font: inherit;
      min-height: 44px;
      color: inherit;
    }
    input[type='checkbox'] {
      width: 1.25rem;
      height: 1.25rem;
    }
    button {
      border: 2px solid var(--nc-accent, #1a5fb4);
      background: transparent;
      border-radius: 6px;
      padding: 0 1rem;
      cursor: pointer;
    }
    button.primary {
      background: var(--nc-accent, #1a5fb4);
      color: var(--nc-surface, #fff);
    }
    :focus-visible {
      outline: 3px solid var(--nc-focus, #0b4f9c);
      outline-offset: 2px;
    }
    .unmet {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .muted {
      color: var(--nc-muted, #4a5360);
    }
  `;

  /** The navigator's language. */
  @property() language: ConsoleLanguage = 'en';
  /** The categories the widget matched, ticked to begin with. */
  @property({ attribute: false }) categories: readonly NeedCategory[] = [];
  /** Services referred in the chat (id and name), ticked to begin with. */
  @property({ attribute: false }) referrals: readonly { id: string; name: string }[] = [];
  /** The safety check as the transcript shows it so far. */
  @property({ attribute: false }) safetyCheck: SafetyCheckRecord = 'not-done';
  /** The record as saved, if it was. */
  @property({ attribute: false }) saved: ContactRecord | undefined;

  @state() private needs: ReadonlySet<NeedCategory> | null = null;
  @state() private referred: ReadonlySet<string> | null = null;
  @state() private unmet: { category: NeedCategory; reason: UnmetReason }[] | null = null;
  @state() private outcome: ContactOutcome | null = null;

  private get t() {
    return consoleText(this.language);
  }

  override render(): TemplateResult {
    const t = this.t;
    const needs = this.needs ?? new Set(this.saved?.needs ?? this.categories);
    const referred = this.referred ?? new Set(this.saved?.referrals ?? this.referrals.map((r) => r.id));
    const unmet = this.unmet ?? this.saved?.unmet ?? [];
    const outcome = this.outcome ?? this.saved?.outcome ?? (this.referrals.length ? 'referred' : 'information');
    const category = (c: NeedCategory) => t(`category.${c}` as ConsoleKey);
    return html`
      <form @submit=${this._onSave} aria-labelledby="record-title">
        <h3 id="record-title">${t('recordTitle')}</h3>
        <p class="muted">${t('recordPrivacy')}</p>
        <fieldset>
          <legend>${t('recordNeeds')}</legend>
          <div class="choices">
            ${NEED_CATEGORIES.map(
              (c) => html`<label><input
                type="checkbox"
                .checked=${needs.has(c)}
                @change=${(e: Event) => this.toggleNeed(needs, c, (e.target as HTMLInputElement).checked)}
              />${category(c)}</label>`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${t('recordReferrals')}</legend>
          ${
            this.referrals.length
              ? html`<div class="choices">
                ${this.referrals.map(
                  (r) => html`<label><input
                    type="checkbox"
                    .checked=${referred.has(r.id)}
                    @change=${(e: Event) => this.toggleReferral(referred, r.id, (e.target as HTMLInputElement).checked)}
                  />${r.name}</label>`,
                )}
              </div>`
              : html`<p class="muted">${t('none')}</p>`
          }
        </fieldset>
        <fieldset>
          <legend>${t('recordUnmet')}</legend>
          ${unmet.map(
            (entry, at) => html`<div class="unmet" role="group" aria-label="${t('recordUnmet')} ${at + 1}">
              <label>${t('recordUnmetCategory')}
                <select @change=${(e: Event) => this.changeUnmet(unmet, at, { category: (e.target as HTMLSelectElement).value as NeedCategory })}>
                  ${NEED_CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === entry.category}>${category(c)}</option>`)}
                </select>
              </label>
              <label>${t('recordUnmetReason')}
                <select @change=${(e: Event) => this.changeUnmet(unmet, at, { reason: (e.target as HTMLSelectElement).value as UnmetReason })}>
                  ${UNMET_REASONS.map((r) => html`<option value=${r} ?selected=${r === entry.reason}>${t(`unmet.${r}` as ConsoleKey)}</option>`)}
                </select>
              </label>
              <button type="button" @click=${() => {
                this.unmet = unmet.filter((_, i) => i !== at);
              }}>${t('recordRemoveUnmet')}</button>
            </div>`,
          )}
          <button type="button" @click=${() => {
            this.unmet = [...unmet, { category: [...needs][0] ?? 'housing', reason: 'no-service' }];
          }}>${t('recordAddUnmet')}</button>
        </fieldset>
        <label>${t('recordOutcome')}
          <select @change=${(e: Event) => {
            this.outcome = (e.target as HTMLSelectElement).value as ContactOutcome;
          }}>
            ${CONTACT_OUTCOMES.map((o) => html`<option value=${o} ?selected=${o === outcome}>${t(`outcome.${o}` as ConsoleKey)}</option>`)}
          </select>
        </label>
        <p>${t('recordSafety', { value: t(`deskSafety.${this.saved?.safetyCheck ?? this.safetyCheck}` as ConsoleKey) })}</p>
        <button type="submit" class="primary">${t('recordSave')}</button>
        ${
          this.saved
            ? html`<p role="status">${t('recordSaved', {
                time: new Intl.DateTimeFormat(this.language, { hour: 'numeric', minute: '2-digit' }).format(
                  this.saved.savedAt,
                ),
              })}</p>`
            : nothing
        }
      </form>
    `;
  }

  private toggleNeed(current: ReadonlySet<NeedCategory>, category: NeedCategory, on: boolean): void {
    const next = new Set(current);
    if (on) next.add(category);
    else next.delete(category);
    this.needs = next;
  }

  private toggleReferral(current: ReadonlySet<string>, id: string, on: boolean): void {
    const next = new Set(current);
    if (on) next.add(id);
    else next.delete(id);
    this.referred = next;
  }

  private changeUnmet(
    current: { category: NeedCategory; reason: UnmetReason }[],
    at: number,
    change: Partial<{ category: NeedCategory; reason: UnmetReason }>,
  ): void {
    this.unmet = current.map((entry, i) => (i === at ? { ...entry, ...change } : entry));
  }

  private _onSave(event: SubmitEvent): void {
    event.preventDefault();
    const record: ContactRecordInput = {
      needs: [...(this.needs ?? new Set(this.saved?.needs ?? this.categories))],
      referrals: [...(this.referred ?? new Set(this.saved?.referrals ?? this.referrals.map((r) => r.id)))],
      unmet: this.unmet ?? this.saved?.unmet ?? [],
      outcome: this.outcome ?? this.saved?.outcome ?? (this.referrals.length ? 'referred' : 'information'),
    };
    this.dispatchEvent(new CustomEvent('contact-record-save', { detail: record, bubbles: true, composed: true }));
  }
}

if (!customElements.get('contact-record-form')) customElements.define('contact-record-form', ContactRecordForm);

declare global {
  interface HTMLElementTagNameMap {
    'contact-record-form': ContactRecordForm;
  }
  interface GlobalEventHandlersEventMap {
    'contact-record-save': CustomEvent<ContactRecordInput>;
  }
}
