// The recurring view's model (web/src/views/recurring_model.js, arr_bridge.js,
// cohort_heat.js, integer_math.js) on a hand-worked report,
// tests/web/recurring_report.json, by quarter 2024-Q1 to 2025-Q1:
//
//   A: 12,000.00 for 12 months from 2024-01 (1,000.00 a month), and 6,000.00
//      for 6 months from 2024-07 (1,000.00): 1,000 Jan-Jun, 2,000 Jul-Dec.
//   B: 6,000.00 for 3 months from 2024-02 (2,000 Feb-Apr), then 3,000.00 for
//      3 months from 2024-07 (1,000 Jul-Sep): churn in May, back in July.
//   C: 24,000.00 for 12 months from 2024-03 (2,000), renewed from 2025-03 at
//      30,000.00 (2,500): expansion in March 2025.
//   D: 18,000.00 for 12 months and 3,000.00 for 6 months from 2024-01:
//      2,000 Jan-Jun, 1,500 Jul-Dec: contraction in July.
//   Regions: A and C in NA, B and D in EMEA.
//
// So Q3 2024: MRR 5,000 → 6,500 (expansion 1,000, reactivation 1,000,
// contraction 500), ARR 60,000 → 78,000. The DOM is covered by
// tests/e2e/recurring.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { arrBridge, bridgeChart } from '../../web/src/views/arr_bridge.js';
import { cohortTable } from '../../web/src/views/cohort_heat.js';
import { share, times } from '../../web/src/views/integer_math.js';
import { defaultBridgePeriod, lastRecurringPeriod, mrrStatus, recurringModel } from '../../web/src/views/recurring_model.js';
import { VIEW_MODELS } from '../../web/src/views/view_registry.js';
import { VIEWS } from '../../web/src/views/view_tabs.js';
import { tablesCsv } from '../../web/src/export_report.js';
import { METRIC_DEFINITIONS } from '../../web/src/metric_definitions.js';

const fixture = JSON.parse(readFileSync(new URL('./recurring_report.json', import.meta.url), 'utf8'));
const USD = fixture.report.currencies.USD;
const SPLIT = fixture.split_usd;
const Q3 = '2';   // FY2024-Q3
const table = (m, key) => m.tables.find((t) => t.key === key);
const row = (t, key) => t.rows.find((r) => r.key === key);
const col = (t, label) => t.columns.findIndex((c) => c.label === label);
const texts = (r) => r.cells.map((c) => c.text);

test('the ARR bridge of Q3 2024: 60,000.00 + 12,000.00 + 12,000.00 − 6,000.00 = 78,000.00, each 12 × the MRR figure', () => {
  const m = recurringModel('USD', USD, { period: Q3 });
  const t = table(m, 'recurring_bridge');
  assert.deepEqual(t.rows.map((r) => [r.operator, r.label, ...texts(r)]), [
    ['', 'At start', '5,000.00', '60,000.00'],
    ['+', 'New', '0.00', '0.00'],
    ['+', 'Expansion', '1,000.00', '12,000.00'],
    ['+', 'Reactivation', '1,000.00', '12,000.00'],
    ['−', 'Contraction', '500.00', '6,000.00'],
    ['−', 'Churn', '0.00', '0.00'],
    ['=', 'At end', '6,500.00', '78,000.00'],
  ]);
  // The end of the bridge is the engine's own ARR.
  assert.equal(m.kpis.find((k) => k.key === 'arr_end').text, '78,000.00');
  assert.equal(m.kpis.find((k) => k.key === 'mrr_end').text, '6,500.00');
  assert.equal(m.kpis.find((k) => k.key === 'customers_end').text, '4');
  assert.equal(m.kpis.find((k) => k.key === 'quick_ratio').text, '4.00×');
  assert.equal(m.kpis.find((k) => k.key === 'nrr').text, '–');   // no customer had MRR a year before
});

