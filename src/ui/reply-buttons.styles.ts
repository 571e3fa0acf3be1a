/**
 * The quick replies: a wrapping row of pill buttons under the history.
 */
import { css } from 'lit';

export const replyStyles = css`
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

  @media (forced-colors: active) {
    .reply {
      border: 2px solid CanvasText;
    }
  }
`;
