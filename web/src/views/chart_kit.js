// A Chart.js chart from a view's ChartSpec: bars or lines of the engine's
// values, ticks and tooltips formatted by format_minor.js (ratios as
// percentages), the page's colours, a painted background for the PNG, no
// animation. Same conventions as chart_view.js. A series may float its bars
// ([low, high] points: a waterfall), colour each bar, and give each point's
// tooltip text (the exact figure, formatted by its model).
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { background, chartFrame, cssVar } from '../chart_view.js';
import { formatMinor } from '../format_minor.js';
import { UNKNOWN_TEXT, UNKNOWN_TITLE } from '../statement_model.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });


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
  const format = (v) => (spec.unit === 'percent' ? PERCENT.format(Number(v))
    : formatMinor(Number(v), spec.unit === 'count' ? 0 : spec.digits));
  const pointText = (ctx) => {
    const given = spec.series[ctx.datasetIndex]?.texts?.[ctx.dataIndex];
    if (given !== undefined) return given;
    return ctx.raw == null ? `${UNKNOWN_TEXT} (${UNKNOWN_TITLE})` : format(ctx.raw);
  };
  const chart = new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => {
        const color = cssVar(s.colour, '#1f5fbf');
        const colours = s.colours?.map((c) => cssVar(c, color));
        return { label: s.label, data: s.data, backgroundColor: colours ?? color, borderColor: colours ?? color, borderDash: s.dashed ? [6, 4] : [],
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
        x: { ticks: { color: muted, maxRotation: spec.allLabels ? 50 : 0, autoSkip: !spec.allLabels }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { color: muted, precision: spec.unit === 'percent' ? 2 : 0, callback: (v) => format(v) }, grid: { color: grid } },
      },
      plugins: {
        legend: { display: spec.legend !== false, labels: { color: text, boxWidth: 12 } },
        // A point the engine gave as null (not known from invoices alone) is a gap, said so, never 0.
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${pointText(ctx)}` } },
        // @ts-ignore: options of the local plugin above
        bbbBackground: { color: cssVar('--bg', '#ffffff') },
      },
    },
    plugins: [background],
  });
  save.addEventListener('click', () => onSave(chart, `bbb-${currency}-${spec.key}.png`));
  return { figure, chart };
}
