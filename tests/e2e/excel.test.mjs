// End-to-end: Split by splits the statement (a segment picker, Total
// first), every export follows the segment on show, and Export Excel gives
// one workbook (read back by Python's zip and XML readers): a sheet per view
// and currency, numbers as number cells with the currency's format, a
// Settings sheet, text that looks like a formula kept as text. The lines
// behind a segment's figure list their terms and export as CSV and xlsx.
// Figures worked by hand from the file below (monthly proration).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, cell, settled, shot, startBrowser } from './browser.mjs';
import { readXlsx, rowOf, sheetOf } from '../web/read_xlsx.mjs';

// USD North: A1 1,000.00 a month in 2024, billed monthly; A3 100.00 a month April-September, billed upfront.
// USD "=SUM(1;2)": A2 200.00 a month March 2024 - February 2025, billed annually. EUR North: E1 100.00 a month, Feb-Nov.
const CSV = [
  'id,customer,booking_date,amount,currency,start_date,term_months,billing,region',
  'A1,Acme,2024-01-10,12000.00,USD,2024-01-01,12,monthly,North',
  "A2,=cmd|' /C calc'!A0,2024-02-15,2400.00,USD,2024-03-01,12,annual,=SUM(1;2)",
  'A3,Beta,2024-03-01,600.00,USD,2024-04-01,6,upfront,North',
  'E1,Euro GmbH,2024-01-20,1000.00,EUR,2024-02-01,10,monthly,North',
].join('\n') + '\n';

let b;
let page;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

const picker = () => page.locator('select[data-segment-picker="USD"]');
/** Waits for the statement to be drawn again with the segment chosen. */
const pickerShows = (key) => page.waitForFunction((k) => /** @type {HTMLSelectElement|null} */ (
  document.querySelector('select[data-segment-picker="USD"]'))?.value === k, key);
