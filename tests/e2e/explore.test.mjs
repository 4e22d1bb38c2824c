// End-to-end: exploring and taking the report away. Metric definitions on
// hover and keyboard focus, keyboard operation (tab order, the cell grid,
// Escape), drill-down into the lines behind a figure, CSV / JSON / PNG
// downloads, and the print layout (one page per currency).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { byMonth, cell, SHOTS, shot, startBrowser, waitForReport } from './browser.mjs';

let b;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

/** The worked examples by month, on their EUR tab (they span four years: the page opens them by quarter, on USD). */
async function loadExample(page, { eur = true } = {}) {
  await page.locator('#example-button').click();
  await waitForReport(page);
  await byMonth(page, '2022-01-01 to 2022-01-31');
  if (eur) await page.locator('.currency-tabs [role="tab"][data-currency="EUR"]').click();
}

test('every metric name explains itself on hover and on keyboard focus', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await loadExample(page);
  const name = page.locator('section.currency[data-currency="EUR"] tr[data-metric="deferred_revenue_end"] .metric-name');
  await name.hover();
  const tip = page.locator('#metric-tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /Billed but not yet recognised.*max\(0, billed\(end\) − R\(end\)\)/);
  await shot(page, 'tooltip-hover', { fullPage: false });
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'hidden' });
  await page.locator('section.currency[data-currency="EUR"] tbody[data-group="rollforward"] .metric-name').first().focus();
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /backlog_begin \+ bookings − revenue − cancellations = backlog_end/);
  // Screen readers get the same words.
  const described = await name.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
  assert.match(described, /Billed but not yet recognised/);
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  // Every row of every statement has a definition.
  const bare = await page.locator('section.currency tbody tr:not(.group) th .metric-name:not([data-help])').count();
  assert.equal(bare, 0);
});

test('the keyboard reaches every control and the figures', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await loadExample(page, { eur: false });
  await page.locator('body').focus();
  const seen = [];
  for (let i = 0; i < 110; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const a = /** @type {HTMLElement} */ (document.activeElement);
      if (a.closest('.view-tabs')) return 'view-tab';
      return a.getAttribute('role') === 'tab' ? 'tab' : a.id || (a.matches('td[data-drill]') ? 'cell' : a.matches('.metric-name') ? 'metric' : a.getAttribute('role') === 'tab' ? 'tab' : a.tagName);
    }));
  }
  // Once read, the files fold behind "Change files" (upload_fold.js).
  for (const id of ['upload-change', 'export-csv', 'export-json',
    'print-button', 'period', 'range-from', 'top', 'proration', 'currency', 'as-of', 'split-by', 'view-tab', 'tab', 'cell']) {
    assert.ok(seen.includes(id), `Tab never reached ${id}: ${seen.join(' ')}`);
  }
  // One tab stop for the grid of labels and figures: arrows move within it (a11y.test.mjs counts the stops).
  // Counted up to the last figure reached: a cycle through the page starts with its tabs and ends with its figures.
  const count = (what) => seen.slice(0, seen.lastIndexOf('cell') + 1).filter((s) => s === what).length;
  assert.equal(count('cell'), count('tab'), `the figures are not one tab stop: ${seen.join(' ')}`);
  assert.equal(count('metric'), 0, `the metric names are tab stops: ${seen.join(' ')}`);
});

test('a figure lists the lines behind it, by click or Enter; Escape closes', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await loadExample(page);
  const revenue = page.locator('section.currency[data-currency="EUR"] tr[data-metric="revenue"] td[data-period="2022-02"]');
  await revenue.click();
  const dialog = page.locator('#drill-dialog');
  await dialog.locator('.drill-total').waitFor({ timeout: 60_000 });
  assert.equal(await dialog.evaluate((d) => /** @type {HTMLDialogElement} */ (d).open), true);
  assert.match(await page.locator('#drill-title').textContent(), /Revenue · EUR · 2022-02/);
  assert.match(await dialog.locator('.drill-total').textContent(), /EUR 250,000\.00 from 1 line/);
  assert.deepEqual(await dialog.locator('.drill-table tbody tr td').allTextContents(),
    ['EX2-001', 'Monthly Biller GmbH', '3', '2022-02-01', '2025-01-31', '36', 'monthly', 'ratable', '9,000,000.00', '250,000.00']);
  await shot(page, 'drill', { fullPage: false });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !(/** @type {HTMLDialogElement} */ (document.getElementById('drill-dialog'))).open);
  assert.equal(await revenue.evaluate((td) => td === document.activeElement), true, 'focus returns to the figure');

  // Keyboard: arrows move between figures, Enter drills.
  await page.keyboard.press('ArrowDown');   // billings, 2022-02
  await page.keyboard.press('Enter');
  await dialog.locator('.drill-total').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#drill-title').textContent(), /Billings · EUR · 2022-02/);
  await page.locator('#drill-close').click();

  // The Total column and a balance: GBP backlog at the end, 100 orders.
  await page.locator('.currency-tabs [role="tab"][data-currency="GBP"]').click();
  await page.locator('section.currency[data-currency="GBP"] tbody[data-group="rollforward"] tr[data-metric="backlog_end"] td[data-period="Total"]').click();
  await dialog.locator('.drill-total').waitFor({ timeout: 60_000 });
  assert.match(await dialog.locator('.drill-total').textContent(), /GBP 50,000\.00 from 100 lines/);
  assert.equal(await dialog.locator('.drill-table tbody tr').count(), 100);
  await page.keyboard.press('Escape');
});

