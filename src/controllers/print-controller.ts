/**
 * Prints only the chosen services: a print-only view in the shadow root, and for the length
 * of the print a stylesheet adopted by the page that hides everything else. Constructed
 * stylesheets pass a strict CSP; a <style> element would not.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Service } from '../directory/snapshot.js';

/** What the controller needs of its element. */
export type PrintHost = ReactiveControllerHost & HTMLElement;

/** Makes the print view of some services. */
export type RenderPrintView = (services: Service[]) => Promise<TemplateResult>;

/** Owns the print view while a print is under way. */
export class PrintController implements ReactiveController {
  /** The print view, while printing; the element renders it. */
  view: TemplateResult | null = null;
  private sheet: CSSStyleSheet | undefined;

  constructor(
    private readonly host: PrintHost,
    private readonly renderView: RenderPrintView,
  ) {
    host.addController(this);
  }

  /** Prints the services alone. */
  async print(services: Service[]): Promise<void> {
    this.view = await this.renderView(services);
    this.host.requestUpdate();
    await this.host.updateComplete;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `@media print { body { visibility: hidden !important; } ${this.host.localName} { visibility: visible !important; } }`,
    );
    this.sheet = sheet;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    window.addEventListener('afterprint', () => this.finish(), { once: true });
    window.print();
  }

  hostDisconnected(): void {
    this.finish();
  }

  /** Gives the page its own stylesheets back and drops the print view. */
  private finish(): void {
    const sheet = this.sheet;
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    this.sheet = undefined;
    if (this.view) {
      this.view = null;
      this.host.requestUpdate();
    }
  }
}
