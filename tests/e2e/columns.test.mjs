// End-to-end: columns and rejected rows. A file whose columns the engine
// cannot name opens the "Columns and formats" panel with what is needed;
// the user's mapping is applied by re-reading and remembered for the same
// header; an ambiguous date order can be changed. Rejected rows are listed
// with line, column, reason and the raw row, and what was accepted still
// reports. File content is shown as text, never as HTML.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cell, shot, SHOTS, startBrowser, waitForReport } from './browser.mjs';

let b;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

const ODD = 'Ref,When,Value,Money\nR1,03/04/2024,1200.00,EUR\nR2,05/06/2024,300.00,EUR\n';
const odd = { name: 'odd.csv', mimeType: 'text/csv', buffer: Buffer.from(ODD) };

const SALESFORCE = '"Opportunity Name","Account Name","Amount","Close Date","Stage","Probability (%)","Type","Created Date"\n' +
  '"Acme - 2024","Acme","120,000.00","1/15/2024","Closed Won","100","New Customer","11/2/2023"\n' +
  '"Initech","Initech","50,000.00","6/30/2024","Negotiation/Review","90","New Customer","1/20/2024"\n' +
  '\n"Grand Totals (2 records)"\n\n"Confidential Information - Do Not Distribute"\n' +
  '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."\n';

test('a Salesforce opportunity report reads as it is: the page says so, and its footer is skipped, not rejected', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  await page.locator('#file-input').setInputFiles({ name: 'opportunities.csv', mimeType: 'text/csv', buffer: Buffer.from(SALESFORCE) });
  await waitForReport(page);
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '120,000.00');
  assert.match(await page.locator('.mapping-source').textContent(),
    /^Read as a Salesforce opportunity report — the header has Opportunity Name, Stage and Close Date$/);
  assert.equal(await page.locator('.row-summary [data-count="rejected"]').first().getAttribute('data-value'), '0');
  // The total, the two footer lines and the two blank lines.
  assert.equal(await page.locator('.row-summary [data-count="skipped"]').first().getAttribute('data-value'), '5');
});

test('a file without the required columns opens the mapping panel, which fixes it and is remembered', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  await page.locator('#file-input').setInputFiles(odd);
  await page.locator('#results[data-ready="columns"]').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#columns-panel').getAttribute('open'), '');
  // No id column is allowed (each row is its own line, spec 11): only the booking date is missing.
  assert.match(await page.locator('.mapping-alert').textContent(), /found for: Booking date\./);
  assert.match(await page.locator('#status').textContent(), /no column for booking_date:/);
  assert.equal(await page.locator('#map-booking_date').evaluate((s) => s === document.activeElement), true, 'focus goes to the first missing field');
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
  // Every issue names its file; the rest of each row follows its File column.
  assert.ok(rows.length > 0 && rows.every((r) => r[0] === 'bad<i>.csv'), JSON.stringify(rows));
  const byLine = Object.fromEntries(rows.map((r) => [r[1], r.slice(1)]));
  assert.equal(byLine['3'][1], 'booking_date');
  assert.match(byLine['3'][4], /not a date.*\(value: notadate\)/);
  assert.equal(byLine['3'][5], 'A2,notadate,50.00,EUR');
  assert.equal(byLine['5'][5], '=cmd(),2024-02-01,<b>12</b>,USD');
  assert.equal(await page.locator('.issue-counts li[data-code="bad_date"] strong').textContent(), '1');
  // The rejected EUR row is in no report currency: the report's minor_digits still names it.
  await page.locator('.rejected-value', { hasText: 'EUR 50.00' }).waitFor({ timeout: 10_000 });
  await shot(page, 'issues');
});

