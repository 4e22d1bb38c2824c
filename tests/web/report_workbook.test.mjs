// The report as a workbook (web/src/export/report_workbook.js) and the
// statement of a segment (statement_segments.js): on a hand-made report split
// by region whose figures differ per segment, each sheet holds the figures
// written in the report, read back by Python's readers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportCsv } from '../../web/src/export_report.js';
import { reportWorkbook } from '../../web/src/export/report_workbook.js';
import { xlsxBytes } from '../../web/src/export/xlsx_writer.js';
import { buildStatement } from '../../web/src/statement_model.js';
import { segmentChoice, segmentChoices } from '../../web/src/statement_segments.js';
import { readXlsx, rowOf, sheetOf } from './read_xlsx.mjs';

const period = (p, start, end, bookings, revenue) => ({ period: p, start, end, bookings, revenue, billings: bookings,
  backlog_begin: 0, backlog_end: bookings - revenue, cancellations: 0, bookings_count: 1, book_to_bill: 1,
  growth: { bookings: { period_over_period: 0.5, year_over_year: null } } });
const block = (a, b) => ({ minor_digits: 2,
  periods: [period('2024-01', '2024-01-01', '2024-01-31', a, 100), period('2024-02', '2024-02-01', '2024-02-29', b, 200)],
  total: period('total', '2024-01-01', '2024-02-29', a + b, 300) });
// Whole = North + South + the rest, as the engine makes them add up; each figure written by hand.
const USD = { ...block(600000, 90000), segments: { by: 'region', values: [
  { ...block(500000, 10000), value: 'North' }, { ...block(60000, 30000), value: '=HYPERLINK("x")' },
  { ...block(40000, 50000), value: 'other', other: true }] } };
const REPORT = { engine: { name: 'bbb', version: '9.9.9', spec: 'v1' },
  settings: { period: 'month', fiscal_start: 4, proration: 'daily', currency: 'USD', as_of: '2024-02-29', split_by: 'region', top: 2 },
  files: [{ kind: 'contracts', name: 'deals <2024>.csv', rows: { read: 7, accepted: 6 } }],
  currencies: { USD, EUR: block(1234, 0) } };

const statementOf = (code, key) => {
  const data = REPORT.currencies[code];
  const choice = segmentChoice(data, key);
  const s = buildStatement(code, choice.data, []);
  if (data.segments) s.segment = { key: choice.key, label: choice.label, by: data.segments.by, filter: choice.filter };
  return s;
};

test('a split report offers Total first, its values, the rest last', () => {
  assert.deepEqual(segmentChoices(USD).map((c) => [c.key, c.label]),
    [['', 'Total'], ['value:North', 'North'], ['value:=HYPERLINK("x")', '=HYPERLINK("x")'], ['other', 'other']]);
  assert.deepEqual(segmentChoice(USD, 'other').filter, { other_than: ['North', '=HYPERLINK("x")'] });
  // A currency without that segment shows its Total.
  assert.equal(segmentChoice(REPORT.currencies.EUR, 'value:North').key, '');
});

test('the statement CSV follows the segment on show, with a segment column', () => {
  const lines = reportCsv(REPORT, [statementOf('USD', 'value:North')]).split('\r\n');
  assert.equal(lines[0], 'currency,segment,section,metric,label,2024-01,2024-02,Total');
  assert.ok(lines.includes('USD,North,Bookings,bookings,Bookings,5000.00,100.00,5100.00'), lines.join('\n'));
  const formula = reportCsv(REPORT, [statementOf('USD', 'value:=HYPERLINK("x")')]).split('\r\n');
  assert.ok(formula.includes('USD,"\'=HYPERLINK(""x"")",Bookings,bookings,Bookings,600.00,300.00,900.00'), formula.join('\n'));
});

test('the workbook: settings, a statement per currency of the segment on show, the views, opened on the one on screen', () => {
  const statements = [statementOf('USD', 'value:North'), statementOf('EUR', 'value:North')];
  const { sheets, active } = reportWorkbook({ report: REPORT, statements, views: ['statement', 'segments', 'forward'],
    panelState: () => ({}), shown: { currency: 'USD', view: 'segments' } });
  const book = readXlsx(xlsxBytes(sheets, { active }));
  // Forward has nothing to show (no as-of view in this report): no sheet.
  assert.deepEqual(book.sheets.map((s) => s.name), ['Settings', 'Statement USD North', 'Segments USD', 'Statement EUR']);
  assert.equal(book.sheets[book.active].name, 'Segments USD');
  assert.ok(book.sheets.every((s) => !s.formula));

  const settings = sheetOf(book, 'Settings');
  const value = (label) => rowOf(settings, label)?.B?.value;
  assert.equal(rowOf(settings, 'Contracts').B.value, 'deals <2024>.csv');
  assert.deepEqual([rowOf(settings, 'Contracts').C.number, rowOf(settings, 'Contracts').D.number], [7, 6]);
  assert.equal(value('Period'), 'month');
  assert.equal(value('Fiscal year starts in'), 'April');
  assert.equal(value('As of'), '2024-02-29');
  assert.equal(value('Proration'), 'daily');
  assert.equal(value('Split by'), 'region');
  assert.equal(value('Segment shown, USD statement'), 'North');
  assert.equal(value('Periods shown'), '2024-01-01 to 2024-02-29');
  assert.equal(value('Engine'), 'bbb 9.9.9');

  const usd = sheetOf(book, 'Statement USD North');
  assert.equal(usd.cells.A1.value, 'Statement · USD · region: North');
  assert.deepEqual(usd.frozen, ['1', '2']);
  assert.deepEqual([usd.cells.B2.value, usd.cells.D2.value], ['2024-01', 'Total']);
  const bookings = rowOf(usd, 'Bookings');
  assert.deepEqual([bookings.B.type, bookings.B.value, bookings.B.format], ['n', '5000.00', '#,##0.00;(#,##0.00)']);
  assert.deepEqual([bookings.C.value, bookings.D.value], ['100.00', '5100.00']);
  assert.equal(bookings.B.bold, true);
  assert.deepEqual([rowOf(usd, 'Book-to-bill').B.value, rowOf(usd, 'Book-to-bill').B.format], ['1', '0.00"×"']);
  assert.deepEqual([rowOf(usd, 'Bookings vs previous period').B.value, rowOf(usd, 'Bookings vs previous period').B.format],
    ['0.5', '+0.0%;-0.0%;0.0%']);
  // The roll-forward's operator after its label, as in the CSV.
  assert.deepEqual([rowOf(usd, 'Bookings (+)').B.value, rowOf(usd, 'Backlog (end) (=)').B.value], ['5000.00', '4999.00']);

  const segments = sheetOf(book, 'Segments USD');
  assert.equal(rowOf(segments, 'North').B.value, '5100.00');
  // A segment value that looks like a formula is text, as written.
  assert.deepEqual([rowOf(segments, '=HYPERLINK("x")').A.type, rowOf(segments, '=HYPERLINK("x")').B.value], ['s', '900.00']);
  assert.equal(rowOf(segments, 'Total').B.value, '6900.00');
  assert.equal(sheetOf(book, 'Statement EUR').cells.A1.value, 'Statement · EUR');
});
