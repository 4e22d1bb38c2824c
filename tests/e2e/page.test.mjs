// End-to-end: the built page (web/dist) in Debian's headless Chromium, served
// under a sub-path by a local static server. A user picks the example CSV;
// the numbers in the DOM must be the spec's worked examples (METRICS.md §8),
// and no request may leave the page's origin.
//
// Needs: npm run build:web (after the wasm build), /usr/bin/chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './static_server.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(repo, 'web/dist');
const exampleCsv = process.env.BBB_EXAMPLE_CSV ?? join(repo, 'examples/worked-examples.csv');
const CHROMIUM = process.env.BBB_CHROMIUM ?? '/usr/bin/chromium';
const SUB_PATH = '/some/sub/path/';
const SCREENSHOT = process.env.BBB_SCREENSHOT ?? '/tmp/bbb-e2e.png';

let server;
let context;
let profileDir;
/** Every URL the browser asked for, from any page or worker of the context. */
const requested = [];
const pageErrors = [];
/** When set, the engine's .wasm answers 404 (the error-state test). */
let failWasm = false;
const watchedPages = new WeakSet();

before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), `${dist}/index.html is missing: run "npm run build:web" first`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  server = await serveStatic(dist, SUB_PATH);
  profileDir = mkdtempSync(join(tmpdir(), 'bbb-e2e-profile-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context.on('request', (request) => requested.push(request.url()));
  // Anything aimed at another origin is recorded above and refused here.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (failWasm && url.endsWith('.wasm')) return route.fulfill({ status: 404, body: 'gone' });
    if (url.startsWith(server.origin + '/')) return route.continue();
    return route.abort('blockedbyclient');
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

async function openPage() {
  const page = context.pages()[0] ?? await context.newPage();
  if (!watchedPages.has(page)) {
    watchedPages.add(page);
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      if (/\.wasm$/.test(msg.location().url ?? '') || (failWasm && /404/.test(msg.text()))) return;   // the 404 test's own
      pageErrors.push(msg.text());
    });
  }
  await page.goto(server.url);   // a new document: a new worker, a new engine
  return page;
}

/** Text of the cell for one currency, metric and period label. */
function cell(page, currency, metric, period) {
  return page
    .locator(`section.currency[data-currency="${currency}"] tr[data-metric="${metric}"] td[data-period="${period}"]`)
    .textContent();
}

/** The cell is inside its scrolling box, not scrolled out of sight. */
async function assertCellInView(page, currency, metric, period) {
  const section = page.locator(`section.currency[data-currency="${currency}"]`);
  const box = await section.locator('.table-scroll').boundingBox();
  const cellBox = await section.locator(`tr[data-metric="${metric}"] td[data-period="${period}"]`).boundingBox();
  assert.ok(cellBox.x >= box.x && cellBox.x + cellBox.width <= box.x + box.width + 1,
    `${currency} ${period} is scrolled out of view (${cellBox.x} not in ${box.x}..${box.x + box.width})`);
}

async function waitForReport(page) {
  await page.locator('#results[data-ready="true"] section.currency').first().waitFor({ timeout: 60_000 });
}

test('the page loads under a sub-path with its title and privacy line', { timeout: 60_000 }, async () => {
  const page = await openPage();
  assert.equal(await page.title(), 'Bookings, Billings & Backlog');
  assert.equal(await page.locator('h1').textContent(), 'Bookings, Billings & Backlog');
  assert.match(await page.locator('.lede').textContent(), /never leaves this machine/);
});

