// Renders a ViewModel (view_cells.js) of one currency as a tab panel: intro,
// a period picker, KPIs, charts, tables and a CSV export of the tables.
// Heat-map cells get a class heat-1..6 (colours in style.css, no inline
// style). Cells that the engine can explain (the unsplit Total of a period
// metric) hold a button that drills. All text goes in through textContent.
import { helpLabel } from '../metric_tooltip.js';
import { installGridKeys } from '../grid_keys.js';
import { el, operatorMark } from '../statement_view.js';
import { chartFigure } from './chart_kit.js';

/**
 * @typedef {{onDrill?: (target: import('../statement_view.js').DrillTarget) => void,
 *   onSave: (chart: any, name: string) => void, onExport: (view: string, tables: import('./view_cells.js').TableModel[]) => void,
 *   state?: Record<string, string>, onState?: (state: Record<string, string>) => void}} PanelOptions
 */

/**
 * The panel's element; append it to the page, then call draw().
 * @param {string} currency
 * @param {string} key the view's key
 * @param {(state: Record<string, string>) => import('./view_cells.js').ViewModel} build
 * @param {PanelOptions} options
 */
export function renderViewPanel(currency, key, build, options) {
  const section = el('section', { class: 'view-panel', id: `view-${currency}-${key}`, role: 'tabpanel',
    'data-currency': currency, 'data-view': key, tabindex: '-1' });
  let charts = [];
  let state = { ...(options.state ?? {}) };
  const destroy = () => { for (const c of charts) c.destroy(); charts = []; };
  const draw = () => {
    destroy();
    section.replaceChildren();
    const model = build(state);
    section.setAttribute('aria-label', `${model.title}, ${currency}`);
    const heading = el('h2', {}, model.title);
    heading.append(el('span', { class: 'range' }, currency));
    const nodes = [heading];
    if (model.empty) {
      nodes.push(el('p', { class: 'muted view-empty' }, model.empty));
      section.append(...nodes);
      return;
    }
    if (model.intro) nodes.push(el('p', { class: 'view-intro muted' }, model.intro));
    const tools = el('div', { class: 'view-tools' });
    const pickers = model.pickers ?? (model.picker ? [{ ...model.picker, key: 'period' }] : []);
    for (const picker of pickers) {
      const name = picker.key ?? 'period';
      const id = `pick-${currency}-${key}-${name}`;
      const label = el('label', { for: id }, picker.label);
      const select = /** @type {HTMLSelectElement} */ (el('select', { id, class: `view-${name}`, 'data-picker': name }));
      for (const o of picker.options) select.append(el('option', { value: o.value }, o.label));
      select.value = picker.value;
      select.addEventListener('change', () => {
        state = { ...state, [name]: select.value };
        options.onState?.(state);
        draw();
        /** @type {HTMLElement|null} */ (section.querySelector(`select[data-picker="${name}"]`))?.focus();
      });
      tools.append(label, select);
    }
    if (model.tables.length > 0) {
      const exportButton = el('button', { type: 'button', class: 'small secondary view-export' }, 'Export CSV');
      // The name starts with the words on the button (WCAG 2.5.3: label in name).
      exportButton.setAttribute('aria-label', `Export CSV of the ${model.title.toLowerCase()} tables (${currency})`);
      exportButton.addEventListener('click', () => options.onExport(key, model.tables));
      tools.append(exportButton);
    }
    nodes.push(tools);
    if (model.kpis.length > 0) {
      const dl = el('dl', { class: 'kpis' });
      for (const k of model.kpis) {
        const item = el('div', { class: 'kpi', 'data-kpi': k.key });
        const dt = el('dt');
        dt.append(helpLabel(k.label, k.help));
        const dd = el('dd', {}, k.text);
        if (k.title) dd.title = k.title;   // a figure not known from the files says why
        item.append(dt, dd);
        dl.append(item);
      }
      nodes.push(dl);
    }
    if (model.charts.length > 0) {
      const box = el('div', { class: 'view-charts' });
      nodes.push(box);
      section.append(...nodes);   // the canvases are in the document before Chart.js measures them
      for (const spec of model.charts) {
        const { chart } = chartFigure(spec, currency, options.onSave, box);
        charts.push(chart);
      }
      nodes.length = 0;
    }
    for (const table of model.tables) nodes.push(renderTable(currency, table, options.onDrill));
    section.append(...nodes);
  };
  return { element: section, draw, destroy };
}

