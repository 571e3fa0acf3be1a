/**
 * Keeps focus where the visitor can use it, never dropped to the page's body: into the panel
 * when it opens, back to the launcher when it closes, and to the first quick reply after the
 * visitor chose one (held on the replies' group while new ones are on their way).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where focus should go after the next render. */
export type FocusTarget = 'panel' | 'replies' | 'launcher';

/** The elements focus can go to, looked up after each render. */
export interface FocusParts {
  launcher: () => HTMLElement | null | undefined;
  /** The text box: where focus goes when the panel opens. */
  input: () => HTMLElement | null | undefined;
  /** The group of quick replies. */
  replies: () => HTMLElement | null | undefined;
  /** True while the replies are hidden because the conversation is busy. */
  busy: () => boolean;
}

/** Moves focus after the render that follows a visitor's action. */
export class FocusController implements ReactiveController {
  private target: FocusTarget | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly parts: FocusParts,
  ) {
    host.addController(this);
  }

  /** Moves focus to the target once the next render is done. */
  request(target: FocusTarget): void {
    this.target = target;
  }

  hostUpdated(): void {
    const target = this.target;
    if (!target) return;
    if (target === 'launcher') {
      this.parts.launcher()?.focus();
    } else if (target === 'panel') {
      this.parts.input()?.focus();
    } else if (!this.parts.busy()) {
      const first = this.parts.replies()?.querySelector<HTMLElement>('.reply');
      (first ?? this.parts.input())?.focus();
    } else {
      // The buttons are gone while searching; hold focus on their group until new ones arrive.
      this.parts.replies()?.focus();
      return;
    }
    this.target = null;
  }

  hostDisconnected(): void {
    this.target = null;
  }
}
