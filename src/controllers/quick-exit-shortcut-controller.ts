/**
 * The quick-exit keyboard shortcut: Escape pressed three times within two seconds, anywhere
 * on the page (GOV.UK's "Exit this page" uses Shift three times; Escape is what people
 * already press to get out of something, and a single Escape still just closes the panel).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Presses needed, and the time they must fall within. */
export const QUICK_EXIT_PRESSES = 3;
export const QUICK_EXIT_WINDOW_MS = 2000;

/** Adds a press to the recent ones; returns the presses still in the window and whether they make a triple. */
export function recordPress(recent: number[], now: number): { recent: number[]; triggered: boolean } {
  const kept = [...recent, now].filter((time) => now - time <= QUICK_EXIT_WINDOW_MS);
  return kept.length >= QUICK_EXIT_PRESSES ? { recent: [], triggered: true } : { recent: kept, triggered: false };
}

/** Listens for the shortcut on the whole document while the host is connected. */
export class QuickExitShortcutController implements ReactiveController {
  private recent: number[] = [];
  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.repeat) return;
    const { recent, triggered } = recordPress(this.recent, event.timeStamp);
    this.recent = recent;
    if (triggered) this.exit();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly exit: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Capture phase: a press inside the panel is counted before the panel handles it.
    document.addEventListener('keydown', this.onKeydown, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKeydown, true);
  }
}