/**
 * @param {string} currency
 * @param {import('./view_cells.js').TableModel} model
 * @param {PanelOptions['onDrill']} onDrill
 */
function renderTable(currency, model, onDrill) {
  const wrap = el('div', { class: 'view-table-wrap', 'data-table': model.key });
  const title = el('h3', {});
  title.append(model.help ? helpLabel(model.caption, model.help) : document.createTextNode(model.caption));
  wrap.append(title);
  if (model.note) wrap.append(el('p', { class: 'muted view-note' }, model.note));
  if (model.rows.length === 0) return wrap;
  // Out of the tab order: the grid in it is one tab stop, and moving in it scrolls.
  const scroller = el('div', { class: 'table-scroll', role: 'region', 'aria-label': model.caption, tabindex: '-1' });
  const table = el('table', { class: `statement view-table${model.heat ? ' heat' : ''}`, 'data-table': model.key });
  table.append(el('caption', { class: 'visually-hidden' }, model.caption));
  const head = el('tr');
  const corner = el('th', { scope: 'col', class: 'metric' }, model.corner);
  head.append(corner);
  for (const c of model.columns) {
    const th = el('th', { scope: 'col', class: c.total ? 'total' : '' });
    th.append(c.help ? helpLabel(c.label, c.help) : document.createTextNode(c.label));
    if (c.title) th.title = c.title;
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of model.rows) {
    const tr = el('tr', { 'data-row': row.key });
    if (row.strong) tr.classList.add('strong');
    if (row.total) tr.classList.add('total-row');
    const th = el('th', { scope: 'row', class: 'metric' });
    if (row.operator !== undefined) {
      tr.classList.add('rf');
      th.append(operatorMark(row.operator));
    }
    th.append(row.help ? helpLabel(row.label, row.help) : document.createTextNode(row.label));
    tr.append(th);
    row.cells.forEach((cell, i) => {
      const column = model.columns[i];
      const td = el('td', { 'data-col': column?.label ?? String(i) });
      if (column?.total) td.classList.add('total');
      if (cell.zero) td.classList.add('zero');
      if (cell.negative) td.classList.add('negative');
      if (cell.heat) td.classList.add(`heat-${cell.heat}`);
      if (cell.plain) td.classList.add('text');
      if (cell.unknown) td.classList.add('unknown');
      if (cell.title) td.title = cell.title;
      if (cell.drill && onDrill) {
        const button = el('button', { type: 'button', class: 'cell-drill', 'data-drill': cell.drill.metric }, cell.text);
        button.setAttribute('aria-label', `${cell.text}: list the lines behind ${column?.label ?? ''}, ${cell.drill.label}`);
        const drill = cell.drill;
        button.addEventListener('click', () => onDrill({
          currency, metric: drill.metric, label: column?.label ?? drill.metric, text: cell.text,
          column: { label: drill.label, title: '', start: drill.start, end: drill.end, total: drill.label === 'Total' },
          extra: drill.extra, help: drill.help,
        }));
        td.append(button);
      } else if (model.heat && cell.zero && cell.heat !== undefined) {
        td.textContent = '';       // an empty heat-map cell reads better than a column of zeros
      } else {
        td.textContent = cell.text;
      }
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(thead, tbody);
  installGridKeys(/** @type {HTMLTableElement} */ (table));
  scroller.append(table);
  wrap.append(scroller);
  return wrap;
}
