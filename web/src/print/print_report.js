// The printout of the report on show, built only for printing (on
// `beforeprint`, which the Print button's window.print() and the browser's
// own print both fire) and removed on `afterprint`: the screen's statement
// and panels stay untouched. It prints the view on show for every
// currency, a sheet each: a running header (view, currency, files,
// settings) repeated on every page, the view's figures, and each wide
// table cut into blocks of periods that fit a landscape A4 or Letter page,
// the label column repeated on each block; the charts drawn on screen as
// images. Text goes in through textContent only.
import { el } from '../statement_view.js';
import { VIEW_MODELS } from '../views/view_registry.js';
import { VIEWS } from '../views/view_tabs.js';
import { labelWidth, columnWidth, pageBlocks } from './print_blocks.js';
import { printedCharts } from './print_charts.js';
import { runningHeader } from './print_header.js';
import { columnTexts, labelTexts, statementTable, viewTable } from './print_tables.js';

/** The printable width of a landscape Letter page with 10 mm margins (narrower than A4's), in CSS px. */
const PAGE_WIDTH_PX = ((279.4 - 20) * 96) / 25.4;
/** Bold figures and the font's own spacing take a little more than their count of ch. */
const WIDTH_SAFETY = 0.92;

/**
 * @typedef {object} PrintSource what is on show, from the report view
 * @property {Record<string, any>} report the engine's report
 * @property {import('../statement_model.js').Statement[]} statements each currency's statement
 * @property {string} view the view on show
 * @property {string} currency the currency on show (printed first)
 * @property {(code: string, view: string) => Record<string, string>} panelState a panel's choices
 * @property {ParentNode} box where the report is drawn: the charts on screen are printed from it
 */

/**
 * The printout's element: one sheet per currency of the view on show.
 * @param {PrintSource} source
 * @param {number} pageChars the printable width of a page, in ch of the print font
 */
export function buildPrintout(source, pageChars) {
  const root = el('div', { class: 'print-report', id: 'print-report', 'data-view': source.view });
  const title = VIEWS.find((v) => v.key === source.view)?.label ?? source.view;
  const codes = source.statements.map((s) => s.currency);
  // The currency on show first, then the others in the report's order.
  const ordered = codes.includes(source.currency) ? [source.currency, ...codes.filter((c) => c !== source.currency)] : codes;
  for (const code of ordered) {
    const body = source.view === 'statement' ? statementBody(source, code, pageChars) : viewBody(source, code, pageChars);
    const charts = printedCharts(source.box, code, source.view);
    if (charts.length > 0) {
      const figures = el('div', { class: 'print-charts' });
      figures.append(...charts);
      body.push(figures);
    }
    root.append(sheet(source.report, title, code, source.view, body));
  }
  return root;
}

/** One currency's sheet: the running header in a table head, so that it repeats on every printed page. */
function sheet(report, viewTitle, code, view, body) {
  const section = el('section', { class: 'print-sheet', 'data-currency': code, 'data-view': view });
  const frame = el('table', { class: 'print-frame' });
  const head = el('thead');
  const headCell = el('td');
  const header = runningHeader(report, viewTitle, code);
  const running = el('div', { class: 'print-running' });
  running.append(el('strong', { class: 'print-title' }, header.title), el('span', { class: 'print-files' }, header.files),
    el('span', { class: 'print-settings' }, header.settings));
  headCell.append(running);
  head.append(rowOf(headCell));
  const bodyCell = el('td');
  bodyCell.append(...body);
  const tbody = el('tbody');
  tbody.append(rowOf(bodyCell));
  frame.append(head, tbody);
  section.append(frame);
  return section;
}

const rowOf = (cell) => {
  const tr = el('tr');
  tr.append(cell);
  return tr;
};

/** @returns {HTMLElement[]} */
function statementBody(source, code, pageChars) {
  const statement = source.statements.find((s) => s.currency === code);
  if (!statement || statement.columns.length === 0) return [el('p', {}, 'No periods to show.')];
  return [tableBlocks(statementTable(statement), pageChars, source.report?.settings?.period)];
}

/** @returns {HTMLElement[]} */
function viewBody(source, code, pageChars) {
  const data = source.report?.currencies?.[code];
  const build = VIEW_MODELS[source.view];
  if (!build || !data) return [el('p', {}, 'Nothing to show.')];
  const model = build(code, data, source.panelState(code, source.view));
  const nodes = [];
  if (model.intro) nodes.push(el('p', { class: 'print-intro' }, model.intro));
  for (const picker of [model.picker, ...(model.pickers ?? [])]) {
    if (!picker) continue;
    const chosen = picker.options.find((o) => o.value === picker.value)?.label ?? picker.value;
    nodes.push(el('p', { class: 'print-choice' }, `${picker.label}: ${chosen}`));
  }
  if (model.empty) nodes.push(el('p', {}, model.empty));
  if (model.kpis.length > 0) {
    const kpis = el('dl', { class: 'print-kpis' });
    for (const kpi of model.kpis) {
      const item = el('div', { class: 'print-kpi' });
      item.append(el('dt', {}, kpi.label), el('dd', {}, kpi.text));
      kpis.append(item);
    }
    nodes.push(kpis);
  }
  for (const table of model.tables) {
    const printed = viewTable(table);
    const wrap = el('div', { class: 'print-view-table', 'data-table': table.key });
    wrap.append(el('h3', {}, table.caption));
    if (table.note) wrap.append(el('p', { class: 'print-note' }, table.note));
    if (printed.rows.length > 0) wrap.append(tableBlocks(printed, pageChars, source.report?.settings?.period));
    nodes.push(wrap);
  }
  return nodes;
}

