/**
 * Ways to reach a person by phone or text, from the region data: the honest fallback while
 * no live chat is available. Every number is a real link: one tap calls or texts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ContactLine } from '../regions/region.js';
import { formatPhone } from './format-phone.js';
import { phoneUrl } from './safe-link.js';
import type { Translate } from './translate.js';

/** Call and text links for one line, labelled in the visitor's language. */
export function renderLineActions(line: ContactLine, t: Translate, language: string): TemplateResult {
  const call = phoneUrl('tel', line.call);
  const text = phoneUrl('sms', line.text, line.textBody?.[language]);
  return html`<p class="line-actions">
    ${call ? html`<a class="action" href=${call}>${t('callNumber', { number: formatPhone(line.call ?? '') })}</a>` : nothing}
    ${text ? html`<a class="action" href=${text}>${t('textNumber', { number: formatPhone(line.text ?? '') })}</a>` : nothing}
  </p>`;
}
