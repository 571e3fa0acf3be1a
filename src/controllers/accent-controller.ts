/**
 * Sets the accent colour and a readable text colour on it through the CSSOM (allowed under a
 * strict CSP, unlike style attributes), in the same frame, so the text is never unreadable.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readableTextColor } from '../ui/accent-contrast.js';

/** Applies an accent colour, when valid, to a target element's custom properties. */
export class AccentController implements ReactiveController {
  /** The accent last applied, so each render doesn't redo the work. */
  private applied: string | undefined;
  private appliedTo: HTMLElement | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly target: () => HTMLElement | null | undefined,
    private readonly accent: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const root = this.target();
    const wanted = this.accent();
    const accent = wanted && CSS.supports('color', wanted) ? wanted : undefined;
    if (!root || (accent === this.applied && root === this.appliedTo)) return;
    this.applied = accent;
    this.appliedTo = root;
    if (!accent) {
      root.style.removeProperty('--ra-accent');
      root.style.removeProperty('--ra-on-accent');
      return;
    }
    root.style.setProperty('--ra-accent', accent);
    root.style.setProperty('--ra-on-accent', readableTextColor(accent));
  }
}
