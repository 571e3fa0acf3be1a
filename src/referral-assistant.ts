import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { fromPromise } from 'xstate';
import { property, query, state } from 'lit/decorators.js';
import type { ChatMessage } from './conversation/chat-message.js';
import {
  clearStoredConversation,
  readStoredConversation,
  sessionStorageOrUndefined,
  writeStoredConversation,
} from './conversation/conversation-storage.js';
import { conversationMachine } from './conversation/conversation.machine.js';
import type { ConversationEmitted, ConversationEvent, QuickReply } from './conversation/conversation-types.js';
import { resumeOf, withCurrentLiveChatInput } from './conversation/live-chat.js';
import { liveStatusLine } from './conversation/live-chat.states.js';
import { ActorController } from './controllers/actor-controller.js';
import { createHandoffActor } from './handoff/handoff-actor.js';
import type { HandoffTransport } from './handoff/handoff-transport.js';
import { lazyTransport } from './handoff/lazy-transport.js';
import { QuickExitShortcutController } from './controllers/quick-exit-shortcut-controller.js';
import { UnobscuredFocusController } from './controllers/unobscured-focus-controller.js';
import { VisualViewportController } from './controllers/visual-viewport-controller.js';
import { defaultDirectoryUrl } from './directory/default-directory-url.js';
import type { GeoPoint, NeedCategory, Service, UiLanguage } from './directory/snapshot.js';
import { createI18n, ensureLanguage, ensureLines, hasLines, resolveLanguage } from './i18n/i18n.js';
import { styles } from './referral-assistant.styles.js';
import { emit } from './referral-assistant-events.js';
import type { Region } from './regions/region.js';
import { EMERGENCY_NUMBERS, knownRegionId, loadRegion } from './regions/regions.js';
import { readableTextColor } from './ui/accent-contrast.js';
import { DEFAULT_MAP_URL } from './ui/directions-link.js';
import { renderFollowUpForm } from './ui/follow-up-form.js';
import { type MessageContext, renderMessage } from './ui/message-view.js';
import { speak, speakableText, speechSupported } from './ui/read-aloud.js';
import { safeWebUrl } from './ui/safe-link.js';
import { createTranslate, translateLine, type Translate } from './ui/translate.js';

/**
 * True while the assistant's latest turn includes a crisis response: the log is then
 * assertive, so the crisis lines interrupt a screen reader instead of queueing behind it,
 * and are still announced once (a nested `role="alert"` would announce them twice).
 */
function crisisJustShown(messages: ChatMessage[]): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.kind === 'crisis') return true;
    if (message?.from === 'visitor') return false;
  }
  return false;
}

/** The visitor's position from the browser, after they agree; coarse is enough to sort by distance. */
function locateVisitor(): Promise<GeoPoint> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lon: position.coords.longitude }),
      reject,
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    ),
  );
}