test('a user uploads the worked examples and sees the spec numbers', { timeout: 120_000 }, async () => {
  assert.ok(existsSync(exampleCsv), `${exampleCsv} is missing`);
  const page = await openPage();
  await page.locator('#file-input').setInputFiles(exampleCsv);
  await waitForReport(page);

  // EX1: 12,000.00 booked 2024-01-01, 12 months, billed upfront (USD).
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '12,000.00');
  assert.equal(await cell(page, 'USD', 'billings', '2024-01'), '12,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-01'), '1,000.00');
  assert.equal(await cell(page, 'USD', 'deferred_revenue_end', '2024-01'), '11,000.00');
  assert.equal(await cell(page, 'USD', 'backlog_end', '2024-01'), '11,000.00');
  // EX2: 9,000,000.00 booked 2022-01-15, from 2022-02-01, 36 months, monthly (EUR).
  assert.equal(await cell(page, 'EUR', 'bookings', '2022-01'), '9,000,000.00');
  assert.equal(await cell(page, 'EUR', 'backlog_end', '2022-01'), '9,000,000.00');
  assert.equal(await cell(page, 'EUR', 'billings', '2022-01'), '0.00');
  assert.equal(await cell(page, 'EUR', 'billings', '2022-02'), '250,000.00');
  assert.equal(await cell(page, 'EUR', 'revenue', '2022-02'), '250,000.00');
  assert.equal(await cell(page, 'EUR', 'backlog_end', '2022-02'), '8,750,000.00');
  // EX3: 100 undelivered orders of 500.00 (GBP): all backlog unscheduled.
  assert.equal(await cell(page, 'GBP', 'backlog_end', '2024-02'), '50,000.00');
  assert.equal(await cell(page, 'GBP', 'unscheduled_backlog_end', '2024-02'), '50,000.00');

  // Human labels, and the row summary.
  const labels = await page.locator('section.currency[data-currency="USD"] tbody th[scope="row"]').allTextContents();
  assert.deepEqual(labels, ['Bookings', 'ACV bookings', 'Cancellations', 'Revenue', 'Billings',
    'Backlog (begin)', 'Backlog (end)', 'Deferred revenue', 'Unbilled receivable', 'Billed backlog',
    'Unbilled backlog', 'cRPO (next 12 months)', 'Unscheduled backlog']);
  const read = Number(await page.locator('[data-count="read"]').getAttribute('data-value'));
  const accepted = Number(await page.locator('[data-count="accepted"]').getAttribute('data-value'));
  const rejected = Number(await page.locator('[data-count="rejected"]').getAttribute('data-value'));
  assert.ok(read > 0 && accepted > 0, `rows read ${read}, accepted ${accepted}`);
  assert.equal(read, accepted + rejected);

  // One currency at a time, chosen by tabs; each opens at its first active period.
  const tabs = await page.locator('.currency-tabs [role="tab"]').allTextContents();
  assert.deepEqual([...tabs].sort(), ['EUR', 'GBP', 'USD']);
  await page.locator('.currency-tabs [role="tab"][data-currency="USD"]').click();
  assert.equal(await page.locator('section.currency[data-currency="USD"]').isVisible(), true);
  assert.equal(await page.locator('section.currency[data-currency="EUR"]').isVisible(), false);
  await assertCellInView(page, 'USD', 'bookings', '2024-01');
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  await page.locator('.currency-tabs [role="tab"][data-currency="EUR"]').click();

  // The metric column stays in place when the periods scroll sideways.
  const eur = page.locator('section.currency[data-currency="EUR"]');
  const label = eur.locator('tr[data-metric="revenue"] th.metric');
  const x0 = (await label.boundingBox()).x;
  const scrolled = await eur.locator('.table-scroll').evaluate((box) => { box.scrollLeft = 600; return box.scrollLeft; });
  assert.ok(scrolled > 0, 'the EUR table does not scroll: too few periods in the example?');
  assert.equal((await label.boundingBox()).x, x0, 'the metric column moved');
  await eur.locator('.table-scroll').evaluate((box) => { box.scrollLeft = 0; });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400);   // let the 120 ms colour transitions finish
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  // A new period asks the worker again without re-reading the file.
  const before = requested.length;
  await page.locator('#period').selectOption('quarter');
  await page.locator('section.currency[data-currency="EUR"] th', { hasText: 'FY2022-Q1' }).waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await cell(page, 'EUR', 'bookings', 'FY2022-Q1'), '9,000,000.00');
  assert.equal(await page.locator('#fiscal-start').isDisabled(), false);
  await page.locator('#period').selectOption('year');
  await page.locator('section.currency[data-currency="USD"] th', { hasText: 'FY2024' }).first().waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await cell(page, 'USD', 'bookings', 'FY2024'), '12,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', 'FY2024'), '12,000.00');
  // Fiscal year from July: FY2024 = 2023-07..2024-06 holds six months of EX1's revenue.
  await page.locator('#fiscal-start').selectOption('7');
  await page.locator('section.currency[data-currency="USD"] th[title="2024-07-01 to 2025-06-30"]').waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await cell(page, 'USD', 'revenue', 'FY2024'), '6,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', 'FY2025'), '6,000.00');
  await page.locator('#fiscal-start').selectOption('1');
  assert.equal(requested.length, before, 'changing the period made a network request');
  await page.locator('#period').selectOption('month');
  await page.locator('section.currency[data-currency="USD"] th', { hasText: '2024-01' }).first().waitFor({ state: 'attached', timeout: 30_000 });
});

