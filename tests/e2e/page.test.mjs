// End-to-end: the built page in headless Chromium. A user loads the worked
// examples and reads the statement: the spec's numbers (METRICS.md §8), the
// Total column, the roll-forward, the splits and ratios, charts, currency
// tabs, view settings that re-render without reading the file again, light
// and dark mode, a laptop and a tablet width, and no request to another
// origin nor any CSP violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { byMonth, cell, repo, shot, startBrowser, waitForReport, workersNamed } from './browser.mjs';

const exampleCsv = join(repo, 'examples/worked-examples.csv');
let b;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

test('the page loads under a sub-path with its title and privacy line', { timeout: 60_000 }, async () => {
  const page = await b.openPage();
  assert.equal(await page.title(), 'Bookings, Billings & Backlog');
  assert.match(await page.locator('.lede').textContent(), /never leave this machine/);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  await shot(page, 'page-empty');
});

test('the engine starts, its wasm fetched, before any file is picked', { timeout: 60_000 }, async () => {
  const before = b.requested.length;
  const page = await b.openPage();
  const engineWorker = async () => (await workersNamed(page, 'engine')).length === 1;
  const wasmFetched = () => b.requested.slice(before).some((url) => /\.wasm$/.test(url));
  for (const t0 = Date.now(); !((await engineWorker()) && wasmFetched());) {
    assert.ok(Date.now() - t0 < 30_000, `no engine worker and wasm after 30 s: ${b.requested.slice(before).join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(await page.locator('#results').isHidden(), true, 'nothing was read');
});

test('a user uploads the worked examples and reads the statement', { timeout: 120_000 }, async () => {
  assert.ok(existsSync(exampleCsv));
  const page = await b.openPage();
  await page.locator('#file-input').setInputFiles(exampleCsv);
  await waitForReport(page);
  await byMonth(page, '2022-01-01 to 2022-01-31');   // four years open by quarter: the months asked for
  // The currency on show is drawn with the report, the others in the tasks after it.
  await page.waitForFunction(() => document.querySelectorAll('#report section.currency').length === 3, null, { timeout: 30_000 });

  // EX1: 12,000.00 booked 2024-01-01, 12 months, billed upfront (USD).
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '12,000.00');
  assert.equal(await cell(page, 'USD', 'billings', '2024-01'), '12,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-01'), '1,000.00');
  assert.equal(await cell(page, 'USD', 'deferred_revenue_end', '2024-01'), '11,000.00');
  assert.equal(await cell(page, 'USD', 'backlog_end', '2024-01'), '11,000.00');
  // EX2 (EUR) and EX3 (GBP).
  assert.equal(await cell(page, 'EUR', 'bookings', '2022-01'), '9,000,000.00');
  assert.equal(await cell(page, 'EUR', 'billings', '2022-02'), '250,000.00');
  assert.equal(await cell(page, 'EUR', 'backlog_end', '2022-02'), '8,750,000.00');
  assert.equal(await cell(page, 'GBP', 'unscheduled_backlog_end', '2024-02'), '50,000.00');

  // The Total column: flows over the whole range.
  assert.equal(await cell(page, 'USD', 'revenue', 'Total'), '12,000.00');
  assert.equal(await cell(page, 'EUR', 'bookings', 'Total'), '9,000,000.00');

  // The roll-forward, in order, with its operators: begin + bookings − revenue − cancellations = end.
  const eur = page.locator('section.currency[data-currency="EUR"]');
  const rf = eur.locator('tbody[data-group="rollforward"] tr:not(.group)');
  assert.deepEqual(await rf.locator('th').evaluateAll((ths) => ths.map((th) =>
    `${th.querySelector('.operator')?.textContent ?? ''} ${th.querySelector('.metric-name')?.textContent}`.replace(/\s+/g, ' ').trim())),
    ['Backlog (begin)', '+ Bookings', '− Revenue', '− Cancellations', '= Backlog (end)']);
  assert.deepEqual(await rf.locator('td[data-period="2022-02"]').allTextContents(),
    ['9,000,000.00', '0.00', '250,000.00', '0.00', '8,750,000.00']);

  // Bookings split, count, ratios and growth.
  assert.equal(await cell(page, 'GBP', 'bookings_one_time', '2024-02'), '50,000.00');
  assert.equal(await cell(page, 'GBP', 'bookings_count', '2024-02'), '100');
  assert.equal(await cell(page, 'EUR', 'bookings_recurring', '2022-01'), '9,000,000.00');
  assert.equal(await cell(page, 'USD', 'book_to_bill', '2024-01'), '1.00×');
  assert.equal(await cell(page, 'EUR', 'growth.backlog_end.period_over_period', '2022-03'), '-2.9%');

  // Row counts.
  const read = Number(await page.locator('[data-count="read"]').getAttribute('data-value'));
  const accepted = Number(await page.locator('[data-count="accepted"]').getAttribute('data-value'));
  assert.ok(read > 0 && read === accepted);

  // Tabs: one currency (table and charts) at a time, opened at its first active period.
  assert.deepEqual([...await page.locator('.currency-tabs [role="tab"]').allTextContents()].sort(), ['EUR', 'GBP', 'USD']);
  await page.locator('.currency-tabs [role="tab"][data-currency="USD"]').click();
  assert.equal(await page.locator('section.currency[data-currency="USD"]').isVisible(), true);
  assert.equal(await page.locator('section.currency[data-currency="EUR"]').isVisible(), false);
  assert.equal(await page.locator('.charts[data-currency="USD"] canvas').count(), 2);
  assert.equal(await page.locator('.charts[data-currency="EUR"]').isVisible(), false);
  const section = page.locator('section.currency[data-currency="USD"]');
  const box = await section.locator('.table-scroll').boundingBox();
  const cellBox = await section.locator('tr[data-metric="bookings"] td[data-period="2024-01"]').boundingBox();
  assert.ok(cellBox.x >= box.x && cellBox.x + cellBox.width <= box.x + box.width + 1, 'USD 2024-01 is scrolled out of view');
  // The charts are drawn (pixels that are not the background).
  const painted = await page.locator('.charts[data-currency="USD"] canvas').first().evaluate((c) => {
    const ctx = /** @type {HTMLCanvasElement} */ (c).getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return colours.size;
  });
  assert.ok(painted > 3, `the chart looks empty (${painted} colours)`);
  await shot(page, 'report-light');

  // The metric column stays in place when the periods scroll sideways.
  await page.locator('.currency-tabs [role="tab"][data-currency="EUR"]').click();
  const label = eur.locator('tr[data-metric="revenue"] th.metric');
  const x0 = (await label.boundingBox()).x;
  const scrolled = await eur.locator('.table-scroll').evaluate((el) => { el.scrollLeft = 600; return el.scrollLeft; });
  assert.ok(scrolled > 0);
  assert.equal((await label.boundingBox()).x, x0, 'the metric column moved');
  await eur.locator('.table-scroll').evaluate((el) => { el.scrollLeft = 0; });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await shot(page, 'report-dark');
  // Text on the dark background is light.
  const fg = await page.locator('h1').evaluate((h) => getComputedStyle(h).color);
  assert.match(fg, /rgb\(2[0-9]{2}, 2[0-9]{2}, 2[0-9]{2}\)/, `heading colour in dark mode: ${fg}`);
  await page.emulateMedia({ colorScheme: 'light' });
});

test('view settings re-render without reading the file again', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await page.locator('#example-button').click();
  await waitForReport(page);
  const before = b.requested.length;
  await page.locator('#period').selectOption('quarter');
  await page.locator('section.currency[data-currency="EUR"] th', { hasText: 'FY2022-Q1' }).waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await cell(page, 'EUR', 'bookings', 'FY2022-Q1'), '9,000,000.00');
  await page.locator('#period').selectOption('year');
  await page.locator('section.currency[data-currency="USD"] th', { hasText: 'FY2024' }).first().waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await cell(page, 'USD', 'revenue', 'FY2024'), '12,000.00');
  // Fiscal year from July: FY2024 = 2023-07..2024-06 holds six months of EX1's revenue.
  await page.locator('#fiscal-start').selectOption('7');
  await page.locator('section.currency[data-currency="USD"] th[title="2024-07-01 to 2025-06-30"]').waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await cell(page, 'USD', 'revenue', 'FY2024'), '6,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', 'FY2025'), '6,000.00');
  await page.locator('#fiscal-start').selectOption('1');
  // A date range: months of 2024 only.
  await page.locator('#period').selectOption('month');
  await page.locator('#range-from').fill('2024-01-01');
  await page.locator('#range-to').fill('2024-03-31');
  await page.locator('#range-to').dispatchEvent('change');
  // Each change re-renders the report, and a currency not on show is drawn
  // a task later: the columns are read in the same step as they are waited for.
  await page.waitForFunction((expected) => [...document.querySelectorAll('section.currency[data-currency="USD"] thead th:not(.metric)')]
    .map((th) => th.textContent).join('|') === expected, '2024-01|2024-02|2024-03|Total', { timeout: 30_000 });
  assert.equal(await cell(page, 'USD', 'revenue', 'Total'), '3,000.00');
  assert.equal(b.requested.length, before, 'a view setting made a request (re-read the example)');
});

test('reading settings re-read the file: the default currency and proration', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await page.locator('#file-input').setInputFiles({ name: 'nocur.csv', mimeType: 'text/csv',
    buffer: Buffer.from('id,booking_date,amount,start_date,term_months\nA,2024-01-15,3100.00,2024-01-15,1\n') });
  await waitForReport(page);
  assert.equal(await page.locator('section.currency').getAttribute('data-currency'), 'USD');
  await page.locator('#currency').fill('EUR');
  await page.locator('#currency').dispatchEvent('change');
  await page.locator('#results[data-ready="true"] section.currency[data-currency="EUR"]').waitFor({ timeout: 30_000 });
  const monthly = await cell(page, 'EUR', 'revenue', '2024-01');
  await page.locator('#proration').selectOption('daily');
  await page.waitForFunction((m) => {
    const td = document.querySelector('section.currency[data-currency="EUR"] tr[data-metric="revenue"] td[data-period="2024-01"]');
    return td && td.textContent !== m;
  }, monthly, { timeout: 30_000 });
  assert.notEqual(await cell(page, 'EUR', 'revenue', '2024-01'), monthly);
  assert.equal(await page.locator('#status').isHidden(), true);
});

test('usable at a tablet width (820x1180)', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await page.setViewportSize({ width: 820, height: 1180 });
  try {
    await page.locator('#example-button').click();
    await waitForReport(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    for (const id of ['#upload-change', '#period', '#export-csv', '#currency']) {
      const r = await page.locator(id).boundingBox();
      assert.ok(r && r.x >= 0 && r.x + r.width <= 820, `${id} is off screen`);
    }
    await shot(page, 'report-tablet', { fullPage: false });
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 });
  }
  await shot(page, 'report-laptop', { fullPage: false });
});

test('no request left the page origin, and no error or CSP violation was reported', () => {
  assert.deepEqual(b.foreignRequests(), []);
  assert.ok(b.requested.some((url) => url.endsWith('.wasm')), 'the wasm was fetched over HTTP');
  assert.ok(b.requested.every((url) => !url.startsWith(b.server.origin + '/') || url.startsWith(b.server.url)),
    'a request escaped the sub-path');
  assert.deepEqual(b.errors, []);
});
