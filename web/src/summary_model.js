// The summary at the top of the report: for one currency, the latest
// complete period before the as-of date and the twelve months ending with
// it. Every figure and every change is one the engine gave: the period's
// own figures and growth from the statement's report, the twelve months'
// from a yearly report whose fiscal year ends with that period
// (summary_source.js asks for it). Nothing here adds, subtracts or divides
// money; a figure the engine does not know (null) stays not known.
import { formatMinor } from './format_minor.js';
import { amountCell, unknownCell } from './statement_model.js';

/**
 * @typedef {'flow'|'balance'|'rate'} SummaryKind flow: an amount of the period (its twelve months are a
 *   sum the engine made); balance: an amount at the period's end; rate: a share at the period's end
 * @typedef {{key: string, field: string, kind: SummaryKind, mrr?: boolean, label: string}} SummaryMetric
 *   label: short, for a card (the metric's full name and definition come with data-help)
 * @typedef {import('./statement_model.js').Cell} Cell
 * @typedef {{text: string, direction: 'up'|'down'|'flat'|''}} Change
 * @typedef {{metric: string, start: string, end: string, label: string}} SummaryDrill
 * @typedef {{key: string, label: string, kind: SummaryKind, value: Cell, change: Change|null,
 *   previous: {label: string, value: Cell}|null,
 *   twelve: {label: string, value: Cell, change: Change|null, drill: SummaryDrill|null, date?: string}|null,
 *   trend: Array<number|null>, drill: SummaryDrill|null, view: string}} SummaryCard
 *   previous: the figure of the period before; twelve: the twelve months (a flow) or twelve months
 *   before (a balance, a rate); trend: the metric over the periods up to this one (drawing only)
 * @typedef {{currency: string, period: {label: string, start: string, end: string},
 *   ttm: {start: string, end: string}|null, cards: SummaryCard[], note: string}} Summary
 */

/** @type {SummaryMetric[]} the summary's figures, in order */
export const SUMMARY_METRICS = [
  { key: 'bookings', field: 'bookings', kind: 'flow', label: 'Bookings' },
  { key: 'billings', field: 'billings', kind: 'flow', label: 'Billings' },
  { key: 'revenue', field: 'revenue', kind: 'flow', label: 'Revenue' },
  { key: 'backlog_end', field: 'backlog_end', kind: 'balance', label: 'Backlog' },
  { key: 'crpo_end', field: 'crpo_end', kind: 'balance', label: 'cRPO' },
  { key: 'deferred_revenue_end', field: 'deferred_revenue_end', kind: 'balance', label: 'Deferred revenue' },
  { key: 'arr_end', field: 'arr_end', kind: 'balance', mrr: true, label: 'ARR' },
  { key: 'nrr', field: 'nrr', kind: 'rate', mrr: true, label: 'Net retention' },
].map((m) => ({ ...m, kind: /** @type {SummaryKind} */ (m.kind) }));

/** How many periods a trend shows, up to the summary's. */
export const TREND_PERIODS = 12;

const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const SHARE = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The index of the latest period that ends on or before the as-of date
 * (ISO dates from the engine compare as strings), or, without an as-of
 * date, the last period; -1 when none has ended.
 * @param {Array<{end?: string}>} periods
 * @param {string} asOf YYYY-MM-DD or ''
 */
export function latestCompleteIndex(periods, asOf) {
  if (!asOf) return periods.length - 1;
  for (let i = periods.length - 1; i >= 0; i--) if (String(periods[i]?.end ?? '') <= asOf) return i;
  return -1;
}

/**
 * The twelve months ending with a period, as the engine gave them
 * (`trailing_12_months.start`, the period's end), or null.
 * @param {Record<string, any>|undefined} period
 */
export function twelveMonthsOf(period) {
  const start = period?.trailing_12_months?.start;
  return typeof start === 'string' && typeof period?.end === 'string' ? { start, end: period.end } : null;
}

/** A period's figure: undefined when the engine gives no such field, null when it is not known. */
function figure(period, metric) {
  if (!period) return undefined;
  if (metric.mrr) {
    if (period.mrr === null) return null;
    return period.mrr?.[metric.field];
  }
  return period[metric.field];
}