/**
 * A table cut into blocks of whole columns, each no wider than a page,
 * the label column on each.
 * @param {import('./print_tables.js').PrintTable} table
 * @param {number} pageChars
 * @param {string} [period]
 */
export function tableBlocks(table, pageChars, period) {
  const widths = columnTexts(table).map(columnWidth);
  const label = labelWidth(labelTexts(table));
  const blocks = pageBlocks(widths, label, pageChars, period);
  const box = el('div', { class: 'print-blocks', 'data-table': table.key, 'data-blocks': String(blocks.length) });
  blocks.forEach(([first, end], n) => {
    const block = el('div', { class: 'print-block' });
    if (blocks.length > 1) {
      const shown = table.columns.slice(first, end);
      block.append(el('p', { class: 'print-block-range' },
        `${shown[0].label} to ${shown.at(-1)?.label} (part ${n + 1} of ${blocks.length})`));
    }
    block.append(blockTable(table, first, end, label, widths));
    box.append(block);
  });
  return box;
}

/** Columns [first, end) of a table, after its label column, at their widths in ch (set through the CSSOM). */
function blockTable(table, first, end, label, widths) {
  const t = el('table', { class: `print-table${table.heat ? ' heat' : ''}` });
  const cols = el('colgroup');
  const labelCol = el('col');
  labelCol.style.width = `${label}ch`;
  cols.append(labelCol);
  let total = label;
  for (let i = first; i < end; i++) {
    const col = el('col');
    col.style.width = `${widths[i]}ch`;
    total += widths[i];
    cols.append(col);
  }
  t.style.width = `${total}ch`;
  t.append(cols);
  const head = el('tr');
  head.append(el('th', { scope: 'col', class: 'label' }, table.corner));
  for (const column of table.columns.slice(first, end)) head.append(el('th', { scope: 'col', class: column.total ? 'total' : '' }, column.label));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of table.rows) {
    const tr = el('tr', { class: [row.group ? 'group' : '', row.strong ? 'strong' : '', row.indent ? 'indent' : ''].filter(Boolean).join(' ') });
    const th = el('th', { scope: 'row', class: 'label' });
    if (row.operator !== undefined) th.append(el('span', { class: 'operator' }, row.operator || '\u00a0'));
    th.append(document.createTextNode(row.label));
    tr.append(th);
    if (row.group) {
      tr.append(el('td', { colspan: String(end - first) }));
    } else {
      for (let i = first; i < end; i++) {
        const cell = row.cells[i];
        const td = el('td', { 'data-col': table.columns[i]?.label ?? '' }, cell?.text ?? '');
        if (table.columns[i]?.total) td.classList.add('total');
        if (cell?.negative) td.classList.add('negative');
        if (cell?.zero) td.classList.add('zero');
        if (cell?.heat) td.classList.add(`heat-${cell.heat}`);
        if (cell?.plain) td.classList.add('text');
        tr.append(td);
      }
    }
    tbody.append(tr);
  }
  t.append(thead, tbody);
  return t;
}

/** The printable width of a page in ch of the print font, measured on a probe in that font. */
export function measurePageChars() {
  const digits = el('span', { class: 'print-probe', 'aria-hidden': 'true' }, '0'.repeat(100));
  document.body.append(digits);
  const chPx = digits.getBoundingClientRect().width / 100;
  digits.remove();
  // 7.5pt digits are ~4.2 px; a probe that could not be measured falls back to that.
  return Math.floor((PAGE_WIDTH_PX / (chPx > 0 ? chPx : 4.2)) * WIDTH_SAFETY);
}

/**
 * Builds the printout before the browser prints and removes it after.
 * @param {() => PrintSource|null} getSource what is on show, or null: no report to print
 * @returns {() => void} builds the printout now, for a caller that prints without the events
 */
export function installPrint(getSource) {
  const build = () => {
    document.getElementById('print-report')?.remove();
    const source = getSource();
    if (!source) return;
    document.body.append(buildPrintout(source, measurePageChars()));
  };
  window.addEventListener('beforeprint', build);
  window.addEventListener('afterprint', () => document.getElementById('print-report')?.remove());
  return build;
}
