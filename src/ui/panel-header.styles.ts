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
  /* A title breaks between words, hyphenated where the panel's language allows, never inside a word without one. */
  .title {
    flex: 1 1 auto;
    overflow-wrap: normal;
    hyphens: auto;
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

  /*
   * Phones: one row for the title, quick exit and close, and one compact row for the language,
   * "talk to a person" (one tap away in every state, so the replies do not repeat it) and the
   * menu, which opens below. Chosen over moving the language and a person into the menu: at
   * 320 px a menu button beside quick exit and close leaves the title too narrow for
   * "comunitaria", and a Spanish speaker on an English page must see "Español" without searching.
   */
  @media (max-width: 599.98px), (max-height: 499.98px) {
    .header {
      gap: 2px;
      padding: 2px 4px 2px 12px;
    }
    .header-row {
      gap: 6px;
    }
    .header-button.quick-exit {
      padding-inline: 8px;
    }
    .title {
      font-size: 1rem;
      line-height: 1.25;
    }
    .header-actions {
      gap: 4px;
    }
    .header-actions .header-button {
      padding: 2px 7px;
      font-size: 0.9375rem;
    }
  }
  /* While the visitor types (the on-screen keyboard is up), only the first row stays. */
  [data-keyboard] .header-actions {
    display: none;
  }

  @media (forced-colors: active) {
    .header-button {
      border: 2px solid CanvasText;
    }
  }
`;
