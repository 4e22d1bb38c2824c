import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, exportStem, plainAmount, reportCsv } from '../../web/src/export_report.js';
import { currencyStatements } from '../../web/src/statement_model.js';

test('cells a spreadsheet would run are neutralised; numbers stay numbers', () => {
  assert.equal(csvCell('=1+2'), "'=1+2");
  assert.equal(csvCell('+SUM(A1)'), "'+SUM(A1)");
  assert.equal(csvCell('-cmd'), "'-cmd");
  assert.equal(csvCell('@x'), "'@x");
  assert.equal(csvCell('\tx'), "'\tx");
  assert.equal(csvCell('\rx'), "\"'\rx\"");
  assert.equal(csvCell('-1234.56'), '-1234.56');
  assert.equal(csvCell('1234'), '1234');
  assert.equal(csvCell('− Revenue'), '− Revenue');
  assert.equal(csvCell('a,"b"'), '"a,""b"""');
  assert.equal(csvCell(null), '');
});

test('amounts become plain decimal strings from minor units', () => {
  assert.equal(plainAmount(-123456, 2), '-1234.56');
  assert.equal(plainAmount(123456789, 2), '1234567.89');
  assert.equal(plainAmount(5, 0), '5');
  assert.equal(plainAmount(null, 2), '');
});

test('the CSV has a header of periods and one row per statement row', () => {
  const report = { currencies: { USD: { minor_digits: 2,
    periods: [{ period: '2024-01', start: '2024-01-01', end: '2024-01-31', bookings: 1200000, book_to_bill: 1.25, growth: { bookings: { period_over_period: 0.5 } } }],
    total: { period: 'total', start: '2024-01-01', end: '2024-01-31', bookings: 1200000 } } } };
  const csv = reportCsv(report, currencyStatements(report));
  const lines = csv.split('\r\n');
  assert.equal(lines[0], 'currency,section,metric,label,2024-01,Total');
  assert.ok(lines.includes('USD,Bookings,bookings,Bookings,12000.00,12000.00'), lines.join('\n'));
  assert.ok(lines.includes('USD,Backlog roll-forward,bookings,Bookings (+),12000.00,12000.00'));
  assert.ok(lines.includes('USD,Ratios,book_to_bill,Book-to-bill,1.25,'));
  assert.ok(lines.includes('USD,Growth,growth.bookings.period_over_period,Bookings vs previous period,0.5,'));
});

test('export names come from the contracts file', () => {
  assert.equal(exportStem('sales 2024.csv'), 'sales-2024');
  assert.equal(exportStem('<x>.csv'), 'x');
  assert.equal(exportStem(undefined), 'report');
});
