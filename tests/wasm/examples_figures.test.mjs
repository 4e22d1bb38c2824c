// The figures that examples/*/README.md tells a reader to look for, checked
// to the cent through the engine's JavaScript API: a README that drifts from
// its data fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesDir, repo } from './engine.mjs';

const { createEngine } = await import(join(repo, 'web/dist-engine/bbb-engine.mjs'));
const engine = await createEngine();
const file = (path) => readFileSync(join(examplesDir, path));

async function report(files, read = {}, settings = {}) {
  const r = await engine.analyse(files, read, settings);
  assert.ok(r.ok, JSON.stringify(r.error));
  assert.equal(r.report.rows.rejected, 0);
  return r.report;
}
const period = (r, cur, label) => r.currencies[cur].periods.find((p) => p.period === label);

test('saas-company: bookings by type, revenue, billings, the cancellation, backlog, deferred, book-to-bill', async () => {
  const r = await report({ contracts: file('saas-company/contracts.csv') }, {}, { period: 'year' });
  const usd24 = period(r, 'USD', 'FY2024');
  const eur24 = period(r, 'EUR', 'FY2024');
  assert.deepEqual(usd24.bookings_by_type, { new: 19560000, expansion: 180000, renewal: 0 });
  assert.deepEqual([usd24.bookings, usd24.revenue, usd24.billings, usd24.backlog_end, usd24.crpo_end, usd24.deferred_revenue_end, usd24.book_to_bill],
    [19740000, 5980000, 7680000, 13760000, 7460000, 1700000, 2.5703]);
  assert.deepEqual([eur24.bookings, eur24.revenue, eur24.billings, eur24.cancellations, eur24.backlog_end, eur24.deferred_revenue_end, eur24.book_to_bill],
    [3100000, 1900000, 2125000, 300000, 900000, 225000, 1.4588]);
  assert.deepEqual([period(r, 'USD', 'FY2025').bookings, period(r, 'USD', 'FY2025').revenue], [3240000, 10430000]);
  assert.deepEqual([period(r, 'EUR', 'FY2025').bookings, period(r, 'EUR', 'FY2025').revenue], [2250000, 2400000]);
  const monthly = await report({ contracts: file('saas-company/contracts.csv') });
  assert.equal(period(monthly, 'EUR', '2024-12').cancellations, 300000);
});

test('manufacturer: undelivered orders, older than 90 days, the oldest, lead time per quarter', async () => {
  const r = await report({ contracts: file('manufacturer/contracts.csv') }, { as_of: '2025-12-31' }, { period: 'quarter' });
  const c = r.currencies.USD;
  assert.deepEqual([c.total.bookings, c.total.revenue, c.total.backlog_end, c.total.unscheduled_backlog_end], [51255000, 20400000, 30855000, 30855000]);
  assert.deepEqual(c.orders.undelivered, { count: 7, value: 30855000 });
  assert.deepEqual(c.orders.older_than_90_days, { count: 3, value: 15040000 });
  assert.deepEqual(c.orders.oldest.slice(0, 3).map((o) => [o.id, o.age_days]), [['M-1007', 233], ['M-1009', 191], ['M-1012', 126]]);
  assert.deepEqual(c.periods.map((p) => p.sales.lead_time_days), [24.6667, 52.6667, 73.3333, 31]);
});

test('project-business: percent complete against milestone invoices, quarter by quarter', async () => {
  const r = await report({ contracts: file('project-business/contracts.csv'), invoices: file('project-business/invoices.csv'),
    fulfilment: file('project-business/fulfilment.csv') }, {}, { period: 'quarter' });
  assert.deepEqual(r.files.map((f) => [f.kind, f.rows.accepted, f.rows.rejected]), [['invoices', 10, 0], ['fulfilment', 24, 0], ['contracts', 3, 0]]);
  const rows = r.currencies.USD.periods.map((p) => [p.period, p.revenue, p.billings, p.deferred_revenue_end, p.unbilled_receivable_end, p.backlog_end]);
  assert.deepEqual(rows, [
    ['FY2025-Q1', 19200000, 33600000, 19200000, 4800000, 148800000],
    ['FY2025-Q2', 49200000, 47000000, 24200000, 12000000, 125600000],
    ['FY2025-Q3', 52400000, 31800000, 0, 8400000, 73200000],
    ['FY2025-Q4', 41600000, 37800000, 0, 12200000, 31600000],
  ]);
});
