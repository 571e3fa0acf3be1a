/**
 * The callback form: a phone number and a time to call, as a card at the end of the history.
 */
import { css } from 'lit';

export const callbackFormStyles = css`
  .callback-form {
    display: grid;
    gap: 6px;
    padding: 10px 14px;
    border: 1px solid var(--ra-border);
    border-radius: var(--ra-radius);
    background: var(--ra-surface);
  }
  .callback-form label {
    font-weight: 600;
  }
`;
