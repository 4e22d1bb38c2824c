// The charts of a printed sheet: the ones already drawn on screen for that
// currency and view (a panel is drawn when first shown, so the currency on
// show has them), each as a PNG image of its canvas with its title. A chart
// drawn in the dark scheme would print as a dark block: none then.
import { el } from '../statement_view.js';

/**
 * @param {ParentNode} box where the report is drawn
 * @param {string} code the currency
 * @param {string} view the view (statement: the charts under the statement)
 * @returns {HTMLElement[]} one figure a chart, or none
 */
export function printedCharts(box, code, view) {
  if (window.matchMedia('(prefers-color-scheme: dark)').matches) return [];
  const escaped = CSS.escape(code);
  const holder = view === 'statement' ? box.querySelector(`.charts[data-currency="${escaped}"]`)
    : box.querySelector(`section.view-panel[data-view="${CSS.escape(view)}"][data-currency="${escaped}"]`);
  const figures = [];
  for (const figure of holder?.querySelectorAll('figure.chart') ?? []) {
    const canvas = /** @type {HTMLCanvasElement|null} */ (figure.querySelector('canvas'));
    if (!canvas || canvas.width === 0 || canvas.height === 0) continue;
    const printed = el('figure', { class: 'print-chart' });
    const image = el('img', { src: canvas.toDataURL('image/png'), alt: canvas.getAttribute('aria-label') ?? '' });
    printed.append(el('figcaption', {}, figure.querySelector('figcaption span')?.textContent ?? ''), image);
    figures.push(printed);
  }
  return figures;
}
