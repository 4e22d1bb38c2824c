// The statement table of one currency (statement_model.js) as DOM: a sticky
// metric column, periods then Total, the roll-forward with its operators.
// The table is a keyboard grid (grid_keys.js): one tab stop, arrow keys move
// over labels and figures; Enter or a click on a figure that the engine can
// explain asks for the lines behind it.
// All text goes in through textContent.
import { installGridKeys } from './grid_keys.js';
import { helpLabel } from './metric_tooltip.js';

/** @param {string} tag @param {Record<string,string>} [attrs] @param {string} [text] */
export function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * @typedef {{currency: string, metric: string, column: import('./statement_model.js').Column,
 *   label: string, text: string, extra?: Record<string, any>, help?: string}} DrillTarget
 * extra: more of the engine's drill request (segment, age, waterfall row);
 * help: the definition to show with the lines, when not the metric's own.
 */

/**
 * One <section> per currency with its statement table.
 * @param {import('./statement_model.js').Statement} statement
 * @param {{onDrill?: (target: DrillTarget) => void}} [options]
 */
export function renderStatementSection(statement, options = {}) {
  const { currency, columns, groups } = statement;
  const section = el('section', {
    class: 'currency', id: `currency-${currency}`, role: 'tabpanel',
    // Its own heading, which is there with one currency too (the currency tabs are not).
    'aria-labelledby': `currency-${currency}-title`, 'data-currency': currency,
  });
  const heading = el('h2', { id: `currency-${currency}-title` }, currency);
  const periods = columns.filter((c) => !c.total);
  if (periods.length > 0) heading.append(el('span', { class: 'range' }, `${periods[0].label} to ${periods[periods.length - 1].label}`));
  section.append(heading);
  if (columns.length === 0) {
    section.append(el('p', { class: 'muted' }, 'No periods to show.'));
    return section;
  }
  const scroller = el('div', { class: 'table-scroll', role: 'region', 'aria-label': `${currency} statement`, tabindex: '-1' });
  const t = el('table', { class: 'statement' });
  t.append(el('caption', { class: 'visually-hidden' },
    `${currency} amounts by period. Select a figure and press Enter to list the lines behind it.`));
  const thead = el('thead');
  const headRow = el('tr');
  const corner = el('th', { scope: 'col', class: 'metric' });
  corner.append(el('span', { class: 'visually-hidden' }, 'Metric'));
  headRow.append(corner);
  for (const column of columns) {
    const th = el('th', { scope: 'col', class: column.total ? 'total' : '' }, column.label);
    if (column.title) th.title = column.title;
    headRow.append(th);
  }
  thead.append(headRow);
  t.append(thead);
  for (const group of groups) {
    if (group.rows.length === 0) continue;
    const tbody = el('tbody', { 'data-group': group.key });
    const groupRow = el('tr', { class: 'group' });
    const groupHead = el('th', { scope: 'rowgroup', class: 'metric' });
    groupHead.append(group.help ? helpLabel(group.title, group.help) : document.createTextNode(group.title));
    groupRow.append(groupHead);
    groupRow.append(el('td', { colspan: String(columns.length) }));
    tbody.append(groupRow);
    for (const row of group.rows) tbody.append(renderRow(statement, row));
    t.append(tbody);
  }
  scroller.append(t);
  section.append(scroller);
  installGrid(t, statement, options.onDrill);
  return section;
}

/** @param {import('./statement_model.js').Statement} statement @param {import('./statement_model.js').Row} row */
function renderRow(statement, row) {
  const attrs = row.rollforward ? { 'data-rollforward': row.rollforward } : { 'data-metric': row.key };
  const classes = [row.indent ? 'indent' : '', row.strong ? 'strong' : '', row.operator !== undefined ? 'rf' : ''].filter(Boolean);
  if (classes.length) attrs.class = classes.join(' ');
  const tr = el('tr', attrs);
  const th = el('th', { scope: 'row', class: 'metric' });
  if (row.operator !== undefined) th.append(operatorMark(row.operator));
  th.append(helpLabel(row.label, row.help));
  tr.append(th);
  row.cells.forEach((cell, i) => {
    const column = statement.columns[i];
    const td = el('td', { 'data-period': column.label }, cell.text);
    if (column.total) td.classList.add('total');
    if (cell.zero) td.classList.add('zero');
    if (cell.negative) td.classList.add('negative');
    if (cell.unknown) td.classList.add('unknown');
    if (cell.title) td.title = cell.title;
    // A figure not known (null) has no lines behind it.
    if (row.drill && cell.text !== '' && !cell.unknown) {
      td.dataset.drill = row.drill;
      td.dataset.column = String(i);
      td.tabIndex = -1;
    }
    tr.append(td);
  });
  return tr;
}

/** One tab stop for the table, arrows over every cell (grid_keys.js); Enter, Space or a click on a figure drills. */
function installGrid(table, statement, onDrill) {
  installGridKeys(table, table.querySelector('td[data-drill]'));
  const drill = (td) => {
    if (!onDrill) return;
    const column = statement.columns[Number(td.dataset.column)];
    const row = /** @type {HTMLElement} */ (td.parentElement);
    const name = row.querySelector('.metric-name')?.textContent ?? td.dataset.drill;
    // A segment's figure lists the segment's lines: the engine's filter goes with the request.
    const segment = statement.segment?.key ? statement.segment : null;
    const label = segment ? `${name} (${segment.by}: ${segment.label})` : name;
    onDrill({ currency: statement.currency, metric: td.dataset.drill, column, label, text: td.textContent ?? '',
      ...(segment ? { extra: { segment: segment.filter } } : {}) });
  };
  table.addEventListener('click', (event) => {
    const td = /** @type {HTMLElement|null} */ (/** @type {Element} */ (event.target).closest('td[data-drill]'));
    if (!td) return;
    td.focus();
    drill(td);
  });
  table.addEventListener('keydown', (event) => {
    const td = /** @type {HTMLElement|null} */ (/** @type {Element} */ (event.target).closest('td[data-drill]'));
    if (!td || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    drill(td);
  });
}

const OPERATOR_NAMES = { '+': 'plus', '−': 'minus', '=': 'equals' };

/**
 * A roll-forward's operator before a row's name: the sign shown, its word
 * read (an aria-label on a plain span is not read by every screen reader).
 * @param {string} operator
 */
export function operatorMark(operator) {
  const mark = document.createDocumentFragment();
  mark.append(el('span', { class: 'operator', 'aria-hidden': 'true' }, operator || '\u00a0'));
  if (OPERATOR_NAMES[operator]) mark.append(el('span', { class: 'visually-hidden' }, OPERATOR_NAMES[operator] + ' '));
  return mark;
}

/** Scrolls a visible currency section so that its first active period is in view. */
export function scrollToColumn(section, columnIndex) {
  const scroller = /** @type {HTMLElement|null} */ (section.querySelector('.table-scroll'));
  const first = /** @type {HTMLElement|null} */ (section.querySelector('tbody tr[data-metric] td'));
  const target = /** @type {HTMLElement|null} */ (section.querySelector('tbody tr[data-metric]')?.children[columnIndex + 1] ?? null);
  if (!scroller || !first || !target) return;
  scroller.scrollLeft = target.offsetLeft - first.offsetLeft;
}
