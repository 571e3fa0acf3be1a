/**
 * The crisis response: a few supportive words, then the emergency number, the crisis lines
 * for this kind of crisis and the helpline, each one tap to call or text, each saying
 * truthfully which languages it answers in. Wording follows safe-messaging practice (see
 * docs/crisis-detection.md).
 */
import { html, type TemplateResult } from 'lit';
import type { CrisisKind } from '../conversation/crisis-kinds.js';
import type { ContactLine } from '../regions/region.js';
import { renderLineActions } from './contact-options.js';
import type { MessageContext } from './message-view.js';

/**
 * The lines to show after the emergency number, which leads the response on its own: lines
 * for these kinds first, then general crisis lines, then the helpline.
 */
export function crisisLines(kinds: CrisisKind[], context: Pick<MessageContext, 'region' | 'helpline'>): ContactLine[] {
  const { region, helpline } = context;
  const specific = region.crisisLines.filter((line) => line.kinds?.some((kind) => kinds.includes(kind as CrisisKind)));
  const general = region.crisisLines.filter((line) => !line.kinds);
  return [...specific, ...general, helpline];
}

/** Renders the crisis message. */
export function renderCrisisResponse(kinds: CrisisKind[], context: MessageContext): TemplateResult {
  const { t, language, region } = context;
  const kind = kinds[0] ?? 'danger';
  if (!context.linesReady) {
    return html`${[region.emergency, ...crisisLines(kinds, context)].map((line) => renderLineActions(line, t, language))}`;
  }
  // The emergency number's button comes right under the heading, where a phone shows it
  // without scrolling; the supportive words and every other line follow.
  return html`<h3 class="crisis-heading">${t('lines:crisis.heading')}</h3>
    ${renderLineActions(region.emergency, t, language)}
    <p class="crisis-emergency">${t(`lines:regions.${region.id}.${region.emergency.id}.description`)}</p>
    <p>${t(`lines:crisis.${kind}`)}</p>
    <p>${t('lines:crisis.languageNote')}</p>
    <ul class="crisis-lines" role="list">
      ${crisisLines(kinds, context).map(
        (line) => html`<li>
          <p>
            <strong>${t(`lines:regions.${region.id}.${line.id}.name`)}</strong><br />
            ${t(`lines:regions.${region.id}.${line.id}.description`)}
          </p>
          ${renderLineActions(line, t, language)}
        </li>`,
      )}
    </ul>`;
}
