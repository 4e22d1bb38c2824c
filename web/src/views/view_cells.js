// The shape every sales view (forward, waterfall, pipeline, orders, trends,
// segments) hands to view_panel.js, and the cells they are made of. A cell
// carries its display text (the engine's value, formatted) and its raw CSV
// text (plain decimal of the same value). Nothing here adds or rounds money.
import { formatMinor, isZeroMinor } from '../format_minor.js';
import { plainAmount } from '../export_report.js';
import { UNKNOWN_TEXT, UNKNOWN_TITLE } from '../statement_model.js';

/**
 * @typedef {{text: string, raw: string, zero?: boolean, negative?: boolean, heat?: number, plain?: boolean,
 *   unknown?: boolean, title?: string, kind?: FigureKind,
 *   drill?: {metric: string, start: string, end: string, label: string, extra?: Record<string, any>, help?: string}}} ViewCell
 * @typedef {{key: string, label: string, help?: string, strong?: boolean, total?: boolean, operator?: string, cells: ViewCell[]}} ViewRow
 *   operator: '+', '−', '=' or '' in a roll-forward (shown before the label, written after it in the CSV)
 * @typedef {{label: string, title?: string, total?: boolean, help?: string}} ViewColumn
 * @typedef {{key: string, caption: string, corner: string, columns: ViewColumn[], rows: ViewRow[],
 *   heat?: boolean, note?: string, help?: string}} TableModel
 * @typedef {'amount'|'count'|'days'|'percent'|'growth'|'multiple'} FigureKind what a number is, for a
 *   spreadsheet's number format (export/workbook_cells.js); percent and growth are ratios (1 = 100%)
 * @typedef {{key: string, label: string, help: string, text: string, raw: string, title?: string, kind?: FigureKind}} Kpi
 * @typedef {{label: string, data: Array<number|null|[number, number]>, colour: string, colours?: string[], texts?: string[],
 *   dashed?: boolean}} Series
 *   data: the engine's values, or [low, high] for a floating bar; colours: one per bar; texts: each point's tooltip;
 *   dashed: a dashed line, seen over a series it may cover
 * @typedef {{key: string, title: string, type: 'bar'|'line', labels: string[], series: Series[],
 *   unit: 'amount'|'count'|'percent', digits: number, legend?: boolean, allLabels?: boolean}} ChartSpec
 *   percent: ratios (1 = 100%); legend: false hides it (one series that names itself); allLabels: every
 *   category named, slanted when they do not fit (a waterfall's steps), instead of some skipped
 * @typedef {{label: string, options: Array<{value: string, label: string}>, value: string, key?: string}} PeriodPicker
 * @typedef {{key: string, title: string, intro?: string, empty?: string, picker?: PeriodPicker,
 *   pickers?: PeriodPicker[], kpis: Kpi[], charts: ChartSpec[], tables: TableModel[]}} ViewModel
 * A picker's choice is kept in the panel's state under its key ('period' for `picker`).
 */

const DAYS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const RATE = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MULTIPLE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const GROWTH = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** @returns {ViewCell} */
export const blank = () => ({ text: '', raw: '' });

/** A figure the engine gave as null: not known from the files (invoices alone), said so, never 0. @returns {ViewCell} */
export const unknown = () => ({ text: UNKNOWN_TEXT, raw: UNKNOWN_TEXT, unknown: true, title: UNKNOWN_TITLE });

/** An amount in minor units; null: not known. @returns {ViewCell} */
export function amount(value, digits) {
  if (value === null) return unknown();
  if (value === undefined) return blank();
  return { text: formatMinor(value, digits), raw: plainAmount(value, digits), zero: isZeroMinor(value),
    negative: /^-\d*[1-9]/.test(String(value)), kind: 'amount' };
}

/** A count of lines or deals; null: not known. @returns {ViewCell} */
export function count(value) {
  if (value === null) return unknown();
  if (value === undefined) return blank();
  return { text: formatMinor(value, 0), raw: String(value), zero: isZeroMinor(value), kind: 'count' };
}

/** Days as the engine gave them (a mean may have decimals); blank for null. @returns {ViewCell} */
export function days(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return blank();
  return { text: DAYS.format(value), raw: String(value), zero: value === 0, kind: 'days' };
}

/** A ratio 0..1 (win rate) as a percentage; blank for null. @returns {ViewCell} */
export function rate(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return blank();
  return { text: RATE.format(value), raw: String(value), zero: value === 0, kind: 'percent' };
}

/** A ratio shown as a multiple, "2.50×" (quick ratio); blank for null (no base). @returns {ViewCell} */
export function multiple(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return blank();
  return { text: `${MULTIPLE.format(value)}×`, raw: String(value), zero: value === 0, kind: 'multiple' };
}

/** A growth ratio as a signed percentage; blank for null. @returns {ViewCell} */
export function growth(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return blank();
  return { text: GROWTH.format(value), raw: String(value), zero: value === 0, negative: value < 0, kind: 'growth' };
}

/** A value in minor units per day (sales velocity). @returns {ViewCell} */
export function perDay(value, digits) {
  const cell = amount(value, digits);
  return cell.text ? { ...cell, text: `${cell.text} / day` } : cell;
}

/** Plain text (an id, a name, a date). @returns {ViewCell} */
export function text(value) {
  const s = value == null ? '' : String(value);
  return { text: s, raw: s, plain: true };
}

/** A KPI from a cell. @returns {Kpi} */
export function kpi(key, label, help, cell) {
  return { key, label, help, text: cell.text || '–', raw: cell.raw, ...(cell.title ? { title: cell.title } : {}), ...(cell.kind ? { kind: cell.kind } : {}) };
}

/** A number for a chart (the engine's value), or null. */
export function chartValue(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Options of a period picker: the report's periods, and Total when asked. */
export function periodOptions(periods, withTotal) {
  const options = periods.map((p, i) => ({ value: String(i), label: String(p.period ?? '') }));
  return withTotal ? [...options, { value: 'total', label: 'Total' }] : options;
}

/** The period (or total) a picker value names. */
export function pickPeriod(data, value) {
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  if (value === 'total') return data?.total ?? null;
  return periods[Number(value)] ?? null;
}

/**
 * The cell, made drillable: a click asks the engine for the lines behind it.
 * metric is the engine's drill metric; range the figure's dates (an as-of
 * figure gives its as-of date); extra the rest of the drill request.
 * @param {ViewCell} cell
 * @param {string} metric
 * @param {string} label what the figure is, for the dialog's title
 * @param {{start?: string, end?: string}} range
 * @param {Record<string, any>} [extra]
 * @param {string} [help] the definition shown with the lines
 * @returns {ViewCell}
 */
export function drillCell(cell, metric, label, range, extra = {}, help = undefined) {
  if (!cell.text || cell.zero || cell.unknown || !range.start || !range.end) return cell;
  return { ...cell, drill: { metric, label, start: range.start, end: range.end, extra, help } };
}

