/**
 * Messages in the history: the assistant's, the visitor's and a navigator's bubbles, delivery
 * notes, and the read-aloud button.
 */
import { css } from 'lit';

export const messageStyles = css`
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
    position: relative;
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
  /* Services a navigator sent take the width cards need; a phrase or a language is noted below the text. */
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

  @media (forced-colors: active) {
    .message {
      border: 2px solid CanvasText;
    }
  }
`;
