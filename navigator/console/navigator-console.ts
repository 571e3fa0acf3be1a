/**
 * `<navigator-console>`: where a 211 navigator signs in, sees who is waiting (a crisis first,
 * then urgent needs, then by waiting time), takes a conversation with its summary and full
 * transcript, chats, and ends it or returns it to the queue; and where callback requests
 * left after hours wait to be called.
 *
 * Everything a visitor wrote is rendered as text (Lit text bindings), never as HTML. It works
 * with the keyboard alone, announces arrivals through a polite live region, and makes a sound
 * only when the navigator turns sound on. Served by the navigator service itself, so the
 * session cookie stays on one origin; `service` points elsewhere if needed.
 *
 * @csspart header - The top bar.
 * @csspart lists - The column with the queue, the navigator's conversations and callbacks.
 * @csspart conversation - The open conversation.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { createClientId } from '../../src/handoff/client-id.js';
import { type CallbackRequest, MAX_MESSAGE_LENGTH, type QueueEntry } from '../../src/handoff/handoff-protocol.js';
import type { ContactRecordInput, MessageContent, PhraseKey } from '../../src/handoff/message-content.js';
import { detectLanguage } from '../../src/text/detect-language.js';
import { playAttentionSound } from './attention-sound.js';
import { currentSession, type SignInFailure, signIn, signOut } from './console-api.js';
import {
  addOwnMessage,
  applyNavigatorEvent,
  arrivals,
  type ConsoleConversation,
  type ConsoleState,
  dismissConversation,
  INITIAL_CONSOLE_STATE,
  visitorIsTyping,
} from './console-state.js';
import { type ConsoleKey, type ConsoleLanguage, consoleLanguage, consoleText } from './console-strings.js';
import './contact-record-form.js';
import { renderFollowUps } from './follow-ups-list.js';
import { NavigatorConnection, type NavigatorEvent } from './navigator-connection.js';
import { styles } from './navigator-console.styles.js';
import { PHRASE_ORDER, phraseText } from './phrasebook.js';
import './referral-search.js';
import { safetyCheckOf, servicesSentIn, servicesText } from '../../src/handoff/transcript-content.js';

/** The navigator's "typing" stops this long after the last keystroke. */
const TYPING_IDLE_MS = 4000;
const DAY_MS = 24 * 60 * 60 * 1000;

export class NavigatorConsole extends LitElement {
  static override styles = styles;

  /** Base URL of the navigator service. Defaults to this page's origin. */
  @property() service?: string;
  /** The directory snapshot navigators refer from: the one the partner's widget uses. */
  @property() directory = '/directory/demo-directory.json';
  /** A phone line for interpreters, offered when the navigator does not speak the visitor's language. */
  @property({ attribute: 'interpreter-line' }) interpreterLine = '';

  @state() private phase: 'checking' | 'signed-out' | 'signed-in' = 'checking';
  @state() private view: ConsoleState = INITIAL_CONSOLE_STATE;
  @state() private selectedId: string | null = null;
  @state() private signInProblem: SignInFailure | 'session-ended' | null = null;
  @state() private signingIn = false;
  @state() private sound = false;
  @state() private announcement = '';
  @state() private drafts: Record<string, string> = {};
  @state() private now = Date.now();
  /** Conversations where the navigator said they do not speak the visitor's language. */
  @state() private noCommonLanguage: ReadonlySet<string> = new Set();
  /** The conversation whose "report abuse" awaits confirmation, if any. */
  @state() private confirmingAbuse: string | null = null;

  @query('#conversation-title') private conversationTitle?: HTMLElement;
  @query('#reply') private reply?: HTMLTextAreaElement;
  @query('#username') private usernameInput?: HTMLInputElement;

  private connection: NavigatorConnection | null = null;
  private clock: ReturnType<typeof setInterval> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private claiming: string | null = null;
  private queueLoaded = false;

  private get language(): ConsoleLanguage {
    return consoleLanguage(this.lang, document.documentElement.lang, navigator.language);
  }

  private get t() {
    return consoleText(this.language);
  }

