/**
 * Loads the counting controller only where a deployment opted in (`needs-counts`): counting is
 * off by default, so most pages never download it, and the first results stay within budget.
 * Steps emitted while it loads are counted once it arrives, in order. A quick exit before the
 * first counted step is not counted: the page is being replaced before the code could arrive.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ConversationEmitted } from '../conversation/conversation-types.js';
import type { NeedsCountController, NeedsCountSettings } from './needs-count-controller.js';

export class NeedsCountLoader {
  private controller: Promise<NeedsCountController> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly settings: () => NeedsCountSettings,
  ) {}

  /** Counts a step, loading the controller the first time counting is on. */
  count(event: ConversationEmitted): void {
    if (!this.settings().serviceUrl) return;
    this.controller ??= import('./needs-count-controller.js').then(
      ({ NeedsCountController }) => new NeedsCountController(this.host, this.settings),
    );
    void this.controller.then((controller) => controller.count(event));
  }
}
