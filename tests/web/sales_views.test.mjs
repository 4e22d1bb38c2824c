// The sales view models (web/src/views/*_model.js): engine JSON -> tables,
// KPIs and chart series, with no arithmetic on money (the DOM part is
// covered by tests/e2e/sales.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forwardModel } from '../../web/src/views/forward_model.js';
import { waterfallModel } from '../../web/src/views/waterfall_model.js';
import { heatStep as heatLevel } from '../../web/src/views/integer_math.js';
import { lastClosingPeriod, pipelineModel } from '../../web/src/views/pipeline_model.js';
import { ordersModel } from '../../web/src/views/orders_model.js';
import { trendsModel } from '../../web/src/views/trends_model.js';
import { segmentsModel } from '../../web/src/views/segments_model.js';
import { splitColumns } from '../../web/src/views/split_columns.js';
import { tablesCsv } from '../../web/src/export_report.js';
import { METRIC_DEFINITIONS } from '../../web/src/metric_definitions.js';

const bucket = (days, count, value) => ({ days, count, value });
const SALES = (won, lost, extra = {}) => ({ won, lost, won_value: won * 1000, lost_value: lost * 500, win_rate: won + lost ? 0.5 : null,
  average_sales_cycle_days: 30.25, open_pipeline_end: { count: 2, value: 7000 }, sales_velocity_per_day: 116,
  delivered: { count: 1, value: 2500 }, lead_time_days: 12, ...extra });
const PERIOD = (period, start, end, extra) => ({ period, start, end, bookings: 100000, revenue: 40000, billings: 50000,
  cancellations: 0, backlog_end: 60000, trailing_12_months: { bookings: 100000, billings: 50000, revenue: 40000 },
  growth: { bookings: { period_over_period: 0.125, year_over_year: null } }, sales: SALES(1, 1), ...extra });
const pipeline = { as_of: '2024-06-30', open_count: 3, open_value: 9001, average_deal_size: 3000, average_age_days: 45.5,
  age_buckets: [bucket('0-30', 1, 1000), bucket('31-60', 1, 3001), bucket('61-90', 0, 0), bucket('91-180', 1, 5000), bucket('181+', 0, 0)],
  no_created_date: { count: 0, value: 0 } };
const orders = { as_of: '2024-06-30', undelivered: { count: 2, value: 4000 },
  age_buckets: [bucket('0-30', 1, 1500), bucket('31-60', 0, 0), bucket('61-90', 0, 0), bucket('91-180', 1, 2500), bucket('181+', 0, 0)],
  older_than_90_days: { count: 1, value: 2500 },
  oldest: [{ id: 'O-1', customer: '=cmd()', line: 7, booking_date: '2024-02-01', age_days: 150, amount: 2500 }] };
const forward = { as_of: '2024-06-30', backlog: 60000,
  periods: [{ period: '2024-07', start: '2024-07-01', end: '2024-07-31', revenue: 30000, billings: 25000 },
    { period: '2024-08', start: '2024-08-01', end: '2024-08-31', revenue: 20000, billings: 0 }],
  revenue_later: 6000, billings_later: 1000, unscheduled: 4000 };
const periods = [PERIOD('2024-05', '2024-05-01', '2024-05-31', { sales: SALES(0, 0) }), PERIOD('2024-06', '2024-06-01', '2024-06-30')];
const DATA = {
  minor_digits: 2, periods, total: PERIOD('total', '2024-05-01', '2024-06-30', { bookings: 200000 }), pipeline, orders, forward,
  waterfall: { columns: ['2024-05', '2024-06'], rows: [
    { booked: '2024-05', kind: 'period', start: '2024-05-01', end: '2024-05-31', bookings: 100000, revenue_before: 0,
      revenue: [20000, 20000], cancellations: 0, backlog_end: 60000 },
    { booked: '2024-06', kind: 'period', start: '2024-06-01', end: '2024-06-30', bookings: 0, revenue_before: 0,
      revenue: [0, 0], cancellations: 0, backlog_end: 0 },
  ], billed: { columns: ['2024-05', '2024-06'], rows: [
    { billed: 'earlier', kind: 'earlier', end: '2024-04-30', billings: 30000, revenue_before: 10000, revenue: [10000, 0], not_recognised: 10000 },
    { billed: '2024-05', kind: 'period', start: '2024-05-01', end: '2024-05-31', billings: 50000, revenue_before: 0,
      revenue: [10000, 20000], not_recognised: 20000 },
    { billed: '2024-06', kind: 'period', start: '2024-06-01', end: '2024-06-30', billings: 0, revenue_before: 0,
      revenue: [0, 0], not_recognised: 0 },
    { billed: 'not billed', kind: 'not_billed', revenue_before: 0, revenue: [0, 20000] },
  ] } },
};
const SPLIT = { ...DATA, segments: { by: 'region', values: [
  { value: 'NA', minor_digits: 2, periods, total: PERIOD('total', '2024-05-01', '2024-06-30', { bookings: 150000 }), pipeline, orders, forward },
  { value: 'other', minor_digits: 2, periods, total: PERIOD('total', '2024-05-01', '2024-06-30', { bookings: 50000 }), pipeline, orders, forward },
] } };

