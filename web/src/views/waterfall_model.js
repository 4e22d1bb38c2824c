// Waterfall (spec 5) as a heat-map table: a row per booking period, a column
// per recognition period; a cell is the revenue recognised in the column from
// the lines booked in the row. Each row ends with what its bookings became
// (cancelled, still in backlog, booked: cells + cancelled + backlog =
// bookings); the last row is each period's revenue from the statement (a
// column adds up to it). Shading is presentation: a cell's share of the
// table's largest cell, in six steps.
import { isZeroMinor } from '../format_minor.js';
import { amount, blank } from './view_model.js';

/** Heat steps (0 = none) of a cell value against the table's largest cell. */
export const HEAT_STEPS = 6;

/** @param {number} value @param {number} max */
export function heatLevel(value, max) {
  if (!(typeof value === 'number' && value > 0 && max > 0)) return 0;
  return Math.max(1, Math.min(HEAT_STEPS, Math.ceil((value / max) * HEAT_STEPS)));
}

/**
 * @param {string} currency
 * @param {any} data the currency's report
 * @returns {import('./view_model.js').ViewModel}
 */
export function waterfallModel(currency, data) {
  const model = { key: 'waterfall', title: 'Waterfall', kpis: [], charts: [], tables: [] };
  const waterfall = data?.waterfall;
  if (!waterfall || !Array.isArray(waterfall.rows)) {
    return { ...model, empty: 'The engine gave no waterfall for this report.' };
  }
  const digits = data?.minor_digits ?? 2;
  const labels = (waterfall.columns ?? []).map(String);
  const revenueOf = new Map((data?.periods ?? []).map((p) => [String(p.period), p.revenue]));
  let max = 0;
  for (const row of waterfall.rows) for (const v of row.revenue ?? []) if (typeof v === 'number' && v > max) max = v;
  model.intro = 'Rows: the period the lines were booked in. Columns: the period their revenue is recognised in. ' +
    'Each row starts with its bookings, what was cancelled and what is still in backlog at the end; with the row\'s cells ' +
    'they add up to the bookings. The bottom row is the revenue of each period, which its column adds up to. ' +
    'Periods without bookings are left out. Darker cells hold more revenue. These cells cannot be drilled; ' +
    'the statement\'s figures can.';
  /** @type {import('./view_model.js').ViewColumn[]} */
  const columns = [
    { label: 'Bookings', help: 'bookings', total: true },
    { label: 'Cancelled', help: 'cancellations', total: true },
    { label: 'Still in backlog', help: 'backlog_end', total: true },
    ...labels.map((label) => ({ label })),
  ];
  // Periods without bookings have empty rows: left out (a string test on the engine's value).
  const booked = waterfall.rows.filter((row) => !isZeroMinor(row.bookings ?? 0));
  const rows = booked.map((row) => ({
    key: `booked.${row.booked}`, label: String(row.booked),
    cells: [
      amount(row.bookings, digits), amount(row.cancellations, digits), amount(row.backlog_end, digits),
      ...labels.map((_, i) => {
        const v = row.revenue?.[i];
        const cell = amount(v, digits);
        return { ...cell, heat: heatLevel(v, max) };
      }),
    ],
  }));
  rows.push({ key: 'revenue', label: 'Revenue', help: 'revenue', total: true, strong: true,
    cells: [blank(), blank(), blank(), ...labels.map((label) => amount(revenueOf.get(label), digits))] });
  model.tables.push({ key: 'waterfall', caption: `${currency} revenue by booking period (rows) and recognition period (columns)`,
    corner: 'Booked in', columns, rows, heat: true, help: 'waterfall' });
  if (data?.segments?.values?.length) {
    model.intro += ' The engine gives the waterfall for the whole currency only, not per segment.';
  }
  return model;
}
