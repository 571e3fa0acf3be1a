/**
 * Links and buttons that do something with a service or a line (call, text, directions, share,
 * copy, print), and the groups that hold them: at least 44 px, outlined in the link colour.
 */
import { css } from 'lit';

export const actionStyles = css`
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
`;
