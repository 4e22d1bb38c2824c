// Trends: bookings, billings and revenue of the twelve months ending with
// each period (the engine's trailing_12_months), as lines, and the growth
// rows of the statement; per segment for a chosen period when split.
import { amount, chartValue, drillCell, growth, pickPeriod, periodOptions } from './view_cells.js';
import { segmentRows } from './segments_model.js';

export const TRAILING_FIELDS = ['bookings', 'billings', 'revenue'];
const LABELS = { bookings: 'Bookings', billings: 'Billings', revenue: 'Revenue', backlog_end: 'Backlog (end)' };
const COLOURS = { bookings: '--series-1', billings: '--series-2', revenue: '--series-3' };

/**
 * @param {string} currency
 * @param {any} data the currency's report
 * @param {{period?: string}} [state] the period of the segment table
 * @returns {import('./view_cells.js').ViewModel}
 */
export function trendsModel(currency, data, state = {}) {
  const model = { key: 'trends', title: 'Trends', kpis: [], charts: [], tables: [] };
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  if (periods.length === 0) return { ...model, empty: 'No periods to show.' };
  const digits = data?.minor_digits ?? 2;
  model.intro = 'Trailing twelve months: the sum of the twelve months ending with each period, as the engine computed it. ' +
    'Growth compares each period with the one before and with the same months a year before. Click a figure for the lines behind it.';
  const labels = periods.map((p) => String(p.period));
  // A trailing figure drills: the engine lists the lines over its twelve months.
  const trailing = (p, f, extra) => drillCell(amount(p?.trailing_12_months?.[f], digits), f,
    `${LABELS[f]}, 12 months to ${p?.period ?? ''}`, p?.trailing_12_months ?? {}, extra, `trailing_${f}`);
  model.charts.push({
    key: 'trailing', title: 'Trailing twelve months', type: 'line', unit: 'amount', digits, labels,
    series: TRAILING_FIELDS.map((f) => ({ label: `${LABELS[f]} (12 months)`, colour: COLOURS[f],
      data: periods.map((p) => chartValue(p.trailing_12_months?.[f])) })),
  });
  const rows = TRAILING_FIELDS.map((f) => ({ key: `trailing_12_months.${f}`, label: `${LABELS[f]}, 12 months`, help: `trailing_${f}`,
    strong: f === 'bookings', cells: periods.map((p) => trailing(p, f, {})) }));
  for (const f of ['bookings', 'billings', 'revenue', 'backlog_end']) {
    for (const kind of ['period_over_period', 'year_over_year']) {
      rows.push({ key: `growth.${f}.${kind}`, label: `${LABELS[f]} ${kind === 'period_over_period' ? 'vs previous period' : 'vs a year before'}`,
        help: kind, strong: false, cells: periods.map((p) => growth(p.growth?.[f]?.[kind])) });
    }
  }
  model.tables.push({ key: 'trends', caption: `${currency} trailing twelve months and growth per period`, corner: 'Metric',
    columns: periods.map((p) => ({ label: String(p.period), title: `${p.start} to ${p.end}` })), rows });
  const segments = data?.segments;
  if (segments?.values?.length) {
    const value = state.period ?? String(periods.length - 1);
    const chosen = pickPeriod(data, value);
    model.picker = { label: 'Segments at', options: periodOptions(periods, false), value };
    model.tables.push({
      key: 'trends_segments', caption: `${currency} trailing twelve months by ${segments.by}, ${chosen?.period ?? ''}`,
      corner: segments.by, help: 'segments',
      columns: TRAILING_FIELDS.map((f) => ({ label: `${LABELS[f]}, 12 months`, help: `trailing_${f}` })),
      rows: segmentRows(segments, data, (d, extra) => TRAILING_FIELDS.map((f) => trailing(d?.periods?.[Number(value)], f, extra))),
    });
  }
  return model;
}
