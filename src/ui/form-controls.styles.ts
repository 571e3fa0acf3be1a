/**
 * Text fields and the send button, shared by the composer and the callback form.
 */
import { css } from 'lit';

export const formControlStyles = css`
  .text-field {
    min-height: 44px;
    padding: 8px 12px;
    /* 16 px: phones don't zoom the page when the field gets focus. */
    font-size: 16px;
    border: 2px solid var(--ra-border);
    border-radius: 8px;
    background: var(--ra-surface);
    color: var(--ra-text);
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

  @media (forced-colors: active) {
    .send {
      border: 2px solid CanvasText;
    }
  }
`;
