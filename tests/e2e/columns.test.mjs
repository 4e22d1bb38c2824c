// End-to-end: columns and rejected rows. A file whose columns the engine
// cannot name opens the "Columns and formats" panel with what is needed;
// the user's mapping is applied by re-reading and remembered for the same
// header; an ambiguous date order can be changed. Rejected rows are listed
// with line, column, reason and the raw row, and what was accepted still
// reports. File content is shown as text, never as HTML.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, shot, startBrowser, waitForReport } from './browser.mjs';

let b;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

const ODD = 'Ref,When,Value,Money\nR1,03/04/2024,1200.00,EUR\nR2,05/06/2024,300.00,EUR\n';
const odd = { name: 'odd.csv', mimeType: 'text/csv', buffer: Buffer.from(ODD) };

test('a file without the required columns opens the mapping panel, which fixes it and is remembered', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  await page.locator('#file-input').setInputFiles(odd);
  await page.locator('#results[data-ready="columns"]').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#columns-panel').getAttribute('open'), '');
  assert.match(await page.locator('.mapping-alert').textContent(), /Line id, Booking date\./);
  assert.match(await page.locator('#status').textContent(), /no column for id, booking_date:/);
  assert.equal(await page.locator('#map-id').evaluate((s) => s === document.activeElement), true, 'focus goes to the first missing field');
  const options = await page.locator('#map-amount option').allTextContents();
  assert.deepEqual(options, ['— not in the file —', 'Ref', 'When', 'Value', 'Money']);
  await shot(page, 'columns-missing');

  await page.locator('#map-id').selectOption('Ref');
  await page.locator('#map-booking_date').selectOption('When');
  await page.locator('#map-amount').selectOption('Value');
  await page.locator('#map-currency').selectOption('Money');
  await page.locator('#mapping-apply').click();
  await waitForReport(page);
  // Every date is ambiguous: the engine says which order it assumed, and the panel says so.
  const order = await page.locator('tr[data-field="booking_date"] .date-order').textContent();
  assert.match(order, /assumed/);
  const monthFirst = /month\/day/.test(order);
  assert.equal(await cell(page, 'EUR', 'bookings', monthFirst ? '2024-03' : '2024-04'), '1,200.00');
  await page.locator('#columns-panel summary').click();   // closed by the user? keep it open either way
  if (!(await page.locator('#columns-panel').getAttribute('open'))) await page.locator('#columns-panel summary').click();
  await shot(page, 'columns-mapped');

  // The other order, chosen by the user: the bookings move month.
  await page.locator('#format-date_order').selectOption(monthFirst ? 'dmy' : 'mdy');
  await page.locator('#mapping-apply').click();
  await page.waitForFunction((p) => document.querySelector(`section.currency tr[data-metric="bookings"] td[data-period="${p}"]`)?.textContent === '1,200.00',
    monthFirst ? '2024-04' : '2024-03', { timeout: 60_000 });
  assert.match(await page.locator('tr[data-field="booking_date"] .date-order').textContent(), /setting/);

  // Remembered for the same header: a reload reads the file straight away.
  const page2 = await b.openPage();
  await page2.locator('#file-input').setInputFiles(odd);
  await waitForReport(page2);
  assert.equal(await cell(page2, 'EUR', 'bookings', monthFirst ? '2024-04' : '2024-03'), '1,200.00');
  assert.match(await page2.locator('.mapping-actions').textContent(), /remembered/);
  // "Back to detected" forgets it.
  await page2.locator('#columns-panel summary').click();
  await page2.locator('#mapping-reset').click();
  await page2.locator('#results[data-ready="columns"]').waitFor({ timeout: 60_000 });
  assert.equal(await page2.evaluate(() => localStorage.length), 0);
});

test('the file facts are shown: delimiter, decimal separator, encoding', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  const csv = 'id;booking_date;amount;currency\nA;15.01.2024;1.234,50;EUR\n';
  await page.locator('#file-input').setInputFiles({ name: 'semi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await waitForReport(page);
  assert.equal(await cell(page, 'EUR', 'bookings', '2024-01'), '1,234.50');
  await page.locator('#columns-panel summary').click();
  const facts = await page.locator('.file-facts').textContent();
  assert.match(facts, /Delimiter semicolon/);
  assert.match(facts, /Decimal separator ,/);
  assert.match(facts, /Encoding utf-8/);
});

test('rejected rows are listed with line, column, reason and raw row; the accepted rows still report', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  const csv = [
    'id,booking_date,amount,currency',
    'A1,2024-01-01,100.00,USD',
    'A2,notadate,50.00,EUR',
    'A3,2024-02-01,12.345,USD',
    '=cmd(),2024-02-01,<b>12</b>,USD',
    'A5,2024-03-01,7.00,USD',
  ].join('\n') + '\n';
  await page.locator('#file-input').setInputFiles({ name: 'bad<i>.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await waitForReport(page);
  assert.equal(await page.locator('main img, main b, main i').count(), 0, 'file content became markup');
  assert.equal(await page.locator('.file-name').first().textContent(), 'bad<i>.csv');
  assert.equal(await page.locator('[data-count="rejected"]').textContent(), '3');
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '100.00');
  assert.equal(await cell(page, 'USD', 'bookings', '2024-03'), '7.00');
  const rows = await page.locator('.issues-table tbody tr').evaluateAll((trs) => trs.map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  const byLine = Object.fromEntries(rows.map((r) => [r[0], r]));
  assert.equal(byLine['3'][1], 'booking_date');
  assert.match(byLine['3'][4], /not a date.*\(value: notadate\)/);
  assert.equal(byLine['3'][5], 'A2,notadate,50.00,EUR');
  assert.equal(byLine['5'][5], '=cmd(),2024-02-01,<b>12</b>,USD');
  assert.equal(await page.locator('.issue-counts li[data-code="bad_date"] strong').textContent(), '1');
  // The rejected EUR row is in no report currency: the report's minor_digits still names it.
  await page.locator('.rejected-value', { hasText: 'EUR 50.00' }).waitFor({ timeout: 10_000 });
  await shot(page, 'issues');
});
