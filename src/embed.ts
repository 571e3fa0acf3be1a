/**
 * The one-script-tag loader, `dist/referral-assistant.js`: a classic script (not a module,
 * where `document.currentScript` is null) that partners paste as
 * `<script src=".../referral-assistant.js" async data-directory="..." data-lang="es"></script>`.
 *
 * It shows a placeholder launcher at once, in its own `<referral-assistant-launcher>` with a
 * shadow root and a constructed stylesheet (no inline styles or `innerHTML`: strict CSP), and
 * loads the real widget, `referral-assistant.define.js` beside it, on first interaction or once
 * the page is loaded and idle; when the browser asks to save data (Save-Data, a 2G connection)
 * on interaction only. The placeholder goes the moment the widget's own launcher has
 * rendered in the same place, so the bubble never blinks out and a tap is never lost. `window.ReferralAssistant`
 * works from the start: calls made before the widget arrives are queued and replayed in order.
 * Pasted twice, the second copy logs and leaves the first in charge.
 */
import { launcher as enLauncher, launcherLabel as enLauncherLabel } from '../locales/en/ui.json' with { type: 'json' };
import { launcher as esLauncher, launcherLabel as esLauncherLabel } from '../locales/es/ui.json' with { type: 'json' };
import { readStoredConversation, sessionStorageOrUndefined } from './conversation/conversation-storage.js';
import { EMBED_ALIASES, EMBED_ATTRIBUTES } from './embed-attributes.js';

/** The host API: `window.ReferralAssistant`. */
export interface ReferralAssistantApi {
  /** Opens the panel (loading the widget first if needed). */
  open(): void;
  /** Closes the panel. */
  close(): void;
  /** Switches the conversation's language, `en` or `es`. */
  setLanguage(language: string): void;
  /** Opens the panel on a need category, e.g. `food`. */
  startWithNeed(category: string): void;
}

/** The part of the element the loader calls once it is defined. */
interface WidgetElement extends HTMLElement {
  show(): void;
  hide(): void;
  setLanguage(language: string): void;
  startWithNeed(category: string): void;
}

declare global {
  interface Window {
    ReferralAssistant?: ReferralAssistantApi;
  }
}

const TAG = 'referral-assistant';
/** The placeholder's host: a tag of its own, which no page rule for div or span reaches. */
const PLACEHOLDER_TAG = `${TAG}-launcher`;
const SVG = 'http://www.w3.org/2000/svg';

/**
 * The placeholder looks exactly like the real launcher, so the swap is invisible. The text
 * colour on a custom accent is black or white by lightness (L* 49.44 is where WCAG contrast
 * against black and white is equal), in CSS rather than the widget's script to keep this small.
 */
const LAUNCHER_CSS = `button{--a:var(--referral-assistant-accent,#1a5fb4);all:initial;box-sizing:border-box;position:fixed;z-index:2147483646;bottom:calc(16px + env(safe-area-inset-bottom,0px));right:calc(16px + env(safe-area-inset-right,0px));display:inline-flex;align-items:center;gap:8px;min-width:44px;min-height:48px;padding:10px 18px;border:2px solid transparent;border-radius:999px;background:var(--a);color:var(--referral-assistant-on-accent,#fff);font:600 16px/1.5 var(--referral-assistant-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);cursor:pointer;box-shadow:0 4px 16px rgb(0 0 0/25%)}@supports (color:lch(from red l c h)){.c{color:var(--referral-assistant-on-accent,lch(from var(--a) calc((49.44 - l)*infinity) 0 0))}}.l{right:auto;left:calc(16px + env(safe-area-inset-left,0px))}[aria-busy=true]{cursor:progress}button:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}svg{width:24px;height:24px;fill:currentColor}@media (forced-colors:active){button{border-color:CanvasText}svg{fill:ButtonText}}`;

/**
 * True when the browser asks to save data: the visitor turned on Save-Data, or the connection
 * is 2G. Then nothing is fetched before the visitor shows intent (points at, focuses or clicks
 * the launcher, or the page calls the API).
 */
function savesData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } })
    .connection;
  return connection?.saveData === true || /(^|-)2g$/.test(connection?.effectiveType ?? '');
}

function warn(message: string): void {
  console.warn(`[${TAG}] ${message}`);
}

/** The loader's own tag: `currentScript`, or the first matching tag when inserted oddly. */
function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  return document.querySelector<HTMLScriptElement>(`script[src*="${TAG}.js"]`);
}

/** The launcher's strings in the language the page asks for (the widget decides for real later). */
function launcherStrings(element: HTMLElement): [text: string, label: string] {
  const candidates = [element.getAttribute('lang'), document.documentElement.lang, navigator.language];
  const language = candidates.find((candidate) => candidate && /^(en|es)\b/i.test(candidate)) ?? 'en';
  return /^es/i.test(language) ? [esLauncher, esLauncherLabel] : [enLauncher, enLauncherLabel];
}

/** The loader's launcher: its host (not yet in the page) and its button. */
interface Placeholder {
  host: HTMLElement;
  button: HTMLButtonElement;
}

