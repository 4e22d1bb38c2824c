// The contract lab page: ordinary controls for a few contracts' terms, and
// the engine's month-by-month figures for them, redrawn at every change.
// The terms become a small CSV (lab_model.js) that the engine reads in its
// worker, as it reads an uploaded file; nothing here computes money. The
// address bar always carries the set-up (#lab=...), so a teacher can hand a
// class a ready scenario. The choices of billing, recognition and status
// are the engine's words (its vocabulary), as it reads them.
import { createEngineWorker } from '@bbb/create-worker';
import { EngineClient } from '../worker/engine_client.js';
import { saveChartPng } from '../export_report.js';
import { installGridKeys } from '../grid_keys.js';
import { el } from '../statement_view.js';
import { chartFigure } from '../views/chart_kit.js';
import { chartValue } from '../views/view_cells.js';
import { formatMinor } from '../format_minor.js';
import {
  MAX_CONTRACTS, STEPS, contract, decodeSetup, encodeSetup, isDeal, labTable, salesFacts, setupCsv, setupSettings,
} from './lab_model.js';
import { registerOffline } from '../offline/register_offline.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const engine = new EngineClient({ createWorker: createEngineWorker });

/** @type {any} */
let setup = decodeSetup(location.hash) ?? structuredClone(STEPS[0].setup);
let currentStep = decodeSetup(location.hash) ? '' : STEPS[0].key;
let token = 0;
let timer = 0;
let charts = [];
/** The engine's words, once it has said them. @type {import('../worker/protocol.js').EngineVocabulary|null} */
let vocabulary = null;

// ---------------------------------------------------------------- steps ----

function renderSteps() {
  const list = $('step-list');
  list.replaceChildren(...STEPS.map((s) => {
    const button = el('button', { type: 'button', class: 'step', 'data-step': s.key }, s.title);
    if (s.key === currentStep) button.setAttribute('aria-current', 'step');
    button.addEventListener('click', () => {
      currentStep = s.key;
      setup = structuredClone(s.setup);
      renderSteps();
      renderControls();
      changed(0);
    });
    const li = el('li');
    li.append(button);
    return li;
  }));
  const step = STEPS.find((s) => s.key === currentStep);
  $('step-notice').replaceChildren(...(step ? [el('h3', {}, step.title), ...step.notice.map((t) => el('p', {}, t))]
    : [el('p', { class: 'muted' }, 'Your own set-up. Pick a step to start from one of the guided examples.')]));
}

// ------------------------------------------------------------- controls ----

/** The choices of a select field: the engine's words for it; until it has said them, the value alone. */
const wordsFor = (key, value) => vocabulary?.[key] ?? [value];

/** One labelled control bound to a field of contract i. */
function field(i, key, label, kind) {
  const id = `c${i}-${key}`;
  const value = setup.contracts[i][key] ?? '';
  let input = /** @type {HTMLInputElement|HTMLSelectElement} */ (/** @type {unknown} */ (null));
  if (kind === 'select') {
    input = /** @type {HTMLSelectElement} */ (el('select', { id, 'data-field': key }));
    for (const o of wordsFor(key, value)) input.append(el('option', { value: o }, o));
    input.value = value;
  } else {
    input = /** @type {HTMLInputElement} */ (el('input', { id, type: kind, 'data-field': key, ...(kind === 'number' ? { min: '1', max: '120', step: '1' } : {}),
      ...(key === 'amount' ? { inputmode: 'decimal', autocomplete: 'off' } : {}) }));
    input.value = value;
  }
  const update = () => {
    setup.contracts[i][key] = input.value;
    currentStep = '';
    renderSteps();
    if (key === 'recognition' || key === 'status') renderControls();
    changed(kind === 'text' ? 250 : 0);
  };
  input.addEventListener(kind === 'select' || kind === 'date' ? 'change' : 'input', update);
  const wrap = el('label', { for: id, class: `lab-field lab-${key}` }, label);
  wrap.append(input);
  return wrap;
}

