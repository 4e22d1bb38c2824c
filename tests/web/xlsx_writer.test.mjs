// The workbook writer (web/src/export/xlsx_writer.js), read back by Python's
// own zip and XML readers: numbers are number cells holding the exact text
// given, with their format; text is text, never a formula; sheet names are
// ones Excel accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnName, sheetNames, xlsxBytes } from '../../web/src/export/xlsx_writer.js';
import { amountFormat, figureCell } from '../../web/src/export/workbook_cells.js';
import { readXlsx } from './read_xlsx.mjs';

test('numbers are number cells with the exact decimal given and the currency\'s decimals', () => {
  const book = readXlsx(xlsxBytes([{ name: 'Figures', rows: [
    [{ text: 'USD', bold: true }, figureCell('-1234.56', 'amount', 2), figureCell('90071992547409.91', 'amount', 2)],
    [{ text: 'JPY' }, figureCell('1500', 'amount', 0)],
    [{ text: 'BHD' }, figureCell('12.345', 'amount', 3)],
    [{ text: 'ratio' }, figureCell('0.1234', 'growth', 0), figureCell('12', 'count', 0), figureCell('—', 'amount', 2)],
  ] }]));
  const c = book.sheets[0].cells;
  assert.deepEqual([c.B1.type, c.B1.value, c.B1.format], ['n', '-1234.56', '#,##0.00;(#,##0.00)']);
  // Written as given: the text is the engine's minor units' decimal, not a float's.
  assert.equal(c.C1.value, '90071992547409.91');
  assert.deepEqual([c.B2.value, c.B2.format], ['1500', '#,##0;(#,##0)']);
  assert.deepEqual([c.B3.value, c.B3.format], ['12.345', '#,##0.000;(#,##0.000)']);
  assert.deepEqual([c.B4.type, c.B4.format, c.C4.format], ['n', '+0.0%;-0.0%;0.0%', '#,##0']);
  // A figure not known stays text.
  assert.deepEqual([c.D4.type, c.D4.value], ['s', '—']);
  assert.equal(c.A1.bold, true);
  assert.equal(c.A2.bold, false);
});

test('text that looks like a formula stays text; XML-unsafe characters are replaced', () => {
  const book = readXlsx(xlsxBytes([{ name: 'T', rows: [[{ text: '=cmd|\' /C calc\'!A0' }, { text: '+SUM(A1)' }, { text: '@x' },
    { text: ' padded ' }, { text: 'a\u0001b<&>"' }, { number: '=1+2', format: '' }]] }]));
  const s = book.sheets[0];
  assert.equal(s.formula, false);
  assert.deepEqual(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((r) => [s.cells[r].type, s.cells[r].value]),
    [['s', '=cmd|\' /C calc\'!A0'], ['s', '+SUM(A1)'], ['s', '@x'], ['s', ' padded '], ['s', 'a\ufffdb<&>"'], ['s', '=1+2']]);
});

test('sheet names are valid, unique and short; the workbook opens on the sheet asked', () => {
  assert.deepEqual(sheetNames(['Statement USD', 'statement usd', 'a/b:c*[d]?', "'quoted'", 'x'.repeat(40), 'History', '']),
    ['Statement USD', 'statement usd (2)', 'a b c  d', 'quoted', 'x'.repeat(31), 'History (2)', 'Sheet']);
  assert.deepEqual([0, 25, 26, 701, 702].map(columnName), ['A', 'Z', 'AA', 'ZZ', 'AAA']);
  const book = readXlsx(xlsxBytes([{ name: 'One', rows: [] }, { name: 'Two', rows: [[{ text: 'x' }]], freeze: { rows: 2, columns: 1 } }], { active: 1 }));
  assert.equal(book.active, 1);
  assert.deepEqual(book.sheets.map((s) => s.name), ['One', 'Two']);
  assert.deepEqual(book.sheets[1].frozen, ['1', '2']);
});

test('amount formats follow ISO 4217 minor digits', () => {
  assert.equal(amountFormat(2), '#,##0.00;(#,##0.00)');
  assert.equal(amountFormat(0), '#,##0;(#,##0)');
  assert.equal(amountFormat(3), '#,##0.000;(#,##0.000)');
});