async function save(locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const path = join(SHOTS, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test('split by region: the statement shows the segment picked, Total first', { timeout: 90_000 }, async () => {
  page = await b.openPage();
  await page.locator('#file-input').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await settled(page);
  await page.locator('#period').selectOption('quarter');
  await settled(page, () => !!document.querySelector('section.currency th[title="2024-01-01 to 2024-03-31"]'));
  assert.equal(await picker().count(), 0, 'no picker before a split');
  await page.locator('#split-by').selectOption('region');
  await settled(page, () => !!document.querySelector('select[data-segment-picker="USD"]'));
  await page.locator('.currency-tabs [role="tab"][data-currency="USD"]').click();
  assert.deepEqual(await picker().locator('option').allTextContents(), ['Total', 'North', '=SUM(1;2)']);
  assert.equal(await picker().inputValue(), '');
  assert.equal(await cell(page, 'USD', 'bookings', 'FY2024-Q1'), '15,000.00');
  await picker().selectOption({ label: '=SUM(1;2)' });
  await pickerShows('value:=SUM(1;2)');
  assert.equal(await cell(page, 'USD', 'bookings', 'FY2024-Q1'), '2,400.00');
  assert.equal(await cell(page, 'USD', 'revenue', 'FY2024-Q1'), '200.00');
  assert.equal(await cell(page, 'USD', 'revenue', 'FY2024-Q2'), '600.00');
  // The picker keeps its focus after the statement is drawn again.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-segment-picker')), 'USD');
  await picker().selectOption({ label: 'North' });
  await pickerShows('value:North');
  assert.equal(await cell(page, 'USD', 'bookings', 'FY2024-Q1'), '12,600.00');
  assert.equal(await cell(page, 'USD', 'revenue', 'FY2024-Q2'), '3,300.00');
  assert.equal(await cell(page, 'USD', 'billings', 'FY2024-Q2'), '3,600.00');
  await shot(page, 'excel-segment-statement', { fullPage: false });
});

test('the CSV and a chart\'s PNG follow the segment on show', { timeout: 60_000 }, async () => {
  const csv = await save(page.locator('#export-csv'));
  const rows = csv.bytes.toString('utf8').replace(/^\ufeff/, '').split('\r\n').map((l) => l.split(','));
  assert.deepEqual(rows[0].slice(0, 6), ['currency', 'segment', 'section', 'metric', 'label', 'FY2024-Q1']);
  const usd = rows.find((r) => r[0] === 'USD' && r[3] === 'revenue');
  assert.deepEqual([usd[1], usd[5], usd[6]], ['North', '3000.00', '3300.00']);
  // EUR has a North segment too: the same choice.
  assert.equal(rows.find((r) => r[0] === 'EUR' && r[3] === 'bookings')[1], 'North');
  const png = await save(page.locator('.charts[data-currency="USD"] .save-png').first());
  assert.equal(png.name, 'bbb-USD-North-flows.png');
});

test('a segment\'s figure lists its lines with their terms, exported as CSV and Excel', { timeout: 60_000 }, async () => {
  await page.locator('section.currency[data-currency="USD"] tr[data-metric="revenue"] td[data-period="FY2024-Q2"]').click();
  const dialog = page.locator('#drill-dialog');
  await dialog.locator('.drill-total').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#drill-title').textContent(), /Revenue \(region: North\) · USD · FY2024-Q2/);
  assert.equal(await dialog.locator('.drill-total strong').textContent(), 'USD 3,300.00');
  const heads = await dialog.locator('.drill-table thead th').allTextContents();
  assert.deepEqual(heads, ['Id', 'Customer', 'File line', 'Start', 'End', 'Term', 'Billing', 'Recognition', 'Line amount', 'Contribution']);
  const first = await dialog.locator('.drill-table tbody tr').first().locator('td').allTextContents();
  assert.deepEqual(first, ['A1', 'Acme', '2', '2024-01-01', '2024-12-31', '12', 'monthly', 'ratable', '12,000.00', '3,000.00']);
  await shot(page, 'excel-drill-dialog', { fullPage: false });
  const csv = await save(dialog.locator('button[data-export="csv"]'));
  assert.equal(csv.name, 'deals-lines-revenue-USD-North-2024-04-01-2024-06-30.csv');
  const lines = csv.bytes.toString('utf8').replace(/^\ufeff/, '').split('\r\n');
  assert.equal(lines[1], 'Total,3300.00,lines,2');
  assert.equal(lines[4], 'A3,Beta,4,booked,,2024-03-01,2024-04-01,2024-09-30,6,upfront,2024-04-01,ratable,,,600.00,300.00');
  const xlsx = await save(dialog.locator('button[data-export="xlsx"]'));
  const sheet = readXlsx(xlsx.bytes).sheets[0];
  assert.equal(sheet.formula, false);
  const a3 = rowOf(sheet, 'A3');
  assert.deepEqual([a3.G.value, a3.H.value, a3.I.type, a3.I.value, a3.J.value, a3.O.type, a3.O.value, a3.P.value],
    ['2024-04-01', '2024-09-30', 'n', '6', 'upfront', 'n', '600.00', '300.00']);
  await page.keyboard.press('Escape');
});

test('Export Excel: one workbook as on screen, numbers as numbers, the engine\'s figures exactly', { timeout: 60_000 }, async () => {
  await page.locator('.view-tabs [role="tab"][data-view="segments"]').click();
  const json = JSON.parse((await save(page.locator('#export-json'))).bytes.toString('utf8'));
  const xlsx = await save(page.locator('#export-xlsx'));
  assert.equal(xlsx.name, 'deals-quarter.xlsx');
  const book = readXlsx(xlsx.bytes);
  const names = book.sheets.map((s) => s.name);
  assert.equal(names[0], 'Settings');
  for (const name of ['Statement USD North', 'Segments USD', 'Trends USD', 'Waterfall USD', 'Statement EUR North', 'Segments EUR']) assert.ok(names.includes(name), names.join(', '));
  assert.equal(book.sheets[book.active].name, 'Segments USD', 'opens on the view and currency on screen');
  assert.ok(book.sheets.every((s) => !s.formula), 'a formula in the workbook');

  const settings = sheetOf(book, 'Settings');
  assert.equal(rowOf(settings, 'Contracts').B.value, 'deals.csv');
  assert.equal(rowOf(settings, 'Period').B.value, 'quarter');
  assert.equal(rowOf(settings, 'Split by').B.value, 'region');
  assert.equal(rowOf(settings, 'Segment shown, USD statement').B.value, 'North');
  assert.equal(rowOf(settings, 'Engine').B.value, `bbb ${json.engine.version}`);

  // The statement of North: the hand-worked figures, as number cells in the currency's format.
  const north = sheetOf(book, 'Statement USD North');
  const revenue = rowOf(north, 'Revenue');
  assert.deepEqual([revenue.B.type, revenue.B.value, revenue.C.value, revenue.B.format], ['n', '3000.00', '3300.00', '#,##0.00;(#,##0.00)']);
  // Every amount of the segment's statement equals the engine's own figure in its JSON, period by period.
  const segment = json.currencies.USD.segments.values.find((v) => v.value === 'North');
  const decimal = (minor) => `${minor < 0 ? '-' : ''}${String(Math.abs(minor)).padStart(3, '0').replace(/(\d{2})$/, '.$1')}`;
  for (const [label, field] of [['Revenue', 'revenue'], ['Billings', 'billings'], ['Deferred revenue', 'deferred_revenue_end']]) {
    const row = rowOf(north, label);
    assert.ok(row, `no row ${label}`);
    segment.periods.forEach((p, i) => assert.equal(row[String.fromCharCode(66 + i)].value, decimal(p[field]), `${label} ${p.period}`));
  }
  // The segment named like a formula is text wherever it is written.
  const segments = sheetOf(book, 'Segments USD');
  const formula = rowOf(segments, '=SUM(1;2)');
  assert.deepEqual([formula.A.type, formula.B.type, formula.B.value], ['s', 'n', '2400.00']);
  assert.equal(rowOf(segments, 'Total').B.value, '15000.00');
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});