test('a figure of more lines than listed says how many are not shown', { timeout: 120_000 }, async () => {
  const lines = ['id,customer,booking_date,amount,currency'];
  for (let i = 1; i <= 250; i++) lines.push(`L${i},Customer ${i},2024-05-0${1 + (i % 9)},${i}.00,USD`);
  const page = await b.openPage();
  await page.locator('#file-input').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
  await waitForReport(page);
  await page.locator('tr[data-metric="bookings"] td[data-period="2024-05"]').click();
  const dialog = page.locator('#drill-dialog');
  await dialog.locator('.drill-total').waitFor({ timeout: 60_000 });
  assert.match(await dialog.locator('.drill-total').textContent(), /USD 31,375\.00 from 250 lines/);
  assert.equal(await dialog.locator('.drill-table tbody tr').count(), 200);
  assert.match(await dialog.locator('.drill-note').textContent(), /200 lines with the largest contributions of 250/);
  assert.equal(await dialog.locator('.drill-table tbody tr td.contribution').first().textContent(), '250.00');
  await page.keyboard.press('Escape');
});

test('the report downloads as CSV and JSON, and each chart as PNG', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await loadExample(page);
  const save = async (locator) => {
    const [download] = await Promise.all([page.waitForEvent('download'), locator.click()]);
    const path = join(SHOTS, download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  };
  const csv = await save(page.locator('#export-csv'));
  assert.equal(csv.name, 'worked-examples-month.csv');
  const text = csv.bytes.toString('utf8').replace(/^\ufeff/, '');
  const rows = text.split('\r\n').map((l) => l.split(','));
  assert.deepEqual(rows[0].slice(0, 5), ['currency', 'section', 'metric', 'label', '2022-01']);
  assert.equal(rows[0].at(-1), 'Total');
  const eurBookings = rows.find((r) => r[0] === 'EUR' && r[2] === 'bookings');
  assert.equal(eurBookings[4], '9000000.00');
  assert.ok(rows.every((r) => r.every((c) => !/^[=+\-@]/.test(c) || /^-?\d+(\.\d+)?$/.test(c))), 'a formula-like cell in the CSV');

  const json = await save(page.locator('#export-json'));
  const report = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(report.currencies.EUR.periods[1].billings, 25000000);
  assert.ok(report.engine && report.rows && report.settings);

  const png = await save(page.locator('.charts[data-currency="EUR"] .save-png').first());
  assert.equal(png.name, 'bbb-EUR-flows.png');
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.bytes.length > 5000, 'the PNG is nearly empty');
});

test('print gives a clean report, each currency on its own page', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await loadExample(page);
  await page.locator('#period').selectOption('year');
  await page.locator('section.currency[data-currency="USD"] th', { hasText: 'FY2024' }).first().waitFor({ state: 'attached' });
  // The printout is built before printing (print/print_report.js): a sheet per currency.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await page.locator('.input').isVisible(), false);
    assert.equal(await page.locator('.settings').isVisible(), false);
    for (const code of ['EUR', 'GBP', 'USD']) assert.equal(await page.locator(`#print-report .print-sheet[data-currency="${code}"]`).isVisible(), true);
    await shot(page, 'print');
    const pdf = await page.pdf({ landscape: true, printBackground: true });
    writeFileSync(join(SHOTS, 'report.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 3, `${pages} PDF pages for three currencies`);
  } finally {
    await page.emulateMedia({ media: null });
  }
});

test('no request left the page origin, and no error or CSP violation was reported', () => {
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});
