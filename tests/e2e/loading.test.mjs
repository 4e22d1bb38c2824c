// End-to-end: getting files in. Every example set offered, drag and drop,
// invoices and fulfilment beside the contracts, a large file streaming with
// a progress bar (rows and MB) and a cancel button, and recovery when the
// engine aborts, its worker fails, or it cannot start.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { byMonth, cell, repo, shot, showFiles, startBrowser, waitForReport, workersNamed } from './browser.mjs';

let b;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

/** A contracts file of `rows` copies of worked example 1, written to the profile folder. */
function bigFile(name, rows) {
  const lines = ['id,customer,booking_date,amount,currency,start_date,term_months,recognition,delivery_date,billing,type,status,product,region'];
  for (let i = 0; i < rows; i++) {
    lines.push(`BIG-${String(i).padStart(7, '0')},Annual Prepaid Customer Number ${i},2024-01-01,12000.00,USD,2024-01-01,12,ratable,,upfront,new,booked,Platform,NA`);
  }
  const file = join(b.profileDir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('every file in examples/ is offered with its title, and each loads', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  const csvs = readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.csv')).sort();
  const options = await page.locator('#example-select option').evaluateAll((os) => os.map((o) => [/** @type {HTMLOptionElement} */ (o).value, o.textContent]));
  assert.deepEqual(options.map(([v]) => v).filter((v) => v.endsWith('.csv')).sort(), csvs);
  for (const [, text] of options) assert.ok(text.length > 20, `an example without a title: ${text}`);
  await page.locator('#example-select').selectOption('ex1-annual-prepaid.csv');
  await page.locator('#example-button').click();
  await page.locator('#results[data-ready="true"] .file-name', { hasText: 'ex1-annual-prepaid.csv' }).waitFor({ timeout: 60_000 });
  assert.equal(await cell(page, 'USD', 'deferred_revenue_end', '2024-01'), '11,000.00');
  await showFiles(page);   // folded into its line once read
  await page.locator('#example-select').selectOption('ex3-undelivered-orders.csv');
  await page.locator('#example-button').click();
  await page.locator('#results[data-ready="true"] .file-name', { hasText: 'ex3-undelivered-orders.csv' }).waitFor({ timeout: 60_000 });
  assert.equal(await cell(page, 'USD', 'unscheduled_backlog_end', '2024-02'), '50,000.00');
  // A folder is one set: the project business brings its invoices and fulfilment files in the same click.
  await showFiles(page);
  await page.locator('#example-select').selectOption('project-business');
  await page.locator('#example-button').click();
  await page.locator('#results[data-ready="true"] .file-name', { hasText: 'contracts.csv' }).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#invoices-name').textContent(), 'invoices.csv');
  assert.equal(await page.locator('#fulfilment-name').textContent(), 'fulfilment.csv');
  // January 2025: P-100 is 5% complete (24,000.00 earned) against its 96,000.00 mobilisation invoice.
  assert.equal(await cell(page, 'USD', 'deferred_revenue_end', '2025-01'), '72,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2025-01'), '24,000.00');
});

test('a file dropped on the drop zone is read', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
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

test('invoices and fulfilment files beside the contracts change billings and revenue', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  const contracts = 'id,booking_date,amount,currency,recognition,billing\nC1,2024-01-10,1000.00,USD,point,none\n';
  const invoices = 'id,invoice_date,amount\nC1,2024-02-05,400.00\nC1,2024-03-05,600.00\n';
  const fulfilment = 'id,date,percent_complete\nC1,2024-02-20,25\nC1,2024-04-20,100\n';
  await page.locator('#invoices-input').setInputFiles({ name: 'inv.csv', mimeType: 'text/csv', buffer: Buffer.from(invoices) });
  assert.equal(await page.locator('#invoices-name').textContent(), 'inv.csv');
  await page.locator('#file-input').setInputFiles({ name: 'con.csv', mimeType: 'text/csv', buffer: Buffer.from(contracts) });
  await waitForReport(page);
  assert.equal(await cell(page, 'USD', 'billings', '2024-02'), '400.00');
  assert.equal(await cell(page, 'USD', 'billings', '2024-03'), '600.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-02'), '0.00', 'a point line without delivery is not recognised');
  // Adding the fulfilment file re-reads everything, in the engine's order.
  await page.locator('#fulfilment-input').setInputFiles({ name: 'ful.csv', mimeType: 'text/csv', buffer: Buffer.from(fulfilment) });
  await page.waitForFunction(() => document.querySelector('section.currency tr[data-metric="revenue"] td[data-period="2024-02"]')?.textContent === '250.00', null, { timeout: 60_000 });
  assert.equal(await cell(page, 'USD', 'revenue', '2024-04'), '750.00');
  const names = await page.locator('.row-summary .file-name').allTextContents();
  assert.deepEqual(names.sort(), ['con.csv', 'ful.csv', 'inv.csv']);
  assert.deepEqual(await page.locator('.file-rows-table [data-rejected]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rejected'))), ['0', '0', '0']);
  await shot(page, 'three-files');
  // Removing the invoices file: billing falls back to the line's terms (none).
  await showFiles(page);
  await page.locator('#invoices-remove').click();
  await page.waitForFunction(() => document.querySelector('section.currency tr[data-metric="billings"] td[data-period="2024-02"]')?.textContent === '0.00', null, { timeout: 60_000 });
});

