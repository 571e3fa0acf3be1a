/**
 * Scrolls the history so the start of the newest answer (a question, results, crisis lines)
 * is in view, without moving focus, and keeps it there while the panel around it changes size
 * (the on-screen keyboard, the replies, the live status line, wording that loads a moment
 * later) until the visitor scrolls themselves. Only the history scrolls: scrollIntoView would
 * also scroll the page around the fixed panel.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Room left above the answer's start, so it does not sit flush against the header. */
const MARGIN_PX = 8;

/** Reveals the assistant's latest turn whenever the history grows. */
export class HistoryScrollController implements ReactiveController {
  /** How many messages the history showed after the last render, to notice new ones. */
  private shown = 0;
  /** The first message of the latest answer, while it is kept in view. */
  private anchor: HTMLElement | undefined;
  /** The history element watched for size changes. */
  private watched: HTMLElement | undefined;
  private readonly resized = new ResizeObserver(() => this.pin());
  /** A visitor scrolling by hand takes over: the answer is no longer held in view. */
  private readonly release = () => {
    this.anchor = undefined;
  };

  constructor(
    host: ReactiveControllerHost,
    /** The history element while it is visible; nothing otherwise. */
    private readonly history: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.unwatch();
  }

  hostUpdated(): void {
    const history = this.history();
    if (!history) return;
    this.watch(history);
    const messages = [...history.querySelectorAll<HTMLElement>(':scope > .message')];
    const grew = messages.length !== this.shown;
    this.shown = messages.length;
    if (grew) {
      const lastVisitor = messages.findLastIndex((message) => message.classList.contains('from-visitor'));
      this.anchor = messages[lastVisitor + 1] ?? messages[lastVisitor];
      // The answer's own size changes too (its wording loading), so it is watched as well.
      this.resized.disconnect();
      this.resized.observe(history);
      for (const message of messages.slice(lastVisitor + 1)) this.resized.observe(message);
    }
    this.pin();
  }

  /** Puts the answer's start at the top, with a margin when the whole answer still fits. */
  private pin(): void {
    const history = this.history();
    const anchor = this.anchor;
    if (!history || !anchor?.isConnected) return;
    const view = history.getBoundingClientRect();
    const top = anchor.getBoundingClientRect().top;
    const end = history.lastElementChild?.getBoundingClientRect().bottom ?? top;
    const margin = Math.max(0, Math.min(MARGIN_PX, view.height - (end - top)));
    const by = top - view.top - margin;
    if (Math.abs(by) >= 1) history.scrollTop += by;
  }

  private watch(history: HTMLElement): void {
    if (this.watched === history) return;
    this.unwatch();
    this.watched = history;
    this.resized.observe(history);
    for (const type of ['wheel', 'touchstart', 'keydown'] as const) history.addEventListener(type, this.release);
  }

  private unwatch(): void {
    this.resized.disconnect();
    for (const type of ['wheel', 'touchstart', 'keydown'] as const)
      this.watched?.removeEventListener(type, this.release);
    this.watched = undefined;
  }
}