const texts = (row) => row.cells.map((c) => c.text);

test('forward: periods, later, unscheduled and the backlog in one row; the chart has the periods only', () => {
  const m = forwardModel('USD', DATA);
  assert.deepEqual(m.tables[0].columns.map((c) => c.label), ['2024-07', '2024-08', 'Later', 'Unscheduled', 'Backlog at 2024-06-30']);
  assert.deepEqual(texts(m.tables[0].rows[0]), ['300.00', '200.00', '60.00', '40.00', '600.00']);
  assert.deepEqual(texts(m.tables[0].rows[1]), ['250.00', '0.00', '10.00', '', '']);
  assert.deepEqual(m.tables[0].rows[0].cells[0].drill, { metric: 'forward_revenue', label: '2024-07', start: '2024-07-01',
    end: '2024-07-31', extra: {}, help: undefined });
  assert.equal(m.tables[0].rows[0].cells[4].drill.metric, 'forward_backlog');
  assert.equal(m.tables[0].rows[1].cells[2].drill.metric, 'forward_billings_later');
  assert.deepEqual(m.charts[0].series[0].data, [30000, 20000]);
  assert.equal(m.kpis.find((k) => k.key === 'forward_backlog').text, '600.00');
  assert.match(forwardModel('USD', { ...DATA, forward: undefined }).empty, /As of/);
  // Split: a row per segment and the unsplit Total.
  const s = forwardModel('USD', SPLIT).tables[1];
  assert.deepEqual(s.rows.map((r) => r.label), ['NA', 'other', 'Total']);
  assert.equal(s.rows[2].total, true);
});

test('waterfall: heat levels, row totals first, empty booking periods left out, revenue row from the statement', () => {
  assert.equal(heatLevel(0, 100), 0);
  assert.equal(heatLevel(1, 100), 1);
  assert.equal(heatLevel(100, 100), 6);
  assert.equal(heatLevel(null, 100), 0);
  const m = waterfallModel('USD', DATA);
  const t = m.tables[0];
  assert.equal(t.heat, true);
  assert.deepEqual(t.columns.map((c) => c.label), ['Bookings', 'Cancelled', 'Still in backlog', '2024-05', '2024-06']);
  assert.deepEqual(t.rows.map((r) => r.label), ['2024-05', 'Revenue']);
  assert.deepEqual(texts(t.rows[0]), ['1,000.00', '0.00', '600.00', '200.00', '200.00']);
  assert.deepEqual(t.rows[0].cells.slice(3).map((c) => c.heat), [6, 6]);
  assert.deepEqual(texts(t.rows[1]), ['', '', '', '400.00', '400.00']);
  // Every cell drills: the engine lists the lines booked in the row and recognised in the column.
  assert.deepEqual(t.rows[0].cells[4].drill, { metric: 'waterfall_booked', label: '2024-05 → 2024-06', start: '2024-06-01',
    end: '2024-06-30', extra: { row_from: '2024-05-01', row_to: '2024-05-31' }, help: 'waterfall' });
  assert.equal(t.rows[0].cells[0].drill.metric, 'bookings');
  assert.equal(t.rows[1].cells[3].drill.metric, 'revenue');
  assert.match(waterfallModel('USD', { ...DATA, waterfall: undefined }).empty, /no waterfall/);
});

test('waterfall left out by the engine: the reason is shown', () => {
  const m = waterfallModel('USD', { ...DATA, waterfall: { columns: [], rows: [], billed: { columns: [], rows: [] },
    omitted: 'the report has 300 periods; the waterfall shows at most 240: choose quarters or years, or a From/To range' } });
  assert.match(m.empty, /300 periods.*quarters or years/);
});

