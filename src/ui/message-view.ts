/**
 * One message of the history. Everything the visitor typed is interpolated as text (Lit
 * escapes it), never as markup.
 */
import { html, type TemplateResult } from 'lit';
import type { ChatMessage, ContactsMessage } from '../conversation/chat-message.js';
import type { UiLanguage } from '../directory/snapshot.js';
import type { ContactLine, Region } from '../regions/region.js';
import { renderLineActions } from './contact-options.js';
import { renderCrisisResponse } from './crisis-response.js';
import { renderServiceCard } from './service-card.js';
import { translateLine, type Translate } from './translate.js';

/** What messages need to render. */
export interface MessageContext {
  t: Translate;
  language: UiLanguage;
  region: Region;
  /** The line for "talk to a person": the region's helpline, or the partner's own number. */
  helpline: ContactLine;
}

/** Renders one message of the history. */
export function renderMessage(message: ChatMessage, context: MessageContext): TemplateResult {
  const { t } = context;
  switch (message.kind) {
    case 'text':
      return message.from === 'visitor'
        ? visitorBubble(t, message.text)
        : html`<div class="message from-assistant">
            <span class="visually-hidden">${t('assistant')}</span> ${translateLine(t, message.line)}
          </div>`;
    case 'choice':
      return visitorBubble(t, translateLine(t, message.line));
    case 'results':
      return html`<ul class="results" role="list">
        ${message.results.map(({ service, reasons }, index) =>
          renderServiceCard(service, reasons, { t, language: context.language, idPrefix: `m${message.id}-${index}` }),
        )}
      </ul>`;
    case 'contacts':
      return renderContacts(message, context);
    case 'crisis':
      return renderCrisisResponse(message.kinds, context);
  }
}

function visitorBubble(t: Translate, text: string): TemplateResult {
  return html`<div class="message from-visitor"><span class="visually-hidden">${t('you')}</span> ${text}</div>`;
}

function renderContacts(message: ContactsMessage, { t, language, helpline, region }: MessageContext): TemplateResult {
  const name = t(`safety:regions.${region.id}.${helpline.id}.name`);
  return html`<div class="message from-assistant contacts">
    <p>${t(`contacts.${message.purpose}`, { helpline: name })}</p>
    <p>${t(`safety:regions.${region.id}.${helpline.id}.description`)}</p>
    ${renderLineActions(helpline, t, language)}
  </div>`;
}
