/**
 * A short confirmation for screen readers and eyes ("Copied"): shown in a status region,
 * then cleared after a few seconds so the next one is announced afresh.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a notice stays. */
const NOTICE_MS = 6000;

/** Holds the notice shown now and clears it after a while. */
export class NoticeController implements ReactiveController {
  /** The notice shown now; empty when there is none. */
  text = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Shows and announces a notice, then clears it. */
  say(text: string): void {
    this.text = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.text = '';
      this.host.requestUpdate();
    }, NOTICE_MS);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.text = '';
  }
}
