/**
 * The crisis response: set apart from other messages, with its lines one under another.
 */
import { css } from 'lit';

export const crisisStyles = css`
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
`;