  private get serviceUrl(): string {
    return this.service ?? location.origin;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => {
      this.now = Date.now();
    }, 1000);
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    clearTimeout(this.typingTimer);
    this.connection?.stop();
    this.connection = null;
  }

  override render(): TemplateResult {
    return html`
      <div class="root" lang=${this.language}>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
        ${
          this.phase === 'checking'
            ? html`<p class="checking">${this.t('statusConnecting')}</p>`
            : this.phase === 'signed-out'
              ? this.renderSignIn()
              : this.renderConsole()
        }
      </div>
    `;
  }

  private renderSignIn(): TemplateResult {
    const t = this.t;
    const problem = this.signInProblem;
    const message =
      problem === 'invalid-credentials'
        ? t('signInFailed')
        : problem === 'rate-limited'
          ? t('signInThrottled')
          : problem === 'unreachable'
            ? t('serviceUnreachable')
            : problem === 'session-ended'
              ? t('statusSignedOut')
              : '';
    return html`
      <main class="sign-in">
        <h1>${t('title')}</h1>
        <form @submit=${this._onSignIn} aria-labelledby="sign-in-title">
          <h2 id="sign-in-title">${t('signInTitle')}</h2>
          <p class="field">
            <label for="username">${t('username')}</label>
            <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required />
          </p>
          <p class="field">
            <label for="password">${t('password')}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </p>
          <p role="alert" class="problem">${message}</p>
          <button type="submit" ?disabled=${this.signingIn}>${this.signingIn ? t('signingIn') : t('signIn')}</button>
        </form>
      </main>
    `;
  }

  private renderConsole(): TemplateResult {
    const t = this.t;
    const view = this.view;
    const status = view.connection === 'connected' ? t('statusConnected') : t('statusConnecting');
    return html`
      <header part="header" class="header">
        <h1>${t('title')}</h1>
        <p class="status ${view.connection}" role="status">${status}</p>
        <p class="who">${view.navigator ? t('signedInAs', { name: view.navigator.name }) : ''}</p>
        <button type="button" class="toggle" aria-pressed=${this.sound ? 'true' : 'false'} title=${t('soundLabel')} @click=${this._onToggleSound}>
          ${t('sound')}: ${this.sound ? t('soundOn') : t('soundOff')}
        </button>
        <button type="button" @click=${this._onSignOut}>${t('signOut')}</button>
      </header>
      ${view.notice ? html`<p class="notice" role="alert">${this.noticeText(view.notice.code)}</p>` : nothing}
      <div class="layout">
        <div part="lists" class="lists">
          ${this.renderQueue()} ${this.renderMine()} ${this.renderFollowUpList()} ${this.renderCallbacks()}
        </div>
        <main part="conversation" class="conversation">${this.renderConversation()}</main>
      </div>
    `;
  }

  private renderQueue(): TemplateResult {
    const t = this.t;
    const queue = this.view.queue;
    return html`
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">${t('queueTitle')} <span class="count">(${queue.length})</span></h2>
        ${
          queue.length === 0
            ? html`<p class="empty">${t('queueEmpty')}</p>`
            : html`<ol class="entries">
              ${queue.map(
                (entry) => html`<li class="entry ${entry.crisis ? 'crisis' : entry.urgent ? 'urgent' : ''}">
                  <div id="entry-${entry.id}">${this.renderEntry(entry)}</div>
                  <button type="button" aria-describedby="entry-${entry.id}" @click=${() => this._onClaim(entry.id)}>
                    ${t('claim')}
                  </button>
                </li>`,
              )}
            </ol>`
        }
      </section>
    `;
  }

  private renderEntry(entry: QueueEntry): TemplateResult {
    const t = this.t;
    const minutes = Math.floor((this.now + this.view.clockOffsetMs - entry.waitingSince) / 60_000);
    return html`
      ${entry.crisis ? html`<span class="badge crisis">${t('crisis')}</span>` : nothing}
      ${entry.urgent && !entry.crisis ? html`<span class="badge urgent">${t('urgent')}</span>` : nothing}
      <span class="language">${this.languageName(entry.language)}</span>
      <span class="detail">
        ${[
          entry.categories.map((c) => t(`category.${c}` as ConsoleKey)).join(', '),
          t(`reason.${entry.reason}` as ConsoleKey),
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      <span class="muted">
        ${minutes < 1 ? t('waitingJustNow') : t('waiting', { count: minutes })}${entry.visitorConnected ? '' : ` · ${t('visitorAway')}`}
      </span>
    `;
  }

  private renderMine(): TemplateResult {
    const t = this.t;
    const mine = Object.values(this.view.conversations);
    return html`
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">${t('mineTitle')} <span class="count">(${mine.length})</span></h2>
        ${
          mine.length === 0
            ? html`<p class="empty">${t('mineEmpty')}</p>`
            : html`<ul class="entries">
              ${mine.map((conversation) => {
                const id = conversation.detail.id;
                const unread = conversation.messages.at(-1)?.from === 'visitor' && id !== this.selectedId;
                return html`<li class="entry ${id === this.selectedId ? 'selected' : ''}">
                  <div id="mine-${id}">
                    ${conversation.detail.summary.crisis ? html`<span class="badge crisis">${t('crisis')}</span>` : nothing}
                    <span class="language">${this.languageName(conversation.detail.summary.language)}</span>
                    <span class="detail">${conversation.detail.summary.needs[0]?.words ?? ''}</span>
                    ${conversation.endedBy ? html`<span class="muted">${t(`ended.${conversation.endedBy}` as ConsoleKey)}</span>` : nothing}
                    ${unread ? html`<span class="badge unread">${t('announceMessage')}</span>` : nothing}
                  </div>
                  <button
                    type="button"
                    aria-describedby="mine-${id}"
                    aria-current=${id === this.selectedId ? 'true' : 'false'}
                    @click=${() => this.select(id)}
                  >
                    ${t('open')}
                  </button>
                </li>`;
              })}
            </ul>`
        }
      </section>
    `;
  }

  private renderFollowUpList(): TemplateResult {
    const connection = () => this.connection;
    return renderFollowUps(this.view.followUps, {
      t: this.t,
      now: this.now + this.view.clockOffsetMs,
      languageName: (code) => this.languageName(code),
      dateTime: (at) => this.dateTime(at),
      take: (followUpId) => connection()?.followUp({ type: 'follow-up-take', followUpId }),
      done: (followUpId) => connection()?.followUp({ type: 'follow-up-done', followUpId }),
      reschedule: (followUpId) => {
        const entry = this.view.followUps.find((f) => f.id === followUpId);
        if (entry) connection()?.followUp({ type: 'follow-up-reschedule', followUpId, dueAt: entry.dueAt + DAY_MS });
      },
    });
  }

  private renderCallbacks(): TemplateResult {
    const t = this.t;
    const callbacks = this.view.callbacks;
    return html`
      <section aria-labelledby="callbacks-title">
        <h2 id="callbacks-title">${t('callbacksTitle')} <span class="count">(${callbacks.length})</span></h2>
        ${
          callbacks.length === 0
            ? html`<p class="empty">${t('callbacksEmpty')}</p>`
            : html`<ul class="entries">
              ${callbacks.map((request) => this.renderCallback(request))}
            </ul>`
        }
      </section>
    `;
  }

  private renderCallback(request: CallbackRequest): TemplateResult {
    const t = this.t;
    const needs = request.summary?.needs.map((need) => need.words).join('; ');
    return html`<li class="entry ${request.summary?.crisis ? 'crisis' : ''}">
      <div id="callback-${request.id}">
        ${request.summary?.crisis ? html`<span class="badge crisis">${t('crisis')}</span>` : nothing}
        <a class="phone" href="tel:${request.phone.replace(/[^\d+]/g, '')}">${request.phone}</a>
        <span class="language">${this.languageName(request.language)}</span>
        <span class="detail">${t('callbackBestTime', { time: request.bestTime })}</span>
        ${needs ? html`<span class="detail" lang=${request.language}>${t('callbackNeeds', { needs })}</span>` : nothing}
        <span class="muted">${t('callbackRequestedAt', { time: this.dateTime(request.createdAt) })}</span>
      </div>
      <button type="button" aria-describedby="callback-${request.id}" @click=${() => this.connection?.handleCallback(request.id)}>
        ${t('callbackDone')}
      </button>
    </li>`;
  }

  private renderConversation(): TemplateResult {
    const t = this.t;
    const conversation = this.selectedId ? this.view.conversations[this.selectedId] : undefined;
    if (!conversation) return html`<p class="empty no-selection">${t('noSelection')}</p>`;
    const { detail } = conversation;
    const id = detail.id;
    const ended = conversation.endedBy !== null;
    const draft = this.drafts[id] ?? '';
    const length = [...draft].length;
    return html`
      <section aria-labelledby="conversation-title">
        <div class="conversation-header">
          <h2 id="conversation-title" tabindex="-1">
            ${t('conversationTitle', { language: this.languageName(detail.summary.language) })}
          </h2>
          <p class="badge reads" lang=${this.language}>
            ${t('visitorReads', { language: this.languageName(detail.summary.language) })}
          </p>
          <div class="actions">
            ${
              ended
                ? html`<button type="button" @click=${() => this._onDismiss(id)}>${t('close')}</button>`
                : this.confirmingAbuse === id
                  ? html`
                  <span class="muted" id="abuse-question">${t('reportAbuseQuestion')}</span>
                  <button type="button" class="danger" aria-describedby="abuse-question" @click=${() => this._onReportAbuse(id)}>
                    ${t('reportAbuseConfirm')}
                  </button>
                  <button type="button" @click=${() => this._onCancelAbuse()}>${t('cancel')}</button>
                `
                  : html`
                  <button type="button" @click=${() => this.connection?.release(id)}>${t('returnToQueue')}</button>
                  <button type="button" class="danger" @click=${() => this.connection?.end(id)}>${t('endConversation')}</button>
                  <button type="button" @click=${() => this._onAskAbuse(id)}>${t('reportAbuse')}</button>
                `
            }
          </div>
        </div>
        ${this.renderSummary(conversation)}
        <h3 id="transcript-title">${t('transcriptTitle')}</h3>
        ${conversation.messages.length === 0 ? html`<p class="empty">${t('transcriptEmpty')}</p>` : nothing}
        <!-- The log wraps the list: role="log" on the <ol> itself would take away its list semantics (axe). -->
        <div role="log" aria-labelledby="transcript-title">
        <ol class="transcript">
          ${conversation.messages.map(
            (message) => html`<li class="message ${message.from}">
              <span class="from">${message.from === 'visitor' ? t('fromVisitor') : t('fromYou')}</span>
              <span class="time">${this.time(message.at)}</span>
              ${message.pending ? html`<span class="state">${t('pending')}</span>` : nothing}
              ${message.failed ? html`<span class="state failed">${t('failed')}</span>` : nothing}
              ${this.renderMessageBody(message.from, message.text, message.content, detail.summary.language)}
            </li>`,
          )}
        </ol>
        </div>
        <p class="typing" aria-live="polite">${visitorIsTyping(conversation, this.now) ? t('visitorTyping') : ''}</p>
        ${
          ended
            ? html`<p class="ended" role="status">${t(`ended.${conversation.endedBy}` as ConsoleKey)}</p>`
            : html`
              ${conversation.visitorConnected ? nothing : html`<p class="note">${t('visitorAwayNote')}</p>`}
              <form class="composer" @submit=${this._onSend}>
                <label for="reply">${t('composerLabel')}</label>
                <textarea
                  id="reply"
                  rows="3"
                  .value=${draft}
                  aria-describedby="reply-hint reply-count"
                  aria-invalid=${length > MAX_MESSAGE_LENGTH ? 'true' : 'false'}
                  @input=${this._onDraftInput}
                  @keydown=${this._onDraftKeydown}
                ></textarea>
                <p id="reply-hint" class="muted">${t('composerHint')}</p>
                <p id="reply-count" class="muted ${length > MAX_MESSAGE_LENGTH ? 'over' : ''}">
                  ${
                    length > MAX_MESSAGE_LENGTH
                      ? t('messageTooLong', { max: MAX_MESSAGE_LENGTH })
                      : t('characters', { count: length, max: MAX_MESSAGE_LENGTH })
                  }
                </p>
                <button type="submit">${t('send')}</button>
              </form>
              ${this.renderDesk(conversation)}
            `
        }
        ${ended ? this.renderRecord(conversation) : nothing}
      </section>
    `;
  }

  /** A transcript line: free text as typed (with its language), or what a structured message is. */
  private renderMessageBody(
    from: 'visitor' | 'navigator',
    text: string,
    content: MessageContent | undefined,
    visitorLanguage: string,
  ): TemplateResult {
    const t = this.t;
    const visitorReads = this.languageName(visitorLanguage);
    switch (content?.kind) {
      case 'phrase':
        return html`<p class="text" lang=${content.lang}>${text}</p>
          <p class="marker">${t('phraseSent', { phrase: t(`phrase.${content.phrase}` as ConsoleKey), language: visitorReads })}</p>`;
      case 'services':
        return html`<p class="marker">${t('servicesSent')}</p>
          <ul class="sent-services">${text.split('\n').map((name) => html`<li>${name}</li>`)}</ul>`;
      case 'safety-check':
        return html`<p class="marker">${t('safetyCheckSent')}</p>`;
      case 'safety-answer':
        return html`<p class="text safety ${content.answer}">${t(`deskSafetyAnswer.${content.answer}` as ConsoleKey)}</p>`;
      case 'follow-up-offer':
        return html`<p class="marker">${t('followUpOfferSent')}</p>`;
      case 'follow-up-answer':
        return html`<p class="marker">${t(content.accepted ? 'followUpAnswer.yes' : 'followUpAnswer.no')}</p>`;
      case 'text':
        return html`<p class="text" lang=${content.lang}>${text}</p>
          ${from === 'navigator' && content.lang !== visitorLanguage ? html`<p class="marker">${t('freeTextIn', { language: this.languageName(content.lang) })}</p>` : nothing}`;
      default:
        return html`<p class="text" lang=${from === 'visitor' ? visitorLanguage : this.language}>${text}</p>`;
    }
  }

  /** Phrases, the safety check, the follow-up offer, the interpreter line and the directory. */
  private renderDesk(conversation: ConsoleConversation): TemplateResult {
    const t = this.t;
    const { detail } = conversation;
    const id = detail.id;
    const visitorLanguage = detail.summary.language;
    const noCommonLanguage = this.noCommonLanguage.has(id);
    const shown = new Set([
      ...detail.summary.servicesShown.map((service) => service.id),
      ...servicesSentIn(conversation.messages).map((service) => service.id),
    ]);
    return html`
      <section class="desk" aria-labelledby="phrasebook-title">
        <h3 id="phrasebook-title">${t('phrasebookTitle')}</h3>
        <p class="muted">${t('phrasebookHint')}</p>
        <div class="phrases">
          ${PHRASE_ORDER.map(
            (phrase) => html`<button
              type="button"
              title=${phraseText(phrase, this.language)}
              aria-label=${t('sendPhrase', { phrase: phraseText(phrase, this.language) })}
              @click=${() => this.sendPhrase(phrase)}
            >${t(`phrase.${phrase}` as ConsoleKey)}</button>`,
          )}
        </div>
        <div class="phrases">
          <button type="button" @click=${() => this.sendStructured(phraseText('areYouSafe', this.language), { kind: 'safety-check' })}>
            ${t('safetyCheck')}
          </button>
          <button type="button" @click=${() => this.sendStructured(phraseText('askFollowUp', this.language), { kind: 'follow-up-offer' })}>
            ${t('followUpOffer')}
          </button>
        </div>
        <label class="inline">
          <input type="checkbox" .checked=${noCommonLanguage} @change=${(e: Event) => this.markNoCommonLanguage(id, (e.target as HTMLInputElement).checked)} />
          ${t('noVisitorLanguage')}
        </label>
        ${
          noCommonLanguage
            ? html`<p class="note" role="status">
              ${
                this.interpreterLine
                  ? t('interpreterLine', { phone: this.interpreterLine, language: this.languageName(visitorLanguage) })
                  : t('interpreterNone')
              }
            </p>`
            : nothing
        }
      </section>
      <section class="desk" aria-labelledby="search-title">
        <h3 id="search-title">${t('searchTitle')}</h3>
        <referral-search
          .directory=${this.directory}
          .language=${this.language}
          visitor-language=${visitorLanguage}
          .shown=${shown}
          @referral-search-send=${(e: CustomEvent<{ services: { id: string; name: string }[] }>) =>
            this.sendStructured(servicesText(e.detail.services), {
              kind: 'services',
              serviceIds: e.detail.services.map((service) => service.id),
            })}
        ></referral-search>
      </section>
    `;
  }

  private renderRecord(conversation: ConsoleConversation): unknown {
    const { detail } = conversation;
    return keyed(
      detail.id,
      html`<section class="desk">
        <contact-record-form
          .language=${this.language}
          .categories=${[...new Set(detail.summary.needs.flatMap((need) => need.categories))]}
          .referrals=${servicesSentIn(conversation.messages)}
          .safetyCheck=${safetyCheckOf(conversation.messages)}
          .saved=${detail.record}
          @contact-record-save=${(e: CustomEvent<ContactRecordInput>) => this.connection?.saveRecord(detail.id, e.detail)}
        ></contact-record-form>
      </section>`,
    );
  }

  private renderSummary(conversation: ConsoleConversation): TemplateResult {
    const t = this.t;
    const summary = conversation.detail.summary;
    // What the widget showed, then what was sent in the chat: all the visitor has seen.
    const sent = servicesSentIn(conversation.messages).filter(
      (service) => !summary.servicesShown.some((shown) => shown.id === service.id),
    );
    const shown = [...summary.servicesShown, ...sent];
    return html`
      <section class="summary" aria-labelledby="summary-title">
        <h3 id="summary-title">${t('summaryTitle')}</h3>
        <dl>
          <dt>${t('summaryReason')}</dt>
          <dd>${t(`reason.${summary.reason}` as ConsoleKey)}</dd>
          <dt>${t('summaryLanguage')}</dt>
          <dd>${this.languageName(summary.language)}</dd>
          <dt>${t('summaryNeeds')}</dt>
          <dd>
            ${
              summary.needs.length === 0
                ? t('notGiven')
                : html`<ul>
                  ${summary.needs.map(
                    (need) => html`<li>
                      <q lang=${summary.language}>${need.words}</q>
                      ${
                        need.categories.length > 0
                          ? html`<span class="muted">(${need.categories.map((c) => t(`category.${c}` as ConsoleKey)).join(', ')})</span>`
                          : nothing
                      }
                    </li>`,
                  )}
                </ul>`
            }
          </dd>
          <dt>${t('summaryArea')}</dt>
          <dd lang=${summary.language}>${summary.area ?? t('notGiven')}</dd>
          <dt>${t('summaryForWhom')}</dt>
          <dd>${summary.forWhom ? t(`forWhom.${summary.forWhom}` as ConsoleKey) : t('notGiven')}</dd>
          <dt>${t('summaryUrgency')}</dt>
          <dd>${summary.urgent ? html`<span class="badge urgent">${t('summaryUrgent')}</span>` : t('summaryNotUrgent')}</dd>
          <dt>${t('summaryCrisis')}</dt>
          <dd>
            ${
              summary.crisis
                ? html`<span class="badge crisis">${t('crisis')}</span>
                  ${
                    summary.crisisKinds.length
                      ? summary.crisisKinds.map((kind) => t(`crisisKind.${kind}` as ConsoleKey)).join(', ')
                      : t('crisisLinesAsked')
                  }`
                : t('summaryNoCrisis')
            }
          </dd>
          ${
            summary.safetyCheck
              ? html`<dt>${t('summarySafetyCheck')}</dt>
                <dd>
                  <q>${t('safetyQuestion')}</q>
                  ${t(`safetyAnswer.${summary.safetyCheck.answer ?? 'none'}` as ConsoleKey)}
                  ${
                    summary.safetyCheck.kinds.length
                      ? html`<span class="muted"
                          >(${summary.safetyCheck.kinds.map((kind) => t(`crisisKind.${kind}` as ConsoleKey)).join(', ')})</span
                        >`
                      : nothing
                  }
                </dd>`
              : nothing
          }
          <dt>${t('summarySafety')}</dt>
          <dd class="safety-summary">${t(`deskSafety.${safetyCheckOf(conversation.messages)}` as ConsoleKey)}</dd>
          <dt>${t('summaryServices')}</dt>
          <dd>
            ${
              shown.length === 0
                ? t('none')
                : html`<ul>
                  ${shown.map((service) => html`<li>${service.name} <span class="muted">(${service.id})</span></li>`)}
                </ul>`
            }
          </dd>
        </dl>
      </section>
    `;
  }

  // ----- behaviour -----

  private async checkSession(): Promise<void> {
    try {
      const session = await currentSession(this.serviceUrl);
      if (session) this.startConnection();
      else this.phase = 'signed-out';
    } catch {
      this.signInProblem = 'unreachable';
      this.phase = 'signed-out';
    }
  }

  private startConnection(): void {
    this.connection?.stop();
    this.queueLoaded = false;
    this.view = INITIAL_CONSOLE_STATE;
    this.phase = 'signed-in';
    const serviceUrl = this.serviceUrl;
    this.connection = new NavigatorConnection(
      {
        serviceUrl,
        sessionCheck: () =>
          currentSession(serviceUrl).then(
            (session) => (session ? 'signed-in' : 'signed-out'),
            () => 'unknown' as const,
          ),
      },
      (event) => this.onEvent(event),
    );
    this.connection.start();
  }

  private onEvent(event: NavigatorEvent): void {
    const before = this.view;
    this.view = applyNavigatorEvent(before, event, Date.now());
    switch (event.type) {
      case 'status':
        if (event.status === 'signed-out' || event.status === 'refused') {
          this.connection?.stop();
          this.connection = null;
          this.signInProblem = event.status === 'signed-out' ? 'session-ended' : 'unreachable';
          this.phase = 'signed-out';
        }
        return;
      case 'queue':
      case 'queue-changed': {
        const arrived = this.queueLoaded ? arrivals(before.queue, this.view.queue) : [];
        this.queueLoaded = true;
        if (arrived.length === 0) return;
        const key = arrived.some((e) => e.crisis)
          ? 'announceCrisis'
          : arrived.some((e) => e.urgent)
            ? 'announceUrgent'
            : 'announceArrival';
        this.announce(this.t(key));
        if (this.sound) playAttentionSound();
        return;
      }
      case 'conversation':
        if (this.claiming === event.conversation.id) {
          this.claiming = null;
          void this.select(event.conversation.id);
        }
        return;
      case 'message':
        if (event.message.from !== 'visitor') return;
        // The open transcript is a live log; elsewhere, say that something arrived.
        if (event.conversationId !== this.selectedId || document.hidden) {
          this.announce(this.t('announceMessage'));
          if (this.sound) playAttentionSound();
        }
        return;
      case 'ended':
        if (event.conversationId === this.selectedId) this.announce(this.t(`ended.${event.by}` as ConsoleKey));
        return;
      case 'released':
        if (event.conversationId === this.selectedId) this.selectedId = null;
        return;
      default:
        return;
    }
  }

  private _onAskAbuse(conversationId: string): void {
    this.confirmingAbuse = conversationId;
  }

  private _onCancelAbuse(): void {
    this.confirmingAbuse = null;
  }

  private _onReportAbuse(conversationId: string): void {
    this.confirmingAbuse = null;
    this.connection?.reportAbuse(conversationId);
  }

  private async select(conversationId: string): Promise<void> {
    this.selectedId = conversationId;
    await this.updateComplete;
    this.conversationTitle?.focus();
  }

  private announce(text: string): void {
    // Clearing first makes a repeated message announce again.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  private noticeText(code: string): string {
    const key = `notice.${code}`;
    const known = [
      'already-claimed',
      'conversation-not-found',
      'conversation-ended',
      'not-claimed',
      'rate-limited',
      'invalid-content',
      'invalid-record',
      'invalid-follow-up',
      'conversation-full',
    ];
    return this.t((known.includes(code) ? key : 'notice.other') as ConsoleKey);
  }

  private languageName(code: string): string {
    try {
      return new Intl.DisplayNames([this.language], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  private time(at: number): string {
    return new Intl.DateTimeFormat(this.language, { hour: 'numeric', minute: '2-digit' }).format(at);
  }

  private dateTime(at: number): string {
    return new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  }

  /** Sends a phrase: its text in the navigator's language, its key for the visitor's. */
  private sendPhrase(phrase: PhraseKey): void {
    this.sendStructured(phraseText(phrase, this.language), { kind: 'phrase', phrase, lang: this.language });
  }

  /** Sends a structured message in the open conversation. True when it is on its way. */
  private sendStructured(text: string, content: MessageContent): boolean {
    const id = this.selectedId;
    if (!id || !this.connection) return false;
    const clientId = createClientId();
    if (this.connection.send(id, clientId, text, content)) return false;
    this.view = addOwnMessage(this.view, id, clientId, text, Date.now(), content);
    return true;
  }

  private markNoCommonLanguage(conversationId: string, on: boolean): void {
    const next = new Set(this.noCommonLanguage);
    if (on) next.add(conversationId);
    else next.delete(conversationId);
    this.noCommonLanguage = next;
  }

  private sendDraft(): void {
    const id = this.selectedId;
    if (!id || !this.connection) return;
    const text = this.drafts[id] ?? '';
    if (text.trim() === '' || [...text].length > MAX_MESSAGE_LENGTH) return;
    // Free text goes as typed, marked with the language it is written in.
    if (!this.sendStructured(text, { kind: 'text', lang: detectLanguage(text) ?? this.language })) return;
    this.drafts = { ...this.drafts, [id]: '' };
    clearTimeout(this.typingTimer);
    this.connection.typing(id, false);
    this.reply?.focus();
  }

  private async _onSignIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.signingIn = true;
    const result = await signIn(
      this.serviceUrl,
      String(data.get('username') ?? '').trim(),
      String(data.get('password') ?? ''),
    );
    this.signingIn = false;
    if (!result.ok) {
      this.signInProblem = result.reason;
      this.usernameInput?.focus();
      return;
    }
    this.signInProblem = null;
    this.startConnection();
  }

  private async _onSignOut(): Promise<void> {
    this.connection?.stop();
    this.connection = null;
    await signOut(this.serviceUrl);
    this.view = INITIAL_CONSOLE_STATE;
    this.selectedId = null;
    this.signInProblem = null;
    this.phase = 'signed-out';
  }

  private _onToggleSound(): void {
    this.sound = !this.sound;
    // Turning sound on is a user gesture: a good moment for the browser to allow audio.
    if (this.sound) playAttentionSound();
  }

  private _onClaim(conversationId: string): void {
    this.claiming = conversationId;
    this.connection?.claim(conversationId);
  }

  private _onDismiss(conversationId: string): void {
    this.view = dismissConversation(this.view, conversationId);
    if (this.selectedId === conversationId) this.selectedId = null;
  }

  private _onDraftInput(event: InputEvent): void {
    const id = this.selectedId;
    if (!id) return;
    const value = (event.target as HTMLTextAreaElement).value;
    this.drafts = { ...this.drafts, [id]: value };
    this.connection?.typing(id, value.trim() !== '');
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.connection?.typing(id, false), TYPING_IDLE_MS);
  }

  private _onDraftKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.sendDraft();
    }
  }

  private _onSend(event: SubmitEvent): void {
    event.preventDefault();
    this.sendDraft();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'navigator-console': NavigatorConsole;
  }
}
