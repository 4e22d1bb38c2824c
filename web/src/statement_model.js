// Turns one currency of the engine's report (METRICS.md §9) into the rows
// and columns of a statement: periods then a Total column; metrics as rows.
// Amounts are shown exactly as the engine gave them, only formatted
// (format_minor.js); ratios are the engine's numbers, formatted with
// Intl.NumberFormat. Nothing here adds, rounds or re-buckets money.
import { formatMinor, isZeroMinor } from './format_minor.js';
import { metricLabel } from './metric_definitions.js';

/**
 * @typedef {'amount'|'count'|'ratio'|'months'|'percent'} CellKind
 * @typedef {{text: string, zero: boolean, negative: boolean, unknown?: boolean, title?: string}} Cell
 *   unknown: the engine gave null: the figure is not known from the files (invoices alone know no
 *   bookings or backlog), shown as UNKNOWN_TEXT with UNKNOWN_TITLE, never as 0
 * @typedef {{key: string, label: string, help: string, kind: CellKind, operator?: string, indent?: boolean,
 *   drill?: string, rollforward?: string, strong?: boolean, cells: Cell[]}} Row
 * @typedef {{key: string, title: string, help?: string, rows: Row[]}} Group
 * @typedef {{label: string, title: string, start: string, end: string, total: boolean}} Column
 * @typedef {{currency: string, minorDigits: number, columns: Column[], groups: Group[],
 *   segment?: {key: string, label: string, by: string, filter?: string|{other_than: string[]}}}} Statement
 *   segment: when the report is split, the segment the statement shows (key '' and label Total: the unsplit report)
 */

/**
 * The statement's rows, in order, grouped. `field` is the engine's field;
 * `operator` marks the roll-forward. Rows of `bookings_by_type` are added
 * per type found in the report.
 */
export const LAYOUT = [
  { key: 'bookings', title: 'Bookings', rows: [
    { field: 'bookings', kind: 'amount', strong: true },
    { field: 'bookings_recurring', kind: 'amount', indent: true },
    { field: 'bookings_one_time', kind: 'amount', indent: true },
    { field: 'bookings_by_type', kind: 'amount', indent: true },
    { field: 'bookings_count', kind: 'count', indent: true },
    { field: 'acv_bookings', kind: 'amount' },
  ] },
  { key: 'flows', title: 'Revenue and billings', rows: [
    { field: 'revenue', kind: 'amount', strong: true },
    { field: 'billings', kind: 'amount' },
    { field: 'cancellations', kind: 'amount' },
    { field: 'cancellations_count', kind: 'count', indent: true },
  ] },
  { key: 'rollforward', title: 'Backlog roll-forward', help: 'rollforward', rows: [
    { field: 'backlog_begin', kind: 'amount', operator: '' },
    { field: 'bookings', kind: 'amount', operator: '+', rollforward: true },
    { field: 'revenue', kind: 'amount', operator: '−', rollforward: true },
    { field: 'cancellations', kind: 'amount', operator: '−', rollforward: true },
    { field: 'backlog_end', kind: 'amount', operator: '=', strong: true },
  ] },
  { key: 'backlog', title: 'Backlog by status and timing', rows: [
    { field: 'billed_backlog_end', kind: 'amount' },
    { field: 'unbilled_backlog_end', kind: 'amount' },
    { field: 'crpo_end', kind: 'amount' },
    { field: 'later_backlog_end', kind: 'amount' },
    { field: 'unscheduled_backlog_end', kind: 'amount' },
  ] },
  { key: 'balances', title: 'Balances', rows: [
    { field: 'deferred_revenue_end', kind: 'amount' },
    { field: 'unbilled_receivable_end', kind: 'amount' },
  ] },
  { key: 'ratios', title: 'Ratios', rows: [
    { field: 'book_to_bill', kind: 'ratio' },
    { field: 'book_to_revenue', kind: 'ratio' },
    { field: 'backlog_months', kind: 'months' },
  ] },
  { key: 'growth', title: 'Growth', rows: [] },   // filled from GROWTH_FIELDS
];

/** Fields that have growth figures in each period (METRICS.md: growth). */
export const GROWTH_FIELDS = ['bookings', 'billings', 'revenue', 'backlog_end'];
export const GROWTH_KINDS = ['period_over_period', 'year_over_year'];

const RATIO = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const MONTHS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const COUNT = (n) => formatMinor(n, 0);

/** A figure the engine gave as null (spec 11, invoices alone): shown so, never as 0. */
export const UNKNOWN_TEXT = '—';
export const UNKNOWN_TITLE = 'not known from invoices alone';
/** @returns {Cell} */
export const unknownCell = () => ({ text: UNKNOWN_TEXT, zero: false, negative: false, unknown: true, title: UNKNOWN_TITLE });

/**
 * The figures a ratio or growth is made of: when the engine gives one of
 * them as null (not known), the ratio is not known either, not merely
 * without a base (a null ratio alone is a division by zero: blank).
 */
const MADE_OF = {
  book_to_bill: ['bookings', 'billings'],
  book_to_revenue: ['bookings', 'revenue'],
  backlog_months: ['backlog_end', 'revenue'],
};
/** @param {Record<string, any>|undefined} p @param {string[]} fields */
const madeOfUnknown = (p, fields) => fields.some((f) => p != null && p[f] === null);

/**
 * One amount cell. The engine may give a plain integer of minor units or
 * {minor, display}; a display string from the engine wins.
 * @returns {Cell}
 */
