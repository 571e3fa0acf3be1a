/**
 * The quick replies: wrapping pill buttons under the history, each sized to its text. On a
 * phone they take at most `--ra-reply-rows` rows (three, two on a short screen, one on its
 * side), and the rest wait behind "More options" (see ReplyRowsController): chips that wrap
 * were chosen over one sideways-scrolling row because every choice stays readable in full and
 * none hides off the edge for a visitor who does not know to swipe.
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
  /* Nothing to choose (busy, or nothing offered): no empty bar, but the group stays focusable. */
  .replies:not(:has(button:not([hidden]))) {
    padding: 0;
    border: 0;
  }
  .replies:focus {
    outline: none;
  }
  .reply,
  .more-replies {
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

  .more-replies {
    border-style: dashed;
    font-weight: 600;
  }
  @media (max-width: 599.98px), (max-height: 499.98px) {
    .replies {
      --ra-reply-rows: 3;
      gap: 6px 8px;
      padding: 6px 12px;
    }
  }
  @media (max-height: 639.98px) {
    .replies {
      --ra-reply-rows: 2;
    }
  }
  @media (max-height: 499.98px) {
    .replies {
      --ra-reply-rows: 1;
    }
  }
  /* While the visitor types (the on-screen keyboard is up), the text box and the conversation have the room. */
  [data-keyboard] .replies {
    display: none;
  }

  @media (forced-colors: active) {
    .reply,
    .more-replies {
      border: 2px solid CanvasText;
    }
  }
`;