test('a header of 100,000 columns: the page stays responsive, the lists are bounded with a notice, any column is picked by name', { timeout: 180_000 }, async () => {
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  // The main thread's longest task from now on.
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.longestTask = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longestTask = Math.max(w.longestTask, e.duration); }).observe({ type: 'longtask' });
  });
  const names = ['id', 'booking_date', 'amount'];
  for (let i = 4; i <= 100_000; i++) names.push(`extra_column_${i}`);
  const csv = `${names.join(',')}\nW1,2024-01-01,100.00${','.repeat(names.length - 3)}\nW2,2024-02-01,50.00${','.repeat(names.length - 3)}\n`;
  await page.locator('#file-input').setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  // The page answers all along (a round trip's bound is looser than the longest task's: it also waits on this process).
  let slowest = 0;
  for (const t0 = Date.now(); ;) {
    const asked = Date.now();
    const ready = await page.evaluate(() => document.getElementById('results')?.dataset.ready);
    slowest = Math.max(slowest, Date.now() - asked);
    if (ready === 'true') break;
    assert.ok(Date.now() - t0 < 120_000, 'no report after 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(await cell(page, 'USD', 'bookings', '2024-02'), '50.00');
  assert.ok(slowest < 3000, `a round trip to the page took ${slowest} ms`);
  const longest = await page.evaluate(() => /** @type {any} */ (window).longestTask);
  assert.ok(longest < 1000, `the main thread was busy for ${longest} ms at once`);

  await page.locator('#columns-panel summary').click();
  assert.equal(await page.locator('.mapping-note.wide-header').textContent(),
    "This file has 100,000 columns; the lists show the first 500: type a column's name to pick another.");
  const options = await page.locator('#map-customer option').evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value));
  assert.equal(options.length, 501);
  assert.deepEqual(options.slice(0, 5), ['', 'id', 'booking_date', 'amount', 'extra_column_4']);
  assert.equal(await page.locator('#split-by option').count(), 501);
  assert.match(await page.locator('.file-facts').textContent(), /extra_column_23 and 99,977 more/);
  await page.locator('#columns-panel').screenshot({ path: join(SHOTS, 'columns-wide-header.png') });

  // A column far down the header, by name: the suggestions are bounded, the name is chosen in the select.
  const byName = page.locator('#map-customer-name');
  await byName.pressSequentially('column_9999');
  // The search runs in slices and a newer query drops an older one: wait for the list of the whole name typed.
  await page.waitForFunction(() => {
    const os = [...document.querySelectorAll('#map-customer-name-list option')];
    return os.length > 0 && os.every((o) => /** @type {HTMLOptionElement} */ (o).value.includes('column_9999'));
  });
  const suggested = await page.locator('#map-customer-name-list option').evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value));
  assert.ok(suggested.length <= 50 && suggested.every((n) => n.includes('column_9999')), suggested.join(' '));
  assert.equal(suggested[0], 'extra_column_9999');
  // A suggestion picked as Chromium picks one from a datalist.
  await byName.evaluate((input) => {
    /** @type {HTMLInputElement} */ (input).value = 'extra_column_99990';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
  });
  assert.equal(await page.locator('#map-customer').inputValue(), 'extra_column_99990');
  // A whole name typed, then Enter.
  await byName.fill('extra_column_99999');
  await byName.press('Enter');
  assert.equal(await page.locator('#map-customer').inputValue(), 'extra_column_99999');
  assert.equal(await byName.inputValue(), '', 'the select shows the choice now');
  // A name that is no column says so and chooses nothing.
  await byName.fill('no_such_column');
  await byName.press('Enter');
  assert.equal(await byName.evaluate((i) => /** @type {HTMLInputElement} */ (i).validationMessage), 'No column is named "no_such_column".');
  assert.equal(await page.locator('#map-customer').inputValue(), 'extra_column_99999');
  await byName.fill('');
  // Applied, the engine reads the file with it.
  await page.locator('#mapping-apply').click();
  await page.waitForFunction(() => document.getElementById('results')?.dataset.ready === 'true'
    && /** @type {HTMLSelectElement} */ (document.getElementById('map-customer'))?.value === 'extra_column_99999', null, { timeout: 120_000 });
  assert.ok(await page.evaluate(() => /** @type {any} */ (window).longestTask) < 1000);
});
