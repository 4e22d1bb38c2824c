// End-to-end: the single-file build (web/dist-single/index.html, from
// `npm run build:single`) opened from disk, file://, with no server: it
// reads an example and renders its report; it asks for nothing but its own
// data: and blob: URLs; no error and no CSP violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cell, launchChromium, repo, shot, waitForReport, watchPage } from './browser.mjs';

const single = join(repo, 'web/dist-single/index.html');
let browser;
const requested = [];
const errors = [];

before(async () => {
  assert.ok(existsSync(single), `${single} is missing: run "npm run build:single" first`);
  browser = await launchChromium();
  browser.context.on('request', (r) => requested.push(r.url()));
});
after(async () => {
  await browser?.context.close();
  if (browser) rmSync(browser.profileDir, { recursive: true, force: true });
});

test('the single HTML file runs from file:// and renders an example report', { timeout: 120_000 }, async () => {
  const page = await browser.context.newPage();
  await watchPage(page, errors);
  await page.goto(pathToFileURL(single).href);
  await page.locator('#example-select').selectOption('ex1-annual-prepaid.csv');
  await page.locator('#example-button').click();
  await waitForReport(page);
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '12,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-03'), '1,000.00');
  assert.equal(await cell(page, 'USD', 'deferred_revenue_end', '2024-01'), '11,000.00');
  // No links to pages a single file does not have.
  assert.equal(await page.locator('a[href$="lab.html"], a[href$="glossary.html"]').count(), 0);
  await page.locator('.view-tabs [data-view="waterfall"]').click();
  await page.locator('section.view-panel[data-view="waterfall"] table').waitFor();
  await shot(page, 'single-file');
  const foreign = requested.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  // One file: nothing else in the folder is needed; its size a budget (2.13 MB with the Excel writer, the as-of default, the term notice and the comparison of two exports).
  assert.ok(statSync(single).size < 2_250_000, `${statSync(single).size} bytes`);
});

test('the single file reads a file of 8 MB or more with its second engine worker, from the same inlined code', { timeout: 180_000 }, async () => {
  const rows = ['id,customer,booking_date,amount,currency,start_date,term_months,recognition,billing'];
  for (let i = 0; i < 100_000; i++) rows.push(`S-${String(i).padStart(7, '0')},Annual Prepaid Customer Number ${i},2024-01-01,12000.00,USD,2024-01-01,12,ratable,upfront`);
  const file = join(browser.profileDir, 'single-split.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  assert.ok(statSync(file).size > 8 * 1024 * 1024);
  const page = await browser.context.newPage();
  await watchPage(page, errors);
  await page.goto(pathToFileURL(single).href);
  await page.locator('#file-input').setInputFiles(file);
  await page.locator('#results[data-ready="true"] .file-name', { hasText: 'single-split.csv' }).waitFor({ timeout: 150_000 });
  assert.equal(await page.locator('[data-count="accepted"]').textContent(), '100,000');
  assert.ok(Number(await page.locator('#progress-text').getAttribute('data-engine-heap-bytes')) >= 32 * 1048576, 'two engines read it');
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '1,200,000,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-01'), '100,000,000.00');
  assert.deepEqual(errors, []);
});
