// The lines behind a figure as CSV and as a workbook (web/src/export/drill_export.js):
// every line with its terms, amounts as exact decimals, formula-like text kept harmless.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRILL_COLUMNS, drillCsv, drillSheet } from '../../web/src/export/drill_export.js';
import { xlsxBytes } from '../../web/src/export/xlsx_writer.js';
import { readXlsx } from './read_xlsx.mjs';

const line = (id, customer, amount, contribution, terms) => ({ id, customer, line: 2, amount, contribution, booking_date: '2024-01-15',
  start: '2024-02-01', end: '2025-01-31', term_months: 12, billing: 'annual', billing_start: '2024-02-01', recognition: 'ratable',
  delivery_date: null, cancel_date: null, status: 'booked', type: 'new', ...terms });
const DRILL = { currency: 'USD', metric: 'revenue', from: '2024-01-01', to: '2024-03-31', value: 460000, count: 2, lines: [
  line('S-001', 'Northwind', 2400000, 400000),
  line('S-002', '=cmd|\' /C calc\'!A0', 360000, 60000, { end: null, term_months: null, recognition: 'point', billing: 'on-delivery',
    billing_start: null, delivery_date: '2024-03-01' }),
] };

test('the CSV has a title, the total, a header and every line with its terms', () => {
  const rows = drillCsv(DRILL, 2, 'Revenue').split('\r\n');
  assert.equal(rows[0], 'Revenue · USD · 2024-01-01 to 2024-03-31');
  assert.equal(rows[1], 'Total,4600.00,lines,2');
  assert.equal(rows[2], DRILL_COLUMNS.map((c) => c.heading).join(','));
  assert.equal(rows[2], 'Id,Customer,File line,Status,Type,Booking date,Start,End,Term (months),Billing,Billing start,Recognition,' +
    'Delivery date,Cancel date,Line amount,Contribution');
  assert.equal(rows[3], 'S-001,Northwind,2,booked,new,2024-01-15,2024-02-01,2025-01-31,12,annual,2024-02-01,ratable,,,24000.00,4000.00');
  // The customer that reads as a formula is neutralised, as every CSV cell of the page.
  assert.equal(rows[4], 'S-002,\'=cmd|\' /C calc\'!A0,2,booked,new,2024-01-15,2024-02-01,,,on-delivery,,point,2024-03-01,,3600.00,600.00');
});

test('the workbook holds the same lines: numbers as numbers, text as text', () => {
  const book = readXlsx(xlsxBytes([drillSheet(DRILL, 2, 'Revenue')]));
  const s = book.sheets[0];
  assert.equal(s.name, 'Lines');
  assert.equal(s.formula, false);
  assert.deepEqual([s.cells.B2.type, s.cells.B2.value, s.cells.D2.value], ['n', '4600.00', '2']);
  assert.deepEqual([s.cells.A4.value, s.cells.G4.value, s.cells.H4.value, s.cells.I4.type, s.cells.I4.value, s.cells.J4.value, s.cells.L4.value],
    ['S-001', '2024-02-01', '2025-01-31', 'n', '12', 'annual', 'ratable']);
  assert.deepEqual([s.cells.O4.type, s.cells.O4.value, s.cells.O4.format, s.cells.P4.value], ['n', '24000.00', '#,##0.00;(#,##0.00)', '4000.00']);
  assert.deepEqual([s.cells.B5.type, s.cells.B5.value], ['s', '=cmd|\' /C calc\'!A0']);
  assert.equal(s.cells.H5, undefined);
  assert.equal(s.cells.M5.value, '2024-03-01');
});
