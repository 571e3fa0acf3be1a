/**
 * Counts the steps of a conversation for the 211, when the deployment opts in with the
 * `needs-counts` attribute (the navigator service's URL). Off by default.
 *
 * What leaves the page is a {@link NeedsCountBatch}: codes from closed lists, no typed text, no
 * identifier, no time. Steps are gathered and sent together shortly after each step (so a search
 * and its results travel as one batch), when the page is hidden, and at once on quick exit. The
 * request is a `keepalive` fetch, so it survives the page being replaced, with no credentials
 * (no cookie) and no referrer (the page's address could carry the visitor's search), and a
 * plain-text body, so no preflight. Nothing is retried and nothing is stored: when the service
 * is down, the widget works the same and the steps are lost.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConversationEmitted } from '../conversation/conversation-types.js';
import type { UiLanguage } from '../directory/snapshot.js';
import {
  AREA_PATTERN,
  MAX_STEPS_PER_BATCH,
  NEEDS_COUNT_PATH,
  NEEDS_COUNT_VERSION,
  type NeedsCountBatch,
  type NeedsStep,
} from './needs-count-protocol.js';

/** How long after a step the batch leaves, so the steps of one search go together. */
export const STEP_SETTLE_MS = 1500;

/** What the controller reads from its element when it counts. */
export interface NeedsCountSettings {
  /** The navigator service's URL from the `needs-counts` attribute; counting is off without it. */
  serviceUrl: string | undefined;
  region: string;
  language: UiLanguage;
}

/** Counts the conversation's steps and sends them in batches. */
export class NeedsCountController implements ReactiveController {
  private steps: NeedsStep[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Where the pending steps go: the URL and region they were counted under. */
  private destination: { url: string; region: string } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly settings: () => NeedsCountSettings,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('referral-assistant-exit', this.onExit);
    window.addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostDisconnected(): void {
    this.flush();
    this.host.removeEventListener('referral-assistant-exit', this.onExit);
    window.removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
  }

  /** Counts what the conversation told the outside world, if counting is on. */
  count(event: ConversationEmitted): void {
    const { language } = this.settings();
    const area = (value: string | undefined) => (value && AREA_PATTERN.test(value) ? { area: value } : {});
    switch (event.type) {
      case 'need':
        this.add(...event.categories.map((category) => ({ step: 'need' as const, category, language })));
        // Nothing in the directory fits the words: as unmet as a search that found nothing.
        if (event.count === 0) {
          this.add(
            ...event.categories.map((category) => ({ step: 'results' as const, category, language, found: false })),
          );
        }
        break;
      case 'results':
        this.add(
          ...event.categories.map((category) => ({
            step: 'results' as const,
            category,
            language,
            found: event.count > 0,
            ...area(event.area),
          })),
        );
        break;
      case 'feedback':
        this.add(
          ...event.categories.map((category) => ({
            step: 'feedback' as const,
            category,
            language,
            helpful: event.helpful,
            ...area(event.area),
          })),
        );
        break;
      case 'handoff':
        this.add({ step: 'handoff', reason: event.reason, language });
        break;
      case 'crisis-lines':
        this.add({ step: 'crisis-lines', language });
        break;
    }
  }

  /** Sends what is gathered now. */
  readonly flush = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    const destination = this.destination;
    const steps = this.steps;
    this.steps = [];
    if (!destination || steps.length === 0) return;
    for (let start = 0; start < steps.length; start += MAX_STEPS_PER_BATCH) {
      const batch: NeedsCountBatch = {
        v: NEEDS_COUNT_VERSION,
        region: destination.region,
        steps: steps.slice(start, start + MAX_STEPS_PER_BATCH),
      };
      fetch(destination.url, {
        method: 'POST',
        body: JSON.stringify(batch),
        keepalive: true,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      }).catch(() => undefined);
    }
  };

  private add(...steps: NeedsStep[]): void {
    const { serviceUrl, region } = this.settings();
    const url = serviceUrl ? countUrl(serviceUrl) : undefined;
    if (!url || steps.length === 0) return;
    if (this.destination && (this.destination.url !== url || this.destination.region !== region)) this.flush();
    this.destination = { url, region };
    this.steps.push(...steps);
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, STEP_SETTLE_MS);
  }

  private readonly onExit = (): void => {
    this.add({ step: 'quick-exit', language: this.settings().language });
    this.flush();
  };

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };
}

/** The counting endpoint of a navigator service URL, or undefined when the URL is unusable. */
export function countUrl(serviceUrl: string): string | undefined {
  try {
    const url = new URL(serviceUrl, document.baseURI);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.pathname = `${url.pathname.replace(/\/$/, '')}${NEEDS_COUNT_PATH}`;
    url.search = '';
    url.hash = '';
    return url.toString();
  } catch {
    return undefined;
  }
}
