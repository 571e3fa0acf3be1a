/**
 * The crisis response: a few supportive words, then the emergency number, the crisis lines
 * for this kind of crisis and the helpline, each one tap to call or text, each saying
 * truthfully which languages it answers in. Wording follows safe-messaging practice (see
 * docs/crisis-detection.md).
 */
import { regionLineKey } from '../i18n/i18n.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { CrisisMessage } from '../conversation/chat-message.js';
import type { CrisisKind } from '../conversation/crisis-kinds.js';
import type { ContactLine } from '../regions/region.js';
import { renderLineActions } from './contact-options.js';
import type { MessageContext } from './message-view.js';

/**
 * The lines to show after the emergency number, which leads the response on its own: lines
 * for these kinds first, then general crisis lines, then the helpline. Asked for, with no
 * kind known, every line: general ones first.
 */
export function crisisLines(
  message: Pick<CrisisMessage, 'kinds' | 'asked'>,
  context: Pick<MessageContext, 'region' | 'helpline'>,
): ContactLine[] {
  const { region, helpline } = context;
  const general = region.crisisLines.filter((line) => !line.kinds);
  if (message.asked) return [...general, ...region.crisisLines.filter((line) => line.kinds), helpline];
  const specific = region.crisisLines.filter((line) =>
    line.kinds?.some((kind) => message.kinds.includes(kind as CrisisKind)),
  );
  return [...specific, ...general, helpline];
}

/** Renders the crisis message. */
export function renderCrisisResponse(message: CrisisMessage, context: MessageContext): TemplateResult {
  const { t, language, region } = context;
  const lines = crisisLines(message, context);
  if (!context.linesReady) {
    return html`${[region.emergency, ...lines].map((line) => renderLineActions(line, t, language))}`;
  }
  const words = message.asked ? 'asked' : (message.kinds[0] ?? 'danger');
  // The emergency number's button comes right under the heading, where a phone shows it
  // without scrolling; the supportive words and every other line follow.
  return html`<h3 class="crisis-heading">${t('lines:crisis.heading')}</h3>
    ${renderLineActions(region.emergency, t, language)}
    <p class="crisis-emergency">${t(regionLineKey(region.id, region.emergency.id, 'description'))}</p>
    <p>${t(`lines:crisis.${words}`)}</p>
    <p>${t('lines:crisis.languageNote')}</p>
    <ul class="crisis-lines" role="list">
      ${lines.map(
        (line) => html`<li>
          <p>
            <strong>${t(regionLineKey(region.id, line.id, 'name'))}${officialName(line, language)}</strong><br />
            ${t(regionLineKey(region.id, line.id, 'description'))}
          </p>
          ${renderLineActions(line, t, language)}
        </li>`,
      )}
    </ul>`;
}

/** The line's own name after the translated one, where the two differ, in its own language. */
function officialName(line: ContactLine, language: string): TemplateResult | typeof nothing {
  const official = line.officialName;
  if (!official || official.language === language) return nothing;
  return html` (<span lang=${official.language}>${official.text}</span>)`;
}
