// Segmentation (spec 6): the report split by one column's values, the top N
// by bookings one by one and the rest as one value; the engine makes every
// amount of the segments add up to the unsplit report. Here: a row per
// segment and a Total row that is the unsplit report's own figure (not a
// sum), so a reader sees the two agree. The segments view shows the
// statement's key rows for one period.
import { amount, drillCell, pickPeriod, periodOptions } from './view_cells.js';

/**
 * Rows of a per-segment table: one per segment, then Total from the unsplit data.
 * @param {any} segments data.segments
 * @param {any} data the unsplit currency report
 * @param {(d: any, extra: Record<string, any>) => import('./view_cells.js').ViewCell[]} cellsOf cells of one
 *   segment (or of the unsplit data), with the drill request's segment filter ({} for the unsplit data)
 * @returns {import('./view_cells.js').ViewRow[]}
 */
export function segmentRows(segments, data, cellsOf) {
  const rows = (segments?.values ?? []).map((v, i) => ({ key: `segment.${i}`, label: segmentLabel(v.value),
    cells: cellsOf(v, { segment: segmentFilter(segments, v) }) }));
  rows.push({ key: 'total', label: 'Total', total: true, strong: true, cells: cellsOf(data, {}) });
  return rows;
}

/**
 * The engine's drill filter for one segment: its value, or for the merged
 * rest, every value but those listed one by one.
 * @param {any} segments data.segments
 * @param {any} v one of segments.values
 */
export function segmentFilter(segments, v) {
  if (v?.other) return { other_than: (segments?.values ?? []).filter((x) => !x.other).map((x) => String(x.value)) };
  return String(v?.value ?? '');
}

/** A segment's value as shown: the empty value is named. */
export function segmentLabel(value) {
  return value === '' || value == null ? '(empty)' : String(value);
}

/** The statement rows the segments view shows, with their drill metric. */
export const SEGMENT_FIELDS = ['bookings', 'revenue', 'billings', 'cancellations', 'backlog_end'];
const SEGMENT_LABELS = { bookings: 'Bookings', revenue: 'Revenue', billings: 'Billings', cancellations: 'Cancellations', backlog_end: 'Backlog (end)' };

/**
 * @param {string} currency
 * @param {any} data the currency's report
 * @param {{period?: string}} [state] picker value: a period index or 'total'
 * @returns {import('./view_cells.js').ViewModel}
 */
export function segmentsModel(currency, data, state = {}) {
  const segments = data?.segments;
  const model = { key: 'segments', title: 'By segment', kpis: [], charts: [], tables: [] };
  if (!segments?.values?.length) {
    return { ...model, empty: 'Choose a column under "Split by" (Reading settings) to split every view by its values.' };
  }
  const digits = data?.minor_digits ?? 2;
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  const value = state.period ?? 'total';
  const chosen = pickPeriod(data, value);
  const label = value === 'total' ? 'Total' : String(chosen?.period ?? '');
  model.picker = { label: 'Period', options: periodOptions(periods, true), value };
  model.intro = `Split by ${segments.by}: the ${segments.values.length} values with the largest bookings over the range, ` +
    'the rest merged. The Total row is the unsplit report: the segments add up to it exactly. Click any figure for the lines behind it.';
  const pick = (d) => (value === 'total' ? d?.total : d?.periods?.[Number(value)]);
  const columns = SEGMENT_FIELDS.map((f) => ({ label: SEGMENT_LABELS[f], help: f }));
  // Every figure can be drilled: a segment's lists its own lines.
  const rows = segmentRows(segments, data, (d, extra) => SEGMENT_FIELDS.map((f) =>
    drillCell(amount(pick(d)?.[f], digits), f, label, chosen ?? {}, extra)));
  model.tables.push({ key: 'segments', caption: `${currency} by ${segments.by}, ${label}`, corner: segments.by, columns, rows, help: 'segments' });
  model.charts.push({
    key: 'segments', title: `Bookings and revenue by ${segments.by}, ${label}`, type: 'bar', unit: 'amount', digits,
    labels: segments.values.map((v) => segmentLabel(v.value)),
    series: [
      { label: 'Bookings', colour: '--series-1', data: segments.values.map((v) => numberOr(pick(v)?.bookings)) },
      { label: 'Revenue', colour: '--series-3', data: segments.values.map((v) => numberOr(pick(v)?.revenue)) },
    ],
  });
  return model;
}

const numberOr = (v) => (typeof v === 'number' ? v : null);
