// The contract lab's MRR step and rows (web/src/lab/lab_model.js), on
// hand-made engine periods: the step's set-up is the two contracts it
// talks about, the MRR and ARR rows read the engine's `mrr` block, say
// "not known" for null and are left out by an engine without it. The
// figures the engine gives for the step are checked in the browser by
// tests/e2e/recurring.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEPS, explain, labTable, setupCsv } from '../../web/src/lab/lab_model.js';

const step = STEPS.find((s) => s.key === 'mrr-revenue-bookings');
const mrr = (end) => ({ mrr_begin: 0, mrr_end: end, arr_end: end * 12, new: end, expansion: 0, contraction: 0, churn: 0, reactivation: 0,
  customers_begin: 0, customers_end: 2, new_customers: 2, churned_customers: 0, reactivated_customers: 0,
  nrr: null, grr: null, logo_churn: null, quick_ratio: null });
const period = (label, extra) => ({ period: label, start: `${label}-01`, end: `${label}-28`, bookings: 0, billings: 0, revenue: 200000,
  deferred_revenue_end: 0, unbilled_receivable_end: 0, backlog_begin: 0, cancellations: 0, backlog_end: 0, crpo_end: 0,
  book_to_bill: null, ...extra });

test('the MRR step: an annual prepaid and a monthly contract of 12,000.00 for 12 months, signed on the same day', () => {
  assert.ok(step);
  assert.equal(setupCsv(step.setup),
    'id,booking_date,amount,currency,start_date,term_months,recognition,delivery_date,billing,status,created_date,cancel_date\n' +
    'C1,2024-01-01,12000.00,USD,2024-01-01,12,ratable,,upfront,booked,,\n' +
    'C2,2024-01-01,12000.00,USD,2024-01-01,12,ratable,,monthly,booked,,\n');
  assert.match(step.notice.join(' '), /MRR 2,000\.00 at every month end/);
});

test('MRR and ARR rows from the engine\'s mrr block, explained with its own figures', () => {
  const t = labTable({ minor_digits: 2, periods: [period('2024-01', { mrr: mrr(200000) }), period('2024-02', { mrr: mrr(0) })] });
  const row = (key) => t.rows.find((r) => r.key === key);
  assert.deepEqual(row('mrr_end').cells.map((c) => c.text), ['2,000.00', '0.00']);
  assert.deepEqual(row('arr_end').cells.map((c) => c.text), ['24,000.00', '0.00']);
  assert.equal(row('mrr_end').cells[1].zero, true);
  assert.equal(row('arr_end').cells[0].explanation, 'ARR at the end of 2024-01: 12 × MRR 2,000.00 = 24,000.00, the year of recurring revenue that rate makes.');
  assert.match(row('mrr_end').cells[0].explanation, /^MRR at the end of 2024-01: 2,000\.00, each ratable contract running that day/);
  assert.equal(explain('mrr_end', period('2024-02', { mrr: mrr(0) }), 2),
    'No recurring revenue at the end of 2024-02: no ratable contract runs on that day.');
});

test('an engine without MRR: no MRR rows; MRR not known: said so, not 0', () => {
  const older = labTable({ minor_digits: 2, periods: [period('2024-01')] });
  assert.equal(older.rows.some((r) => r.key === 'mrr_end' || r.key === 'arr_end'), false);
  const unknown = labTable({ minor_digits: 2, periods: [period('2024-01', { mrr: null })] });
  const cell = unknown.rows.find((r) => r.key === 'mrr_end').cells[0];
  assert.deepEqual([cell.text, cell.zero, cell.explanation], ['—', false, 'MRR is not known from invoices alone.']);
});
