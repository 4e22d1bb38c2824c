// The statement table of one currency (statement_model.js) as DOM: a sticky
// metric column, periods then Total, the roll-forward with its operators.
// Figures that the engine can explain are cells of a keyboard grid: one tab
// stop, arrow keys move, Enter or a click asks for the lines behind them.
// All text goes in through textContent.
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
    'aria-labelledby': `tab-${currency}`, 'data-currency': currency,
  });
  const heading = el('h2', {}, currency);
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
  if (row.operator !== undefined) {
    const op = el('span', { class: 'operator', 'aria-hidden': row.operator ? 'false' : 'true' }, row.operator || '\u00a0');
    if (row.operator === '−') op.setAttribute('aria-label', 'minus');
    if (row.operator === '+') op.setAttribute('aria-label', 'plus');
    if (row.operator === '=') op.setAttribute('aria-label', 'equals');
    th.append(op);
  }
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

/** Roving tab stop over the drillable cells; Enter, Space or a click drills. */
function installGrid(table, statement, onDrill) {
  const cells = () => /** @type {HTMLElement[]} */ ([...table.querySelectorAll('td[data-drill]')]);
  const first = cells()[0];
  if (!first) return;
  first.tabIndex = 0;
  const focusCell = (target) => {
    for (const c of table.querySelectorAll('td[data-drill][tabindex="0"]')) /** @type {HTMLElement} */ (c).tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  };
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
    focusCell(td);
    drill(td);
  });
  table.addEventListener('keydown', (event) => {
    const td = /** @type {HTMLElement|null} */ (/** @type {Element} */ (event.target).closest('td[data-drill]'));
    if (!td) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      drill(td);
      return;
    }
    const moves = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0], Home: [0, -1e9], End: [0, 1e9] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const rows = [...table.querySelectorAll('tr')].filter((r) => r.querySelector('td[data-drill]'));
    let r = rows.indexOf(/** @type {HTMLTableRowElement} */ (td.parentElement));
    const c = Number(td.dataset.column);
    r = Math.max(0, Math.min(rows.length - 1, r + move[0]));
    const rowCells = /** @type {HTMLElement[]} */ ([...rows[r].querySelectorAll('td[data-drill]')]);
    const target = move[1] === 0 ? rowCells.find((x) => Number(x.dataset.column) === c) ?? rowCells[0]
      : rowCells[Math.max(0, Math.min(rowCells.length - 1, rowCells.findIndex((x) => Number(x.dataset.column) === c) + move[1]))];
    if (target) {
      focusCell(target);
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });
}

/** Scrolls a visible currency section so that its first active period is in view. */
export function scrollToColumn(section, columnIndex) {
  const scroller = /** @type {HTMLElement|null} */ (section.querySelector('.table-scroll'));
  const first = /** @type {HTMLElement|null} */ (section.querySelector('tbody tr[data-metric] td'));
  const target = /** @type {HTMLElement|null} */ (section.querySelector('tbody tr[data-metric]')?.children[columnIndex + 1] ?? null);
  if (!scroller || !first || !target) return;
  scroller.scrollLeft = target.offsetLeft - first.offsetLeft;
}
