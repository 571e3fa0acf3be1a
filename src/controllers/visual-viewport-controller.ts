/**
 * Sizes the phone-sized panel to the part of the screen the visitor can see. When the
 * on-screen keyboard opens, `visualViewport` shrinks while the layout viewport (and `dvh`)
 * may not, which is how other widgets end up with the keyboard covering the text box.
 * Sets `--ra-viewport-height` and `--ra-viewport-top` through the CSSOM (allowed under a
 * strict CSP, unlike style attributes), and `data-keyboard` while the keyboard is up, so the
 * stylesheet can give the text box and the conversation the little room left.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How much shorter than the window the visible viewport must be to count as a keyboard: more
 * than browser bars or a find-in-page strip take, less than the smallest on-screen keyboard.
 */
const KEYBOARD_MIN_PX = 120;

/** Keeps two custom properties on a target element in step with `window.visualViewport`. */
export class VisualViewportController implements ReactiveController {
  private readonly update = () => this.apply();

  constructor(
    host: ReactiveControllerHost,
    private readonly target: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.visualViewport?.addEventListener('resize', this.update);
    window.visualViewport?.addEventListener('scroll', this.update);
  }

  hostDisconnected(): void {
    window.visualViewport?.removeEventListener('resize', this.update);
    window.visualViewport?.removeEventListener('scroll', this.update);
  }

  hostUpdated(): void {
    this.apply();
  }

  private apply(): void {
    const element = this.target();
    const viewport = window.visualViewport;
    if (!element || !viewport) return;
    element.style.setProperty('--ra-viewport-height', `${Math.round(viewport.height)}px`);
    element.style.setProperty('--ra-viewport-top', `${Math.round(viewport.offsetTop)}px`);
    // Pinching to zoom shrinks the visual viewport too, but by its scale; a keyboard does not change the scale.
    element.toggleAttribute('data-keyboard', window.innerHeight - viewport.height * viewport.scale > KEYBOARD_MIN_PX);
  }
}
