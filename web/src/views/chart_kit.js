// A Chart.js chart from a view's ChartSpec: bars or lines of the engine's
// values, ticks and tooltips formatted by format_minor.js, the page's colours,
// a painted background for the PNG, no animation. Same conventions as
// chart_view.js.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { background, chartFrame, cssVar } from '../chart_view.js';
import { formatMinor } from '../format_minor.js';
import { UNKNOWN_TEXT, UNKNOWN_TITLE } from '../statement_model.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);


/**
 * @param {import('./view_cells.js').ChartSpec} spec
 * @param {string} currency
 * @param {(chart: Chart, name: string) => void} onSave
 * @param {HTMLElement} parent where the figure goes, before the chart is made (Chart.js sizes a
 *   canvas that is in the document; it sees a later attachment only outside a shadow root)
 * @returns {{figure: HTMLElement, chart: Chart}}
 */
export function chartFigure(spec, currency, onSave, parent) {
  const { figure, canvas, save } = chartFrame(spec, currency,
    `${spec.title}, ${currency}. The same figures are in the table below.`);
  parent.append(figure);
  const text = cssVar('--fg', '#1b1f24');
  const muted = cssVar('--muted', '#5f6b7a');
  const grid = cssVar('--line', '#e2e6ea');
  const format = (v) => (spec.unit === 'count' ? formatMinor(Number(v), 0) : formatMinor(Number(v), spec.digits));
  const chart = new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => {
        const color = cssVar(s.colour, '#1f5fbf');
        return { label: s.label, data: s.data, backgroundColor: color, borderColor: color,
          borderWidth: spec.type === 'line' ? 2 : 0, pointRadius: spec.labels.length > 40 ? 0 : 2, tension: 0 };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      color: text,
      scales: {
        x: { ticks: { color: muted, maxRotation: 0, autoSkip: true }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { color: muted, precision: 0, callback: (v) => format(v) }, grid: { color: grid } },
      },
      plugins: {
        legend: { labels: { color: text, boxWidth: 12 } },
        // A point the engine gave as null (not known from invoices alone) is a gap, said so, never 0.
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.raw == null ? `${UNKNOWN_TEXT} (${UNKNOWN_TITLE})` : format(ctx.raw)}` } },
        // @ts-ignore: options of the local plugin above
        bbbBackground: { color: cssVar('--bg', '#ffffff') },
      },
    },
    plugins: [background],
  });
  save.addEventListener('click', () => onSave(chart, `bbb-${currency}-${spec.key}.png`));
  return { figure, chart };
}