export function amountCell(value, minorDigits) {
  if (value && typeof value === 'object') {
    const minor = value.minor;
    const text = typeof value.display === 'string' ? value.display : formatMinor(minor, minorDigits);
    return { text, zero: isZeroMinor(minor), negative: isNegativeMinor(minor) };
  }
  if (value === null) return unknownCell();
  if (value === undefined) return { text: '', zero: false, negative: false };
  return { text: formatMinor(value, minorDigits), zero: isZeroMinor(value), negative: isNegativeMinor(value) };
}

/**
 * A ratio, months or percentage cell from the engine's number (4 decimals)
 * or null (no base): blank.
 * @param {unknown} value @param {CellKind} kind @returns {Cell}
 */
export function numberCell(value, kind) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { text: '', zero: false, negative: false };
  const format = kind === 'percent' ? PERCENT : kind === 'months' ? MONTHS : RATIO;
  const suffix = kind === 'ratio' ? '×' : '';
  return { text: format.format(value) + suffix, zero: value === 0, negative: value < 0 };
}

function isNegativeMinor(minor) {
  return /^-\d*[1-9]/.test(String(minor));
}

/** @returns {Cell} */
function cellOf(kind, value, digits) {
  if (kind === 'amount') return amountCell(value, digits);
  if (kind === 'count') {
    if (value === null) return unknownCell();
    return value === undefined ? { text: '', zero: false, negative: false } : { text: COUNT(value), zero: isZeroMinor(value), negative: false };
  }
  return numberCell(value, kind);
}

/** Types of bookings_by_type in order of first appearance over the periods and the total. */
export function bookingTypes(columnsData) {
  const types = [];
  for (const p of columnsData) {
    for (const type of Object.keys(p?.bookings_by_type ?? {})) if (!types.includes(type)) types.push(type);
  }
  return types;
}

/**
 * The statement of one currency.
 * @param {string} currency ISO code
 * @param {{minor_digits: number, periods: Array<Record<string, any>>, total?: Record<string, any>}} data
 * @param {Iterable<string>} [drillMetrics] the fields whose figures can be drilled: the engine's
 *   (vocabulary.drill_metrics), so that a row offers what the engine lists
 * @returns {Statement}
 */
export function buildStatement(currency, data, drillMetrics = []) {
  const drillable = new Set(drillMetrics);
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  const total = data?.total && typeof data.total === 'object' ? data.total : null;
  const columnsData = total && periods.length > 0 ? [...periods, total] : periods;
  const digits = data?.minor_digits;
  /** @type {Column[]} */
  const columns = columnsData.map((p, i) => ({
    label: i === periods.length ? 'Total' : String(p.period ?? ''),
    title: p.start && p.end ? `${p.start} to ${p.end}` : '',
    start: String(p.start ?? ''),
    end: String(p.end ?? ''),
    total: i === periods.length,
  }));
  const groups = LAYOUT.map((group) => {
    /** @type {Row[]} */
    const rows = [];
    for (const spec of group.rows) {
      if (spec.field === 'bookings_by_type') {
        const types = bookingTypes(columnsData);
        if (types.length < 2) continue;   // one type says nothing the bookings row does not
        for (const type of types) {
          rows.push({ key: `bookings_by_type.${type}`, label: `Type: ${type}`, help: 'bookings_by_type', kind: 'amount', indent: true,
            cells: columnsData.map((p) => amountCell(p?.bookings_by_type ? (p.bookings_by_type[type] ?? 0) : undefined, digits)) });
        }
        continue;
      }
      rows.push({
        key: spec.field,
        label: metricLabel(spec.field),
        help: spec.field,
        kind: /** @type {CellKind} */ (spec.kind),
        operator: spec.operator,
        indent: spec.indent,
        strong: spec.strong,
        rollforward: spec.rollforward ? spec.field : undefined,
        drill: drillable.has(spec.field) ? spec.field : undefined,
        cells: columnsData.map((p) => (MADE_OF[spec.field] && madeOfUnknown(p, MADE_OF[spec.field])
          ? unknownCell() : cellOf(spec.kind, p?.[spec.field], digits))),
      });
    }
    if (group.key === 'growth') {
      for (const field of GROWTH_FIELDS) {
        for (const kind of GROWTH_KINDS) {
          rows.push({ key: `growth.${field}.${kind}`, label: `${metricLabel(field)} ${metricLabel(kind)}`, help: kind, kind: 'percent',
            cells: columnsData.map((p) => (madeOfUnknown(p, [field]) ? unknownCell() : numberCell(p?.growth?.[field]?.[kind], 'percent'))) });
        }
      }
    }
    return { key: group.key, title: group.title, help: group.help, rows };
  });
  return { currency, minorDigits: digits, columns, groups };
}

/**
 * Statements in the engine's currency order.
 * @param {Iterable<string>} [drillMetrics] as buildStatement's
 */
export function currencyStatements(report, drillMetrics = []) {
  const currencies = report?.currencies && typeof report.currencies === 'object' ? report.currencies : {};
  return Object.entries(currencies).map(([code, data]) => buildStatement(code, data, drillMetrics));
}

/**
 * Index of the first period in which any amount is not zero, or 0: where the
 * table opens when it is wider than the page. A string test on the engine's
 * values, not arithmetic.
 * @param {Statement} statement
 */
export function firstActiveColumn(statement) {
  for (let i = 0; i < statement.columns.length; i++) {
    if (statement.groups.some((g) => g.rows.some((r) => r.kind === 'amount' && r.cells[i] && r.cells[i].text !== '' && !r.cells[i].zero && !r.cells[i].unknown))) return i;
  }
  return 0;
}
