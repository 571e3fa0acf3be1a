/** The text box and send button. What the visitor types goes to the conversation as it is. */
import { html, type TemplateResult } from 'lit';
import type { Translate } from './translate.js';

/** What the composer does with the visitor's words. */
export interface ComposerOptions {
  t: Translate;
  /** A message, trimmed and not empty. */
  submit: (text: string) => void;
  /** Whether the box holds anything, on every keystroke. */
  typing: (typing: boolean) => void;
}

/** Renders the composer. */
export function renderComposer({ t, submit, typing }: ComposerOptions): TemplateResult {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).querySelector('input');
    const text = input?.value.trim();
    if (!input || !text) return;
    input.value = '';
    typing(false);
    submit(text);
  };
  return html`<form class="composer" part="composer" @submit=${onSubmit}>
    <label class="visually-hidden" for="composer-input">${t('composerLabel')}</label>
    <input
      id="composer-input"
      class="composer-input text-field"
      type="text"
      autocomplete="off"
      maxlength="2000"
      enterkeyhint="send"
      placeholder=${t('composerPlaceholder')}
      @input=${(event: InputEvent) => typing((event.target as HTMLInputElement).value.length > 0)}
    />
    <button class="send" type="submit">${t('send')}</button>
  </form>`;
}