test('the bridge holds and ends at the engine\'s arr_end in every period and the total; a broken identity is caught', () => {
  for (const p of [...USD.periods, USD.total]) {
    const b = arrBridge(p.mrr);
    assert.ok(b.holds, p.period);
    assert.equal(b.steps.at(-1).arr, BigInt(p.mrr.arr_end), p.period);
    assert.equal(b.steps[0].arr, 12n * BigInt(p.mrr.mrr_begin), p.period);
  }
  assert.equal(arrBridge({ ...USD.periods[2].mrr, churn: 1 }).holds, false);
  assert.equal(arrBridge(null), null);
  const quiet = { ...USD.periods[0].mrr, mrr_end: 0, new: 0, arr_end: 0 };
  const none = recurringModel('USD', { ...USD, periods: [...USD.periods, { ...USD.periods[0], period: 'x', mrr: quiet }] }, { period: '5' });
  assert.equal(none.charts.some((c) => c.key === 'arr_bridge'), false);   // all zeros: the table says it
  assert.equal(table(none, 'recurring_bridge').rows.at(-1).cells[1].text, '0.00');
  assert.equal(arrBridge({ ...USD.periods[2].mrr, new: 1.5 }), null);
});

test('ARR = 12 × MRR is exact past 2^53, where a float is not', () => {
  const mrr = 3002399999999999;   // a safe integer; 12 × it is not
  assert.equal(times(mrr, 12), 36028799999999988n);
  assert.notEqual(String(mrr * 12), '36028799999999988');
  const big = { mrr_begin: 0, new: mrr, expansion: 0, reactivation: 0, contraction: 0, churn: 0, mrr_end: mrr };
  const b = arrBridge(big);
  assert.ok(b.holds);
  assert.equal(bridgeChart(b, 'x', 2).series[0].texts.at(-1), '360,287,999,999,999.88');
  assert.equal(times('-7', 12), -84n);
  assert.equal(times(1.5, 12), null);
});

test('the waterfall chart floats each movement from where the one before left ARR', () => {
  const m = recurringModel('USD', USD, { period: Q3 });
  const chart = m.charts.find((c) => c.key === 'arr_bridge');
  assert.deepEqual(chart.labels, ['Start', 'New', 'Expansion', 'Reactivation', 'Contraction', 'Churn', 'End']);
  assert.equal(chart.allLabels, true);
  assert.deepEqual(chart.series[0].data, [[0, 6000000], [6000000, 6000000], [6000000, 7200000], [7200000, 8400000],
    [7800000, 8400000], [7800000, 7800000], [0, 7800000]]);
  assert.deepEqual(chart.series[0].texts, ['60,000.00', '0.00', '+12,000.00', '+12,000.00', '−6,000.00', '0.00', '78,000.00']);
  assert.deepEqual(chart.series[0].colours, ['--series-1', '--series-3', '--series-3', '--series-3', '--error', '--error', '--series-1']);
  assert.equal(chart.legend, false);
});

test('MRR, customers and ratios per period, with the engine\'s Total; money drills, counts and ratios do not', () => {
  const m = recurringModel('USD', USD, {});
  const mrr = table(m, 'recurring_mrr');
  assert.deepEqual(mrr.columns.map((c) => c.label), ['FY2024-Q1', 'FY2024-Q2', 'FY2024-Q3', 'FY2024-Q4', 'FY2025-Q1', 'Total']);
  assert.deepEqual(texts(row(mrr, 'churn')), ['0.00', '2,000.00', '0.00', '1,000.00', '3,500.00', '6,500.00']);
  assert.deepEqual(texts(row(mrr, 'mrr_end')), ['7,000.00', '5,000.00', '6,500.00', '5,500.00', '2,500.00', '2,500.00']);
  assert.deepEqual(texts(row(mrr, 'arr_end')), ['84,000.00', '60,000.00', '78,000.00', '66,000.00', '30,000.00', '30,000.00']);
  const expansion = row(mrr, 'expansion').cells;
  assert.deepEqual(expansion[col(mrr, 'FY2024-Q3')].drill,
    { metric: 'mrr_expansion', label: 'Expansion', start: '2024-07-01', end: '2024-09-30', extra: {}, help: 'mrr_expansion' });
  assert.equal(expansion[col(mrr, 'FY2024-Q1')].drill, undefined);   // 0: nothing to list
  assert.deepEqual(expansion[col(mrr, 'Total')].drill.start, '2024-01-01');
  // ARR drills as itself: the lines running at the end, twelve times their MRR.
  assert.equal(row(mrr, 'arr_end').cells[0].drill.metric, 'arr_end');
  assert.equal(row(mrr, 'arr_end').cells[0].drill.help, 'arr_end');
  assert.deepEqual(row(mrr, 'mrr_begin').cells.map((c) => c.drill?.metric ?? ''), ['', 'mrr_begin', 'mrr_begin', 'mrr_begin', 'mrr_begin', '']);

  const customers = table(m, 'recurring_customers');
  assert.deepEqual(customers.rows.map((r) => [r.operator, r.key, r.cells[2].text]), [
    ['', 'customers_begin', '3'], ['+', 'new_customers', '0'], ['+', 'reactivated_customers', '1'],
    ['−', 'churned_customers', '0'], ['=', 'customers_end', '4']]);
  assert.ok(customers.rows.every((r) => r.cells.every((c) => !c.drill)));

  const ratios = table(m, 'recurring_ratios');
  assert.deepEqual(texts(row(ratios, 'nrr')), ['', '', '', '', '35.7%', '35.7%']);
  assert.deepEqual(texts(row(ratios, 'grr')), ['', '', '', '', '28.6%', '28.6%']);
  assert.deepEqual(texts(row(ratios, 'logo_churn')), ['', '25.0%', '0.0%', '25.0%', '66.7%', '']);
  assert.deepEqual(texts(row(ratios, 'quick_ratio')), ['', '0.00×', '4.00×', '0.00×', '0.14×', '1.36×']);
  assert.equal(row(ratios, 'quick_ratio').cells[2].raw, '4');
  assert.ok(ratios.rows.every((r) => r.cells.every((c) => !c.drill)));
});

