// The drill-down dialog: the lines behind one figure of the statement, as
// the engine listed them (id, customer, source line, start, end, term,
// billing, recognition, amount, contribution), with the figure's total and
// how many lines make it up, and buttons to export them (CSV, Excel). A
// native <dialog>: Escape and the Close button close it, focus returns to
// the cell.
import { formatMinor } from './format_minor.js';
import { UNKNOWN_TEXT, UNKNOWN_TITLE } from './statement_model.js';
import { metricExplanation } from './metric_definitions.js';
import { el } from './statement_view.js';

const dialog = () => /** @type {HTMLDialogElement} */ (document.getElementById('drill-dialog'));
const body = () => /** @type {HTMLElement} */ (document.getElementById('drill-body'));

let returnFocus = /** @type {HTMLElement|null} */ (null);

/** Opens the dialog with a title and a waiting line. */
export function openDrill(title, subtitle) {
  returnFocus = /** @type {HTMLElement|null} */ (document.activeElement);
  const d = dialog();
  /** @type {HTMLElement} */ (document.getElementById('drill-title')).textContent = title;
  const waiting = el('p', { class: 'drill-status', role: 'status' }, subtitle);
  const progress = el('progress', { max: '1', 'aria-label': 'Reading progress' });
  body().replaceChildren(waiting, progress);
  if (!d.open) d.showModal();
  /** @type {HTMLElement} */ (document.getElementById('drill-close')).focus();
}

/** Progress of the drill's own read of the files. */
export function drillProgress(p) {
  const bar = /** @type {HTMLProgressElement|null} */ (body().querySelector('progress'));
  if (bar && p.bytesTotal > 0) bar.value = p.bytesRead / p.bytesTotal;
}

export function drillError(message) {
  body().replaceChildren(el('p', { class: 'drill-error', role: 'alert' }, message));
}

/** The columns the dialog shows of a line (the exports have them all: export/drill_export.js). */
const SHOWN = [['Id', 'id', ''], ['Customer', 'customer', ''], ['File line', 'line', 'num'], ['Start', 'start', 'date'],
  ['End', 'end', 'date'], ['Term', 'term_months', 'num'], ['Billing', 'billing', ''], ['Recognition', 'recognition', '']];

/**
 * @param {any} drill the engine's report.drill
 * @param {number} digits the currency's minor digits
 * @param {string} metric the metric key, for its explanation
 * @param {{onExport?: (format: 'csv'|'xlsx') => void}} [options] onExport: offers the lines as a file
 */
export function showDrill(drill, digits, metric, options = {}) {
  const lines = Array.isArray(drill?.lines) ? drill.lines : [];
  const count = Number.isSafeInteger(drill?.count) ? drill.count : lines.length;
  const parts = [];
  const total = el('p', { class: 'drill-total' });
  // A total the engine gave as null is not known from the files (invoices alone): said so, never 0.
  const value = el('strong', { 'data-drill-value': String(drill?.value ?? '') },
    `${drill?.currency ?? ''} ${drill?.value === null ? UNKNOWN_TEXT : formatMinor(drill?.value ?? 0, digits)}`);
  if (drill?.value === null) value.title = UNKNOWN_TITLE;
  total.append(document.createTextNode('Total '), value);
  total.append(document.createTextNode(` from ${formatMinor(count, 0)} line${count === 1 ? '' : 's'}`));
  parts.push(total);
  const explanation = metricExplanation(metric);
  if (explanation) {
    const p = el('p', { class: 'muted drill-formula' }, explanation + ' ');
    // The glossary page, where the build has one (the single-file build has not).
    const glossary = document.querySelector('a[data-glossary]')?.getAttribute('href');
    if (glossary) p.append(el('a', { href: `${glossary}#${encodeURIComponent(metric)}`, class: 'glossary-link' }, 'What is this?'));
    parts.push(p);
  }
  if (count > lines.length) {
    parts.push(el('p', { class: 'drill-note', 'data-more': String(count - lines.length) },
      `Showing the ${formatMinor(lines.length, 0)} lines with the largest contributions of ${formatMinor(count, 0)}.`));
  }
  if (lines.length === 0) {
    parts.push(el('p', { class: 'muted' }, 'No line contributes to this figure.'));
  } else {
    if (options.onExport) parts.push(exportButtons(options.onExport, count));
    const scroller = el('div', { class: 'table-scroll drill-scroll', role: 'region', 'aria-label': 'Lines', tabindex: '0' });
    const t = el('table', { class: 'drill-table' });
    const head = el('tr');
    for (const [h, , cls] of [...SHOWN, ['Line amount', '', 'num'], ['Contribution', '', 'num']]) {
      head.append(el('th', { scope: 'col', class: cls }, h));
    }
    const thead = el('thead');
    thead.append(head);
    t.append(thead);
    const tbody = el('tbody');
    for (const line of lines) {
      const tr = el('tr');
      for (const [, field, cls] of SHOWN) tr.append(el('td', cls ? { class: cls } : {}, line?.[field] == null ? '' : String(line[field])));
      tr.append(el('td', { class: 'num' }, line?.amount == null ? '' : formatMinor(line.amount, digits)));
      tr.append(el('td', { class: 'num contribution' }, line?.contribution == null ? '' : formatMinor(line.contribution, digits)));
      tbody.append(tr);
    }
    t.append(tbody);
    scroller.append(t);
    parts.push(scroller);
  }
  body().replaceChildren(...parts);
}

/** "Export CSV" and "Export Excel" of the lines; the whole list, not only those shown. */
function exportButtons(onExport, count) {
  const box = el('div', { class: 'drill-exports', role: 'group', 'aria-label': 'Export the lines' });
  const all = `all ${formatMinor(count, 0)} line${count === 1 ? '' : 's'}`;
  for (const [format, text] of [['csv', 'Export CSV'], ['xlsx', 'Export Excel']]) {
    const button = el('button', { type: 'button', class: 'small secondary', 'data-export': format }, text);
    button.title = `${text}: ${all}, with their dates, term, billing and recognition`;
    button.addEventListener('click', () => onExport(/** @type {'csv'|'xlsx'} */ (format)));
    box.append(button);
  }
  return box;
}

/** Wires the Close button and focus return once. */
export function installDrillDialog(onClose) {
  const d = dialog();
  document.getElementById('drill-close')?.addEventListener('click', () => d.close());
  d.addEventListener('click', (event) => { if (event.target === d) d.close(); });   // a click on the backdrop
  d.addEventListener('close', () => {
    onClose();
    returnFocus?.focus?.();
    returnFocus = null;
  });
}
