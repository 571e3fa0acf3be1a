/**
 * The dashboard's charts: SVG drawn with Lit's `svg` templates, no charting library. A strict
 * CSP allows them (attributes and classes, no inline style), they weigh a few kilobytes instead
 * of a library's tens, and every figure they draw is in the table beside them. A withheld value
 * is drawn as nothing, and its row says "withheld" in words.
 */
import { html, nothing, type SVGTemplateResult, svg, type TemplateResult } from 'lit';
import type { ReportTable } from '../service/needs-report-format.js';
import type { DashboardLanguage, DashboardText } from './dashboard-strings.js';
import { columnLabel, rowLabel, valueText } from './report-view.js';

/** Which column each table's chart draws, and whether it is a share of 100. */
const CHART_COLUMN: Record<ReportTable['id'], string> = {
  'needs-over-time': 'total',
  'unmet-by-category': 'unmet-rate',
  'unmet-by-area': 'unmet-rate',
  'language-share': 'share',
  'data-gaps': 'no-result',
  'handoffs-and-safety': 'count',
  'navigator-records': 'contacts',
};

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 170;
const WIDTH = 480;

/** The chart of a table, with its accessible name. */
export function renderChart(table: ReportTable, t: DashboardText, language: DashboardLanguage): TemplateResult {
  const title = t(`table.${table.id}`);
  const label = t('chartOf', { title });
  if (table.rows.length === 0) return html`<p class="muted">${t('noData')}</p>`;
  const body = table.id === 'needs-over-time' ? stackedColumns(table, t, language) : bars(table, t, language);
  return html`<figure class="chart">
    <svg role="img" aria-label=${label} viewBox="0 0 ${WIDTH} ${body.height}" preserveAspectRatio="xMinYMin meet">
      ${body.content}
    </svg>
    ${body.legend ?? nothing}
  </figure>`;
}

/** One bar per row, of the table's chart column. */
function bars(
  table: ReportTable,
  t: DashboardText,
  language: DashboardLanguage,
): { height: number; content: SVGTemplateResult; legend?: TemplateResult } {
  const column = table.columns.indexOf(CHART_COLUMN[table.id]);
  const percent = table.percentColumns.includes(CHART_COLUMN[table.id]);
  const values = table.rows.map((row) => row.values[column] ?? null);
  const max = percent ? 100 : Math.max(1, ...values.map((value) => value ?? 0));
  const plot = WIDTH - LABEL_WIDTH - 60;
  const height = table.rows.length * (BAR_HEIGHT + GAP) + GAP;
  const content = svg`${table.rows.map((row, index) => {
    const value = values[index] ?? null;
    const y = GAP + index * (BAR_HEIGHT + GAP);
    const width = value === null ? 0 : Math.max(value > 0 ? 2 : 0, (value / max) * plot);
    const text = value === null ? t('withheld') : `${valueText(t, language, value)}${percent ? ' %' : ''}`;
    return svg`<g>
      <text class="axis-label" x=${LABEL_WIDTH - 8} y=${y + BAR_HEIGHT / 2} text-anchor="end" dominant-baseline="central">${clip(rowLabel(t, table, row.key))}</text>
      <rect class="bar" x=${LABEL_WIDTH} y=${y} width=${width} height=${BAR_HEIGHT} rx="3"></rect>
      <text class=${value === null ? 'value withheld' : 'value'} x=${LABEL_WIDTH + width + 6} y=${y + BAR_HEIGHT / 2} dominant-baseline="central">${text}</text>
    </g>`;
  })}`;
  return { height, content };
}

/** Needs over time: a column per period, stacked by category; the withheld part of a shown total in grey. */
function stackedColumns(
  table: ReportTable,
  t: DashboardText,
  language: DashboardLanguage,
): { height: number; content: SVGTemplateResult; legend: TemplateResult } {
  const totalIndex = table.columns.indexOf('total');
  const categories = table.columns.filter((column) => column !== 'total');
  const totals = table.rows.map((row) => row.values[totalIndex] ?? null);
  const shownSums = table.rows.map((row) => categories.reduce((sum, _, index) => sum + (row.values[index] ?? 0), 0));
  const max = Math.max(1, ...totals.map((total, index) => total ?? shownSums[index] ?? 0));
  const height = 220;
  const plotTop = 10;
  const plotBottom = height - 30;
  const left = 36;
  const step = (WIDTH - left - 4) / table.rows.length;
  const barWidth = Math.max(2, step * 0.7);
  const scale = (value: number) => (value / max) * (plotBottom - plotTop);
  const labelEvery = Math.ceil(table.rows.length / 6);
  const content = svg`
    <line class="axis" x1=${left} y1=${plotBottom} x2=${WIDTH} y2=${plotBottom}></line>
    <text class="axis-label" x=${left - 6} y=${plotTop} text-anchor="end" dominant-baseline="hanging">${valueText(t, language, max)}</text>
    <text class="axis-label" x=${left - 6} y=${plotBottom} text-anchor="end">0</text>
    ${table.rows.map((row, index) => {
      const x = left + index * step + (step - barWidth) / 2;
      let y = plotBottom;
      const segments = categories.map((_, c) => {
        const value = row.values[c] ?? null;
        if (!value) return nothing;
        const h = scale(value);
        y -= h;
        return svg`<rect class="series-${c % 10}" x=${x} y=${y} width=${barWidth} height=${h}></rect>`;
      });
      const total = totals[index] ?? null;
      const withheld = total === null ? 0 : total - (shownSums[index] ?? 0);
      const rest =
        withheld > 0
          ? svg`<rect class="withheld-part" x=${x} y=${y - scale(withheld)} width=${barWidth} height=${scale(withheld)}></rect>`
          : nothing;
      const label =
        index % labelEvery === 0
          ? svg`<text class="axis-label" x=${x + barWidth / 2} y=${plotBottom + 16} text-anchor="middle">${row.key.slice(5)}</text>`
          : nothing;
      return svg`<g>${segments}${rest}${label}</g>`;
    })}`;
  const legend = html`<ul class="legend">
    ${categories.map(
      (category, c) =>
        html`<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="series-${c % 10}" width="10" height="10"></rect></svg>${columnLabel(t, category)}</li>`,
    )}
    <li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="withheld-part" width="10" height="10"></rect></svg>${t('withheld')}</li>
  </ul>`;
  return { height, content, legend };
}

function clip(text: string): string {
  return text.length > 26 ? `${text.slice(0, 25)}…` : text;
}
