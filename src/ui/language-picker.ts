/**
 * The language picker in the panel header: a disclosure button that names the current language
 * in itself ("Français ▾"), opening a list of every language the widget speaks, each named in
 * itself and marked with its own `lang` so a screen reader pronounces it right. The current one
 * is pressed. Choosing closes the list and leaves focus on its button, as the "More" menu does.
 * The list comes from src/i18n/languages.ts, so a new language appears here with no code.
 */
import { html, type TemplateResult } from 'lit';
import { LANGUAGES, languageName, type UiLanguage } from '../i18n/languages.js';
import type { Translate } from './translate.js';

/** What the picker shows and what a choice does. */
export interface LanguagePickerOptions {
  t: Translate;
  /** The conversation's language. */
  language: UiLanguage;
  /** A visitor's choice of language. */
  choose: (language: UiLanguage) => void;
}

/** Renders the picker. */
export function renderLanguagePicker(options: LanguagePickerOptions): TemplateResult {
  const { t, language } = options;
  return html`<details class="language-picker" @click=${closeOnChoice}>
    <summary
      class="header-button"
      aria-label=${t('languagePickerLabel', { language: languageName(language) })}
      title=${t('languagePicker')}
    >
      <span lang=${language}>${languageName(language)}</span>
    </summary>
    <div class="language-list" role="group" aria-label=${t('languagePicker')}>
      ${LANGUAGES.map(
        ({ code, name }) =>
          html`<button
            type="button"
            class="header-button language-option"
            lang=${code}
            aria-pressed=${code === language ? 'true' : 'false'}
            @click=${() => options.choose(code)}
          >
            ${name}
          </button>`,
      )}
    </div>
  </details>`;
}

/** A choice closes the list and leaves focus on its button (the pressed one is now hidden). */
function closeOnChoice(event: Event): void {
  if (!(event.target as Element).closest('button')) return;
  const picker = event.currentTarget as HTMLDetailsElement;
  picker.open = false;
  picker.querySelector('summary')?.focus();
}