test('a file of several MiB streams through the worker in chunks', { timeout: 180_000 }, async () => {
  const file = bigFile('big.csv', 40_000);
  assert.ok(statSync(file).size > 4 * 1024 * 1024);
  const page = await b.openPage();
  await page.locator('#file-input').setInputFiles(file);
  await page.locator('#results[data-ready="true"] .file-name', { hasText: 'big.csv' }).waitFor({ timeout: 150_000 });
  assert.equal(await page.locator('[data-count="accepted"]').textContent(), '40,000');
  // Read by the reader worker the page starts beside the engine's (attach_reader.js).
  assert.equal((await workersNamed(page, 'reader')).length, 2, page.workers().map((w) => w.url()).join(', '));
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '480,000,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-01'), '40,000,000.00');
});

test('a file of 8 MB or more is read by a second engine worker while the first folds its lines: the same figures', { timeout: 180_000 }, async () => {
  const file = bigFile('split.csv', 80_000);
  assert.ok(statSync(file).size > 8 * 1024 * 1024);
  const page = await b.openPage();
  await page.locator('#file-input').setInputFiles(file);
  await page.locator('#results[data-ready="true"] .file-name', { hasText: 'split.csv' }).waitFor({ timeout: 150_000 });
  assert.equal(await page.locator('[data-count="accepted"]').textContent(), '80,000');
  // The engine memory the progress reported is both workers': two heaps of at least 16 MiB.
  assert.ok(Number(await page.locator('#progress-text').getAttribute('data-engine-heap-bytes')) >= 32 * 1048576);
  assert.equal((await workersNamed(page, 'engine')).length, 1);
  assert.equal((await workersNamed(page, 'reading')).length, 1);
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '960,000,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-01'), '80,000,000.00');
  assert.equal(await cell(page, 'USD', 'deferred_revenue_end', '2024-01'), '880,000,000.00');
});

test('a large read shows rows and MB, the page stays responsive, and Cancel stops it', { timeout: 180_000 }, async () => {
  const file = bigFile('huge.csv', 700_000);   // about 100 MB
  const page = await b.openPage();
  await page.locator('#file-input').setInputFiles(file);
  await page.locator('#progress-text').filter({ hasText: /rows · .* MB/ }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => Number(document.getElementById('progress-text')?.dataset.rows) > 0, null, { timeout: 60_000 });
  assert.match(await page.locator('#progress-text').textContent(), /^[\d,]+ rows · [\d.]+ of \d+\.\d MB$/);
  assert.equal(await page.locator('#progress').isVisible(), true);
  // The main thread answers while the worker reads.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  assert.ok(Date.now() - t0 < 1000, 'the page did not paint within a second');
  await shot(page, 'progress', { fullPage: false });
  await page.locator('#cancel-button').click();
  await page.locator('#status', { hasText: 'cancelled' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#progress').isHidden(), true);
  assert.equal(await page.locator('#results').isHidden(), true);
  // The engine is ready for the next file.
  await page.locator('#example-button').click();
  await waitForReport(page);
  await byMonth(page, '2024-01-01 to 2024-01-31');   // the worked examples open by quarter
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '12,000.00');
});

test('a file dropped while another is read stops that read and is read instead, and the status says so', { timeout: 180_000 }, async () => {
  const file = bigFile('huge.csv', 700_000);
  const page = await b.openPage();
  // Every status line, as the live region shows them.
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.statusLines = [];
    const text = /** @type {HTMLElement} */ (document.getElementById('status-text'));
    new MutationObserver(() => { if (w.statusLines.at(-1) !== text.textContent) w.statusLines.push(text.textContent); })
      .observe(text, { childList: true, characterData: true, subtree: true });
  });
  await page.locator('#file-input').setInputFiles(file);
  await page.waitForFunction(() => Number(document.getElementById('progress-text')?.dataset.rows) > 0, null, { timeout: 60_000 });
  const text = readFileSync(join(repo, 'examples/ex1-annual-prepaid.csv'), 'utf8');
  // What the status says as soon as the drop is handled (the read that follows soon says more).
  const said = await page.locator('#drop-zone').evaluate((zone, csv) => {
    const data = new DataTransfer();
    data.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    return document.getElementById('status-text')?.textContent;
  }, text);
  assert.equal(said, 'Stopping the read of huge.csv to read dropped.csv instead…');
  assert.equal(await page.locator('#status').getAttribute('role'), 'status');
  await page.locator('#results[data-ready="true"] .file-name', { hasText: 'dropped.csv' }).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('[data-count="accepted"]').textContent(), '1');
  assert.equal(await cell(page, 'USD', 'deferred_revenue_end', '2024-01'), '11,000.00');
  const lines = await page.evaluate(() => /** @type {any} */ (window).statusLines);
  const stopping = lines.indexOf('Stopping the read of huge.csv to read dropped.csv instead…');
  assert.ok(stopping >= 0 && lines.indexOf('Stopped reading huge.csv. Looking at the columns of dropped.csv…') > stopping, lines.join(' | '));
  assert.ok(!lines.some((line) => /cancelled|Could not/.test(line)), lines.join(' | '));
  assert.equal(await page.locator('#status').isHidden(), true);
});