test('the bridge opens at the period of the as-of date, else the last ending with MRR; a chosen period or Total is kept', () => {
  assert.equal(defaultBridgePeriod({ ...USD, pipeline: { as_of: '2024-08-15' } }), '2');
  assert.equal(defaultBridgePeriod({ ...USD, pipeline: { as_of: '2024-06-30' }, forward: { as_of: '2024-10-01' } }), '3');
  assert.equal(defaultBridgePeriod({ ...USD, pipeline: { as_of: '2026-12-07' } }), '4');
  // An as-of date in a period without MRR (the contracts all ended): the last period with some.
  const ended = { ...USD, pipeline: { as_of: '2025-05-01' }, periods: [...USD.periods, { period: 'FY2025-Q2', start: '2025-04-01',
    end: '2025-06-30', mrr: { ...USD.periods[4].mrr, mrr_begin: 0, mrr_end: 0 } }] };
  assert.equal(defaultBridgePeriod(ended), '4');
  assert.equal(recurringModel('USD', { ...USD, pipeline: { as_of: '2024-01-01' } }).pickers[0].value, '0');
  assert.equal(lastRecurringPeriod(USD.periods), '4');
  const zeroLast = [...USD.periods.slice(0, 4), { ...USD.periods[4], mrr: { ...USD.periods[4].mrr, mrr_end: 0 } }];
  assert.equal(lastRecurringPeriod(zeroLast), '3');
  assert.equal(recurringModel('USD', USD, {}).pickers[0].value, '4');
  assert.equal(recurringModel('USD', USD, { period: '9' }).pickers[0].value, '4');
  const total = recurringModel('USD', USD, { period: 'total' });
  assert.equal(total.pickers[0].value, 'total');
  assert.deepEqual(texts(table(total, 'recurring_bridge').rows.at(-1)), ['2,500.00', '30,000.00']);
  assert.equal(table(total, 'recurring_bridge').rows[5].cells[0].text, '6,500.00');
});

