/** A phone number and a time to call, after hours or when no navigator is free. */
import { html, type TemplateResult } from 'lit';
import type { Translate } from './translate.js';

/** Renders the callback form; `submit` gets both fields, trimmed and filled in. */
export function renderCallbackForm(t: Translate, submit: (phone: string, bestTime: string) => void): TemplateResult {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const phone = String(data.get('phone') ?? '').trim();
    const bestTime = String(data.get('bestTime') ?? '').trim();
    if (phone && bestTime) submit(phone, bestTime);
  };
  return html`<form class="callback-form" @submit=${onSubmit}>
    <label for="callback-phone">${t('lines:live.callback.phone')}</label>
    <input id="callback-phone" class="text-field" name="phone" type="tel" autocomplete="tel" required maxlength="40" />
    <label for="callback-time">${t('lines:live.callback.bestTime')}</label>
    <input
      id="callback-time"
      class="text-field"
      name="bestTime"
      type="text"
      required
      maxlength="200"
      placeholder=${t('lines:live.callback.bestTimePlaceholder')}
    />
    <button type="submit" class="send">${t('lines:live.callback.send')}</button>
  </form>`;
}