/** The page's engine worker (its reader worker and its reading worker, another engine worker named 'reading', run beside it, in no set order). */
async function engineWorker(page) {
  const [worker] = await workersNamed(page, 'engine');
  return worker ?? assert.fail(page.workers().map((w) => w.url()).join(', '));
}

test('an engine that aborts mid-read (out of memory) is said plainly, and a fresh worker reads the next file', { timeout: 180_000 }, async () => {
  const file = bigFile('huge.csv', 700_000);
  const page = await b.openPage();
  await page.locator('#file-input').setInputFiles(file);
  await page.waitForFunction(() => Number(document.getElementById('progress-text')?.dataset.rows) > 0, null, { timeout: 60_000 });
  // What Emscripten's onAbort makes the worker say (engine.worker.js).
  const worker = await engineWorker(page);
  await worker.evaluate(() => self.postMessage({ type: 'fatal', message: 'Aborted(OOM)' }));
  await page.locator('#status[data-kind="error"]').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('#status').textContent(), /ran out of memory/);
  await shot(page, 'out-of-memory', { fullPage: false });
  await page.waitForFunction(() => true);
  await showFiles(page);
  await page.locator('#example-button').click();
  await waitForReport(page);
  await byMonth(page, '2022-02-01 to 2022-02-28');   // the worked examples open by quarter
  assert.equal(await cell(page, 'EUR', 'backlog_end', '2022-02'), '8,750,000.00');
  assert.notEqual(await engineWorker(page), worker);

  // A worker that throws: the same recovery.
  b.state.expectedErrors.push(/worker exploded/);
  await (await engineWorker(page)).evaluate(() => { setTimeout(() => { throw new Error('worker exploded'); }); });
  await page.locator('#status[data-kind="error"]').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('#status').textContent(), /worker exploded/);
  // A view change on a lost session reads the files again instead of failing.
  await page.locator('#period').selectOption('quarter');
  await page.locator('section.currency[data-currency="EUR"] th', { hasText: 'FY2022-Q1' }).waitFor({ state: 'attached', timeout: 60_000 });
  assert.equal(await page.locator('#status').isHidden(), true);
});

test('an engine that cannot start is a visible error, and the page recovers', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  b.state.override = (url) => (url.endsWith('.wasm') ? { status: 404, body: 'gone' } : undefined);
  b.state.expectedErrors.push(/404/);
  try {
    await page.locator('#example-button').click();
    // The sentence the page settles on (a worker that fails to load is replaced once, so an error may show twice).
    await page.waitForFunction(() => {
      const status = document.getElementById('status');
      return status?.dataset.kind === 'error' && /Could not read worked-examples\.csv: .*engine/.test(status.textContent ?? '');
    }, null, { timeout: 60_000 });
    assert.equal(await page.locator('#results').isHidden(), true);
  } finally {
    b.state.override = null;
  }
  await page.locator('#example-button').click();
  await waitForReport(page);
  assert.equal(await page.locator('#status').isHidden(), true);
});

test('no request left the page origin, and no error or CSP violation was reported', () => {
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});
