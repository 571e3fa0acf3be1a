import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { fromPromise } from 'xstate';
import type { ChatMessage } from './conversation/chat-message.js';
import { conversationMachine } from './conversation/conversation.machine.js';
import {
  clearStoredConversation,
  readStoredConversation,
  sessionStorageOrUndefined,
  writeStoredConversation,
} from './conversation/conversation-storage.js';
import type { ConversationEmitted, VisitorEvent } from './conversation/conversation-types.js';
import { crisisTurn, needsLines } from './conversation/conversation-view.js';
import { withCurrentLiveChatInput } from './conversation/live-chat.js';
import { liveStatusLine } from './conversation/live-chat.states.js';
import { AccentController } from './controllers/accent-controller.js';
import { ActorController } from './controllers/actor-controller.js';
import { NeedsCountLoader } from './analytics/needs-count-loader.js';
import { FocusController } from './controllers/focus-controller.js';
import { ReplyRowsController } from './controllers/reply-rows-controller.js';
import { HistoryScrollController } from './controllers/history-scroll-controller.js';
import { NoticeController } from './controllers/notice-controller.js';
import { PrintController } from './controllers/print-controller.js';
import { QuickExitShortcutController } from './controllers/quick-exit-shortcut-controller.js';
import { TopLayerController } from './controllers/top-layer-controller.js';
import { UnobscuredFocusController } from './controllers/unobscured-focus-controller.js';
import { VisualViewportController } from './controllers/visual-viewport-controller.js';
import { defaultDirectoryUrl } from './directory/default-directory-url.js';
import type { GeoPoint, NeedCategory, UiLanguage } from './directory/snapshot.js';
import { createHandoffActor } from './handoff/handoff-actor.js';
import type { FollowUpTime } from './handoff/message-content.js';
import type { HandoffTransport } from './handoff/handoff-transport.js';
import { lazyTransport } from './handoff/lazy-transport.js';
import { resolveLanguage } from './i18n/i18n.js';
import { LocalizeController } from './i18n/localize-controller.js';
import { styles } from './referral-assistant.styles.js';
import { emit } from './referral-assistant-events.js';
import { EMERGENCY_NUMBERS, knownRegionId } from './regions/regions.js';
import { actionStyles } from './ui/actions.styles.js';
import { callbackFormStyles } from './ui/callback-form.styles.js';
import { renderComposer } from './ui/composer.js';
import { composerStyles } from './ui/composer.styles.js';
import { copyText } from './ui/copy-text.js';
import { DEFAULT_MAP_URL } from './ui/directions-link.js';
import { crisisStyles } from './ui/crisis-response.styles.js';
import { formControlStyles } from './ui/form-controls.styles.js';
import { renderLauncher } from './ui/launcher.js';
import { launcherStyles } from './ui/launcher.styles.js';
import { type MessageContext, renderMessage } from './ui/message-view.js';
import { messageStyles } from './ui/message-view.styles.js';
import { renderPanelHeader } from './ui/panel-header.js';
import { panelHeaderStyles } from './ui/panel-header.styles.js';
import { languagePickerStyles } from './ui/language-picker.styles.js';
import { printViewStyles } from './ui/print-view.styles.js';
import { speechSupported } from './ui/speech-support.js';
import { renderReplyButtons } from './ui/reply-buttons.js';
import { replyStyles } from './ui/reply-buttons.styles.js';
import { safeWebUrl } from './ui/safe-link.js';
import { serviceCardStyles } from './ui/service-card.styles.js';
import { translateLine } from './ui/translate.js';

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
 * @fires referral-assistant-need - A need was chosen or understood (categories only; `count: 0` when nothing in the directory fits).
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
  // Later pieces may override earlier ones at equal specificity: a crisis message is a message.
  static override styles = [
    styles,
    launcherStyles,
    panelHeaderStyles,
    languagePickerStyles,
    messageStyles,
    crisisStyles,
    serviceCardStyles,
    actionStyles,
    replyStyles,
    formControlStyles,
    composerStyles,
    callbackFormStyles,
    printViewStyles,
  ];

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

  /**
   * URL of the navigator service to count needs for the 211: categories, languages, areas and
   * outcomes as counts, never what the visitor types. Off without it; the privacy line says so when on.
   */
  @property({ attribute: 'needs-counts' }) needsCountsUrl?: string;

  /**
   * A live-chat back end of the 211's own platform instead of our navigator service (a
   * {@link HandoffTransport}, see docs/navigator-service.md). A JavaScript property only; set it
   * before the visitor asks for a person. Tests give a scripted one here.
   */
  @property({ attribute: false }) handoffTransport?: HandoffTransport;

  /** Where quick exit sends the tab: a neutral page, replacing this one in the history. */
  @property({ attribute: 'exit-url' }) exitUrl = 'https://www.google.com/search?q=weather';

  /** Set while quick exit is under way: everything is hidden behind a blank screen. */
  @state() private exiting = false;

  /** The live chat's own views (see `loadLiveViews`). */
  @state() private liveViews: typeof import('./ui/live-chat-views.js') | undefined;
  private liveViewsLoading = false;

  @query('.launcher') private launcher?: HTMLButtonElement;
  @query('.root') private root?: HTMLElement;
  @query('.composer-input') private input?: HTMLInputElement;
  @query('.replies') private repliesGroup?: HTMLElement;
  @query('.history') private history?: HTMLElement;

  private readonly storage = sessionStorageOrUndefined();

  /** The live-chat connection to the navigator service, loaded when a visitor asks for a person. */
  private readonly transport: HandoffTransport = lazyTransport(async () => {
    if (this.handoffTransport) return this.handoffTransport;
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
          liveChat: Boolean(this.navigatorUrl || this.handoffTransport),
          canLocate: 'geolocation' in navigator && window.isSecureContext,
          countsNeeds: Boolean(this.needsCountsUrl),
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
      onEmitted: (event) => {
        this.announce(event);
        this.needsCounts.count(event);
      },
    },
  );

  private readonly needsCounts = new NeedsCountLoader(this, () => ({
    serviceUrl: this.needsCountsUrl,
    region: knownRegionId(this.region),
    language: this.language,
  }));
  private readonly localize = new LocalizeController(this, {
    language: () => this.language,
    region: () => this.region,
    linesNeeded: () => needsLines(this.conversation.snapshot.context),
  });
  private readonly notices = new NoticeController(this);
  private readonly printer = new PrintController(this, async (services) => {
    // Printing is rare: its view loads when asked for.
    const { renderPrintView } = await import('./ui/print-view.js');
    return renderPrintView(services, this.localize.t, this.language);
  });
  protected readonly topLayer = new TopLayerController(this, () =>
    this.renderRoot.querySelector<HTMLElement>('.root, .exit-overlay'),
  );
  protected readonly accent = new AccentController(
    this,
    () => this.root,
    () => this.accentColor,
  );
  protected readonly viewport = new VisualViewportController(this, () => this.root);
  protected readonly exitShortcut = new QuickExitShortcutController(this, () => this.quickExit());
  private readonly unobscured = new UnobscuredFocusController(this, () => this.launcher);

  // After the top layer and the accent: focus and scrolling need the panel shown.
  private readonly focusing = new FocusController(this, {
    launcher: () => this.launcher,
    input: () => this.input,
    replies: () => this.repliesGroup,
    busy: () => this.conversation.snapshot.hasTag('busy'),
  });
  private readonly replyRows = new ReplyRowsController(this, () => (this.open ? this.repliesGroup : undefined));
  protected readonly scrolling = new HistoryScrollController(this, () => (this.open ? this.history : undefined));

  /** Sends the visitor's event to the conversation, as a quick reply or the host API would. */
  send(event: VisitorEvent): void {
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
    this.focusing.request('panel');
  }

  /**
   * Leaves at once: blanks the screen, ends the conversation (the machine ends any live chat),
   * erases what the widget stored, and replaces this page in the tab's history with the exit
   * URL so that Back does not return here.
   */
  quickExit(): void {
    this.exiting = true;
    emit(this, 'referral-assistant-exit', {});
    this.send({ type: 'QUICK_EXIT' });
    this.conversation.stop();
    clearStoredConversation(this.storage);
    this.leavePage(safeWebUrl(this.exitUrl) ?? 'about:blank');
  }

  /** Replaces the page; a separate method so tests can observe it without leaving. */
  protected leavePage(url: string): void {
    window.location.replace(url);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.replyRows.track(this.conversation.snapshot.context.replies);
    const persisted = this.conversation.persistedSnapshot;
    if (changed.has('open') && persisted)
      writeStoredConversation(this.storage, { snapshot: persisted, open: this.open });
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.exiting) return html`<div class="exit-overlay" popover="manual"></div>`;
    const { t, region } = this.localize;
    if (!this.localize.ready || !region) return nothing;
    const snapshot = this.conversation.snapshot;
    const { messages, replies, language } = snapshot.context;
    const busy = snapshot.hasTag('busy');
    const status = liveStatusLine(snapshot);
    if (snapshot.hasTag('live') || messages.some((message) => message.from === 'navigator')) this.loadLiveViews();
    const corner = this.position === 'left' ? 'at-left' : 'at-right';
    return html`<div class="root ${corner} shift-${this.unobscured.shift}" popover="manual">
      ${this.printer.view ?? nothing} ${renderLauncher(t, this.open, () => this.setOpen(!this.open))}
      <section
        id="panel"
        class="panel"
        part="panel"
        role="dialog"
        aria-labelledby="title"
        lang=${this.localize.i18n.language}
        tabindex="-1"
        ?hidden=${!this.open}
        @keydown=${this._onPanelKeydown}
      >
        ${renderPanelHeader({
          t,
          title: this.heading ?? t('title'),
          language,
          choose: (event) => this.choose(event),
          chooseLanguage: (chosen) => this.send({ type: 'SET_LANGUAGE', language: chosen }),
          quickExit: () => this.quickExit(),
          close: () => this.setOpen(false),
          clearConversation: () => this._onClearConversation(),
          ...(speechSupported()
            ? {
                readNew: () =>
                  void import('./ui/read-aloud.js').then((speech) =>
                    speech.speakLatestTurn(this.history, this.language),
                  ),
              }
            : {}),
        })}
        <div
          class="history"
          part="history"
          role="log"
          aria-label=${t('historyLabel')}
          tabindex="0"
          aria-live=${crisisTurn(messages) ? 'assertive' : 'polite'}
          aria-relevant="additions"
        >
          ${messages.map((message: ChatMessage) => renderMessage(message, this.messageContext()))}
          ${busy ? html`<p class="busy" role="status">${t('busy')}</p>` : nothing}
          ${
            // In the conversation, under the question it answers: on a small phone a form
            // fixed below the history would leave the history almost no room.
            // Both forms load with the live chat's views, off the path to first results.
            snapshot.hasTag('callback-form') && this.liveViews
              ? this.liveViews.renderCallbackForm(t, this._onCallbackSubmit)
              : nothing
          }
          ${
            snapshot.hasTag('follow-up-form') && this.liveViews
              ? this.liveViews.renderFollowUpForm(t, this._onFollowUpSubmit)
              : nothing
          }
        </div>
        <p class="live-status" role="status" ?hidden=${!status}>${status ? translateLine(t, status) : ''}</p>
        ${renderReplyButtons(
          t,
          replies,
          busy,
          (event) => this.choose(event),
          () => this.replyRows.unfold(),
        )}
        ${renderComposer({ t, submit: this._onSubmitText, typing: this._onTyping })}
        <p class="notice" role="status">${this.notices.text}</p>
        <details class="exit-help" @toggle=${this._onExitHelpToggle}>
          <summary>${t('safety:quickExit.about')}</summary>
          <p>${t('lines:quickExit.help')}</p>
          <p>${t('lines:quickExit.shortcut')}</p>
        </details>
      </section>
    </div>`;
  }

  /**
   * The live chat's own views, loaded once a navigator is in the history or a chat is on: the
   * path to first results stays within its budget. Renders again when they arrive.
   */
  private loadLiveViews(): void {
    if (this.liveViews || this.liveViewsLoading) return;
    this.liveViewsLoading = true;
    void import('./ui/live-chat-views.js').then((views) => {
      this.liveViews = views;
    });
  }

  private messageContext(): MessageContext {
    const { t, region } = this.localize;
    if (!region) throw new Error('messages render only once the region has loaded');
    return {
      t,
      language: this.language,
      region,
      helpline: this.phone ? { ...region.helpline, call: this.phone, text: undefined } : region.helpline,
      ...(speechSupported() ? { readAloud: this._onReadAloud } : {}),
      linesReady: this.localize.linesReady,
      ...(this.liveViews ? { navigatorView: this.liveViews.renderNavigatorMessage } : {}),
      mapUrl: this.mapUrl,
      copy: (text) => void this.copy(text),
      print: (services) => void this.printer.print(services),
    };
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

  private directorySearch() {
    const url = this.directory ?? defaultDirectoryUrl();
    return loadDirectorySearch().then(({ openDirectory }) => openDirectory(url));
  }

  /** A visitor's choice: focus moves on to the replies that answer it. */
  private choose(event: VisitorEvent): void {
    this.focusing.request('replies');
    this.send(event);
  }

  private setOpen(open: boolean): void {
    if (this.open === open) return;
    this.open = open;
    this.focusing.request(open ? 'panel' : 'launcher');
    emit(this, open ? 'referral-assistant-open' : 'referral-assistant-close', { language: this.language });
    // Warm the directory while the visitor reads the welcome: the first results come sooner.
    if (open) void this.directorySearch().catch(() => undefined);
  }

  private async copy(text: string): Promise<void> {
    const copied = await copyText(this.renderRoot, text);
    this.notices.say(this.localize.t(copied ? 'share.copied' : 'share.copyFailed'));
  }

  private announce(event: ConversationEmitted): void {
    const language = this.language;
    switch (event.type) {
      case 'need':
        emit(this, 'referral-assistant-need', {
          categories: event.categories,
          language,
          ...(event.count === 0 ? { count: event.count } : {}),
        });
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

  private readonly _onReadAloud = (event: Event): void => {
    // The speech code loads on the first use, well within the click's user activation.
    const button = event.currentTarget as Element;
    void import('./ui/read-aloud.js').then((speech) => speech.speakMessageOf(button, this.language));
  };

  private readonly _onSubmitText = (text: string): void => {
    this.send({ type: 'SUBMIT_TEXT', text });
  };

  /**
   * Tells a navigator the visitor is typing (the transport throttles; other states ignore it),
   * and on the first keystroke fetches crisis detection and the crisis lines' wording, so
   * they are there by the time the message is sent, and a visitor who only taps never pays for them.
   */
  private readonly _onTyping = (typing: boolean): void => {
    this.send({ type: 'TYPING', typing });
    if (!typing) return;
    void loadTriage().catch(() => undefined);
    void this.localize.loadLines().catch(() => undefined);
  };

  private readonly _onCallbackSubmit = (phone: string, bestTime: string): void => {
    this.choose({ type: 'SUBMIT_CALLBACK', phone, bestTime });
  };

  private readonly _onFollowUpSubmit = (details: { phone: string; when: FollowUpTime }): void => {
    this.choose({ type: 'SUBMIT_FOLLOW_UP', ...details });
  };

  private _onClearConversation(): void {
    if (window.confirm(this.localize.t('safety:clearConversation.confirm'))) this.clearConversation();
  }

  private _onPanelKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.setOpen(false);
    }
  }

  /** The help text of quick exit loads when someone opens it. */
  private _onExitHelpToggle(): void {
    void this.localize.loadLines().catch(() => undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'referral-assistant': ReferralAssistant;
  }
}
