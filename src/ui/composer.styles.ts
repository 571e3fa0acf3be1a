/**
 * The composer: the text box and send button at the foot of the panel.
 */
import { css } from 'lit';

export const composerStyles = css`
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
`;
