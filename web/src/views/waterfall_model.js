// Waterfall (spec 5) as a heat-map table: a row per booking period (or, as
// the second view, per billing period), a column per recognition period; a
// cell is the revenue recognised in the column from the lines booked (the
// invoices billed) in the row. Each row starts with what its bookings (its
// billings) became, so that a row adds up: bookings = cells + cancelled +
// still in backlog (+ recognised before the range), billings = cells + not
// yet recognised (+ recognised before). The last row is each period's revenue
// from the statement (a column adds up to it). A split report has a
// waterfall per segment. Every cell drills. Shading is presentation: a
// cell's share of the table's largest cell, in six steps.
import { isZeroMinor } from '../format_minor.js';
import { segmentFilter, segmentLabel } from './segments_model.js';
import { heatStep } from './integer_math.js';
import { amount, blank, drillCell } from './view_cells.js';


const ROW_LABELS = { earlier: 'Before the range', later: 'Billed after the range', not_billed: 'Not billed' };

/**
 * @param {string} currency
 * @param {any} data the currency's report
 * @returns {import('./view_cells.js').ViewModel}
 */
export function waterfallModel(currency, data, state = {}) {
  const model = { key: 'waterfall', title: 'Waterfall', kpis: [], charts: [], tables: [] };
  if (!data?.waterfall || !Array.isArray(data.waterfall.rows)) {
    return { ...model, empty: 'The engine gave no waterfall for this report.' };
  }
  if (data.waterfall.omitted) return { ...model, empty: `The engine left the waterfall out: ${data.waterfall.omitted}.` };
  const digits = data?.minor_digits ?? 2;
  const billed = state.rows === 'billed';
  const segments = data?.segments?.values ?? [];
  const chosen = segments[Number(state.segment)];
  const source = chosen ?? data;
  const extra = chosen ? { segment: segmentFilter(data.segments, chosen) } : {};
  model.pickers = [{ key: 'rows', label: 'Rows by', value: billed ? 'billed' : 'booked',
    options: [{ value: 'booked', label: 'Booking period' }, { value: 'billed', label: 'Billing period' }] }];
  if (segments.length > 0) {
    model.pickers.push({ key: 'segment', label: data.segments.by, value: chosen ? String(state.segment) : 'all',
      options: [{ value: 'all', label: 'All' }, ...segments.map((v, i) => ({ value: String(i), label: segmentLabel(v.value) }))] });
  }
  const view = billed ? source.waterfall?.billed : source.waterfall;
  const rowsIn = Array.isArray(view?.rows) ? view.rows : [];
  const periods = Array.isArray(source.periods) ? source.periods : [];
  const labels = (view?.columns ?? []).map(String);
  let max = 0;
  for (const row of rowsIn) for (const v of row.revenue ?? []) if (typeof v === 'number' && v > max) max = v;
  const anyBefore = rowsIn.some((row) => !isZeroMinor(row.revenue_before ?? 0));
  model.intro = (billed
    ? 'Rows: the period the invoices were issued in. Columns: the period the revenue they bill is recognised in. ' +
      'A line\'s revenue is matched to its invoices oldest first; a credit note only lowers what its row has left to earn. ' +
      'Each row starts with its billings and what is not yet recognised at the end; with its cells they add up to the billings. '
    : 'Rows: the period the lines were booked in. Columns: the period their revenue is recognised in. ' +
      'Each row starts with its bookings, what was cancelled and what is still in backlog at the end; with the row\'s cells ' +
      'they add up to the bookings. ') +
    'The bottom row is the revenue of each period, which its column adds up to. Darker cells hold more revenue. ' +
    'Click any figure for the lines behind it.' + (chosen ? ` Showing ${data.segments.by} = ${segmentLabel(chosen.value)}.` : '');
  const metric = billed ? 'waterfall_billed' : 'waterfall_booked';
  /** @type {import('./view_cells.js').ViewColumn[]} */
  const columns = billed
    ? [{ label: 'Billings', help: 'billings', total: true }, { label: 'Not yet recognised', help: 'waterfall_not_recognised', total: true }]
    : [{ label: 'Bookings', help: 'bookings', total: true }, { label: 'Cancelled', help: 'cancellations', total: true },
      { label: 'Still in backlog', help: 'backlog_end', total: true }];
  if (anyBefore) columns.push({ label: 'Recognised before', help: 'waterfall_before', total: true });
  columns.push(...labels.map((label) => ({ label })));
  // Periods with nothing booked (billed) and nothing recognised are left out.
  const shown = rowsIn.filter((row) => (row.kind ?? 'period') !== 'period' || !isZeroMinor((billed ? row.billings : row.bookings) ?? 0) ||
    (row.revenue ?? []).some((v) => !isZeroMinor(v)));
  const rows = shown.map((row) => {
    const label = ROW_LABELS[row.kind] ?? String(billed ? row.billed : row.booked);
    const rowRange = { start: row.start, end: row.end };
    const rowRequest = { ...extra, ...(row.start ? { row_from: row.start } : {}), ...(row.end ? { row_to: row.end } : {}),
      ...(row.kind === 'not_billed' ? { not_billed: true } : {}) };
    const opened = billed
      ? [row.kind === 'period' ? drillCell(amount(row.billings, digits), 'billings', label, rowRange, extra) : amount(row.billings, digits),
        amount(row.not_recognised, digits)]
      : [row.kind === 'period' ? drillCell(amount(row.bookings, digits), 'bookings', label, rowRange, extra) : amount(row.bookings, digits),
        amount(row.cancellations, digits), amount(row.backlog_end, digits)];
    if (anyBefore) opened.push(amount(row.revenue_before, digits));
    return {
      key: `${billed ? 'billed' : 'booked'}.${(row.kind ?? 'period') === 'period' ? label : row.kind}`, label,
      cells: [...opened, ...labels.map((_, i) => {
        const v = row.revenue?.[i];
        const cell = { ...amount(v, digits), heat: heatStep(v, max) };
        return drillCell(cell, metric, `${label} → ${labels[i]}`, periods[i] ?? {}, rowRequest, 'waterfall');
      })],
    };
  });
  const lead = columns.length - labels.length;
  rows.push({ key: 'revenue', label: 'Revenue', help: 'revenue', total: true, strong: true,
    cells: [...Array.from({ length: lead }, blank),
      ...periods.map((p) => drillCell(amount(p.revenue, digits), 'revenue', String(p.period), p, extra))] });
  const by = billed ? 'billing' : 'booking';
  model.tables.push({ key: 'waterfall', caption: `${currency} revenue by ${by} period (rows) and recognition period (columns)` +
    (chosen ? `, ${data.segments.by} ${segmentLabel(chosen.value)}` : ''),
  corner: billed ? 'Billed in' : 'Booked in', columns, rows, heat: true, help: 'waterfall' });
  return model;
}
