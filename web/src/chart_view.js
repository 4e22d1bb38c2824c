// Charts of one currency with Chart.js (bundled by Vite, no CDN): bookings,
// billings and revenue per period as bars; backlog, cRPO and deferred
// revenue over time as lines. The values are the engine's minor units as
// given; axis ticks and tooltips format them with format_minor.js (digits,
// not arithmetic). Each chart can be saved as PNG.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { formatMinor } from './format_minor.js';
import { metricLabel } from './metric_definitions.js';
import { UNKNOWN_TEXT, UNKNOWN_TITLE } from './statement_model.js';
import { el } from './statement_view.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** The charts and their series: engine fields and the CSS colour variable of each. */
export const CHARTS = [
  { key: 'flows', type: 'bar', title: 'Bookings, billings and revenue per period',
    series: [['bookings', '--series-1'], ['billings', '--series-2'], ['revenue', '--series-3']] },
  { key: 'balances', type: 'line', title: 'Backlog and deferred revenue at period end',
    series: [['backlog_end', '--series-1'], ['crpo_end', '--series-4'], ['deferred_revenue_end', '--series-2']] },
];

/** Paints the page background under the chart, so a saved PNG is not transparent. */
export const background = {
  id: 'bbbBackground',
  beforeDraw(chart, _args, options) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = options.color ?? '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * The frame of a chart: a figure with its caption, a "Save PNG" button and
 * the canvas (described for screen readers by `description`).
 * @param {{key: string, title: string}} spec
 * @param {string} currency
 * @param {string} description
 */
export function chartFrame(spec, currency, description) {
  const figure = el('figure', { class: 'chart', 'data-chart': spec.key });
  const caption = el('figcaption');
  caption.append(el('span', {}, `${spec.title} (${currency})`));
  const save = el('button', { type: 'button', class: 'small secondary save-png', 'data-chart': spec.key }, 'Save PNG');
  // The name starts with the words on the button, as speech input users say them (WCAG 2.5.3).
  save.setAttribute('aria-label', `Save PNG of the chart "${spec.title}" (${currency})`);
  caption.append(save);
  const holder = el('div', { class: 'chart-canvas' });
  const canvas = /** @type {HTMLCanvasElement} */ (el('canvas', { role: 'img', 'aria-label': description }));
  holder.append(canvas);
  figure.append(caption, holder);
  return { figure, canvas, save };
}

let styleRoot = /** @type {Element|null} */ (null);

/** Where the colours are read from: the page's root, or a <bbb-report> element (its shadow :host). */
export function setStyleRoot(element) { styleRoot = element; }

/** A CSS custom property of the page (or of the style root), or the fallback. */
export function cssVar(name, fallback) {
  const value = getComputedStyle(styleRoot ?? document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * Builds the charts of one currency into a new element. Call destroy() on
 * the result before dropping it.
 * @param {string} currency
 * @param {{minor_digits: number, periods: Array<Record<string, any>>}} data
 * @param {(chart: Chart, name: string) => void} onSave asked to save a chart as PNG
 * @param {(box: HTMLElement) => void} [mount] puts the box in the document before the charts are
 *   made: Chart.js sees a later attachment only in the document itself, not in a shadow root
 * @param {string} [subject] what the captions say the figures are of (default the currency; "USD, region North")
 */
export function renderCharts(currency, data, onSave, mount, subject = currency) {
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  const digits = data?.minor_digits ?? 2;
  const box = el('div', { class: 'charts', 'data-currency': currency });
  mount?.(box);
  /** @type {Chart[]} */
  const charts = [];
  if (periods.length === 0) return { element: box, charts, destroy() {} };
  const labels = periods.map((p) => String(p.period ?? ''));
  const text = cssVar('--fg', '#1b1f24');
  const muted = cssVar('--muted', '#5f6b7a');
  const grid = cssVar('--line', '#e2e6ea');
  const bg = cssVar('--bg', '#ffffff');
  for (const spec of CHARTS) {
    const { figure, canvas, save } = chartFrame(spec, subject,
      `${spec.title}, ${subject}, ${labels[0]} to ${labels[labels.length - 1]}. The same figures are in the table.`);
    box.append(figure);
    const chart = new Chart(canvas, {
      type: /** @type {'bar'|'line'} */ (spec.type),
      data: {
        labels,
        datasets: spec.series.map(([field, colour]) => {
          const color = cssVar(colour, '#1f5fbf');
          // A series the engine knows nothing of (bookings from invoices alone) says so in the legend.
          const known = periods.some((p) => typeof p[field] === 'number');
          return {
            label: known ? metricLabel(field) : `${metricLabel(field)} (${UNKNOWN_TITLE})`,
            data: periods.map((p) => (typeof p[field] === 'number' ? p[field] : null)),
            backgroundColor: color,
            borderColor: color,
            borderWidth: spec.type === 'line' ? 2 : 0,
            pointRadius: periods.length > 40 ? 0 : 2,
            tension: 0,
          };
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
          y: {
            beginAtZero: true,
            ticks: { color: muted, precision: 0, callback: (value) => formatMinor(Number(value), digits) },
            grid: { color: grid },
          },
        },
        plugins: {
          legend: { labels: { color: text, boxWidth: 12 } },
          // A figure the engine gave as null (invoices alone) is a gap, said so, never 0.
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.raw == null ? `${UNKNOWN_TEXT} (${UNKNOWN_TITLE})` : formatMinor(Number(ctx.raw), digits)}` } },
          // @ts-ignore: options of the local plugin above
          bbbBackground: { color: bg },
        },
      },
      plugins: [background],
    });
    charts.push(chart);
    save.addEventListener('click', () => onSave(chart, `bbb-${currency}-${spec.key}.png`));
  }
  return { element: box, charts, destroy: () => charts.forEach((c) => c.destroy()) };
}
