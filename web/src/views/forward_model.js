// Forward view (spec 5): the backlog at the as-of date laid out over the
// future periods the engine scheduled it in, then "later" and "unscheduled",
// and the backlog itself, so the tie-out Σ periods + later + unscheduled =
// backlog can be read off the row. Plus the same row per segment.
import { amount, blank, chartValue, drillCell, kpi } from './view_cells.js';
import { segmentRows } from './segments_model.js';

/**
 * @param {string} currency
 * @param {any} data the currency's report
 * @param {any} [segments] data.segments
 * @returns {import('./view_cells.js').ViewModel}
 */
export function forwardModel(currency, data, segments = data?.segments) {
  const digits = data?.minor_digits ?? 2;
  const forward = data?.forward;
  const model = { key: 'forward', title: 'Forward view', kpis: [], charts: [], tables: [] };
  if (!forward) {
    return { ...model, empty: 'Set an "As of" date under Reading settings to see the backlog scheduled over the coming periods.' };
  }
  const periods = Array.isArray(forward.periods) ? forward.periods : [];
  model.intro = `The backlog at ${forward.as_of}: revenue scheduled in each period after that day (36 months), ` +
    'then later, then what no schedule places yet. The revenue row adds up to the backlog; billings are the invoices scheduled. ' +
    'Click any figure for the lines behind it.';
  model.kpis.push(
    kpi('forward_backlog', `Backlog at ${forward.as_of}`, 'forward_backlog', amount(forward.backlog, digits)),
    kpi('revenue_later', 'Scheduled after 36 months', 'revenue_later', amount(forward.revenue_later, digits)),
    kpi('forward_unscheduled', 'Unscheduled', 'forward_unscheduled', amount(forward.unscheduled, digits)),
  );
  /** @type {import('./view_cells.js').ViewColumn[]} */
  const columns = [
    ...periods.map((p) => ({ label: String(p.period), title: `${p.start} to ${p.end}` })),
    { label: 'Later', help: 'revenue_later', title: 'After the 36 months' },
    { label: 'Unscheduled', help: 'forward_unscheduled' },
    { label: `Backlog at ${forward.as_of}`, help: 'forward_backlog', total: true },
  ];
  // Every figure drills: the engine lists the lines scheduled in it.
  const asOf = { start: forward.as_of, end: forward.as_of };
  const revenueCells = (f, extra) => [
    ...(f.periods ?? []).map((p) => drillCell(amount(p.revenue, digits), 'forward_revenue', String(p.period), p, extra)),
    drillCell(amount(f.revenue_later, digits), 'forward_revenue_later', 'Later', asOf, extra, 'revenue_later'),
    drillCell(amount(f.unscheduled, digits), 'forward_unscheduled', 'Unscheduled', asOf, extra),
    drillCell(amount(f.backlog, digits), 'forward_backlog', `Backlog at ${forward.as_of}`, asOf, extra),
  ];
  const revenue = revenueCells(forward, {});
  const billings = [...periods.map((p) => drillCell(amount(p.billings, digits), 'forward_billings', String(p.period), p)),
    drillCell(amount(forward.billings_later, digits), 'forward_billings_later', 'Later', asOf, {}, 'forward_billings'), blank(), blank()];
  model.tables.push({
    key: 'forward', caption: `${currency} backlog at ${forward.as_of} by the period it is scheduled in`, corner: 'Scheduled',
    columns,
    rows: [
      { key: 'forward_revenue', label: 'Scheduled revenue', help: 'forward_revenue', strong: true, cells: revenue },
      { key: 'forward_billings', label: 'Scheduled billings', help: 'forward_billings', cells: billings },
    ],
  });
  model.charts.push({
    key: 'forward', title: 'Scheduled revenue and billings', type: 'bar', unit: 'amount', digits,
    labels: periods.map((p) => String(p.period)),
    series: [
      { label: 'Scheduled revenue', colour: '--series-3', data: periods.map((p) => chartValue(p.revenue)) },
      { label: 'Scheduled billings', colour: '--series-2', data: periods.map((p) => chartValue(p.billings)) },
    ],
  });
  if (segments?.values?.length) {
    model.tables.push({
      key: 'forward_segments', caption: `${currency} backlog at ${forward.as_of} by ${segments.by}`, corner: segments.by,
      columns, help: 'segments',
      rows: segmentRows(segments, data, (d, extra) => (d?.forward ? revenueCells(d.forward, extra) : columns.map(blank))),
    });
  }
  return model;
}