test('cohorts: share of starting MRR kept, or of customers, by months since the start, shaded by the share', () => {
  const byMrr = recurringModel('USD', USD, {});
  const t = table(byMrr, 'recurring_cohorts');
  assert.equal(t.heat, true);
  assert.deepEqual(t.columns.slice(0, 4).map((c) => c.label), ['Customers', 'MRR at start', 'Month 0', 'Month 1']);
  assert.equal(t.columns.length, 2 + 15);
  const jan = row(t, 'cohort.2024-01').cells;
  assert.deepEqual([jan[0].text, jan[1].text], ['2', '3,000.00']);
  assert.deepEqual([jan[2].text, jan[2].raw, jan[2].heat], ['100.0%', '1.0000', 6]);
  // Month 6 (July): A expanded by 1,000, D contracted by 500: 3,500 of 3,000.
  assert.deepEqual([jan[2 + 6].text, jan[2 + 6].raw, jan[2 + 6].heat, jan[2 + 6].title], ['116.7%', '1.1667', 6, 'MRR 3,500.00 of 3,000.00']);
  assert.deepEqual([jan[2 + 12].text, jan[2 + 12].heat], ['0.0%', 0]);
  const feb = row(t, 'cohort.2024-02').cells;
  assert.deepEqual(feb.slice(2).map((c) => c.text), ['100.0%', '100.0%', '100.0%', '0.0%', '0.0%', '50.0%', '50.0%', '50.0%',
    '0.0%', '0.0%', '0.0%', '0.0%', '0.0%', '0.0%', '']);
  assert.equal(feb[2 + 5].heat, 3);
  const mar = row(t, 'cohort.2024-03').cells;
  assert.equal(mar[2 + 12].text, '125.0%');
  assert.equal(mar[2 + 13].text, '');   // past the report's last month

  const byCustomers = table(recurringModel('USD', USD, { cohort: 'customers' }), 'recurring_cohorts');
  const janC = row(byCustomers, 'cohort.2024-01').cells;
  assert.deepEqual([janC[2 + 6].text, janC[2 + 12].text, janC[2 + 12].title], ['100.0%', '0.0%', '0 of 2 customers']);
  assert.equal(row(byCustomers, 'cohort.2024-02').cells[2 + 5].text, '100.0%');
  assert.deepEqual(recurringModel('USD', USD, { cohort: 'customers' }).pickers[1].value, 'customers');
  assert.equal(cohortTable('USD', [], 'mrr', 2), null);
});

test('shares round half up, exactly; no share of an empty whole', () => {
  assert.deepEqual(share(1, 3, 6), { text: '33.3%', raw: '0.3333', zero: false, heat: 2 });
  assert.deepEqual(share(2, 3, 6), { text: '66.7%', raw: '0.6667', zero: false, heat: 4 });
  assert.deepEqual(share(1, 8, 6), { text: '12.5%', raw: '0.1250', zero: false, heat: 1 });
  assert.deepEqual(share(0, 8, 6), { text: '0.0%', raw: '0.0000', zero: true, heat: 0 });
  assert.equal(share(1, 0, 6), null);
  assert.equal(share(9007199254740993n, 9007199254740993n * 2n, 6).raw, '0.5000');
});

test('invoices alone: MRR not known, said so, never zeros; no recurring lines: one sentence; an older engine: said so', () => {
  const unknownData = { ...USD, cohorts: null, periods: USD.periods.map((p) => ({ ...p, mrr: null })), total: { ...USD.total, mrr: null } };
  assert.equal(mrrStatus(unknownData), 'unknown');
  const m = recurringModel('USD', unknownData);
  assert.match(m.empty, /^MRR and ARR are not known from invoices alone: they come from booked ratable lines and subscriptions/);
  assert.deepEqual([m.kpis, m.tables, m.charts], [[], [], []]);

  const zero = (x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typeof v === 'number' ? 0 : null]));
  const none = { ...USD, cohorts: [], periods: USD.periods.map((p) => ({ ...p, mrr: zero(p.mrr) })), total: { ...USD.total, mrr: zero(USD.total.mrr) } };
  assert.equal(mrrStatus(none), 'none');
  assert.equal(recurringModel('USD', none).empty,
    'No recurring revenue: MRR comes from booked ratable lines and subscriptions, and this report has none.');

  const older = { ...USD, cohorts: undefined, periods: USD.periods.map(({ mrr, ...p }) => p), total: { period: 'total' } };
  assert.equal(mrrStatus(older), 'absent');
  assert.match(recurringModel('USD', older).empty, /gave no recurring revenue/);
  assert.equal(recurringModel('USD', { ...USD, periods: [] }).empty, 'No periods to show.');
});

