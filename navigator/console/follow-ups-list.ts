/**
 * The "Follow-ups due" list of the console: visitors who asked to be called, earliest due
 * first, each with the number (until the follow-up is done), who took it, and the three things
 * a navigator does with one: take it, mark it done (which deletes the number), or move it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FollowUp } from '../../src/handoff/message-content.js';
import type { ConsoleKey, ConsoleText } from './console-strings.js';

/** What the list needs from the console. */
export interface FollowUpsView {
  t: ConsoleText;
  /** The service's clock, epoch ms. */
  now: number;
  languageName: (code: string) => string;
  dateTime: (at: number) => string;
  take: (id: number) => void;
  done: (id: number) => void;
  /** Moves the follow-up a day later. */
  reschedule: (id: number) => void;
}

/** Renders the list section. */
export function renderFollowUps(entries: readonly FollowUp[], view: FollowUpsView): TemplateResult {
  const { t } = view;
  return html`
    <section aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">${t('followUpsTitle')} <span class="count">(${entries.length})</span></h2>
      ${
        entries.length === 0
          ? html`<p class="empty">${t('followUpsEmpty')}</p>`
          : html`<ol class="entries follow-ups">
            ${entries.map((entry) => renderFollowUp(entry, view))}
          </ol>`
      }
    </section>
  `;
}

function renderFollowUp(entry: FollowUp, view: FollowUpsView): TemplateResult {
  const { t } = view;
  const overdue = entry.dueAt < view.now;
  return html`<li class="entry ${overdue ? 'urgent' : ''}">
    <div id="follow-up-${entry.id}">
      ${overdue ? html`<span class="badge urgent">${t('followUpOverdue')}</span>` : nothing}
      ${entry.phone ? html`<a class="phone" href="tel:${entry.phone.replace(/[^\d+]/g, '')}">${entry.phone}</a>` : nothing}
      <span class="language">${view.languageName(entry.language)}</span>
      <span class="detail">${t('followUpDue', { time: view.dateTime(entry.dueAt) })}</span>
      ${entry.categories.length ? html`<span class="detail">${entry.categories.map((c) => t(`category.${c}` as ConsoleKey)).join(', ')}</span>` : nothing}
      ${entry.takenBy ? html`<span class="muted">${t('followUpTakenBy', { name: entry.takenBy })}</span>` : nothing}
    </div>
    <div class="actions">
      ${
        entry.state === 'due'
          ? html`<button type="button" aria-describedby="follow-up-${entry.id}" @click=${() => view.take(entry.id)}>${t('followUpTake')}</button>`
          : nothing
      }
      <button type="button" aria-describedby="follow-up-${entry.id}" @click=${() => view.done(entry.id)}>${t('followUpDone')}</button>
      <button type="button" aria-describedby="follow-up-${entry.id}" @click=${() => view.reschedule(entry.id)}>${t('followUpReschedule')}</button>
    </div>
  </li>`;
}
