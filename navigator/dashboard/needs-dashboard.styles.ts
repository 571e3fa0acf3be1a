/**
 * The dashboard's own styles, on top of the console's (same colours, controls, header and
 * sign-in): adopted stylesheets only, for a strict CSP. Chart colours are classes, never
 * inline styles; the ten series colours are the Okabe–Ito palette and its extensions, told
 * apart by colour-blind readers, and every figure is also in the table in words.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --nd-series-0: #0072b2;
    --nd-series-1: #e69f00;
    --nd-series-2: #009e73;
    --nd-series-3: #cc79a7;
    --nd-series-4: #56b4e9;
    --nd-series-5: #d55e00;
    --nd-series-6: #7a6a00;
    --nd-series-7: #5d3a9b;
    --nd-series-8: #444444;
    --nd-series-9: #a6761d;
    --nd-withheld: #b8bec7;
  }
  select {
    font: inherit;
    color: inherit;
    min-height: 40px;
    padding: 6px 10px;
    border: 1px solid var(--nc-border);
    border-radius: 6px;
    background: var(--nc-surface);
  }
  .dashboard {
    padding: 16px;
    max-width: 1400px;
    margin: 0 auto;
  }
  .notice.demo {
    margin: 8px 0 16px;
    font-weight: 600;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 12px;
    margin: 8px 0;
    padding: 12px;
    border: 1px solid var(--nc-border);
    border-radius: 8px;
    background: var(--nc-surface-alt);
  }
  .filters .field {
    margin: 0;
    min-width: 140px;
  }
  .filters .actions {
    display: flex;
    gap: 8px;
    margin: 0;
  }
  .figure {
    margin: 24px 0;
    padding-top: 8px;
    border-top: 1px solid var(--nc-border);
  }
  .pair {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 24px;
    align-items: start;
  }
  @media (max-width: 900px) {
    .pair {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .chart {
    margin: 0;
  }
  .chart > svg {
    width: 100%;
    height: auto;
    display: block;
  }
  .bar {
    fill: var(--nc-accent);
  }
  .axis {
    stroke: var(--nc-border);
  }
  .axis-label,
  .value {
    fill: var(--nc-text);
    font-size: 12px;
  }
  .value.withheld {
    fill: var(--nc-muted);
    font-style: italic;
  }
  .withheld-part {
    fill: var(--nd-withheld);
  }
  .series-0 { fill: var(--nd-series-0); }
  .series-1 { fill: var(--nd-series-1); }
  .series-2 { fill: var(--nd-series-2); }
  .series-3 { fill: var(--nd-series-3); }
  .series-4 { fill: var(--nd-series-4); }
  .series-5 { fill: var(--nd-series-5); }
  .series-6 { fill: var(--nd-series-6); }
  .series-7 { fill: var(--nd-series-7); }
  .series-8 { fill: var(--nd-series-8); }
  .series-9 { fill: var(--nd-series-9); }
  .legend {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    margin: 8px 0 0;
    padding: 0;
    font-size: 0.9rem;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .legend .swatch {
    width: 12px;
    height: 12px;
    flex: none;
  }
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    font-size: 0.9rem;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 4px 10px;
    border-bottom: 1px solid var(--nc-border);
    text-align: right;
    white-space: nowrap;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: left;
  }
  thead th {
    background: var(--nc-surface-alt);
  }
  td.withheld abbr {
    color: var(--nc-muted);
    text-decoration: none;
  }
`;
