// End-to-end, spec 11 on the page: a HubSpot deals workbook (.xlsx, its
// data on the first of two sheets) and a Stripe invoices export alone, each
// dropped with no mapping. The workbook says what it was read as and which
// sheet, with the booked total summed here from its rows; the invoices give
// billings and show bookings and backlog as unknown ("—"), never 0.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cell, startBrowser, waitForReport } from './browser.mjs';

const repo = join(import.meta.dirname, '..', '..');
let b;
before(async () => { b = await startBrowser({ viewport: { width: 1280, height: 900 } }); });
after(async () => { await b?.close(); });

const money = (c) => `${Math.trunc(c / 100).toLocaleString('en-US')}.${String(c % 100).padStart(2, '0')}`;
const setAsOf = (page, date) => page.evaluate((d) => { /** @type {HTMLInputElement} */ (document.getElementById('as-of')).value = d; }, date);

test('a HubSpot workbook dropped as it is: read as HubSpot deals, its first sheet, the right bookings', { timeout: 120_000 }, async () => {
  const workbook = join(repo, 'tests/cases/source_hubspot_deals_xlsx/input.xlsx');
  // The expected figures from the case's golden report, checked there against the rows by hand.
  const golden = JSON.parse(readFileSync(join(repo, 'tests/cases/source_hubspot_deals_xlsx/golden/report.json'), 'utf8'));
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  await setAsOf(page, '2024-06-30');
  await page.locator('#file-input').setInputFiles({ name: 'hubspot-deals.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(workbook) });
  await waitForReport(page);
  assert.match(await page.locator('.row-summary .file-source').textContent(), /^Read as a HubSpot deals export/);
  assert.equal(await page.locator('.row-summary [data-count="rejected"]').first().getAttribute('data-value'), '0');
  assert.equal(await cell(page, 'USD', 'bookings', 'Total'), money(golden.currencies.USD.total.bookings));
  assert.ok(golden.currencies.USD.total.bookings > 0);
});

test('a Stripe invoices export alone: billings per month, bookings and backlog not known', { timeout: 120_000 }, async () => {
  const csv = readFileSync(join(repo, 'tests/cases/source_stripe_invoices/input.csv'));
  const golden = JSON.parse(readFileSync(join(repo, 'tests/cases/source_stripe_invoices/golden/report.json'), 'utf8'));
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  await setAsOf(page, golden.settings.as_of);
  await page.locator('#file-input').setInputFiles({ name: 'invoices.csv', mimeType: 'text/csv', buffer: csv });
  await waitForReport(page);
  assert.match(await page.locator('.row-summary .file-source').textContent(), /^Read as a Stripe invoices export/);
  const currency = 'USD', figures = golden.currencies.USD;
  assert.ok(figures.total.billings > 0);
  assert.equal(await cell(page, currency, 'billings', 'Total'), money(figures.total.billings));
  assert.equal(await cell(page, currency, 'bookings', 'Total'), '—');
  assert.equal(await cell(page, currency, 'backlog_end', 'Total'), '—');
});
