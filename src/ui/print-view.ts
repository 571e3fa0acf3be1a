/**
 * What a printout of results shows: each service's name, phones, address and hours, in the
 * visitor's language, on plain paper. Rendered only while printing, and only in print.
 */
import { html, type TemplateResult } from 'lit';
import type { Service } from '../directory/snapshot.js';
import { serviceLines } from './share-text.js';
import type { Translate } from './translate.js';

/** The print-only view of some services. */
export function renderPrintView(services: Service[], t: Translate, language: string): TemplateResult {
  return html`<section class="print-view" aria-hidden="true">
    <h1>${t('share.heading')}</h1>
    ${services.map((service) => {
      const [name, ...details] = serviceLines(service, language, t);
      return html`<article>
        <h2>${name}</h2>
        ${details.map((line) => html`<p>${line}</p>`)}
      </article>`;
    })}
  </section>`;
}
