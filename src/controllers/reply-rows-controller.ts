/**
 * Keeps the quick replies to a few rows on small screens, so the conversation keeps the
 * screen: the stylesheet says how many rows fit (`--ra-reply-rows` on `.replies`; unset means
 * no limit), and the replies that would go past them wait behind a "More options" button that
 * shows them all. A new set of replies starts folded again. The order is the machine's, so the
 * first choices (and, in a crisis, the urgent offer of a person) are always shown.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The number of distinct rows among the shown elements. */
function rowsOf(elements: HTMLElement[]): number {
  return new Set(elements.filter((element) => !element.hidden).map((element) => element.offsetTop)).size;
}

/** Folds quick replies past the stylesheet's row limit behind a "More options" button. */
export class ReplyRowsController implements ReactiveController {
  private unfolded = false;
  private replies: unknown;
  /** The first reply a "More options" revealed, focused once it is shown. */
  private revealed = -1;
  private readonly refit = () => this.fit();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The replies group while it is shown. */
    private readonly area: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  /** Called with the replies about to render: a new set starts folded. */
  track(replies: unknown): void {
    if (replies === this.replies) return;
    this.replies = replies;
    this.unfolded = false;
  }

  /** Shows every reply, and moves focus to the first one that was folded away. */
  unfold(): void {
    const buttons = [...(this.area()?.querySelectorAll<HTMLElement>('.reply') ?? [])];
    this.revealed = buttons.findIndex((button) => button.hidden);
    this.unfolded = true;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    window.addEventListener('resize', this.refit);
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this.refit);
  }

  hostUpdated(): void {
    this.fit();
    if (this.revealed >= 0) {
      this.area()?.querySelectorAll<HTMLElement>('.reply')[this.revealed]?.focus();
      this.revealed = -1;
    }
  }

  private fit(): void {
    const area = this.area();
    const more = area?.querySelector<HTMLElement>('.more-replies');
    if (!area || !more) return;
    const buttons = [...area.querySelectorAll<HTMLElement>('.reply')];
    for (const button of buttons) button.hidden = false;
    more.hidden = true;
    const limit = Number.parseInt(getComputedStyle(area).getPropertyValue('--ra-reply-rows'), 10);
    if (this.unfolded || !(limit > 0) || rowsOf(buttons) <= limit) return;
    more.hidden = false;
    // The first reply always stays: there is always something to tap besides "More options".
    for (let i = buttons.length - 1; i > 0 && rowsOf([...buttons, more]) > limit; i--) {
      (buttons[i] as HTMLElement).hidden = true;
    }
  }
}
