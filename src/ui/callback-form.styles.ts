/**
 * The callback form: a phone number and a time to call.
 */
import { css } from 'lit';

export const callbackFormStyles = css`
  .callback-form {
    display: grid;
    gap: 6px;
    padding: 8px var(--ra-gap);
    border-top: 1px solid var(--ra-border);
  }
  .callback-form label {
    font-weight: 600;
  }
`;
