/**
 * Puts the widget in the top layer (Popover API), above any z-index the host page uses: a
 * fixed element in a shadow root cannot otherwise beat a host's `z-index: 2147483647`. The
 * popover is the root, an empty box; its fixed children are placed as before. Leaving the
 * document takes it out of the top layer, so a move puts it back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs of its element. */
export type TopLayerHost = ReactiveControllerHost & { readonly hasUpdated: boolean };

/** Keeps a popover element shown in the top layer. */
export class TopLayerController implements ReactiveController {
  constructor(
    private readonly host: TopLayerHost,
    /** The element to keep in the top layer; it carries `popover="manual"`. */
    private readonly layer: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.hasUpdated) void this.host.updateComplete.then(() => this.show());
  }

  hostUpdated(): void {
    this.show();
  }

  private show(): void {
    const layer = this.layer();
    // A render can finish after the element left the page; it goes back in on reconnect.
    if (layer?.isConnected && layer.showPopover && !layer.matches(':popover-open')) layer.showPopover();
  }
}
