/**
 * The one-script-tag loader, `dist/referral-assistant.js`: a classic script (not a module,
 * where `document.currentScript` is null) that partners paste as
 * `<script src=".../referral-assistant.js" async data-directory="..." data-lang="es"></script>`.
 *
 * It shows a launcher at once, in a shadow root with a constructed stylesheet (no inline
 * styles: strict CSP), and loads the real widget on first interaction or when the page is
 * idle. `window.ReferralAssistant` works from the start: calls made before the widget arrives
 * wait for it. Pasted twice, the second copy does nothing.
 */
import { launcher as enLauncher, launcherLabel as enLauncherLabel } from '../locales/en/ui.json' with { type: 'json' };
import { launcher as esLauncher, launcherLabel as esLauncherLabel } from '../locales/es/ui.json' with { type: 'json' };

interface ReferralAssistantApi {
  open(): void;
  close(): void;
  setLanguage(language: string): void;
  startWithNeed(category: string): void;
}

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
/** `data-*` names the loader copies onto the element as attributes. */
const ATTRIBUTES = ['directory', 'lang', 'region', 'navigator', 'position', 'accent-color', 'exit-url', 'phone'];

/** Launcher look, identical to the real one so the swap is invisible. */
const LAUNCHER_CSS = `button{all:initial;position:fixed;z-index:2147483646;bottom:16px;right:16px;display:inline-flex;align-items:center;gap:8px;min-height:48px;padding:10px 18px;border-radius:999px;background:var(--referral-assistant-accent,#1a5fb4);color:#fff;font:600 16px/1.5 system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 16px rgb(0 0 0/25%)}button.l{left:16px;right:auto}button:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}svg{width:24px;height:24px;fill:currentColor}`;

function log(message: string): void {
  console.info(`[${TAG}] ${message}`);
}

function start(): void {
  if (window.ReferralAssistant) {
    log('already on this page; ignoring the second snippet');
    return;
  }
  const script = document.currentScript as HTMLScriptElement | null;
  const src = script?.src;
  if (!src) {
    log('could not find its own <script src>; load it with a plain <script src=...> tag');
    return;
  }
  const data = script.dataset;
  const element = document.createElement(TAG) as WidgetElement;
  for (const name of ATTRIBUTES) {
    const value = data[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())];
    if (value) element.setAttribute(name, value);
  }
  if (data.title) element.setAttribute('heading', data.title);
  const language = (data.lang ?? document.documentElement.lang ?? navigator.language ?? 'en').toLowerCase();
  const spanish = language.startsWith('es');

  const root = element.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(LAUNCHER_CSS);
  root.adoptedStyleSheets = [sheet];
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-label', spanish ? esLauncherLabel : enLauncherLabel);
  if (data.position === 'left') launcher.className = 'l';
  launcher.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg><span></span>';
  (launcher.lastChild as HTMLElement).textContent = spanish ? esLauncher : enLauncher;
  root.append(launcher);

  let loading: Promise<WidgetElement> | undefined;
  const load = (): Promise<WidgetElement> => {
    loading ??= import(new URL('referral-assistant.define.js', src).href).then(
      () => customElements.whenDefined(TAG).then(() => element),
      (error: unknown) => {
        log(`could not load the widget: ${String(error)}`);
        throw error;
      },
    );
    return loading;
  };
  const call = (action: (widget: WidgetElement) => void) => () => {
    void load().then(action);
  };

  launcher.addEventListener(
    'click',
    call((widget) => widget.show()),
  );
  launcher.addEventListener('pointerenter', () => void load(), { once: true });
  launcher.addEventListener('focus', () => void load(), { once: true });
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 2000));
  idle(() => void load());

  window.ReferralAssistant = {
    open: call((widget) => widget.show()),
    close: call((widget) => widget.hide()),
    setLanguage: (lang) => call((widget) => widget.setLanguage(lang))(),
    startWithNeed: (category) => call((widget) => widget.startWithNeed(category))(),
  };

  const attach = () => document.body.append(element);
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach, { once: true });
}

start();