test('waterfall by billing period: billings and not yet recognised first, earlier and not-billed rows, drills', () => {
  const m = waterfallModel('USD', DATA, { rows: 'billed' });
  const t = m.tables[0];
  assert.equal(m.pickers[0].value, 'billed');
  assert.deepEqual(t.columns.map((c) => c.label), ['Billings', 'Not yet recognised', 'Recognised before', '2024-05', '2024-06']);
  assert.deepEqual(t.rows.map((r) => r.label), ['Before the range', '2024-05', 'Not billed', 'Revenue']);
  assert.deepEqual(texts(t.rows[1]), ['500.00', '200.00', '0.00', '100.00', '200.00']);
  assert.deepEqual(texts(t.rows[2]), ['', '', '0.00', '0.00', '200.00']);
  assert.deepEqual(t.rows[0].cells[3].drill.extra, { row_to: '2024-04-30' });
  assert.deepEqual(t.rows[2].cells[4].drill.extra, { not_billed: true });
  assert.equal(t.rows[0].cells[0].drill, undefined);  // billed before the range: no period to list
});

test('waterfall of one segment: the segment picker, its rows, and drills inside the segment', () => {
  const seg = { ...SPLIT.segments.values[0], waterfall: { columns: ['2024-05', '2024-06'], rows: [
    { booked: '2024-05', kind: 'period', start: '2024-05-01', end: '2024-05-31', bookings: 70000, revenue_before: 0,
      revenue: [5000, 5000], cancellations: 0, backlog_end: 60000 }], billed: { columns: [], rows: [] } } };
  const data = { ...SPLIT, segments: { ...SPLIT.segments, values: [seg, { ...SPLIT.segments.values[1], other: true }] } };
  const m = waterfallModel('USD', data, { segment: '0' });
  assert.deepEqual(m.pickers[1].options.map((o) => o.label), ['All', 'NA', 'other']);
  assert.deepEqual(texts(m.tables[0].rows[0]).slice(0, 1), ['700.00']);
  assert.deepEqual(m.tables[0].rows[0].cells[3].drill.extra, { segment: 'NA', row_from: '2024-05-01', row_to: '2024-05-31' });
  const other = waterfallModel('USD', data, { segment: '1' });
  assert.match(other.intro, /region = other/);
});

test('pipeline: KPIs of the chosen period, age buckets with a total, per-period table, segments', () => {
  assert.equal(lastClosingPeriod(periods), '1');
  assert.equal(lastClosingPeriod([]), '0');
  const m = pipelineModel('USD', DATA);
  const k = Object.fromEntries(m.kpis.map((x) => [x.key, x.text]));
  assert.deepEqual(k, { open_count: '3', open_value: '90.01', average_deal_size: '30.00', average_age_days: '45.5',
    win_rate: '50.0%', average_sales_cycle_days: '30.3', sales_velocity_per_day: '1.16 / day' });
  assert.equal(m.picker.value, '1');
  assert.deepEqual(m.charts[0].labels, ['0-30 days', '31-60 days', '61-90 days', '91-180 days', '181+ days']);
  const ages = m.tables[0].rows;
  assert.deepEqual(texts(ages.at(-1)), ['3', '90.01']);
  assert.deepEqual(ages[1].cells[1].drill, { metric: 'pipeline_open', label: '31-60 days', start: '2024-06-30', end: '2024-06-30',
    extra: { age: '31-60' }, help: 'age_buckets' });
  assert.equal(ages[2].cells[1].drill, undefined);  // an empty bucket has nothing to list
  const first = pipelineModel('USD', DATA, { period: '0' });
  assert.equal(first.kpis.find((x) => x.key === 'win_rate').text, '–');
  const split = pipelineModel('USD', SPLIT);
  assert.equal(split.charts[1].key, 'pipeline_segments');
  assert.deepEqual(split.charts[1].labels, ['NA', 'other']);
});