/** Draws the placeholder launcher in a host of its own. */
function drawLauncher(element: HTMLElement, left: boolean, accent: string | null): Placeholder {
  const host = document.createElement(PLACEHOLDER_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(LAUNCHER_CSS);
  root.adoptedStyleSheets = [sheet];
  const button = document.createElement('button');
  button.type = 'button';
  // In the top layer once shown (see `attach`), above any z-index the host page uses.
  button.popover = 'manual';
  button.setAttribute('aria-expanded', 'false');
  if (left) button.classList.add('l');
  // The CSSOM, not a style attribute: a strict CSP blocks the latter.
  if (accent && CSS.supports('color', accent)) {
    button.style.setProperty('--a', accent);
    button.classList.add('c');
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
  svg.append(path);
  const text = document.createElement('span');
  button.append(svg, text);
  labelLauncher(button, element);
  root.append(button);
  return { host, button };
}

function labelLauncher(button: HTMLButtonElement, element: HTMLElement): void {
  const [text, label] = launcherStrings(element);
  button.setAttribute('aria-label', label);
  (button.lastChild as HTMLElement).textContent = text;
}

/**
 * Removes the placeholder as soon as the widget's own launcher (part `launcher`) is in its
 * shadow root: in the same task, so both are never seen at once. Focus on the placeholder
 * moves to the real launcher, unless the widget has already put it elsewhere (the panel).
 */
function replaceWhenRendered(element: HTMLElement, placeholderHost: Element): void {
  const swap = (): boolean => {
    const real = element.shadowRoot?.querySelector<HTMLElement>('[part~="launcher"]');
    if (!real) return false;
    const focused = document.activeElement === placeholderHost;
    placeholderHost.remove();
    if (focused) real.focus();
    return true;
  };
  const root = element.shadowRoot;
  if (swap() || !root) return;
  new MutationObserver((_, observer) => {
    if (swap()) observer.disconnect();
  }).observe(root, { childList: true, subtree: true });
}

function start(): void {
  if (window.ReferralAssistant) {
    warn('the script tag is on this page twice; the first one is in charge');
    return;
  }
  const script = ownScript();
  if (!script) {
    warn('could not find its own <script src>; add it with a plain <script src="..."> tag');
    return;
  }
  const moduleUrl = new URL(`${TAG}.define.js`, script.src).href;

  // An element already in the page (an npm user's markup) is used rather than doubled.
  const existing = document.querySelector<WidgetElement>(TAG);
  const element = existing ?? (document.createElement(TAG) as WidgetElement);
  if (!existing) {
    for (const [name, value] of Object.entries(script.dataset)) {
      const attribute = EMBED_ALIASES[name] ?? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      if (value !== undefined && (EMBED_ATTRIBUTES as readonly string[]).includes(attribute)) {
        element.setAttribute(attribute, value);
      }
    }
  }
  const placeholder =
    existing || customElements.get(TAG)
      ? undefined
      : drawLauncher(element, element.getAttribute('position') === 'left', element.getAttribute('accent-color'));

  const attached = new Promise<void>((done) => {
    const attach = () => {
      if (!element.isConnected) document.body.append(element);
      if (placeholder) document.body.append(placeholder.host);
      // Where the Popover API exists; elsewhere the launcher's z-index has to do.
      placeholder?.button.showPopover?.();
      done();
    };
    if (document.body) attach();
    else document.addEventListener('DOMContentLoaded', attach, { once: true });
  });

  const queue: ((widget: WidgetElement) => void)[] = [];
  let widget: WidgetElement | undefined;
  let loading = false;
  const load = (): void => {
    if (loading) return;
    loading = true;
    Promise.all([import(moduleUrl).then(() => customElements.whenDefined(TAG)), attached]).then(
      () => {
        customElements.upgrade(element);
        widget = element;
        for (const action of queue.splice(0)) action(element);
        if (placeholder) replaceWhenRendered(element, placeholder.host);
      },
      (error: unknown) => {
        // Let the next click try again: the network may be back.
        loading = false;
        placeholder?.button.removeAttribute('aria-busy');
        warn(`could not load ${moduleUrl}: ${String(error)}`);
      },
    );
  };
  /** Runs an action on the widget now, or queues it; `now` also starts loading. */
  const run = (action: (widget: WidgetElement) => void, now: boolean) => {
    if (widget) return action(widget);
    queue.push(action);
    if (now) {
      // The visitor is waiting for the panel: say so until the widget replaces this launcher.
      placeholder?.button.setAttribute('aria-busy', 'true');
      load();
    }
  };

  if (placeholder) {
    placeholder.button.addEventListener('click', () => run((w) => w.show(), true));
    // A pointer or focus on the launcher is a strong hint: start fetching before the click.
    for (const hint of ['pointerenter', 'touchstart', 'focus']) {
      placeholder.button.addEventListener(hint, load, { once: true, passive: true });
    }
  }

  window.ReferralAssistant = {
    open: () => run((w) => w.show(), true),
    close: () => run((w) => w.hide(), false),
    setLanguage: (language) => {
      if (!widget) {
        element.setAttribute('lang', language);
        if (placeholder) labelLauncher(placeholder.button, element);
      }
      run((w) => w.setLanguage(language), false);
    },
    startWithNeed: (category) => run((w) => w.startWithNeed(category), true),
  };

  // A panel open from the start (data-open, or open on the visitor's previous page) loads now.
  if (element.hasAttribute('open') || readStoredConversation(sessionStorageOrUndefined())?.open) {
    load();
    return;
  }
  // A visitor saving data pays for the widget only when they reach for it.
  if (savesData()) return;
  // Otherwise after the host page has loaded, when the main thread is idle.
  const whenIdle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(load, { timeout: 10_000 }) : setTimeout(load, 2000);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

start();
