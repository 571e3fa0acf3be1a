/**
 * The print view: hidden on screen; in print, the only thing shown.
 */
import { css } from 'lit';

export const printViewStyles = css`
  .print-view {
    display: none;
  }
  @media print {
    .root > :not(.print-view) {
      display: none !important;
    }
    .print-view {
      display: block;
      color: #000000;
      font-size: 12pt;
    }
    .print-view article {
      break-inside: avoid;
      margin-bottom: 12pt;
    }
  }
`;
