// The contract lab's guided steps (web/src/lab/lab_model.js), run through
// the engine's JavaScript API exactly as the lab runs them: every figure a
// step tells the learner to notice, checked to the cent; the explanations
// quote those figures; a set-up survives its link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repo } from './engine.mjs';
import { STEPS, decodeSetup, encodeSetup, explain, labTable, salesFacts, setupCsv, setupSettings } from '../../web/src/lab/lab_model.js';

const { createEngine } = await import(join(repo, 'web/dist-engine/bbb-engine.mjs'));
const engine = await createEngine();

async function run(setup) {
  const { read, report } = setupSettings(setup);
  const r = await engine.analyse({ contracts: setupCsv(setup) }, read, report);
  assert.ok(r.ok, JSON.stringify(r.error));
  assert.deepEqual(r.report.issues.filter((i) => i.severity === 'error'), []);
  return r.report.currencies.USD;
}
const step = (key) => STEPS.find((s) => s.key === key);
const period = (c, label) => c.periods.find((p) => p.period === label);

test('bookings, billings and revenue: three numbers in January; monthly billing moves only billings', async () => {
  const c = await run(step('bookings-billings-revenue').setup);
  const jan = period(c, '2024-01');
  assert.deepEqual([jan.bookings, jan.billings, jan.revenue], [1200000, 1200000, 100000]);
  const monthly = await run({ ...step('bookings-billings-revenue').setup,
    contracts: [{ ...step('bookings-billings-revenue').setup.contracts[0], billing: 'monthly' }] });
  for (const p of monthly.periods) assert.equal(p.billings, 100000, p.period);
  assert.equal(period(monthly, '2024-01').bookings, 1200000);
  assert.equal(period(monthly, '2024-01').revenue, 100000);
});

test('deferred revenue: 11,000.00 after January, falling 1,000.00 a month to zero; arrears make an unbilled receivable', async () => {
  const c = await run(step('deferred-revenue').setup);
  assert.deepEqual(c.periods.map((p) => p.deferred_revenue_end),
    [1100000, 1000000, 900000, 800000, 700000, 600000, 500000, 400000, 300000, 200000, 100000, 0]);
  assert.equal(explain('deferred_revenue_end', period(c, '2024-01'), 2),
    'Billed 12,000.00 in 2024-01, earned 1,000.00: 11,000.00 is billed but not yet earned at the end of 2024-01: service still owed, a liability.');
  const arrears = await run({ ...step('deferred-revenue').setup,
    contracts: [{ ...step('deferred-revenue').setup.contracts[0], billing: 'quarterly-arrears' }] });
  assert.deepEqual(arrears.periods.slice(0, 3).map((p) => p.unbilled_receivable_end), [100000, 200000, 0]);
  assert.equal(period(arrears, '2024-01').deferred_revenue_end, 0);
});

test('backlog and RPO: 36,000.00 booked, 35,000.00 left after January, cRPO 12,000.00', async () => {
  const c = await run(step('backlog-rpo').setup);
  const jan = period(c, '2024-01');
  assert.deepEqual([jan.bookings, jan.backlog_end, jan.crpo_end, jan.later_backlog_end], [3600000, 3500000, 1200000, 2300000]);
  assert.equal(period(c, '2024-02').backlog_end, 3400000);
  assert.match(explain('backlog_end', jan, 2), /0\.00 at the start \+ 36,000\.00 booked − 1,000\.00 earned − 0\.00 cancelled = 35,000\.00/);
});

test('cancellations: revenue stops after June, 6,000.00 cancelled and credited in July, deferred revenue 0', async () => {
  const c = await run(step('cancellations').setup);
  assert.equal(c.total.revenue, 600000);
  const jul = period(c, '2024-07');
  assert.deepEqual([jul.cancellations, jul.billings, jul.revenue, jul.deferred_revenue_end, jul.backlog_end], [600000, -600000, 0, 0, 0]);
  assert.equal(period(c, '2024-01').bookings, 1200000);
  assert.equal(explain('billings', jul, 2), '(6,000.00) in 2024-07: a credit note, billing taken back.');
});

test('book-to-bill: 8.00 in Q1 2024, 0.67 in Q2', async () => {
  const c = await run(step('book-to-bill').setup);
  const q1 = period(c, 'FY2024-Q1');
  const q2 = period(c, 'FY2024-Q2');
  assert.deepEqual([q1.bookings, q1.billings, q1.book_to_bill], [2400000, 300000, 8]);
  assert.deepEqual([q2.bookings, q2.billings, q2.book_to_bill], [600000, 900000, 0.6667]);
  const table = labTable(c);
  assert.equal(table.rows.find((r) => r.key === 'book_to_bill').cells[1].text, '0.67');
});

test('pipeline velocity: win rate 66.7%, cycle 44.5 days, 599.25 a day', async () => {
  const c = await run(step('pipeline-velocity').setup);
  const q1 = period(c, 'FY2024-Q1').sales;
  assert.deepEqual([q1.won, q1.lost, q1.win_rate, q1.average_sales_cycle_days, q1.sales_velocity_per_day], [2, 1, 0.6667, 44.5, 59925]);
  assert.deepEqual([c.pipeline.open_count, c.pipeline.open_value, c.pipeline.average_deal_size], [2, 4000000, 2000000]);
  const facts = salesFacts(c);
  assert.equal(facts.period, 'FY2024-Q1');
});

test('MRR, revenue and bookings: bookings 24,000.00 in January, billings 13,000.00 then 1,000.00, MRR 2,000.00 throughout; a cancellation is churn', async () => {
  const c = await run(step('mrr-revenue-bookings').setup);
  const jan = period(c, '2024-01');
  assert.deepEqual([jan.bookings, jan.billings, jan.revenue], [2400000, 1300000, 200000]);
  assert.deepEqual([jan.mrr.new, jan.mrr.new_customers], [200000, 2]);
  for (const p of c.periods) {
    assert.equal(p.mrr.mrr_end, 200000, p.period);
    assert.equal(p.mrr.arr_end, 2400000, p.period);
    assert.equal(p.revenue, 200000, p.period);
    if (p.period !== '2024-01') assert.equal(p.billings, 100000, p.period);
  }
  const setup = step('mrr-revenue-bookings').setup;
  const cancelled = await run({ ...setup, contracts: [setup.contracts[0], { ...setup.contracts[1], cancel: '2024-07-01' }] });
  const jul = period(cancelled, '2024-07');
  assert.deepEqual([jul.mrr.mrr_begin, jul.mrr.churn, jul.mrr.mrr_end, jul.mrr.churned_customers], [200000, 100000, 100000, 1]);
  assert.equal(period(cancelled, '2024-01').bookings, 2400000);
});

test('a lab link carries the set-up (terms only) and nothing else', () => {
  for (const s of STEPS) assert.deepEqual(decodeSetup('#' + encodeSetup(s.setup)), { ...s.setup, as_of: s.setup.as_of ?? '' });
  assert.equal(decodeSetup('#lab=not-base64!'), null);
  assert.equal(decodeSetup('#other=1'), null);
  const hostile = decodeSetup('#lab=' + Buffer.from(JSON.stringify({ c: [['<img src=x>', 1, {}]], p: 'x', a: 'nope' })).toString('base64url'));
  assert.equal(hostile.contracts[0].id, '<img src=x>');   // kept as text; the page renders it with textContent
  assert.equal(hostile.contracts[0].amount, '');
  assert.equal(hostile.proration, 'monthly');
  assert.equal(hostile.as_of, '');
});