function renderControls() {
  const box = $('contracts');
  box.replaceChildren(...setup.contracts.map((c, i) => {
    const set = el('fieldset', { class: 'lab-contract', 'data-contract': String(i) });
    set.append(el('legend', {}, `Contract ${c.id || i + 1}`));
    const point = c.recognition === 'point';
    const pipeline = isDeal(c);
    set.append(
      field(i, 'amount', 'Amount', 'text'),
      field(i, 'currency', 'Currency', 'text'),
      field(i, 'status', 'Status', 'select'),
      field(i, 'booking', pipeline ? 'Close date' : 'Booking date', 'date'),
      field(i, 'recognition', 'Recognition', 'select'),
      ...(point ? [field(i, 'delivery', 'Delivery date', 'date')] : [field(i, 'start', 'Start', 'date'), field(i, 'term', 'Term (months)', 'number')]),
      field(i, 'billing', 'Billing', 'select'),
      field(i, 'cancel', 'Cancel date', 'date'),
      field(i, 'created', 'Created (pipeline)', 'date'),
    );
    if (setup.contracts.length > 1) {
      const remove = el('button', { type: 'button', class: 'small secondary lab-remove' }, 'Remove');
      remove.setAttribute('aria-label', `Remove contract ${c.id || i + 1}`);
      remove.addEventListener('click', () => {
        setup.contracts.splice(i, 1);
        currentStep = '';
        renderSteps();
        renderControls();
        changed(0);
      });
      set.append(remove);
    }
    return set;
  }));
  /** @type {HTMLButtonElement} */ ($('add-contract')).disabled = setup.contracts.length >= MAX_CONTRACTS;
  /** @type {HTMLSelectElement} */ ($('lab-proration')).value = setup.proration;
  /** @type {HTMLSelectElement} */ ($('lab-period')).value = setup.period;
  /** @type {HTMLInputElement} */ ($('lab-as-of')).value = setup.as_of ?? '';
}

$('add-contract').addEventListener('click', () => {
  if (setup.contracts.length >= MAX_CONTRACTS) return;
  const used = new Set(setup.contracts.map((c) => c.id));
  let n = setup.contracts.length + 1;
  while (used.has(`C${n}`)) n++;
  setup.contracts.push(contract({ id: `C${n}` }));
  currentStep = '';
  renderSteps();
  renderControls();
  changed(0);
});
for (const [id, key] of [['lab-proration', 'proration'], ['lab-period', 'period'], ['lab-as-of', 'as_of']]) {
  $(id).addEventListener('change', () => {
    setup[key] = /** @type {HTMLInputElement} */ ($(id)).value;
    currentStep = '';
    renderSteps();
    changed(0);
  });
}
$('share').addEventListener('click', async () => {
  const input = /** @type {HTMLInputElement} */ ($('share-url'));
  input.value = location.href;
  input.hidden = false;
  input.select();
  try { await navigator.clipboard?.writeText(location.href); } catch { /* selected for copying by hand */ }
});

// --------------------------------------------------------------- output ----

function changed(delay) {
  history.replaceState(null, '', '#' + encodeSetup(setup));
  clearTimeout(timer);
  timer = window.setTimeout(recompute, delay);
}

function status(text, kind = 'info') {
  const box = $('lab-status');
  box.textContent = text;
  box.dataset.kind = kind;
  box.hidden = text === '';
}

async function recompute() {
  const mine = ++token;
  const { read, report } = setupSettings(setup);
  const file = new File([setupCsv(setup)], 'lab.csv', { type: 'text/csv' });
  const loaded = await engine.load(read, [{ kind: 'contracts', file }]);
  if (mine !== token) return;
  if (!loaded.ok) { status(loaded.error.message, 'error'); return; }
  const reply = await engine.report(report);
  if (mine !== token) return;
  if (!reply.ok) { status(reply.error.message, 'error'); return; }
  const errors = (reply.report.issues ?? []).filter((i) => i.severity === 'error');
  status(errors.length ? errors.map((i) => `Contract on line ${i.line - 1}: ${i.column ? i.column + ': ' : ''}${i.message}`).join(' · ') : '',
    errors.length ? 'error' : 'info');
  render(reply.report);
}

function render(report) {
  for (const c of charts) c.destroy();
  charts = [];
  const codes = Object.keys(report.currencies ?? {});
  const tableBox = $('lab-table');
  const chartBox = $('lab-chart');
  chartBox.replaceChildren();
  renderSales(report, codes);
  if (codes.length === 0) {
    tableBox.replaceChildren(el('p', { class: 'muted' }, 'No booked contract: the table shows booked contracts (open and lost deals count only in the pipeline).'));
    return;
  }
  tableBox.replaceChildren(...codes.map((code) => renderTable(code, report.currencies[code])));
  for (const code of codes) renderCharts(code, report.currencies[code], chartBox);
  const first = /** @type {HTMLElement|null} */ (tableBox.querySelector('td[data-explain]:not(.zero)'));
  if (first) showExplanation(first);
}

