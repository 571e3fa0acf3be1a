/**
 * axe over every state of a live chat, in English and Spanish: connecting, waiting in line,
 * chatting, the navigator typing, no navigator available, the callback form, the callback
 * sent, and the chat ended. The widget runs as a visitor sees it; its live-chat back end is a
 * scripted transport given through `handoffTransport`, the seam a 211's own chat platform uses
 * (the navigator service itself cannot run inside the browser test runner; the end-to-end
 * hand-off test drives the real one).
 */
import { expect, fixture, html } from '@open-wc/testing';
import enLines from '../../locales/en/lines.json' with { type: 'json' };
import esLines from '../../locales/es/lines.json' with { type: 'json' };
import enUi from '../../locales/en/ui.json' with { type: 'json' };
import esUi from '../../locales/es/ui.json' with { type: 'json' };
import type { HandoffEvent, HandoffTransport } from '../../src/handoff/handoff-transport.js';
import type { ReferralAssistant } from '../../src/referral-assistant.js';
import {
  chooseReply,
  clickHeaderButton,
  find,
  historyText,
  launcher,
  openPanel,
  TEST_DIRECTORY,
} from '../support/widget-harness.js';
import { waitUntil } from '../support/widget-wait.js';

const STRINGS = { en: { lines: enLines, ui: enUi }, es: { lines: esLines, ui: esUi } };

/** A back end the test speaks for: it reports what the test tells it to. */
function scriptedTransport() {
  let listener: (event: HandoffEvent) => void = () => {};
  const transport: HandoffTransport = {
    open(_request, listen) {
      listener = listen;
      listen({ type: 'connecting', attempt: 0 });
      return {
        send: () => {},
        typing: () => {},
        requestCallback: () => {},
        requestFollowUp: () => {},
        end: () => {},
        close: () => {},
      };
    },
    availability: async () => ({ open: true, hours: { timeZone: 'America/Toronto', description: '' } }),
    endStored: () => {},
  };
  return { transport, report: (event: HandoffEvent) => listener(event) };
}

/** The live-status line as shown. */
function status(element: ReferralAssistant): string {
  const line = find(element, '.live-status');
  return line.hidden ? '' : (line.textContent ?? '').trim();
}

/** The widget in a live chat, the visitor having asked for a person. */
async function widgetInLiveChat(language: 'en' | 'es') {
  const { transport, report } = scriptedTransport();
  const element = await fixture<ReferralAssistant>(
    html`<referral-assistant
      directory=${TEST_DIRECTORY}
      lang=${language}
      .handoffTransport=${transport}
    ></referral-assistant>`,
  );
  await waitUntil(() => launcher(element), 'the launcher never appeared');
  await openPanel(element);
  await clickHeaderButton(element, STRINGS[language].ui.talkToPerson);
  const connecting = STRINGS[language].lines.live.status.connecting;
  await waitUntil(() => status(element) === connecting, `the status never said "${connecting}"`, { timeout: 5000 });
  return { element, report };
}

/** Each live-chat state, reached from a fresh live chat, and what shows that it was reached. */
const STATES: Record<
  string,
  (element: ReferralAssistant, report: (event: HandoffEvent) => void, language: 'en' | 'es') => Promise<() => boolean>
> = {
  connecting: async (element, _report, language) => () =>
    status(element) === STRINGS[language].lines.live.status.connecting,
  waiting: async (element, report, language) => {
    report({ type: 'connected', conversationId: 'c1', secret: 's1', resumed: false });
    report({ type: 'queued', position: 2 });
    const waiting = STRINGS[language].lines.live.status.waiting.replace('{{position}}', '2');
    return () => status(element) === waiting;
  },
  chatting: async (element, report, language) => {
    report({ type: 'connected', conversationId: 'c1', secret: 's1', resumed: false });
    report({ type: 'navigator-joined', name: 'Ana' });
    report({ type: 'message', seq: 1, clientId: 'n1', text: 'Hola, soy Ana.', at: 0, from: 'navigator' });
    const chatting = STRINGS[language].lines.live.status.chatting.replace('{{name}}', 'Ana');
    return () => status(element) === chatting && historyText(element).some((text) => text.includes('soy Ana'));
  },
  'navigator typing': async (element, report, language) => {
    report({ type: 'connected', conversationId: 'c1', secret: 's1', resumed: false });
    report({ type: 'navigator-joined', name: 'Ana' });
    report({ type: 'typing', typing: true });
    const typing = STRINGS[language].lines.live.status.typing.replace('{{name}}', 'Ana');
    return () => status(element) === typing;
  },
  offline: async (element, report, language) => {
    report({ type: 'offline', reason: 'after-hours' });
    const label = STRINGS[language].lines.live.requestCallback;
    return () => find(element, '.replies').textContent?.includes(label) === true;
  },
  'callback form': async (element, report, language) => {
    report({ type: 'offline', reason: 'no-navigators' });
    await chooseReply(element, STRINGS[language].lines.live.requestCallback);
    return () => element.shadowRoot?.querySelector('.callback-form') !== null;
  },
  'callback sent': async (element, report, language) => {
    report({ type: 'offline', reason: 'no-navigators' });
    await chooseReply(element, STRINGS[language].lines.live.requestCallback);
    await waitUntil(() => element.shadowRoot?.querySelector('.callback-form'), 'the callback form never showed');
    find<HTMLInputElement>(element, '#callback-phone').value = '519-555-0100';
    find<HTMLInputElement>(element, '#callback-time').value = 'after 5';
    find<HTMLFormElement>(element, '.callback-form').requestSubmit();
    await element.updateComplete;
    report({ type: 'callback-requested', clientId: 'x' });
    const saved = STRINGS[language].lines.live.callback.saved;
    return () => historyText(element).some((text) => text.includes(saved));
  },
  ended: async (element, report, language) => {
    report({ type: 'connected', conversationId: 'c1', secret: 's1', resumed: false });
    report({ type: 'ended', by: 'navigator' });
    const ended = STRINGS[language].lines.live.ended.navigator;
    return () => historyText(element).some((text) => text.includes(ended)) && status(element) === '';
  },
};

describe('accessibility in every state of a live chat', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  for (const language of ['en', 'es'] as const) {
    for (const [name, reach] of Object.entries(STATES)) {
      it(`${language}: "${name}" passes axe`, async () => {
        const { element, report } = await widgetInLiveChat(language);
        const reached = await reach(element, report, language);
        await element.updateComplete;
        await waitUntil(reached, `the live chat never showed "${name}"`, { timeout: 5000 });
        expect(find(element, '#panel').getAttribute('lang')).to.equal(language);
        await expect(element).to.be.accessible();
      });
    }
  }
});
