/**
 * The element's own styles: the theme's custom properties (light and dark), resets, the panel
 * and its phone layout, the history, the status lines and quick exit's help and overlay. Each
 * UI piece's styles sit beside it in `ui/*.styles.ts`; the element combines them all in
 * `static styles`. Adopted stylesheets only, so a strict Content Security Policy without
 * `unsafe-inline` works, and nothing here depends on styles of the host element itself: a host
 * page's `* { all: unset }` reaches the host and beats `:host` rules, so every layout rule sits
 * on elements inside the shadow root.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    /* Public theming hooks; internal variables below fall back to them. */
    --ra-accent-default: #1a5fb4;
  }
  [hidden] {
    display: none !important;
  }
  .root {
    all: initial;
    --ra-accent: var(--referral-assistant-accent, var(--ra-accent-default));
    --ra-on-accent: var(--referral-assistant-on-accent, #ffffff);
    --ra-surface: #ffffff;
    --ra-surface-alt: #f2f4f7;
    --ra-text: #1b1f24;
    --ra-text-muted: #4a5360;
    --ra-border: #6b7585;
    --ra-link: #0b4f9c;
    --ra-visitor: #e6effa;
    --ra-crisis-bg: #fff4e5;
    --ra-crisis-border: #8a4b00;
    --ra-radius: var(--referral-assistant-radius, 12px);
    --ra-font: var(--referral-assistant-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --ra-gap: 16px;
    font-family: var(--ra-font);
    font-size: 16px;
    line-height: 1.5;
    color: var(--ra-text);
  }
  @media (prefers-color-scheme: dark) {
    .root {
      --ra-surface: #16191d;
      --ra-surface-alt: #23272e;
      --ra-text: #f1f3f5;
      --ra-text-muted: #c3c9d1;
      --ra-border: #8d97a5;
      --ra-link: #9cc7ff;
      --ra-visitor: #1f3350;
      --ra-crisis-bg: #3a2a12;
      --ra-crisis-border: #ffb65c;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input {
    font: inherit;
    color: inherit;
    margin: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 3px solid var(--ra-link);
    outline-offset: 2px;
  }
  /* The panel. */
  .panel {
    position: fixed;
    z-index: 2147483647;
    bottom: calc(80px + env(safe-area-inset-bottom, 0px));
    display: flex;
    flex-direction: column;
    width: min(420px, calc(100vw - 32px));
    height: min(680px, calc(100dvh - 112px));
    background: var(--ra-surface);
    color: var(--ra-text);
    border: 1px solid var(--ra-border);
    border-radius: var(--ra-radius);
    box-shadow: 0 8px 32px rgb(0 0 0 / 30%);
    overflow: hidden;
  }
  .at-right .panel {
    right: calc(16px + env(safe-area-inset-right, 0px));
  }
  .at-left .panel {
    left: calc(16px + env(safe-area-inset-left, 0px));
  }
  .panel:focus {
    outline: none;
  }
  /* Phones: full screen, sized to the visible viewport so the keyboard never hides the composer. */
  @media (max-width: 599.98px) {
    .panel,
    .at-left .panel,
    .at-right .panel {
      inset: 0 0 auto 0;
      top: var(--ra-viewport-top, 0px);
      width: 100%;
      height: var(--ra-viewport-height, 100dvh);
      border: 0;
      border-radius: 0;
      padding: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px) env(safe-area-inset-bottom, 0px)
        env(safe-area-inset-left, 0px);
    }
  }
  .history {
    flex: 1 1 auto;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--ra-gap);
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .busy {
    margin: 0 var(--ra-gap) 8px;
    color: var(--ra-text-muted);
    font-style: italic;
  }
  .live-status {
    margin: 0;
    padding: 6px var(--ra-gap);
    border-top: 1px solid var(--ra-border);
    font-weight: 600;
  }
  .notice {
    margin: 0 var(--ra-gap);
    font-size: 0.875rem;
  }
  .notice:empty {
    display: none;
  }
  .exit-help {
    padding: 0 var(--ra-gap) 8px;
    font-size: 0.875rem;
    color: var(--ra-text-muted);
  }
  .exit-help summary {
    min-height: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
  }
  .exit-help p {
    margin: 0 0 6px;
  }
  .exit-overlay {
    position: fixed;
    inset: 0;
    z-index: 2147483647;
    background: #ffffff;
  }
  a {
    color: var(--ra-link);
  }
  @media (prefers-reduced-motion: no-preference) {
    .history {
      scroll-behavior: smooth;
    }
  }
`;
