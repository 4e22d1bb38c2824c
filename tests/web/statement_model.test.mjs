// The report -> statement model (the DOM part is covered by tests/e2e).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { amountCell, buildStatement, currencyStatements, firstActiveColumn, numberCell } from '../../web/src/statement_model.js';
import { METRIC_DEFINITIONS } from '../../web/src/metric_definitions.js';

/** The engine's words (tests/wasm/vocabulary.test.mjs keeps this copy equal to the built engine's). */
const { drill_metrics: DRILL_METRICS } = JSON.parse(readFileSync(new URL('./engine_vocabulary.json', import.meta.url), 'utf8'));

const PERIOD = (period, start, end, extra) => ({
  period, start, end, bookings: 0, revenue: 0, billings: 0, cancellations: 0, backlog_begin: 0, backlog_end: 0, ...extra,
});
const REPORT = {
  currencies: {
    USD: {
      minor_digits: 2,
      periods: [
        PERIOD('2024-01', '2024-01-01', '2024-01-31', { bookings: 1200000, revenue: 100000, backlog_end: 1100000, cancellations: -5,
          bookings_by_type: { new: 1000000, renewal: 200000 }, book_to_bill: 1.25, backlog_months: 11,
          growth: { bookings: { period_over_period: null, year_over_year: 0.1234 } } }),
        PERIOD('2024-02', '2024-02-01', '2024-02-29', { revenue: 100000, backlog_begin: 1100000, backlog_end: 1000000,
          bookings_by_type: {}, book_to_bill: null, growth: { bookings: { period_over_period: -1, year_over_year: null } } }),
      ],
      total: PERIOD('total', '2024-01-01', '2024-02-29', { bookings: 1200000, revenue: 200000, backlog_end: 1000000,
        bookings_by_type: { new: 1000000, renewal: 200000 } }),
    },
    JPY: { minor_digits: 0, periods: [PERIOD('2024-01', '2024-01-01', '2024-01-31', { bookings: 5000 })] },
  },
};

const rowsOf = (s) => Object.fromEntries(s.groups.flatMap((g) => g.rows.filter((r) => !r.rollforward).map((r) => [r.key, r])));

test('periods then a Total column, with their date ranges', () => {
  const [usd] = currencyStatements(REPORT);
  assert.deepEqual(usd.columns.map((c) => [c.label, c.title, c.total]), [
    ['2024-01', '2024-01-01 to 2024-01-31', false], ['2024-02', '2024-02-01 to 2024-02-29', false], ['Total', '2024-01-01 to 2024-02-29', true]]);
  const rows = rowsOf(usd);
  assert.deepEqual(rows.bookings.cells.map((c) => c.text), ['12,000.00', '0.00', '12,000.00']);
  assert.deepEqual(rows.cancellations.cells[0], { text: '(0.05)', zero: false, negative: true });
  assert.equal(rows.acv_bookings.cells[0].text, '', 'absent in the report: blank, not 0');
});

test('the roll-forward shows begin + bookings − revenue − cancellations = end, in that order', () => {
  const [usd] = currencyStatements(REPORT);
  const rf = usd.groups.find((g) => g.key === 'rollforward');
  assert.deepEqual(rf.rows.map((r) => [r.operator, r.key]), [['', 'backlog_begin'], ['+', 'bookings'], ['−', 'revenue'], ['−', 'cancellations'], ['=', 'backlog_end']]);
  assert.deepEqual(rf.rows.map((r) => r.cells[1].text), ['11,000.00', '0.00', '1,000.00', '0.00', '10,000.00']);
});

test('bookings by type get a row per type, zero where a period has none', () => {
  const [usd] = currencyStatements(REPORT);
  const rows = rowsOf(usd);
  assert.deepEqual(rows['bookings_by_type.new'].cells.map((c) => c.text), ['10,000.00', '0.00', '10,000.00']);
  assert.equal(rows['bookings_by_type.renewal'].label, 'Type: renewal');
});

test('ratios and growth are the engine numbers formatted; null is blank', () => {
  const [usd] = currencyStatements(REPORT);
  const rows = rowsOf(usd);
  assert.deepEqual(rows.book_to_bill.cells.map((c) => c.text), ['1.25×', '', '']);
  assert.equal(rows.backlog_months.cells[0].text, '11.0');
  assert.deepEqual(rows['growth.bookings.year_over_year'].cells.map((c) => c.text), ['+12.3%', '', '']);
  assert.equal(rows['growth.bookings.period_over_period'].cells[1].text, '-100.0%');
  assert.deepEqual(numberCell(0, 'percent'), { text: '0.0%', zero: true, negative: false });
});

test('amount rows that the engine can drill are marked, and every row has a definition', () => {
  const [usd] = currencyStatements(REPORT, DRILL_METRICS);
  const drilled = [];
  for (const group of usd.groups) {
    for (const row of group.rows) {
      assert.ok(METRIC_DEFINITIONS[row.help], `no definition for ${row.key}`);
      if (row.drill) drilled.push(row.drill);
    }
  }
  // Every amount of the statement the engine names among its drill metrics, and only those.
  const amounts = usd.groups.flatMap((g) => g.rows).filter((r) => r.kind === 'amount' && !r.key.includes('.')).map((r) => r.key);
  assert.deepEqual(drilled, amounts.filter((key) => DRILL_METRICS.includes(key)));
  assert.equal(rowsOf(usd).revenue.drill, 'revenue');
  assert.equal(rowsOf(usd).bookings_count.drill, undefined);
  // Without the engine's words, nothing drills.
  assert.ok(currencyStatements(REPORT)[0].groups.every((g) => g.rows.every((r) => r.drill === undefined)));
});

test('a display string from the engine wins; other currencies keep their digits', () => {
  assert.deepEqual(amountCell({ minor: 123456, display: '$1,234.56' }, 2), { text: '$1,234.56', zero: false, negative: false });
  const [, jpy] = currencyStatements(REPORT);
  assert.equal(rowsOf(jpy).bookings.cells[0].text, '5,000');
  assert.equal(jpy.columns.length, 1, 'no total in the report: no Total column');
});

test('the table opens at the first period with a non-zero amount', () => {
  const s = buildStatement('EUR', { minor_digits: 2, periods: [PERIOD('a', '', ''), PERIOD('b', '', '', { revenue: 1 })] });
  assert.equal(firstActiveColumn(s), 1);
  assert.deepEqual(currencyStatements({}), []);
});