test('"Try an example" loads the example from the same origin', { timeout: 120_000 }, async () => {
  const page = await openPage();
  await page.locator('#example-button').click();
  await waitForReport(page);
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '12,000.00');
  assert.equal(await cell(page, 'EUR', 'backlog_end', '2022-02'), '8,750,000.00');
});

test('a file dropped on the drop zone is read', { timeout: 120_000 }, async () => {
  const page = await openPage();
  const text = readFileSync(join(repo, 'examples/ex1-annual-prepaid.csv'), 'utf8');
  await page.locator('#drop-zone').evaluate((zone, csv) => {
    const data = new DataTransfer();
    data.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
    zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, text);
  await page.locator('#results[data-ready="true"] .file-name', { hasText: 'dropped.csv' }).waitFor({ timeout: 60_000 });
  assert.equal(await cell(page, 'USD', 'deferred_revenue_end', '2024-01'), '11,000.00');
  assert.equal(await page.locator('.currency-tabs').count(), 0, 'one currency needs no tabs');
  assert.equal(await page.locator('#drop-zone.dragging').count(), 0);
});

test('a file of several MiB streams through the worker in chunks', { timeout: 180_000 }, async () => {
  // 40,000 copies of worked example 1 (about 4 MiB, so four 1 MiB slices and more).
  const rows = 40_000;
  const lines = ['id,customer,booking_date,amount,currency,start_date,term_months,recognition,delivery_date,billing,type,status,product,region'];
  for (let i = 0; i < rows; i++) {
    lines.push(`BIG-${String(i).padStart(6, '0')},Annual Prepaid Customer Number ${i},2024-01-01,12000.00,USD,2024-01-01,12,ratable,,upfront,new,booked,Platform,NA`);
  }
  const file = join(profileDir, 'big.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  assert.ok(statSync(file).size > 4 * 1024 * 1024);
  const page = await openPage();
  await page.locator('#file-input').setInputFiles(file);
  await page.locator('#results[data-ready="true"] .file-name', { hasText: 'big.csv' }).waitFor({ timeout: 150_000 });
  assert.equal(await page.locator('[data-count="accepted"]').textContent(), '40,000');
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '480,000,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-01'), '40,000,000.00');
});

test('file content is shown as text, never as HTML, and bad input is an error on the page', { timeout: 120_000 }, async () => {
  const page = await openPage();
  const hostile = 'id,booking_date,amount\n<img src=x onerror=alert(1)>,2024-01-01,<b>12</b>\n';
  await page.locator('#file-input').setInputFiles({ name: 'bad<i>.csv', mimeType: 'text/csv', buffer: Buffer.from(hostile) });
  // Either a report with issues or an error state: both are data shown on the page.
  await page.locator('#results[data-ready="true"], #status[data-kind="error"]').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('main img, main b, main i').count(), 0, 'file content became markup');
  if (await page.locator('#results[data-ready="true"]').count()) {
    assert.equal(await page.locator('.file-name').textContent(), 'bad<i>.csv');
    assert.equal(await page.locator('[data-count="rejected"]').textContent(), '1');
    const lines = await page.locator('.issues-table tbody td.num').allTextContents();
    assert.ok(lines.includes('2'), `no issue on line 2: ${lines}`);
  }
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-issues.png'), fullPage: true });
});

test('an engine that cannot start is a visible error, and the page recovers', { timeout: 120_000 }, async () => {
  const page = await openPage();
  failWasm = true;
  try {
    await page.locator('#file-input').setInputFiles(exampleCsv);
    await page.locator('#status[data-kind="error"]').waitFor({ timeout: 60_000 });
    assert.match(await page.locator('#status').textContent(), /Could not read worked-examples\.csv: .*engine/);
    assert.equal(await page.locator('#results').isHidden(), true);
  } finally {
    failWasm = false;
  }
  // The same worker tries again on the next file.
  await page.locator('#file-input').setInputFiles(exampleCsv);
  await waitForReport(page);
  assert.equal(await page.locator('#status').isHidden(), true);
  assert.equal(await cell(page, 'EUR', 'backlog_end', '2022-02'), '8,750,000.00');
});

test('no request left the page origin and the page logged no error', () => {
  const foreign = requested.filter((url) => !url.startsWith(server.origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.ok(requested.some((url) => url.endsWith('.wasm')), 'the wasm was fetched over HTTP: ' + requested.join(' '));
  assert.ok(requested.every((url) => !url.startsWith(server.origin + '/') || url.startsWith(server.url)),
    'a request escaped the sub-path: ' + requested.filter((u) => !u.startsWith(server.url)).join(' '));
  assert.deepEqual(pageErrors, []);
});
