/**
 * The live chat's own views, loaded with the chat rather than with the panel (the path to
 * first results has a byte budget): a navigator's message (a phrase in the visitor's language,
 * free text marked with the language it was written in, services as the widget's own cards)
 * the follow-up form, shown just after the visitor was told how long the number is kept, and
 * the callback form offered when nobody can chat.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { NavigatorServicesMessage, NavigatorTextMessage } from '../conversation/chat-message.js';
import type { UiLanguage } from '../directory/snapshot.js';
import { FOLLOW_UP_TIMES, type FollowUpTime } from '../handoff/message-content.js';
import { type MessageContext, renderResults } from './message-view.js';
import type { Translate } from './translate.js';

export { renderCallbackForm } from './callback-form.js';

/** A navigator's message in the history. */
export function renderNavigatorMessage(
  message: NavigatorTextMessage | NavigatorServicesMessage,
  context: MessageContext,
): TemplateResult {
  const { t } = context;
  const sender = message.name || t('lines:live.navigator');
  if (message.kind === 'services') {
    const missing = message.lookedUp && message.results.length < message.serviceIds.length;
    return html`<div class="message from-navigator services">
      <span class="sender">${sender}</span> <span class="text">${t('lines:live.desk.servicesSent', { name: sender })}</span>
      ${
        message.results.length
          ? renderResults(
              { ...message, timeZone: message.timeZone ?? 'UTC', distanceUnit: message.distanceUnit ?? 'km' },
              context,
            )
          : nothing
      }
      ${missing ? html`<p class="marker">${t('lines:live.desk.servicesMissing')}</p>` : nothing}
    </div>`;
  }
  if (message.phrase) {
    // A phrasebook phrase reads in the visitor's language, marked as the navigator's standard message.
    return html`<div class="message from-navigator phrase">
      <span class="sender">${sender}</span> <span class="text">${t(`phrasebook:${message.phrase}`)}</span>
      <span class="marker">${t('lines:live.desk.phraseNote')}</span>
    </div>`;
  }
  const foreign = message.lang && message.lang !== context.language ? message.lang : undefined;
  return html`<div class="message from-navigator">
    <span class="sender">${sender}</span> <span class="text" lang=${foreign ?? nothing}>${message.text}</span>
    ${foreign ? html`<span class="marker">${t('lines:live.desk.writtenIn', { language: languageName(foreign, context.language) })}</span>` : nothing}
  </div>`;
}

/** The follow-up form; `submit` receives what the visitor entered. */
export function renderFollowUpForm(
  t: Translate,
  submit: (details: { phone: string; when: FollowUpTime }) => void,
): TemplateResult {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const phone = String(data.get('phone') ?? '').trim();
    const when = String(data.get('when') ?? '') as FollowUpTime;
    if (phone && FOLLOW_UP_TIMES.includes(when)) submit({ phone, when });
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

/** A language's name in the visitor's language ("inglés"). */
function languageName(code: string, language: UiLanguage): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
