/**
 * Scrolls the history so the start of the newest answer (a question, results, crisis lines)
 * is in view, without moving focus. Only the history scrolls: scrollIntoView would also
 * scroll the page around the fixed panel.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Reveals the assistant's latest turn whenever the history grows. */
export class HistoryScrollController implements ReactiveController {
  /** How many messages the history showed after the last render, to notice new ones. */
  private shown = 0;

  constructor(
    host: ReactiveControllerHost,
    /** The history element while it is visible; nothing otherwise. */
    private readonly history: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const history = this.history();
    if (!history) return;
    const messages = [...history.querySelectorAll<HTMLElement>(':scope > .message')];
    const grew = messages.length !== this.shown;
    this.shown = messages.length;
    if (!grew) return;
    const lastVisitor = messages.findLastIndex((message) => message.classList.contains('from-visitor'));
    const first = messages[lastVisitor + 1] ?? messages[lastVisitor];
    if (first) history.scrollTop += first.getBoundingClientRect().top - history.getBoundingClientRect().top - 8;
  }
}