test('orders: KPIs, buckets, the oldest list and lead time per period', () => {
  const m = ordersModel('USD', DATA);
  assert.deepEqual(m.kpis.map((x) => x.text), ['2', '40.00', '1', '25.00']);
  const oldest = m.tables.find((t) => t.key === 'orders_oldest');
  assert.deepEqual(texts(oldest.rows[0]), ['=cmd()', '7', '2024-02-01', '150', '25.00']);
  const age = m.tables.find((t) => t.key === 'orders_age');
  assert.equal(age.rows[3].cells[1].drill.metric, 'orders_undelivered');
  assert.deepEqual(age.rows[3].cells[1].drill.extra, { age: '91-180' });
  assert.equal(age.rows[5].cells[1].drill.metric, 'orders_older_than_90_days');
  const lead = m.tables.find((t) => t.key === 'orders_periods');
  assert.deepEqual(texts(lead.rows[1]), ['1', '25.00', '12.0']);
});

test('trends: trailing twelve months and growth per period; segments at a chosen period', () => {
  const m = trendsModel('USD', SPLIT, { period: '0' });
  assert.deepEqual(m.charts[0].series.map((s) => s.data), [[100000, 100000], [50000, 50000], [40000, 40000]]);
  assert.deepEqual(texts(m.tables[0].rows[0]), ['1,000.00', '1,000.00']);
  assert.deepEqual(texts(m.tables[0].rows[3]), ['+12.5%', '+12.5%']);
  // Trailing figures drill over their own twelve months, as the engine dates them.
  const withDates = trendsModel('USD', { ...DATA, periods: periods.map((p) => ({ ...p,
    trailing_12_months: { ...p.trailing_12_months, start: '2023-07-01', end: p.end } })) });
  assert.deepEqual(withDates.tables[0].rows[0].cells[1].drill, { metric: 'bookings', label: 'Bookings, 12 months to 2024-06',
    start: '2023-07-01', end: '2024-06-30', extra: {}, help: 'trailing_bookings' });
  assert.equal(m.tables[1].rows.length, 3);
});

test('segments: key rows per segment and the unsplit Total, which drills', () => {
  assert.match(segmentsModel('USD', DATA).empty, /Split by/);
  const m = segmentsModel('USD', SPLIT);
  const t = m.tables[0];
  assert.deepEqual(t.rows.map((r) => r.cells[0].text), ['1,500.00', '500.00', '2,000.00']);
  assert.deepEqual(t.rows[2].cells[0].drill, { metric: 'bookings', start: '2024-05-01', end: '2024-06-30', label: 'Total', extra: {}, help: undefined });
  // A segment's figure drills inside the segment; the merged rest lists every value but those shown.
  assert.deepEqual(t.rows[0].cells[0].drill.extra, { segment: 'NA' });
  const marked = { ...SPLIT, segments: { ...SPLIT.segments, values: [SPLIT.segments.values[0], { ...SPLIT.segments.values[1], other: true }] } };
  assert.deepEqual(segmentsModel('USD', marked).tables[0].rows[1].cells[0].drill.extra, { segment: { other_than: ['NA'] } });
  const june = segmentsModel('USD', SPLIT, { period: '1' });
  assert.equal(june.tables[0].rows[2].cells[0].drill.label, '2024-06');
});

test('split columns: dimensions, then the customer, type and status columns', () => {
  assert.deepEqual(splitColumns({ dimensions: ['rep', 'region'], mapping: { id: 'id', customer: 'Account', type: 'type' } }),
    ['rep', 'region', 'Account', 'type']);
  assert.deepEqual(splitColumns(null), []);
});

test('a view CSV has raw values and neutralised formulas', () => {
  const csv = tablesCsv('USD', 'orders', ordersModel('USD', DATA).tables);
  assert.match(csv, /USD,orders,orders_oldest,O-1,'=cmd\(\),7,2024-02-01,150,25\.00/);
  assert.match(csv, /USD,orders,orders_age,Undelivered,2,40\.00/);
});

test('every help key of the views has a definition', () => {
  for (const m of [forwardModel('USD', SPLIT), waterfallModel('USD', SPLIT), pipelineModel('USD', SPLIT), ordersModel('USD', SPLIT),
    trendsModel('USD', SPLIT), segmentsModel('USD', SPLIT)]) {
    const keys = [...m.kpis.map((k) => k.help), ...m.tables.flatMap((t) => [t.help, ...t.columns.map((c) => c.help), ...t.rows.map((r) => r.help)])];
    for (const key of keys.filter(Boolean)) assert.ok(METRIC_DEFINITIONS[key], `${m.key}: no definition for ${key}`);
  }
});
