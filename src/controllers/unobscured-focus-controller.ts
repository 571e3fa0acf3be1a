/**
 * Keeps the launcher from covering what a keyboard user is on (WCAG 2.2, 2.4.11 Focus Not
 * Obscured). When focus lands on host-page content under the launcher, the launcher moves to
 * the other bottom corner, or to the top when that corner is taken too, and comes back when
 * focus moves on.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where the launcher currently sits relative to its configured corner. */
export type LauncherShift = 'none' | 'other-side' | 'top';

/** Pure decision: where to put the launcher so it doesn't overlap the focused rectangle. */
export function launcherShift(
  focused: DOMRect,
  launcher: DOMRect,
  viewport: { width: number; height: number },
): LauncherShift {
  if (!overlaps(focused, launcher)) return 'none';
  const mirrored = new DOMRect(viewport.width - launcher.right, launcher.top, launcher.width, launcher.height);
  if (!overlaps(focused, mirrored)) return 'other-side';
  return 'top';
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

/** Watches focus on the host page and reports where the launcher should sit. */
export class UnobscuredFocusController implements ReactiveController {
  /** The current shift; the element renders it as a class. */
  shift: LauncherShift = 'none';

  private readonly onFocusIn = (event: FocusEvent) => this.check(event.target);

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly launcher: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('focusin', this.onFocusIn, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('focusin', this.onFocusIn, true);
  }

  private check(target: EventTarget | null): void {
    // Focus inside the widget itself is never obscured by its own launcher.
    const onHostPage = target instanceof Element && target !== this.host && !this.host.contains(target);
    const next = onHostPage ? this.shiftFor(target) : this.shift;
    if (next !== this.shift) {
      this.shift = next;
      this.host.requestUpdate();
    }
  }

  private shiftFor(target: Element): LauncherShift {
    const launcher = this.launcher();
    if (!launcher) return 'none';
    // Measure the launcher where it would be unshifted, so the decision doesn't flip-flop.
    const rect = launcher.getBoundingClientRect();
    const home =
      this.shift === 'none'
        ? rect
        : new DOMRect(
            this.shift === 'other-side' ? window.innerWidth - rect.right : rect.left,
            window.innerHeight - rect.height - 16,
            rect.width,
            rect.height,
          );
    return launcherShift(target.getBoundingClientRect(), home, {
      width: window.innerWidth,
      height: window.innerHeight,
    });
  }
}