/** A random prefix for this conversation's live-chat client ids. */
function randomClientPrefix(): string {
  return `v${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/** Loads the search side (matcher, vocabulary, directory) on first use. */
const loadDirectorySearch = () => import('./directory/directory-search.js');
/** Loads crisis detection (both languages' phrase lists) when the panel opens. */
const loadTriage = () => import('./conversation/triage.js');

/**
 * `<referral-assistant>`: a chat bubble that helps visitors find community services, in
 * English or Spanish, and reach a person. The element renders the conversation machine's
 * snapshot and sends it events; where the conversation goes is decided in the machine.
 *
 * @fires referral-assistant-open - The panel opened.
 * @fires referral-assistant-close - The panel closed.
 * @fires referral-assistant-need - A need was chosen or understood (categories only).
 * @fires referral-assistant-results - Services were shown (categories and count only).
 * @fires referral-assistant-feedback - "Did this help?" was answered.
 * @fires referral-assistant-handoff - A person was offered or asked for.
 * @fires referral-assistant-exit - Quick exit was used; the page is being replaced.
 *
 * @csspart launcher - The chat bubble button.
 * @csspart panel - The chat panel.
 * @csspart header - The panel's header bar.
 * @csspart history - The conversation history (`role="log"`).
 * @csspart replies - The group of quick-reply buttons.
 * @csspart composer - The text box and send button.
 * @csspart service-card - One service in a result list.
 *
 * @attr lang - Initial language, `en` or `es`; defaults to the page's, then the browser's.
 *
 * @cssprop --referral-assistant-accent - Accent colour of the launcher, header and buttons. Default `#1a5fb4`.
 * @cssprop --referral-assistant-on-accent - Text colour on the accent. Default `#ffffff`; with `accent-color`, black or white, whichever contrasts more.
 * @cssprop --referral-assistant-font - Font family. Default: the system UI font.
 * @cssprop --referral-assistant-radius - Corner radius. Default `12px`.
 */
export class ReferralAssistant extends LitElement {
  static override styles = styles;

  /** URL of the directory snapshot (JSON). Defaults to the bundled demo directory. */
  @property() directory?: string;

  /** Region data for emergency, crisis and helpline numbers: `ca-on` or `us`. */
  @property() region = 'ca-on';

  /** The panel's title. Defaults to "Community help" in the visitor's language. */
  @property() heading?: string;

  /** The helpline number offered for "talk to a person". Defaults to the region's (211). */
  @property() phone?: string;

  /** Which bottom corner the launcher sits in. */
  @property({ reflect: true }) position: 'left' | 'right' = 'right';

  /** Accent colour; the text on it is chosen automatically for contrast. */
  @property({ attribute: 'accent-color' }) accentColor?: string;

  /** Whether the panel is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * URL of the navigator service for live chat with a 211 navigator. Without it, "talk to a
   * person" offers the region's phone and text lines.
   */
  @property({ attribute: 'navigator' }) navigatorUrl?: string;

  /**
   * Map provider for the "Directions" link: a URL with `{query}` (the encoded address) or
   * `{lat}` and `{lon}`. Defaults to OpenStreetMap.
   */
  @property({ attribute: 'map-url' }) mapUrl = DEFAULT_MAP_URL;

  /** Where quick exit sends the tab: a neutral page, replacing this one in the history. */
  @property({ attribute: 'exit-url' }) exitUrl = 'https://www.google.com/search?q=weather';

  /** Set while quick exit is under way: everything is hidden behind a blank screen. */
  @state() private exiting = false;

  /** A short confirmation for screen readers and eyes, such as "Copied". */
  @state() private notice = '';

  /** Services being printed: the print view shows only these. */
  @state() private printing: TemplateResult | null = null;

  @state() private stringsReady = false;

  /** The region's lines, loaded with the strings before the panel first shows. */
  private regionData: Region | undefined;

  @query('.launcher') private launcher?: HTMLButtonElement;
  @query('.root') private root?: HTMLElement;
  @query('.composer-input') private input?: HTMLInputElement;

  private readonly i18n = createI18n();
  private readonly t: Translate = createTranslate(this.i18n);
  private readonly storage = sessionStorageOrUndefined();
  /** What should get focus after the next render, when the visitor acted. */
  private focusAfterRender: 'panel' | 'replies' | 'launcher' | null = null;

  /** The live-chat connection to the navigator service, loaded when a visitor asks for a person. */
  private readonly transport: HandoffTransport = lazyTransport(async () => {
    const { WebSocketTransport } = await import('./handoff/websocket-transport.js');
    if (!this.navigatorUrl) throw new Error('no navigator service is configured');
    return new WebSocketTransport({ serviceUrl: this.navigatorUrl });
  });

  private readonly conversation = new ActorController(
    this,
    conversationMachine.provide({
      actors: {
        triageText: fromPromise(async ({ input }) => (await loadTriage()).triageText(input.text)),
        assessNeed: fromPromise(async ({ input }) => (await this.directorySearch()).assess(input)),
        findServices: fromPromise(async ({ input }) => (await this.directorySearch()).find(input)),
        lookupServices: fromPromise(async ({ input }) => (await this.directorySearch()).byIds(input.ids)),
        navigator: createHandoffActor(this.transport),
        locateVisitor: fromPromise(() => locateVisitor()),
      },
    }),
    {
      input: () => ({
        language: this.initialLanguage(),
        config: {
          emergencyNumber: EMERGENCY_NUMBERS[knownRegionId(this.region)] ?? '911',
          liveChat: Boolean(this.navigatorUrl),
          canLocate: 'geolocation' in navigator && window.isSecureContext,
        },
        clientPrefix: randomClientPrefix(),
      }),
      restore: () => {
        const stored = readStoredConversation(this.storage);
        if (stored?.open) this.open = true;
        return stored?.snapshot;
      },
      persist: (snapshot) =>
        writeStoredConversation(this.storage, { snapshot: withCurrentLiveChatInput(snapshot), open: this.open }),
      onEmitted: (event) => this.announce(event),
    },
  );

  protected readonly viewport = new VisualViewportController(this, () => this.root);
  protected readonly exitShortcut = new QuickExitShortcutController(this, () => this.quickExit());
  private readonly unobscured = new UnobscuredFocusController(this, () => this.launcher);

  /** Sends an event to the conversation, as a quick reply or the host API would. */
  send(event: ConversationEvent): void {
    this.conversation.send(event);
  }

  /** Opens the panel on a need, as a host page's "Get help with food" button would. */
  startWithNeed(category: NeedCategory): void {
    this.setOpen(true);
    this.send({ type: 'CHOOSE_CATEGORY', category });
  }

  /** Switches the conversation's language; the whole history is shown in it. */
  setLanguage(language: string): void {
    this.send({ type: 'SET_LANGUAGE', language: resolveLanguage(language) });
  }

  /** Opens the panel and moves focus into it. */
  show(): void {
    this.setOpen(true);
  }

  /** Closes the panel and returns focus to the launcher. */
  hide(): void {
    this.setOpen(false);
  }

  /** Forgets the conversation: removes it from storage and starts afresh. */
  clearConversation(): void {
    clearStoredConversation(this.storage);
    this.conversation.restart();
    this.focusAfterRender = 'panel';
  }

  /**
   * Leaves at once: blanks the screen, ends the conversation (and any live session), erases
   * what the widget stored, and replaces this page in the tab's history with the exit URL so
   * that Back does not return here.
   */
  quickExit(): void {
    this.exiting = true;
    emit(this, 'referral-assistant-exit', {});
    const live = this.isConnected ? resumeOf(this.conversation.snapshot.context.live) : undefined;
    if (live) {
      // Both: the open connection ends it at once, the beacon survives the page being replaced.
      this.send({ type: 'END_CHAT' });
      this.transport.endStored(live);
    }
    this.conversation.stop();
    clearStoredConversation(this.storage);
    this.leavePage(safeWebUrl(this.exitUrl) ?? 'about:blank');
  }

  /** Replaces the page; a separate method so tests can observe it without leaving. */
  protected leavePage(url: string): void {
    window.location.replace(url);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Leaving the document takes the root out of the top layer; a move puts it back.
    if (this.hasUpdated) void this.updateComplete.then(() => this.showInTopLayer());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const language = this.language;
    const regionId = knownRegionId(this.region);
    if (this.i18n.language !== language || !this.stringsReady || this.regionData?.id !== regionId) {
      void Promise.all([ensureLanguage(this.i18n, language), loadRegion(regionId)]).then(([, region]) => {
        this.regionData = region;
        this.stringsReady = true;
        this.requestUpdate();
      });
    }
    if (this.stringsReady && !hasLines(this.i18n, language) && this.needsLines()) {
      void ensureLines(this.i18n, language).then(() => this.requestUpdate());
    }
    const persisted = this.conversation.persistedSnapshot;
    if (changed.has('open') && persisted)
      writeStoredConversation(this.storage, { snapshot: persisted, open: this.open });
  }

  protected override updated(): void {
    this.showInTopLayer();
    this.applyAccent();
    this.applyFocus();
    this.revealLatestAnswer();
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.exiting) return html`<div class="exit-overlay" popover="manual"></div>`;
    if (!this.stringsReady || !this.regionData) return nothing;
    const t = this.t;
    const snapshot = this.conversation.snapshot;
    const { messages, replies, language } = snapshot.context;
    const busy = snapshot.hasTag('busy');
    const corner = this.position === 'left' ? 'at-left' : 'at-right';
    return html`<div class="root ${corner} shift-${this.unobscured.shift}" popover="manual">
      ${this.printing ?? nothing}
      <button
        class="launcher"
        part="launcher"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-label=${t('launcherLabel')}
        @click=${() => this.setOpen(!this.open)}
      >
        <svg class="launcher-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
        </svg>
        <span class="launcher-text">${t('launcher')}</span>
      </button>
      <section
        id="panel"
        class="panel"
        part="panel"
        role="dialog"
        aria-labelledby="title"
        lang=${this.i18n.language}
        tabindex="-1"
        ?hidden=${!this.open}
        @keydown=${this.onPanelKeydown}
      >
        <div class="header" part="header">
          <div class="header-row">
            <h2 id="title" class="title">${this.heading ?? t('title')}</h2>
            <button type="button" class="header-button quick-exit" @click=${() => this.quickExit()}>
              ${t('safety:quickExit.label')}
            </button>
            <button type="button" class="header-button close" aria-label=${t('close')} @click=${() => this.setOpen(false)}>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M6 6l12 12M18 6L6 18" />
              </svg>
            </button>
          </div>
          <div class="header-actions">
            <button
              type="button"
              class="header-button"
              lang=${this.otherLanguage(language)}
              aria-label=${t('languageSwitchLabel')}
              @click=${() => this.send({ type: 'SET_LANGUAGE', language: this.otherLanguage(language) })}
            >
              ${t('languageSwitch')}
            </button>
            <button type="button" class="header-button" @click=${() => this.choose({ type: 'TALK_TO_PERSON' })}>
              ${t('talkToPerson')}
            </button>
            <details class="more">
              <summary class="header-button">${t('more')}</summary>
              <div class="more-menu" @click=${this.closeMoreMenu}>
                <button type="button" class="header-button" @click=${() => this.choose({ type: 'SHOW_CRISIS_LINES' })}>
                  ${t('crisisLines')}
                </button>
                <button type="button" class="header-button" @click=${() => this.choose({ type: 'START_OVER' })}>
                  ${t('startOver')}
                </button>
                <button type="button" class="header-button" @click=${this.onClearConversation}>
                  ${t('safety:clearConversation.label')}
                </button>
                ${
                  speechSupported()
                    ? html`<button type="button" class="header-button" @click=${this.onReadNew}>${t('readNew')}</button>`
                    : nothing
                }
              </div>
            </details>
          </div>
        </div>
        <div
          class="history"
          part="history"
          role="log"
          aria-label=${t('historyLabel')}
          tabindex="0"
          aria-live=${crisisJustShown(messages) ? 'assertive' : 'polite'}
          aria-relevant="additions"
        >
          ${messages.map((message: ChatMessage) => renderMessage(message, this.messageContext()))}
          ${busy ? html`<p class="busy" role="status">${t('busy')}</p>` : nothing}
        </div>
        ${this.renderLiveStatus()} ${snapshot.hasTag('callback-form') ? this.renderCallbackForm() : nothing}
        ${
          snapshot.hasTag('follow-up-form')
            ? renderFollowUpForm(this.t, (details) => {
                this.focusAfterRender = 'replies';
                this.send({ type: 'SUBMIT_FOLLOW_UP', ...details });
              })
            : nothing
        }
        <div class="replies" part="replies" role="group" aria-label=${t('repliesLabel')} tabindex="-1">
          ${busy ? nothing : replies.map((reply: QuickReply) => this.renderReply(reply))}
        </div>
        <form class="composer" part="composer" @submit=${this.onSubmit}>
          <label class="visually-hidden" for="composer-input">${t('composerLabel')}</label>
          <input
            id="composer-input"
            class="composer-input"
            type="text"
            autocomplete="off"
            maxlength="2000"
            enterkeyhint="send"
            placeholder=${t('composerPlaceholder')}
            @input=${this.onComposerInput}
          />
          <button class="send" type="submit">${t('send')}</button>
        </form>
        <p class="notice" role="status">${this.notice}</p>
        <details class="exit-help" @toggle=${this.onExitHelpToggle}>
          <summary>${t('safety:quickExit.about')}</summary>
          <p>${t('lines:quickExit.help')}</p>
          <p>${t('lines:quickExit.shortcut')}</p>
        </details>
      </section>
    </div>`;
  }

  /** Connecting, place in line, who the visitor is chatting with, typing: announced politely. */
  private renderLiveStatus(): TemplateResult {
    const line = liveStatusLine(this.conversation.snapshot);
    const text = line ? translateLine(this.t, line) : '';
    return html`<p class="live-status" role="status" ?hidden=${!text}>${text}</p>`;
  }

  /** A phone number and a time to call, after hours or when no navigator is free. */
  private renderCallbackForm(): TemplateResult {
    const t = this.t;
    return html`<form class="callback-form" @submit=${this.onCallbackSubmit}>
      <label for="callback-phone">${t('lines:live.callback.phone')}</label>
      <input id="callback-phone" name="phone" type="tel" autocomplete="tel" required maxlength="40" />
      <label for="callback-time">${t('lines:live.callback.bestTime')}</label>
      <input
        id="callback-time"
        name="bestTime"
        type="text"
        required
        maxlength="200"
        placeholder=${t('lines:live.callback.bestTimePlaceholder')}
      />
      <button type="submit" class="send">${t('lines:live.callback.send')}</button>
    </form>`;
  }

  private onCallbackSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const phone = String(data.get('phone') ?? '').trim();
    const bestTime = String(data.get('bestTime') ?? '').trim();
    if (!phone || !bestTime) return;
    this.focusAfterRender = 'replies';
    this.send({ type: 'SUBMIT_CALLBACK', phone, bestTime });
  }

  private renderReply(reply: QuickReply): TemplateResult {
    return html`<button type="button" class="reply" @click=${() => this.choose(reply.event)}>
      ${translateLine(this.t, reply.line)}
    </button>`;
  }

  private messageContext(): MessageContext {
    const region = this.regionData as Region;
    return {
      t: this.t,
      language: this.language,
      region,
      helpline: this.phone ? { ...region.helpline, call: this.phone, text: undefined } : region.helpline,
      ...(speechSupported() ? { readAloud: this.onReadAloud } : {}),
      linesReady: hasLines(this.i18n, this.language),
      mapUrl: this.mapUrl,
      copy: (text) => void this.copyText(text),
      print: (services) => void this.printServices(services),
    };
  }

  /** Copies text with the Clipboard API, or by selecting it where that is unavailable. */
  private async copyText(text: string): Promise<void> {
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      this.renderRoot.append(area);
      area.select();
      copied = document.execCommand('copy');
      area.remove();
    }
    this.say(this.t(copied ? 'share.copied' : 'share.copyFailed'));
  }

  /**
   * Prints only the chosen services: a print-only view in the shadow root, and for the length
   * of the print a stylesheet adopted by the page that hides everything else. Constructed
   * stylesheets pass a strict CSP; a <style> element would not.
   */
  private async printServices(services: Service[]): Promise<void> {
    // Printing is rare: its view loads when asked for.
    const { renderPrintView } = await import('./ui/print-view.js');
    this.printing = renderPrintView(services, this.t, this.language);
    await this.updateComplete;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `@media print { body { visibility: hidden !important; } ${this.localName} { visibility: visible !important; } }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    window.addEventListener(
      'afterprint',
      () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
        this.printing = null;
      },
      { once: true },
    );
    window.print();
  }

  /** Shows and announces a short notice, then clears it. */
  private say(text: string): void {
    this.notice = text;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.notice = '';
    }, 6000);
  }

  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly onReadAloud = (event: Event): void => {
    const message = (event.currentTarget as Element).closest('.message');
    if (message) speak([speakableText(message)], this.language);
  };

  /** Reads every assistant message since the visitor last said something. */
  private onReadNew(): void {
    const messages = [...this.renderRoot.querySelectorAll('.history > .message')];
    const lastVisitor = messages.findLastIndex((m) => m.classList.contains('from-visitor'));
    speak(messages.slice(lastVisitor + 1).map(speakableText), this.language);
  }

  /** The language the conversation is in; before it starts, the one the page asks for. */
  private get language(): UiLanguage {
    return this.isConnected ? this.conversation.snapshot.context.language : this.initialLanguage();
  }

  private initialLanguage(): UiLanguage {
    return resolveLanguage(
      this.getAttribute('lang'),
      this.dataset.lang,
      document.documentElement.lang,
      globalThis.navigator?.language,
    );
  }

  private otherLanguage(language: UiLanguage): UiLanguage {
    return language === 'en' ? 'es' : 'en';
  }

  private directorySearch() {
    const url = this.directory ?? defaultDirectoryUrl();
    return loadDirectorySearch().then(({ openDirectory }) => openDirectory(url));
  }

  private choose(event: ConversationEvent): void {
    this.focusAfterRender = 'replies';
    this.send(event);
  }

  /** A choice in the "More" menu closes it, as a menu does. */
  private closeMoreMenu(event: Event): void {
    if (!(event.target as Element).closest('button')) return;
    const menu = (event.currentTarget as Element).closest('details');
    if (!menu) return;
    menu.open = false;
    // The button just pressed is hidden now: focus goes to the menu's summary, not to body
    // (a choice that answers in the history then moves it on to the replies).
    menu.querySelector('summary')?.focus();
  }

  private setOpen(open: boolean): void {
    if (this.open === open) return;
    this.open = open;
    this.focusAfterRender = open ? 'panel' : 'launcher';
    emit(this, open ? 'referral-assistant-open' : 'referral-assistant-close', { language: this.language });
    // Warm the directory while the visitor reads the welcome: the first results come sooner.
    if (open) void this.directorySearch().catch(() => undefined);
  }

  /**
   * Tells a navigator the visitor is typing (the transport throttles; other states ignore it),
   * and on the first keystroke fetches crisis detection and the crisis lines' wording, so
   * they are there by the time the message is sent, and a visitor who only taps never pays for them.
   */
  private onComposerInput(event: InputEvent): void {
    this.send({ type: 'TYPING', typing: (event.target as HTMLInputElement).value.length > 0 });
    void loadTriage().catch(() => undefined);
    void ensureLines(this.i18n, this.language).catch(() => undefined);
  }

  private onClearConversation(): void {
    if (window.confirm(this.t('safety:clearConversation.confirm'))) this.clearConversation();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.input;
    const text = input?.value.trim();
    if (!input || !text) return;
    input.value = '';
    this.send({ type: 'TYPING', typing: false });
    this.send({ type: 'SUBMIT_TEXT', text });
  }

  private onPanelKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.setOpen(false);
    }
  }

  /**
   * True when the conversation shows wording that loads apart (`lines`): crisis and helpline
   * lines, and everything about a live chat.
   */
  private needsLines(): boolean {
    const { messages, replies, live } = this.conversation.snapshot.context;
    return (
      live !== null ||
      replies.some((reply) => reply.line.key.startsWith('lines:')) ||
      messages.some(
        (message) =>
          message.kind === 'crisis' ||
          message.kind === 'contacts' ||
          (message.kind === 'text' && 'line' in message && message.line.key.startsWith('lines:')),
      )
    );
  }

  /** The help text of quick exit loads when someone opens it. */
  private onExitHelpToggle(): void {
    void ensureLines(this.i18n, this.language).then(() => this.requestUpdate());
  }

  /** How many messages the history showed after the last render, to notice new ones. */
  private shownMessages = 0;

  /**
   * Scrolls the history so the start of the newest answer (a question, results, crisis lines)
   * is in view, without moving focus. Only the history scrolls: scrollIntoView would also
   * scroll the page around the fixed panel.
   */
  private revealLatestAnswer(): void {
    const history = this.renderRoot.querySelector<HTMLElement>('.history');
    if (!history || !this.open) return;
    const messages = [...history.querySelectorAll<HTMLElement>(':scope > .message')];
    const grew = messages.length !== this.shownMessages;
    this.shownMessages = messages.length;
    if (!grew) return;
    const lastVisitor = messages.findLastIndex((message) => message.classList.contains('from-visitor'));
    const first = messages[lastVisitor + 1] ?? messages[lastVisitor];
    if (first) history.scrollTop += first.getBoundingClientRect().top - history.getBoundingClientRect().top - 8;
  }

  /** Keeps focus where the visitor can use it: never dropped to the page's body. */
  private applyFocus(): void {
    const target = this.focusAfterRender;
    if (!target) return;
    if (target === 'launcher') {
      this.launcher?.focus();
    } else if (target === 'panel') {
      this.input?.focus();
    } else if (!this.conversation.snapshot.hasTag('busy')) {
      const first = this.renderRoot.querySelector<HTMLElement>('.reply');
      (first ?? this.input)?.focus();
    } else {
      // The buttons are gone while searching; hold focus on their group until new ones arrive.
      this.renderRoot.querySelector<HTMLElement>('.replies')?.focus();
      return;
    }
    this.focusAfterRender = null;
  }

  /** The accent colour last applied, so each render doesn't redo the work. */
  private appliedAccent: string | undefined;

  /**
   * Sets the accent and a readable text colour on it through the CSSOM (allowed under a strict
   * CSP, unlike style attributes), in the same frame, so the text is never unreadable.
   */
  /**
   * Puts the widget in the top layer (Popover API), above any z-index the host page uses: a
   * fixed element in a shadow root cannot otherwise beat a host's `z-index: 2147483647`. The
   * popover is the root, an empty box; its fixed children are placed as before.
   */
  private showInTopLayer(): void {
    const layer = this.renderRoot.querySelector<HTMLElement>('.root, .exit-overlay');
    if (layer?.showPopover && !layer.matches(':popover-open')) layer.showPopover();
  }

  private applyAccent(): void {
    const root = this.root;
    const accent = this.accentColor && CSS.supports('color', this.accentColor) ? this.accentColor : undefined;
    if (!root || accent === this.appliedAccent) return;
    this.appliedAccent = accent;
    if (!accent) {
      root.style.removeProperty('--ra-accent');
      root.style.removeProperty('--ra-on-accent');
      return;
    }
    root.style.setProperty('--ra-accent', accent);
    root.style.setProperty('--ra-on-accent', readableTextColor(accent));
  }

  private announce(event: ConversationEmitted): void {
    const language = this.language;
    switch (event.type) {
      case 'need':
        emit(this, 'referral-assistant-need', { categories: event.categories, language });
        break;
      case 'results':
        emit(this, 'referral-assistant-results', { categories: event.categories, count: event.count, language });
        break;
      case 'feedback':
        emit(this, 'referral-assistant-feedback', { categories: event.categories, helpful: event.helpful });
        break;
      case 'handoff':
        emit(this, 'referral-assistant-handoff', { reason: event.reason, language });
        break;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'referral-assistant': ReferralAssistant;
  }
}