test('one period not known in a known report: its cells say so, not 0', () => {
  const mixed = { ...USD, periods: USD.periods.map((p, i) => (i === 1 ? { ...p, mrr: null } : p)) };
  const m = recurringModel('USD', mixed, { period: '1' });
  assert.ok(table(m, 'recurring_bridge').rows.every((r) => r.cells.every((c) => c.unknown && c.text === '—')));
  assert.equal(m.kpis.find((k) => k.key === 'arr_end').title, 'not known from invoices alone');
  assert.equal(row(table(m, 'recurring_mrr'), 'new').cells[1].text, '—');
  assert.equal(m.charts.find((c) => c.key === 'arr_bridge'), undefined);
});

test('split: each segment\'s MRR of the chosen period, drilling inside its segment, and the unsplit Total', () => {
  const m = recurringModel('USD', SPLIT, { period: Q3 });
  const t = table(m, 'recurring_segments');
  assert.equal(t.corner, 'region');
  assert.deepEqual(t.rows.map((r) => r.label), ['NA', 'EMEA', 'Total']);
  const c = (label) => col(t, label);
  assert.deepEqual(t.rows.map((r) => [r.cells[c('Expansion')].text, r.cells[c('Reactivation')].text, r.cells[c('MRR (end)')].text,
    r.cells[c('ARR (end)')].text, r.cells[c('Customers (end)')].text]),
  [['1,000.00', '0.00', '4,000.00', '48,000.00', '2'], ['0.00', '1,000.00', '2,500.00', '30,000.00', '2'],
    ['1,000.00', '1,000.00', '6,500.00', '78,000.00', '4']]);
  assert.deepEqual(t.rows[0].cells[c('Expansion')].drill.extra, { segment: 'NA' });
  assert.deepEqual(t.rows[2].cells[c('Expansion')].drill.extra, {});
  assert.equal(t.rows[1].cells[c('ARR (end)')].drill.metric, 'arr_end');
  assert.equal(t.rows[0].cells[c('Customers (end)')].drill, undefined);
  assert.equal(table(m, 'recurring_cohorts').rows.length, 3);   // the unsplit cohorts
});

test('the view\'s CSV: raw values, operators after the names, nothing a spreadsheet would run', () => {
  const csv = tablesCsv('USD', 'recurring', recurringModel('USD', USD, { period: Q3 }).tables);
  assert.match(csv, /^USD,recurring,recurring_bridge,At start,5000\.00,60000\.00$/m);
  assert.match(csv, /^USD,recurring,recurring_bridge,Expansion \(\+\),1000\.00,12000\.00$/m);
  assert.match(csv, /^USD,recurring,recurring_bridge,Contraction \(−\),500\.00,6000\.00$/m);
  assert.match(csv, /^USD,recurring,recurring_bridge,At end \(=\),6500\.00,78000\.00$/m);
  assert.match(csv, /^USD,recurring,recurring_ratios,Quick ratio,,0,4,0,0\.1429,1\.3571$/m);
  assert.match(csv, /^USD,recurring,recurring_cohorts,2024-01,2,3000\.00,1\.0000,1\.0000,/m);
  for (const line of csv.split('\r\n')) {
    for (const field of line.split(',')) assert.doesNotMatch(field, /^[=+@]/, line);
  }
});

test('the view is a tab of the page and of <bbb-report>, and every figure has a definition', () => {
  assert.ok(VIEWS.some((v) => v.key === 'recurring' && v.label === 'Recurring'));
  assert.equal(typeof VIEW_MODELS.recurring, 'function');
  const m = VIEW_MODELS.recurring('USD', SPLIT, {});
  const keys = [...m.kpis.map((k) => k.help), ...m.tables.flatMap((t) => [t.help, ...t.columns.map((c) => c.help),
    ...t.rows.map((r) => r.help), ...t.rows.flatMap((r) => r.cells.map((cell) => cell.drill?.help))])];
  for (const key of keys.filter(Boolean)) assert.ok(METRIC_DEFINITIONS[key], `no definition for ${key}`);
  for (const metric of ['mrr_begin', 'mrr_end', 'mrr_new', 'mrr_expansion', 'mrr_contraction', 'mrr_churn', 'mrr_reactivation',
    'arr_end', 'nrr', 'grr', 'logo_churn', 'quick_ratio', 'customers_begin', 'customers_end', 'new_customers', 'churned_customers',
    'reactivated_customers', 'mrr_cohorts']) {
    assert.ok(METRIC_DEFINITIONS[metric]?.definition, metric);
  }
});
