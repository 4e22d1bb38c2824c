// The report -> table model (the DOM part is covered by tests/e2e).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountCell, buildCurrencyTable, currencyTables, METRIC_GROUPS } from '../../web/src/report_view.js';

const REPORT = {
  rows: { read: 2, accepted: 2, rejected: 0 },
  issues: [],
  currencies: {
    USD: {
      minor_digits: 2,
      periods: [
        { period: '2024-01', start: '2024-01-01', end: '2024-01-31', bookings: 1200000, revenue: 100000, cancellations: -5, backlog_end: 1100000 },
        { period: '2024-02', start: '2024-02-01', end: '2024-02-29', bookings: 0, revenue: 100000, backlog_end: 1000000 },
      ],
    },
    JPY: { minor_digits: 0, periods: [{ period: '2024-01', bookings: 5000 }] },
  },
};

test('every metric of METRICS.md §9 has a row, in statement order', () => {
  const keys = METRIC_GROUPS.flatMap((g) => g.metrics.map(([key]) => key));
  assert.deepEqual(keys, ['bookings', 'acv_bookings', 'cancellations', 'revenue', 'billings', 'backlog_begin',
    'backlog_end', 'deferred_revenue_end', 'unbilled_receivable_end', 'billed_backlog_end', 'unbilled_backlog_end',
    'crpo_end', 'unscheduled_backlog_end']);
});

test('periods become columns and amounts are formatted with the currency digits', () => {
  const [usd, jpy] = currencyTables(REPORT);
  assert.equal(usd.currency, 'USD');
  assert.deepEqual(usd.columns, [{ label: '2024-01', title: '2024-01-01 to 2024-01-31' }, { label: '2024-02', title: '2024-02-01 to 2024-02-29' }]);
  const rows = Object.fromEntries(usd.groups.flatMap((g) => g.rows).map((r) => [r.key, r]));
  assert.deepEqual(rows.bookings.cells.map((c) => c.text), ['12,000.00', '0.00']);
  assert.deepEqual(rows.bookings.cells.map((c) => c.zero), [false, true]);
  assert.deepEqual(rows.cancellations.cells[0], { text: '(0.05)', zero: false, negative: true });
  assert.equal(rows.billings.cells[0].text, '');          // absent in the report: blank, not 0
  assert.equal(jpy.groups[0].rows[0].cells[0].text, '5,000');
});

test('a display string from the engine wins over local formatting', () => {
  assert.deepEqual(amountCell({ minor: 123456, display: '$1,234.56' }, 2), { text: '$1,234.56', zero: false, negative: false });
  assert.deepEqual(amountCell({ minor: -1 }, 2), { text: '(0.01)', zero: false, negative: true });
});

test('a report without currencies gives no tables', () => {
  assert.deepEqual(currencyTables({}), []);
  assert.deepEqual(buildCurrencyTable('EUR', {}).columns, []);
});
