// The report as one workbook, as on screen: a Settings sheet (the files and
// every setting the figures depend on), then per currency its statement (of
// the segment on show) and each populated view with the choices its panel
// has on screen (period, measure...). The sheets hold the page's own models
// (statement_model.js, views/*_model.js): the engine's figures, each as a
// number cell with its format, never summed here.
import { statementData, statementRawRows } from '../export_report.js';
import { VIEW_MODELS } from '../views/view_registry.js';
import { VIEWS } from '../views/view_tabs.js';
import { figureCell, textCell } from './workbook_cells.js';

/** @typedef {import('./xlsx_writer.js').Cell} Cell */
/** @typedef {import('./xlsx_writer.js').Sheet} Sheet */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FILE_KINDS = { contracts: 'Contracts', subscriptions: 'Subscriptions', invoices: 'Invoices', fulfilment: 'Fulfilment' };

/** A statement row's kind as a workbook format: its growth rows are signed percentages. */
const STATEMENT_KINDS = { amount: 'amount', count: 'count', ratio: 'ratio', months: 'months', percent: 'growth' };

/**
 * @typedef {object} WorkbookInput
 * @property {any} report the engine's report on show
 * @property {import('../statement_model.js').Statement[]} statements each currency's statement as on screen
 * @property {string[]} views the views offered (report_view.js ReportView.views)
 * @property {(currency: string, view: string) => Record<string, string>} panelState each panel's choices on screen
 * @property {{currency: string, view: string}} shown what is on screen: the workbook opens on its sheet
 */

/**
 * The sheets of the workbook, and which one opens.
 * @param {WorkbookInput} input
 * @returns {{sheets: Sheet[], active: number}}
 */
export function reportWorkbook({ report, statements, views, panelState, shown }) {
  /** @type {Sheet[]} */
  const sheets = [settingsSheet(report, statements, shown)];
  let active = 0;
  for (const s of statements) {
    const data = report?.currencies?.[s.currency] ?? {};
    for (const view of views) {
      const sheet = view === 'statement' ? statementSheet(s, statementData(report, s)) : viewSheet(view, s.currency, data, panelState(s.currency, view));
      if (!sheet) continue;
      if (s.currency === shown.currency && view === shown.view) active = sheets.length;
      sheets.push(sheet);
    }
  }
  return { sheets, active };
}

/** The Settings sheet: what the figures are of and how they were made. */
export function settingsSheet(report, statements, shown) {
  const st = report?.settings ?? {};
  /** @type {Cell[][]} */
  const rows = [[textCell('Bookings, Billings & Backlog report', true)], [], [textCell('Files', true)],
    [textCell('Kind', true), textCell('Name', true), textCell('Rows read', true), textCell('Rows accepted', true)]];
  for (const f of Array.isArray(report?.files) ? report.files : []) {
    rows.push([textCell(FILE_KINDS[f?.kind] ?? f?.kind), textCell(f?.name), figureCell(String(f?.rows?.read ?? ''), 'count', 0),
      figureCell(String(f?.rows?.accepted ?? ''), 'count', 0)]);
  }
  rows.push([], [textCell('Setting', true), textCell('Value', true)]);
  const periods = statements[0]?.columns.filter((c) => !c.total) ?? [];
  const span = periods.length > 0 ? `${periods[0].start} to ${periods[periods.length - 1].end}` : '';
  const settings = [
    ['Period', st.period],
    ['Fiscal year starts in', MONTHS[Number(st.fiscal_start) - 1] ?? st.fiscal_start],
    ['Range from', st.from ?? '(the files\' first period)'],
    ['Range to', st.to ?? '(the files\' last period)'],
    ['Periods shown', span],
    ['As of', st.as_of ?? '(none)'],
    ['Proration', st.proration],
    ['Default currency', st.currency],
    ['Split by', st.split_by ?? '(none)'],
  ];
  if (st.split_by) {
    settings.push(['Top segments', st.top]);
    for (const s of statements) if (s.segment) settings.push([`Segment shown, ${s.currency} statement`, s.segment.label]);
  }
  settings.push(['Currency on screen', shown.currency], ['View on screen', VIEWS.find((v) => v.key === shown.view)?.label ?? shown.view],
    ['Engine', `${report?.engine?.name ?? 'bbb'} ${report?.engine?.version ?? ''}`.trim()], ['Spec', report?.engine?.spec]);
  for (const [name, value] of settings) rows.push([textCell(name), textCell(value == null ? '' : String(value))]);
  return { name: 'Settings', rows, widths: [34, 40, 12, 14] };
}

