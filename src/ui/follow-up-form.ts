/**
 * The follow-up form of a live chat: a phone number and a time for the navigator's call. The
 * visitor has just been told, above it, that the number is deleted once the call is made or
 * after the retention period at most.
 */
import { html, type TemplateResult } from 'lit';
import { FOLLOW_UP_TIMES, type FollowUpTime } from '../handoff/message-content.js';
import type { Translate } from './translate.js';

/** Renders the form; `submit` receives what the visitor entered. */
export function renderFollowUpForm(
  t: Translate,
  submit: (details: { phone: string; when: FollowUpTime }) => void,
): TemplateResult {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const phone = String(data.get('phone') ?? '').trim();
    const when = String(data.get('when') ?? '') as FollowUpTime;
    if (!phone || !FOLLOW_UP_TIMES.includes(when)) return;
    submit({ phone, when });
  };
  return html`<form class="callback-form follow-up-form" @submit=${onSubmit}>
    <label for="follow-up-phone">${t('lines:live.desk.followUp.phone')}</label>
    <input id="follow-up-phone" class="text-field" name="phone" type="tel" autocomplete="tel" required maxlength="40" />
    <label for="follow-up-when">${t('lines:live.desk.followUp.when')}</label>
    <select id="follow-up-when" class="text-field" name="when">
      ${FOLLOW_UP_TIMES.map((time) => html`<option value=${time}>${t(`lines:live.desk.followUp.time.${time}`)}</option>`)}
    </select>
    <button type="submit" class="send">${t('lines:live.desk.followUp.send')}</button>
  </form>`;
}
