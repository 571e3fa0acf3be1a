/**
 * One message of the history. Everything the visitor typed is interpolated as text (Lit
 * escapes it), never as markup. Assistant messages carry a "read aloud" button where the
 * browser can speak.
 */
import { regionLineKey } from '../i18n/i18n.js';
import { html, nothing, type TemplateResult } from 'lit';
import type {
  ChatMessage,
  ContactsMessage,
  NavigatorServicesMessage,
  NavigatorTextMessage,
  ResultsMessage,
} from '../conversation/chat-message.js';
import type { Service, UiLanguage } from '../directory/snapshot.js';
import type { ContactLine, Region } from '../regions/region.js';
import { renderLineActions } from './contact-options.js';
import { renderCrisisResponse } from './crisis-response.js';
import { renderServiceCard } from './service-card.js';
import { shareText } from './share-text.js';
import { translateLine, type Translate } from './translate.js';

/** What messages need to render. */
export interface MessageContext {
  t: Translate;
  language: UiLanguage;
  region: Region;
  /** The line for "talk to a person": the region's helpline, or the partner's own number. */
  helpline: ContactLine;
  /** Reads the message a "read aloud" button belongs to; absent where speech is unsupported. */
  readAloud?: (event: Event) => void;
  /**
   * The crisis and helpline wording has loaded. Until it has (a moment), those messages show
   * their call and text buttons alone, which need no words but the numbers.
   */
  linesReady: boolean;
  /** The map provider's URL template for directions. */
  mapUrl: string;
  /** Copies text for the visitor and says so. */
  copy: (text: string) => void;
  /** Opens the print view of some services. */
  print: (services: Service[]) => void;
  /** Renders a navigator's message (phrases, languages, cards): the live chat's views, once loaded. */
  navigatorView?: (message: NavigatorTextMessage | NavigatorServicesMessage, context: MessageContext) => TemplateResult;
}

/** Renders one message of the history. */
export function renderMessage(message: ChatMessage, context: MessageContext): TemplateResult {
  const { t } = context;
  if (message.from === 'visitor') {
    const text = message.kind === 'text' ? message.text : translateLine(t, message.line);
    const delivery = message.kind === 'text' ? message.delivery : undefined;
    return html`<div class="message from-visitor">
      <span class="visually-hidden">${t('you')}</span> ${text}
      ${
        delivery && delivery !== 'sent'
          ? html`<span class="delivery ${delivery}">${t(`lines:live.delivery.${delivery}`)}</span>`
          : nothing
      }
    </div>`;
  }
  if (message.from === 'navigator') {
    // Phrases, languages and cards come with the live chat's own views; until they load, the plain text.
    if (context.navigatorView) return context.navigatorView(message, context);
    return html`<div class="message from-navigator">
      <span class="sender">${message.name || t('lines:live.navigator')}</span>
      <span class="text">${message.kind === 'text' ? message.text : ''}</span>
    </div>`;
  }
  switch (message.kind) {
    case 'text':
      return assistantBubble(
        context,
        'text',
        html`<span class="visually-hidden">${t('assistant')}</span> ${translateLine(t, message.line)}`,
      );
    case 'results':
      return assistantBubble(context, 'results-message', renderResults(message, context));
    case 'contacts':
      return assistantBubble(context, 'contacts', renderContacts(message, context));
    case 'crisis':
      return assistantBubble(context, 'crisis', renderCrisisResponse(message, context));
  }
}

/** Service cards and the "Keep these results" actions, for the widget's results and a navigator's alike. */
export function renderResults(
  message: Pick<ResultsMessage, 'id' | 'results' | 'timeZone' | 'distanceUnit'>,
  context: MessageContext,
): TemplateResult {
  return html`<ul class="results" role="list">
      ${message.results.map(({ service, reasons, distanceKm }, index) =>
        renderServiceCard(service, reasons, {
          t: context.t,
          language: context.language,
          idPrefix: `m${message.id}-${index}`,
          timeZone: message.timeZone,
          distanceUnit: message.distanceUnit,
          mapUrl: context.mapUrl,
          copy: context.copy,
          ...(distanceKm !== undefined ? { distanceKm } : {}),
        }),
      )}
    </ul>
    ${renderShare(
      message.results.map((result) => result.service),
      context,
    )}`;
}

function assistantBubble(context: MessageContext, kind: string, content: TemplateResult): TemplateResult {
  return html`<div class="message from-assistant ${kind}">
    ${content}
    ${
      context.readAloud
        ? html`<button type="button" class="read-aloud" aria-label=${context.t('readAloud')} @click=${context.readAloud}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z" />
          </svg>
        </button>`
        : nothing
    }
  </div>`;
}

/** Sending the results to oneself, without an account: text message, email, copy, print. */
function renderShare(services: Service[], context: MessageContext): TemplateResult {
  const { t, language } = context;
  const text = shareText(services, language, t);
  const body = encodeURIComponent(text);
  return html`<div class="share" role="group" aria-label=${t('share.label')}>
    <a class="action" href=${`sms:?&body=${body}`}>${t('share.sms')}</a>
    <a class="action" href=${`mailto:?subject=${encodeURIComponent(t('share.subject'))}&body=${body}`}
      >${t('share.email')}</a
    >
    <button type="button" class="action" @click=${() => context.copy(text)}>${t('share.copy')}</button>
    <button type="button" class="action" @click=${() => context.print(services)}>${t('share.print')}</button>
  </div>`;
}

function renderContacts(message: ContactsMessage, context: MessageContext): TemplateResult {
  const { t, language, helpline, region } = context;
  if (!context.linesReady) return renderLineActions(helpline, t, language);
  const name = t(regionLineKey(region.id, helpline.id, 'name'));
  return html`<p>${t(`lines:contacts.${message.purpose}`, { helpline: name })}</p>
    <p>${t(regionLineKey(region.id, helpline.id, 'description'))}</p>
    ${renderLineActions(helpline, t, language)}`;
}
