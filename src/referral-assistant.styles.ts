/**
 * The widget's styles. Adopted stylesheets only (Lit's `static styles`), so a strict
 * Content Security Policy without `unsafe-inline` works, and nothing here depends on styles
 * of the host element itself: a host page's `* { all: unset }` reaches the host and beats
 * `:host` rules, so every layout rule sits on elements inside the shadow root.
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

  /* The launcher: fixed in its corner, above the page, at least 44 px in each direction. */
  .launcher {
    position: fixed;
    z-index: 2147483646;
    bottom: calc(16px + env(safe-area-inset-bottom, 0px));
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-width: 44px;
    min-height: 48px;
    padding: 10px 18px;
    border: 2px solid transparent;
    border-radius: 999px;
    background: var(--ra-accent);
    color: var(--ra-on-accent);
    font-weight: 600;
    cursor: pointer;
    box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
  }
  .at-right .launcher {
    right: calc(16px + env(safe-area-inset-right, 0px));
  }
  .at-left .launcher {
    left: calc(16px + env(safe-area-inset-left, 0px));
  }
  /* Moved out of the way of focused host content (WCAG 2.4.11). */
  .at-right.shift-other-side .launcher {
    right: auto;
    left: calc(16px + env(safe-area-inset-left, 0px));
  }
  .at-left.shift-other-side .launcher {
    left: auto;
    right: calc(16px + env(safe-area-inset-right, 0px));
  }
  .shift-top .launcher {
    bottom: auto;
    top: calc(16px + env(safe-area-inset-top, 0px));
  }
  .launcher-icon {
    width: 24px;
    height: 24px;
    fill: currentColor;
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

  .header {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 8px 8px 8px 16px;
    background: var(--ra-accent);
    color: var(--ra-on-accent);
  }
  .header-row {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .title {
    flex: 1 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
    margin: 0;
    font-size: 1.125rem;
    font-weight: 700;
  }
  /* Quick exit stands out: it must be found without reading. */
  .header-button.quick-exit {
    flex: 0 0 auto;
    padding-inline: 12px;
    background: var(--ra-surface);
    color: var(--ra-text);
    border-color: var(--ra-surface);
    font-weight: 700;
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
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 4px;
  }
  .more {
    display: contents;
  }
  .more summary {
    display: inline-flex;
    align-items: center;
    list-style: none;
    cursor: pointer;
  }
  .more summary::-webkit-details-marker {
    display: none;
  }
  .more summary::after {
    content: '▾';
    margin-inline-start: 6px;
  }
  .more[open] summary::after {
    content: '▴';
  }
  .more:not([open]) .more-menu {
    display: none;
  }
  /* Opens in the header's own flow: it reflows on the narrowest phone and covers nothing. */
  .more-menu {
    flex: 1 0 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .more-menu .header-button {
    text-align: start;
  }
  .header-button {
    min-width: 44px;
    min-height: 44px;
    padding: 4px 8px;
    white-space: nowrap;
    border: 1px solid currentColor;
    border-radius: 8px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .header-button:focus-visible {
    outline-color: var(--ra-on-accent);
  }
  .close svg {
    width: 20px;
    height: 20px;
    stroke: currentColor;
    stroke-width: 2.5;
    fill: none;
    vertical-align: middle;
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

  .message {
    max-width: 92%;
    padding: 10px 14px;
    border-radius: var(--ra-radius);
    overflow-wrap: anywhere;
  }
  .message p {
    margin: 0 0 8px;
  }
  .message p:last-child {
    margin-bottom: 0;
  }
  .from-assistant {
    align-self: flex-start;
    background: var(--ra-surface-alt);
  }
  .from-visitor {
    align-self: flex-end;
    background: var(--ra-visitor);
  }
  .from-assistant.results-message,
  .from-assistant.results-message:has(> .read-aloud) {
    max-width: 100%;
    padding-inline: 0;
    background: transparent;
  }
  .results-message > .read-aloud {
    position: static;
  }
  .crisis {
    max-width: 100%;
    background: var(--ra-crisis-bg);
    border: 2px solid var(--ra-crisis-border);
  }
  .crisis-heading {
    margin: 0 0 8px;
    font-size: 1.0625rem;
  }
  .crisis-lines {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }

  .from-assistant {
    position: relative;
  }
  .from-assistant:has(> .read-aloud) {
    padding-inline-end: 52px;
  }
  .read-aloud {
    position: absolute;
    top: 2px;
    right: 2px;
    width: 44px;
    height: 44px;
    padding: 10px;
    border: 0;
    border-radius: 8px;
    background: transparent;
    color: var(--ra-text-muted);
    cursor: pointer;
  }
  .read-aloud svg {
    width: 24px;
    height: 24px;
    fill: currentColor;
  }
  .from-navigator {
    align-self: flex-start;
    background: var(--ra-surface-alt);
    border-inline-start: 4px solid var(--ra-accent);
  }
  .from-navigator.services {
    max-width: 100%;
  }
  .from-navigator .marker {
    display: block;
    font-size: 0.8125rem;
    font-style: italic;
    color: var(--ra-text-muted);
  }
  .sender {
    display: block;
    font-weight: 700;
    font-size: 0.875rem;
  }
  .delivery {
    display: block;
    font-size: 0.8125rem;
    color: var(--ra-text-muted);
  }
  .delivery.failed {
    color: var(--ra-crisis-border);
    font-weight: 600;
  }
  .live-status {
    margin: 0;
    padding: 6px var(--ra-gap);
    border-top: 1px solid var(--ra-border);
    font-weight: 600;
  }
  .callback-form {
    display: grid;
    gap: 6px;
    padding: 8px var(--ra-gap);
    border-top: 1px solid var(--ra-border);
  }
  .callback-form label {
    font-weight: 600;
  }
  .callback-form input,
  .composer-input {
    min-height: 44px;
    padding: 8px 12px;
    /* 16 px: phones don't zoom the page when the field gets focus. */
    font-size: 16px;
    border: 2px solid var(--ra-border);
    border-radius: 8px;
    background: var(--ra-surface);
    color: var(--ra-text);
  }
  .busy {
    margin: 0 var(--ra-gap) 8px;
    color: var(--ra-text-muted);
    font-style: italic;
  }

  a {
    color: var(--ra-link);
  }
  .action,
  .line-actions a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    min-width: 44px;
    padding: 8px 12px;
    margin: 4px 8px 0 0;
    border: 2px solid var(--ra-link);
    border-radius: 8px;
    font-weight: 600;
    text-decoration: none;
  }

  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 12px;
  }
  .card {
    padding: 12px 14px;
    border: 1px solid var(--ra-border);
    border-radius: var(--ra-radius);
    background: var(--ra-surface);
    overflow-wrap: anywhere;
  }
  .card-name {
    margin: 0 0 4px;
    font-size: 1.0625rem;
  }
  .card-org,
  .card-note {
    margin: 0 0 4px;
    color: var(--ra-text-muted);
    font-size: 0.9375rem;
  }
  .card-status {
    margin: 0 0 6px;
    font-weight: 600;
  }
  .card-why {
    margin: 6px 0 0;
    font-size: 0.9375rem;
    color: var(--ra-text-muted);
  }
  .card-description {
    margin: 0 0 8px;
  }
  .badges {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0 0 8px;
    padding: 0;
  }
  .badge {
    padding: 2px 8px;
    border: 1px solid var(--ra-border);
    border-radius: 999px;
    font-size: 0.875rem;
  }
  .card-facts {
    margin: 0;
  }
  .card-facts dt {
    font-weight: 700;
    margin-top: 6px;
  }
  .card-facts dd {
    margin: 0;
  }

  .replies {
    flex: 0 0 auto;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    padding: 8px var(--ra-gap);
    max-height: 40%;
    overflow-y: auto;
    border-top: 1px solid var(--ra-border);
  }
  .replies:empty {
    display: none;
  }
  .replies:focus {
    outline: none;
  }
  .reply {
    min-height: 44px;
    min-width: 44px;
    padding: 8px 14px;
    border: 2px solid var(--ra-accent);
    border-radius: 999px;
    background: var(--ra-surface);
    color: var(--ra-text);
    cursor: pointer;
    text-align: start;
  }

  .composer {
    display: flex;
    gap: 8px;
    padding: 8px var(--ra-gap) calc(8px + env(safe-area-inset-bottom, 0px));
    border-top: 1px solid var(--ra-border);
  }
  .composer-input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .send {
    min-height: 44px;
    min-width: 44px;
    padding: 8px 16px;
    border: 0;
    border-radius: 8px;
    background: var(--ra-accent);
    color: var(--ra-on-accent);
    font-weight: 600;
    cursor: pointer;
  }

  .card-actions,
  .share {
    display: flex;
    flex-wrap: wrap;
    gap: 0 4px;
    margin: 8px 0 0;
  }
  button.action {
    background: var(--ra-surface);
    color: var(--ra-link);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .notice {
    margin: 0 var(--ra-gap);
    font-size: 0.875rem;
  }
  .notice:empty {
    display: none;
  }
  .print-view {
    display: none;
  }
  @media print {
    .root > :not(.print-view) {
      display: none !important;
    }
    .print-view {
      display: block;
      color: #000000;
      font-size: 12pt;
    }
    .print-view article {
      break-inside: avoid;
      margin-bottom: 12pt;
    }
  }

  /* Phones: a smaller title, so the header leaves the conversation most of the screen. */
  @media (max-width: 599.98px) {
    .title {
      font-size: 1rem;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .history {
      scroll-behavior: smooth;
    }
  }

  @media (forced-colors: active) {
    .launcher,
    .send,
    .reply,
    .header-button,
    .card,
    .message {
      border: 2px solid CanvasText;
    }
    .launcher-icon {
      fill: ButtonText;
    }
  }
`;
