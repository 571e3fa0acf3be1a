/**
 * The console's styles: adopted stylesheets only, so the page works under a Content Security
 * Policy without `unsafe-inline`. Flags are words as well as colours (a crisis is labelled
 * "Crisis", not only red), and every control shows a clear focus ring.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --nc-accent: #1a5fb4;
    --nc-surface: #ffffff;
    --nc-surface-alt: #f2f4f7;
    --nc-text: #1b1f24;
    --nc-muted: #4a5360;
    --nc-border: #6b7585;
    --nc-crisis: #a51d2d;
    --nc-crisis-bg: #fde8ea;
    --nc-urgent: #8a4b00;
    --nc-urgent-bg: #fff4e5;
    --nc-visitor: #e6effa;
    --nc-focus: #0b4f9c;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --nc-accent: #78aeed;
      --nc-surface: #16191d;
      --nc-surface-alt: #23272e;
      --nc-text: #f1f3f5;
      --nc-muted: #c3c9d1;
      --nc-border: #8d97a5;
      --nc-crisis: #ff9aa5;
      --nc-crisis-bg: #3d1a1f;
      --nc-urgent: #ffc27a;
      --nc-urgent-bg: #3a2a12;
      --nc-visitor: #1f3350;
      --nc-focus: #9cc7ff;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .root {
    min-height: 100vh;
    background: var(--nc-surface);
    color: var(--nc-text);
    font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  :focus-visible {
    outline: 3px solid var(--nc-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  h1 {
    font-size: 1.25rem;
    margin: 0;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 8px;
  }
  h3 {
    font-size: 1rem;
    margin: 16px 0 8px;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 40px;
    padding: 6px 14px;
    border: 2px solid var(--nc-accent);
    border-radius: 8px;
    background: var(--nc-surface);
    color: var(--nc-text);
    cursor: pointer;
    font-weight: 600;
  }
  button[type='submit'] {
    background: var(--nc-accent);
    color: var(--nc-surface);
  }
  button.danger {
    border-color: var(--nc-crisis);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  input,
  textarea {
    width: 100%;
    padding: 8px 10px;
    border: 1px solid var(--nc-border);
    border-radius: 6px;
    background: var(--nc-surface);
  }
  textarea {
    resize: vertical;
  }
  .checking,
  .empty {
    color: var(--nc-muted);
  }
  .muted {
    color: var(--nc-muted);
    font-size: 0.9rem;
  }
  .sign-in {
    max-width: 360px;
    margin: 10vh auto;
    padding: 24px;
  }
  .sign-in h1 {
    margin-bottom: 16px;
  }
  .field label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }
  .problem {
    color: var(--nc-crisis);
    min-height: 1.5em;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 12px;
    padding: 10px 16px;
    border-bottom: 1px solid var(--nc-border);
    background: var(--nc-surface-alt);
  }
  .header h1 {
    flex: 1 1 auto;
  }
  .header p {
    margin: 0;
  }
  .status.connecting {
    color: var(--nc-urgent);
    font-weight: 600;
  }
  .toggle[aria-pressed='true'] {
    background: var(--nc-accent);
    color: var(--nc-surface);
  }
  .notice {
    margin: 8px 16px;
    padding: 8px 12px;
    border-left: 4px solid var(--nc-urgent);
    background: var(--nc-urgent-bg);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(280px, 360px) 1fr;
    gap: 16px;
    padding: 16px;
  }
  @media (max-width: 800px) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
  .lists {
    display: flex;
    flex-direction: column;
    gap: 20px;
  }
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .entry {
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: space-between;
    padding: 8px 10px;
    border: 1px solid var(--nc-border);
    border-radius: 8px;
  }
  .entry > div {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .entry.crisis {
    border: 2px solid var(--nc-crisis);
    background: var(--nc-crisis-bg);
  }
  .entry.urgent {
    border: 2px solid var(--nc-urgent);
    background: var(--nc-urgent-bg);
  }
  .entry.selected {
    outline: 2px solid var(--nc-accent);
  }
  .language {
    font-weight: 600;
  }
  .badge {
    align-self: flex-start;
    padding: 0 6px;
    border-radius: 4px;
    font-size: 0.8rem;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .badge.crisis {
    background: var(--nc-crisis);
    color: var(--nc-surface);
  }
  .badge.urgent {
    background: var(--nc-urgent);
    color: var(--nc-surface);
  }
  .badge.unread {
    background: var(--nc-accent);
    color: var(--nc-surface);
    text-transform: none;
  }
  .phone {
    font-weight: 700;
    color: var(--nc-focus);
  }
  .conversation {
    min-width: 0;
  }
  .conversation-header {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: space-between;
  }
  .actions {
    display: flex;
    gap: 8px;
  }
  .summary dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 16px;
    margin: 0;
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0;
  }
  .summary ul {
    margin: 0;
    padding-left: 1.2em;
  }
  .transcript {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
    max-height: 50vh;
    overflow-y: auto;
  }
  .message {
    max-width: 80%;
    padding: 6px 10px;
    border-radius: 8px;
    background: var(--nc-surface-alt);
  }
  .message.visitor {
    align-self: flex-start;
    background: var(--nc-visitor);
  }
  .message.navigator {
    align-self: flex-end;
  }
  .message .from {
    font-weight: 700;
    margin-right: 8px;
  }
  .message .time,
  .message .state {
    color: var(--nc-muted);
    font-size: 0.85rem;
    margin-right: 6px;
  }
  .message .state.failed {
    color: var(--nc-crisis);
    font-weight: 700;
  }
  .message .text {
    margin: 2px 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .typing {
    min-height: 1.5em;
    color: var(--nc-muted);
    font-style: italic;
  }
  .ended,
  .note {
    padding: 8px 12px;
    border-left: 4px solid var(--nc-border);
    background: var(--nc-surface-alt);
  }
  .composer {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .composer label {
    font-weight: 600;
  }
  .composer p {
    margin: 0;
  }
  .composer button {
    align-self: flex-end;
  }
  .over {
    color: var(--nc-crisis);
    font-weight: 600;
  }
  /* The navigator's desk: which language the visitor reads, phrases, structured messages. */
  .badge.reads {
    margin: 0;
    padding: 2px 8px;
    border: 2px solid var(--nc-accent);
    color: var(--nc-text);
    text-transform: none;
    font-weight: 600;
  }
  .marker {
    margin: 2px 0 0;
    color: var(--nc-muted);
    font-size: 0.9rem;
    font-style: italic;
  }
  .sent-services {
    margin: 4px 0 0;
  }
  .safety.not-safe {
    color: var(--nc-crisis);
    font-weight: 700;
  }
  .desk {
    margin-top: 16px;
    padding-top: 8px;
    border-top: 1px solid var(--nc-border);
  }
  .phrases {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-bottom: 8px;
  }
  label.inline {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: 44px;
  }
  label.inline input {
    width: 1.25rem;
    height: 1.25rem;
  }
  .follow-ups .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
`;