function renderTable(code, data) {
  const model = labTable(data);
  // The table is one tab stop, arrows move (grid_keys.js): the charts after it are a Tab away, not a cell's worth.
  const wrap = el('div', { class: 'table-scroll', role: 'region', 'aria-label': `${code} month by month`, tabindex: '-1' });
  const table = el('table', { class: 'statement lab-table', 'data-currency': code });
  table.append(el('caption', { class: 'visually-hidden' }, `${code}, month by month`));
  const head = el('tr');
  head.append(el('th', { scope: 'col', class: 'metric' }, code));
  for (const c of model.columns) head.append(el('th', { scope: 'col' }, c));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of model.rows) {
    const tr = el('tr', { 'data-metric': row.key });
    if (row.strong) tr.classList.add('strong');
    if (row.rollforward) tr.classList.add('rollforward');
    tr.append(el('th', { scope: 'row', class: 'metric' }, row.label));
    row.cells.forEach((cell, i) => {
      const td = el('td', { tabindex: '-1', 'data-period': model.columns[i], 'data-explain': cell.explanation }, cell.text);
      if (cell.zero) td.classList.add('zero');
      td.title = cell.explanation;
      td.addEventListener('click', () => showExplanation(td));
      td.addEventListener('focus', () => showExplanation(td));
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(thead, tbody);
  installGridKeys(/** @type {HTMLTableElement} */ (table));
  wrap.append(table);
  return wrap;
}

function showExplanation(td) {
  for (const c of document.querySelectorAll('.lab-table td.selected')) c.classList.remove('selected');
  td.classList.add('selected');
  const row = td.closest('tr')?.querySelector('th')?.textContent ?? '';
  $('lab-explain').textContent = `${row}, ${td.dataset.period}: ${td.dataset.explain}`;
}

function renderCharts(code, data, box) {
  const periods = data.periods ?? [];
  const labels = periods.map((p) => String(p.period));
  const digits = data.minor_digits ?? 2;
  const series = (field, label, colour) => ({ label, colour, data: periods.map((p) => chartValue(p[field])) });
  const specs = [
    { key: `lab-flows-${code}`, title: `${code}: what happened in each period`, type: 'bar', unit: 'amount', digits, labels,
      series: [series('bookings', 'Bookings', '--series-1'), series('billings', 'Billings', '--series-2'), series('revenue', 'Revenue', '--series-3')] },
    { key: `lab-balances-${code}`, title: `${code}: what is left at each period end`, type: 'line', unit: 'amount', digits, labels,
      series: [series('deferred_revenue_end', 'Deferred revenue', '--series-2'), series('unbilled_receivable_end', 'Unbilled receivable', '--series-4'),
        series('backlog_end', 'Backlog', '--series-1')] },
  ];
  // Revenue beside MRR, when the engine gives MRR: equal month by month for a ratable contract however it is billed
  // (MRR first, so that its dashed line is drawn over the revenue it may cover).
  if (periods.some((p) => p.mrr)) {
    specs.push({ key: `lab-mrr-${code}`, title: `${code}: revenue and MRR`, type: 'line', unit: 'amount', digits, labels,
      series: [{ label: 'MRR (end)', colour: '--series-4', dashed: true, data: periods.map((p) => chartValue(p.mrr?.mrr_end)) },
        series('revenue', 'Revenue (in the period)', '--series-3')] });
  }
  const row = el('div', { class: 'view-charts' });
  box.append(row);
  for (const spec of specs) {
    const { chart } = chartFigure(/** @type {any} */ (spec), code, saveChartPng, row);
    charts.push(chart);
  }
}

function renderSales(report, codes) {
  const box = $('lab-sales');
  // The sales figures matter once the set-up has deals (open, lost, or with a created date).
  const deals = setup.contracts.some((c) => isDeal(c) || c.created);
  const facts = deals ? codes.map((code) => [code, salesFacts(report.currencies[code])]).find(([, f]) => f) : null;
  if (!facts) { box.replaceChildren(); return; }
  const [code, f] = facts;
  const pct = (v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '–');
  const days = (v) => (typeof v === 'number' ? `${v.toFixed(1)} days` : '–');
  const items = [
    ['Won / lost', `${f.sales.won ?? 0} / ${f.sales.lost ?? 0} in ${f.period}`],
    ['Win rate', pct(f.sales.win_rate)],
    ['Average sales cycle', days(f.sales.average_sales_cycle_days)],
    ['Open deals', `${f.pipeline?.open_count ?? 0}, ${code} ${formatMinor(f.pipeline?.open_value ?? 0, f.digits)}`],
    ['Average deal size', f.pipeline?.average_deal_size == null ? '–' : `${code} ${formatMinor(f.pipeline.average_deal_size, f.digits)}`],
    ['Velocity', f.sales.sales_velocity_per_day == null ? '–' : `${code} ${formatMinor(f.sales.sales_velocity_per_day, f.digits)} a day`],
  ];
  const dl = el('dl', { class: 'kpis lab-sales' });
  for (const [k, v] of items) {
    const item = el('div', { class: 'kpi' });
    item.append(el('dt', {}, k), el('dd', {}, v));
    dl.append(item);
  }
  box.replaceChildren(dl);
}

renderSteps();
renderControls();
// Asked before the first table, which the engine then draws right after.
engine.vocabulary().then((words) => {
  if (!words) return;
  vocabulary = words;
  const focused = document.activeElement?.id;
  renderControls();
  if (focused) document.getElementById(focused)?.focus();
});
changed(0);

// Offline after a first visit, as the report page (offline/register_offline.js).
registerOffline();
