/**
 * The language picker: its list opens in the header's own flow, like the "More" menu, so it
 * reflows on the narrowest phone and covers nothing.
 */
import { css } from 'lit';

export const languagePickerStyles = css`
  .language-picker {
    display: contents;
  }
  .language-picker summary {
    display: inline-flex;
    align-items: center;
    list-style: none;
    cursor: pointer;
  }
  .language-picker summary::-webkit-details-marker {
    display: none;
  }
  .language-picker summary::after {
    content: '▾';
    margin-inline-start: 6px;
  }
  .language-picker[open] summary::after {
    content: '▴';
  }
  .language-picker:not([open]) .language-list {
    display: none;
  }
  .language-list {
    flex: 1 0 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  /* The current language stands out without relying on colour alone. */
  .language-option[aria-pressed='true'] {
    font-weight: 700;
    border-width: 3px;
  }
`;
