/**
 * The panel header: title, quick exit, close, and the row of header buttons with the "More" menu.
 */
import { css } from 'lit';

export const panelHeaderStyles = css`
  .header {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 8px 8px 8px 16px;
    background: var(--ra-accent);
    color: var(--ra-on-accent);
  }
  .header-row {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .title {
    flex: 1 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
    margin: 0;
    font-size: 1.125rem;
    font-weight: 700;
  }
  /* Quick exit stands out: it must be found without reading. */
  .header-button.quick-exit {
    flex: 0 0 auto;
    padding-inline: 12px;
    background: var(--ra-surface);
    color: var(--ra-text);
    border-color: var(--ra-surface);
    font-weight: 700;
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 4px;
  }
  .more {
    display: contents;
  }
  .more summary {
    display: inline-flex;
    align-items: center;
    list-style: none;
    cursor: pointer;
  }
  .more summary::-webkit-details-marker {
    display: none;
  }
  .more summary::after {
    content: '▾';
    margin-inline-start: 6px;
  }
  .more[open] summary::after {
    content: '▴';
  }
  .more:not([open]) .more-menu {
    display: none;
  }
  /* Opens in the header's own flow: it reflows on the narrowest phone and covers nothing. */
  .more-menu {
    flex: 1 0 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .more-menu .header-button {
    text-align: start;
  }
  .header-button {
    min-width: 44px;
    min-height: 44px;
    padding: 4px 8px;
    white-space: nowrap;
    border: 1px solid currentColor;
    border-radius: 8px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .header-button:focus-visible {
    outline-color: var(--ra-on-accent);
  }
  .close svg {
    width: 20px;
    height: 20px;
    stroke: currentColor;
    stroke-width: 2.5;
    fill: none;
    vertical-align: middle;
  }

  /* Phones: a smaller title, so the header leaves the conversation most of the screen. */
  @media (max-width: 599.98px) {
    .title {
      font-size: 1rem;
    }
  }

  @media (forced-colors: active) {
    .header-button {
      border: 2px solid CanvasText;
    }
  }
`;
