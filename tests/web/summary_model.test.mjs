// The summary's model, the currency tab order and the readable period, on
// hand-worked figures: ex1 of examples/README.md (12,000.00 booked and
// started 2024-01-01 for 12 months, billed upfront: revenue 1,000.00 a
// month, backlog and deferred revenue 11,000.00 after January, 1,000.00
// less each month after).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencyOrder } from '../../web/src/currency_order.js';
import { readablePeriod } from '../../web/src/period_default.js';
import { buildSummary, latestCompleteIndex } from '../../web/src/summary_model.js';

const MONTH_ENDS = ['31', '29', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31'];
/** ex1's months as the engine writes them (minor units), typed in from the example's README. */
const ex1 = MONTH_ENDS.map((last, m) => {
  const month = `2024-${String(m + 1).padStart(2, '0')}`;
  const left = (11 - m) * 100000;
  return {
    period: month, start: `${month}-01`, end: `${month}-${last}`,
    bookings: m === 0 ? 1200000 : 0, billings: m === 0 ? 1200000 : 0, revenue: 100000,
    backlog_end: left, crpo_end: left, deferred_revenue_end: left,
    trailing_12_months: { start: m === 0 ? '2023-02-01' : `2023-${String(m + 2).padStart(2, '0')}-01`.replace('2023-13', '2024-01') },
    growth: { bookings: { period_over_period: m === 1 ? -1 : null, year_over_year: null },
      revenue: { period_over_period: m === 0 ? null : 0, year_over_year: null },
      backlog_end: { period_over_period: m === 0 ? null : -(1 / (12 - m)), year_over_year: null } },
    mrr: { arr_end: m < 11 ? 1200000 : 0, nrr: null },
  };
});

test('the latest complete period is the last one ended by the as-of date', () => {
  assert.equal(latestCompleteIndex(ex1, '2024-06-15'), 4);   // May: June has not ended
  assert.equal(latestCompleteIndex(ex1, '2024-06-30'), 5);
  assert.equal(latestCompleteIndex(ex1, '2023-12-31'), -1);
  assert.equal(latestCompleteIndex(ex1, ''), 11);
  assert.equal(buildSummary('USD', { minor_digits: 2, periods: ex1 }, null, '2023-12-31'), null);
});

test('ex1 as of 2024-06-15: May, with the engine figures of May and of the twelve months to May', () => {
  // The yearly report the page asks for (fiscal year from June): its last period is June 2023 to May 2024.
  const year = { periods: [
    { period: 'FY2023', start: '2022-06-01', end: '2023-05-31', bookings: 0, billings: 0, revenue: 0, backlog_end: 0, crpo_end: 0,
      deferred_revenue_end: 0, mrr: { arr_end: 0, nrr: null } },
    { period: 'FY2024', start: '2023-06-01', end: '2024-05-31', bookings: 1200000, billings: 1200000, revenue: 500000,
      backlog_end: 700000, growth: { bookings: { period_over_period: null }, revenue: { period_over_period: null } } },
  ] };
  const may = { ...ex1[4], trailing_12_months: { start: '2023-06-01' } };
  const periods = [...ex1.slice(0, 4), may, ...ex1.slice(5)];
  const s = buildSummary('USD', { minor_digits: 2, periods }, year, '2024-06-15');
  assert.ok(s);
  assert.equal(s.period.label, '2024-05');
  assert.deepEqual(s.ttm, { start: '2023-06-01', end: '2024-05-31' });
  const card = (key) => s.cards.find((c) => c.key === key);
  assert.deepEqual(s.cards.map((c) => c.key), ['bookings', 'billings', 'revenue', 'backlog_end', 'crpo_end', 'deferred_revenue_end', 'arr_end', 'nrr']);
  assert.equal(card('revenue').value.text, '1,000.00');
  assert.equal(card('revenue').change?.text, '0.0%');
  assert.equal(card('revenue').twelve?.value.text, '5,000.00');             // January to May
  assert.equal(card('bookings').twelve?.value.text, '12,000.00');
  assert.equal(card('backlog_end').value.text, '7,000.00');
  assert.equal(card('backlog_end').previous?.value.text, '8,000.00');       // April
  assert.equal(card('backlog_end').change?.text, '-12.5%');                 // 1,000 of 8,000, the engine's ratio
  assert.equal(card('backlog_end').twelve?.value.text, '0.00');             // May 2023: nothing booked yet
  assert.equal(card('deferred_revenue_end').value.text, '7,000.00');
  assert.equal(card('arr_end').value.text, '12,000.00');
  assert.equal(card('nrr').value.text, '');                                 // no base: blank, not 0
  assert.deepEqual(card('revenue').trend, [100000, 100000, 100000, 100000, 100000]);
  assert.deepEqual(card('revenue').drill, { metric: 'revenue', start: '2024-05-01', end: '2024-05-31', label: '2024-05' });
  assert.deepEqual(card('revenue').twelve?.drill, { metric: 'revenue', start: '2023-06-01', end: '2024-05-31', label: 'last 12 months' });
  assert.equal(card('nrr').drill, null);
  assert.equal(card('arr_end').view, 'recurring');
});

test('figures the engine does not know stay not known (invoices alone)', () => {
  const periods = ex1.map((p) => ({ ...p, bookings: null, backlog_end: null, mrr: null }));
  const s = buildSummary('USD', { minor_digits: 2, periods }, null, '2024-06-15');
  const card = (key) => s?.cards.find((c) => c.key === key);
  assert.equal(card('bookings')?.value.unknown, true);
  assert.equal(card('bookings')?.value.text, '—');
  assert.equal(card('backlog_end')?.value.unknown, true);
  assert.equal(card('arr_end')?.value.unknown, true);
  assert.equal(card('nrr')?.value.unknown, true);
  assert.equal(card('revenue')?.value.text, '1,000.00');
  // No yearly report given: the twelve months are not known either, never 0.
  assert.equal(card('revenue')?.twelve?.value.unknown, true);
});

test('the default currency opens first, then the one with the most lines booked, then by code', () => {
  const report = (currency, counts) => ({ settings: { currency },
    currencies: Object.fromEntries(Object.entries(counts).map(([code, n]) => [code, { total: { bookings_count: n } }])) });
  assert.deepEqual(currencyOrder(report('USD', { CHF: 9, EUR: 40, GBP: 40, USD: 1 })), ['USD', 'EUR', 'GBP', 'CHF']);
  assert.deepEqual(currencyOrder(report('JPY', { CHF: 2, EUR: 5 })), ['EUR', 'CHF']);
  assert.deepEqual(currencyOrder(report('USD', { EUR: null, CHF: null })), ['CHF', 'EUR']);   // invoices alone: by code
});

test('more than two years by month read as quarters', () => {
  const months = (n) => ({ settings: { period: 'month' }, currencies: { USD: { periods: Array.from({ length: n }, () => ({})) } } });
  assert.equal(readablePeriod(months(24)), null);
  assert.equal(readablePeriod(months(25)), 'quarter');
  assert.equal(readablePeriod({ ...months(57), settings: { period: 'year' } }), null);
});