/**
 * A figure's cell: null is not known, except a rate's own null, which is a
 * rate without a base (blank), as in the statement.
 * @returns {Cell}
 */
function cellOf(metric, value, digits, period) {
  if (metric.kind === 'rate' && period?.mrr === null) return unknownCell();
  if (value === null && metric.kind !== 'rate') return unknownCell();
  if (metric.kind === 'rate') {
    return typeof value === 'number' && Number.isFinite(value) ? { text: SHARE.format(value), zero: value === 0, negative: false } : { text: '', zero: false, negative: false };
  }
  return amountCell(value, digits);
}

/** The engine's growth ratio as a change, or null when it gave none. @returns {Change|null} */
export function changeOf(ratio) {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio)) return null;
  return { text: PERCENT.format(ratio), direction: ratio > 0 ? 'up' : ratio < 0 ? 'down' : 'flat' };
}

/** A trend point for drawing: the engine's figure as a number, or null. */
function point(value) {
  if (value === null || value === undefined) return null;
  const n = Number(typeof value === 'object' ? value.minor : value);
  return Number.isFinite(n) ? n : null;
}

/**
 * The summary of one currency.
 * @param {string} currency
 * @param {Record<string, any>} data the currency in the statement's report (`periods`, `minor_digits`)
 * @param {Record<string, any>|null} twelveData the currency in the yearly report whose last period is
 *   the twelve months ending with the summary's period (null: not asked or not given)
 * @param {string} asOf the report's as-of date, or ''
 * @returns {Summary|null} null when no period has ended by the as-of date
 */
export function buildSummary(currency, data, twelveData, asOf) {
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  const i = latestCompleteIndex(periods, asOf);
  if (i < 0) return null;
  const p = periods[i];
  const before = i > 0 ? periods[i - 1] : undefined;
  const years = Array.isArray(twelveData?.periods) ? twelveData.periods : [];
  const ttm = twelveMonthsOf(p);
  // The yearly report's last period is the twelve months only when the engine agrees on its dates.
  const year = years.length > 0 && ttm && years[years.length - 1].start === ttm.start && years[years.length - 1].end === ttm.end
    ? years[years.length - 1] : undefined;
  const yearBefore = year ? years[years.length - 2] : undefined;
  const digits = data?.minor_digits ?? 2;
  const range = { start: String(p.start ?? ''), end: String(p.end ?? '') };
  /** @type {SummaryCard[]} */
  const cards = [];
  for (const metric of SUMMARY_METRICS) {
    const value = figure(p, metric);
    if (value === undefined) continue;   // an engine that gives no such figure: no card
    const growth = metric.kind === 'rate' ? undefined : p.growth?.[metric.field];
    const card = {
      key: metric.key,
      label: metric.label,
      kind: metric.kind,
      value: cellOf(metric, value, digits, p),
      change: changeOf(growth?.period_over_period),
      previous: before ? { label: String(before.period ?? ''), value: cellOf(metric, figure(before, metric), digits, before) } : null,
      twelve: null,
      trend: periods.slice(Math.max(0, i - TREND_PERIODS + 1), i + 1).map((q) => point(figure(q, metric))),
      drill: metric.kind === 'rate' ? null : { metric: metric.key, ...range, label: String(p.period ?? '') },
      view: metric.mrr ? 'recurring' : 'statement',
    };
    if (metric.kind === 'flow' && ttm) {
      card.twelve = {
        label: '12 months',
        value: year ? cellOf(metric, figure(year, metric), digits, year) : unknownCell(),
        change: changeOf(year?.growth?.[metric.field]?.period_over_period),
        drill: { metric: metric.key, start: ttm.start, end: ttm.end, label: 'last 12 months' },
      };
    } else if (metric.kind !== 'flow' && yearBefore) {
      card.twelve = {
        label: 'A year before',
        date: String(yearBefore.end ?? ''),
        value: cellOf(metric, figure(yearBefore, metric), digits, yearBefore),
        change: changeOf(growth?.year_over_year),
        drill: null,
      };
    }
    cards.push(card);
  }
  const label = String(p.period ?? '');
  const note = i === periods.length - 1 && !asOf ? 'the last period of the files' : `the latest period ended by ${asOf || 'the as-of date'}`;
  return { currency, period: { label, ...range }, ttm, cards, note };
}