/**
 * One currency's statement: a header of periods then Total, its groups and rows.
 * @param {import('../statement_model.js').Statement} s
 * @param {any} data the figures it shows (export_report.js statementData)
 * @returns {Sheet}
 */
export function statementSheet(s, data) {
  const segment = s.segment ? ` · ${s.segment.by}: ${s.segment.label}` : '';
  /** @type {Cell[][]} */
  const rows = [[textCell(`Statement · ${s.currency}${segment}`, true)],
    [textCell('Metric', true), ...s.columns.map((c) => textCell(c.label, true))]];
  let group = null;
  for (const { group: g, row, label, values } of statementRawRows(s, data)) {
    if (g !== group) {
      rows.push([textCell(g.title, true)]);
      group = g;
    }
    rows.push([textCell(row.indent ? `  ${label}` : label, row.strong),
      ...values.map((v) => figureCell(v, STATEMENT_KINDS[row.kind] ?? '', s.minorDigits, row.strong))]);
  }
  const name = s.segment?.key ? `Statement ${s.currency} ${s.segment.label}` : `Statement ${s.currency}`;
  return { name, rows, freeze: { rows: 2, columns: 1 }, widths: [36, ...s.columns.map(() => 15)] };
}

/**
 * One view of one currency as its panel shows it, or null when it has nothing to show.
 * @param {string} view
 * @param {string} currency
 * @param {any} data the currency's report
 * @param {Record<string, string>} state the panel's choices
 * @returns {Sheet|null}
 */
export function viewSheet(view, currency, data, state) {
  const build = VIEW_MODELS[view];
  if (!build || !data) return null;
  /** @type {import('../views/view_cells.js').ViewModel} */
  const model = build(currency, data, state);
  if (model.empty || (model.tables.length === 0 && model.kpis.length === 0)) return null;
  const digits = data.minor_digits ?? 2;
  /** @type {Cell[][]} */
  const rows = [[textCell(`${model.title} · ${currency}`, true)]];
  const pickers = model.pickers ?? (model.picker ? [model.picker] : []);
  for (const p of pickers) rows.push([textCell(p.label), textCell(p.options.find((o) => o.value === p.value)?.label ?? p.value)]);
  if (model.intro) rows.push([textCell(model.intro)]);
  if (model.kpis.length > 0) {
    rows.push([], [textCell('Key figures', true)]);
    for (const k of model.kpis) rows.push([textCell(k.label), figureCell(k.raw, k.kind ?? '', digits)]);
  }
  let widest = 1;
  for (const t of model.tables) {
    rows.push([], [textCell(t.caption, true)], [textCell(t.corner, true), ...t.columns.map((c) => textCell(c.label, true))]);
    for (const row of t.rows) {
      const label = row.operator ? `${row.label} (${row.operator})` : row.label;
      rows.push([textCell(label, row.strong || row.total), ...row.cells.map((c) => (c.unknown || c.plain || !c.kind
        ? textCell(c.raw) : figureCell(c.raw, c.kind, digits, row.strong || row.total)))]);
    }
    widest = Math.max(widest, t.columns.length);
  }
  const label = VIEWS.find((v) => v.key === view)?.label ?? view;
  return { name: `${label} ${currency}`, rows, freeze: { rows: 0, columns: 1 }, widths: [36, ...Array.from({ length: widest }, () => 15)] };
}
