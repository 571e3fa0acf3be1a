/**
 * Localization for the element: its i18next instance and translate function, the strings of
 * the conversation's language, the region's numbers, and the wording that loads apart
 * (`lines`) once the conversation shows any. Loads before each render that needs something
 * new, and renders again when it has arrived; until the first strings are there the element
 * renders nothing.
 */
import type { i18n as I18n } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UiLanguage } from '../directory/snapshot.js';
import type { Region } from '../regions/region.js';
import { knownRegionId, loadRegion } from '../regions/regions.js';
import { createTranslate, type Translate } from '../ui/translate.js';
import { createI18n, ensureLanguage, ensureLines, hasLines } from './i18n.js';

/** What the element wants shown, read before each render. */
export interface LocalizeWants {
  language: () => UiLanguage;
  region: () => string | undefined;
  /** The conversation shows wording from `lines` (crisis, helpline, live chat). */
  linesNeeded: () => boolean;
}

/** Keeps strings and region data in step with the element. */
export class LocalizeController implements ReactiveController {
  readonly i18n: I18n = createI18n();
  readonly t: Translate = createTranslate(this.i18n);
  /** The region's lines, loaded with the strings before the panel first shows. */
  region: Region | undefined;
  /** The first strings and the region have loaded: the element can render. */
  ready = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wants: LocalizeWants,
  ) {
    host.addController(this);
  }

  /** The crisis, helpline and live-chat wording of the language shown is there. */
  get linesReady(): boolean {
    return hasLines(this.i18n, this.wants.language());
  }

  hostUpdate(): void {
    const language = this.wants.language();
    const regionId = knownRegionId(this.wants.region());
    if (this.i18n.language !== language || !this.ready || this.region?.id !== regionId) {
      void Promise.all([ensureLanguage(this.i18n, language), loadRegion(regionId)]).then(([, region]) => {
        this.region = region;
        this.ready = true;
        this.host.requestUpdate();
      });
    }
    if (this.ready && !this.linesReady && this.wants.linesNeeded()) void this.loadLines();
  }

  /** Loads the wording that loads apart, and renders with it. */
  async loadLines(): Promise<void> {
    await ensureLines(this.i18n, this.wants.language());
    this.host.requestUpdate();
  }
}
