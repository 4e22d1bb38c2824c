// End-to-end, spec 11 on the page: a Salesforce opportunity report dropped
// as it is (footer lines and all) says what it was read as and reports the
// right booked total and open pipeline; a status no vocabulary knows is
// listed as not understood under "Columns and formats", one choice reads all
// its rows as open, and the choice is remembered for the same header.
// Expected figures are summed here from the rows written, in cents.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cell, startBrowser, waitForReport } from './browser.mjs';

const SHOTS = process.env.BBB_SECTION11_SHOTS ?? '/tmp/shots';

let b;
before(async () => { b = await startBrowser({ viewport: { width: 1280, height: 900 } }); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await b?.close(); });

/** "120,000.00" -> 12000000 cents, from the text (no floating point). */
const cents = (text) => { const [whole, frac = ''] = text.replace(/,/g, '').split('.'); return Number(whole) * 100 + Number(frac.padEnd(2, '0')); };
/** 12000000 -> "120,000.00" */
const money = (c) => `${Math.trunc(c / 100).toLocaleString('en-US')}.${String(c % 100).padStart(2, '0')}`;

/** The as-of date is set before the file is read (the input is in the hidden results). */
const setAsOf = (page, date) => page.evaluate((d) => { /** @type {HTMLInputElement} */ (document.getElementById('as-of')).value = d; }, date);
const panel = (page, name) => page.locator(`section.view-panel[data-currency="USD"][data-view="${name}"]`);
const kpi = (page, name, key) => panel(page, name).locator(`.kpi[data-kpi="${key}"] dd`).textContent();
/** The read is over and a report is on show (in whichever view). */
const settled = (page) => page.waitForFunction(() => document.querySelector('#results')?.getAttribute('aria-busy') === 'false'
  && document.querySelector('#results')?.getAttribute('data-ready') === 'true', null, { timeout: 60_000 });
/** The "Columns and formats" panel at 1280 and 390 pixels wide, light and dark, under SHOTS. */
async function shotsOf(page, name) {
  const columns = page.locator('#columns-panel');
  for (const [width, height, size] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
    await page.setViewportSize({ width, height });
    for (const scheme of /** @type {const} */ (['light', 'dark'])) {
      await page.emulateMedia({ colorScheme: scheme });
      await columns.screenshot({ path: join(SHOTS, `${name}-${size}-${scheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}
async function openPipeline(page) {
  await page.locator('.view-tabs [role="tab"][data-view="pipeline"]').click();
  await panel(page, 'pipeline').locator('.kpi[data-kpi="open_value"] dd').waitFor({ timeout: 30_000 });
}

const OPPORTUNITIES = [
  // name, account, amount, close date, stage, probability, type, created
  ['Acme - 2024', 'Acme', '120,000.00', '1/15/2024', 'Closed Won', '100', 'New Customer', '11/2/2023'],
  ['Beta expansion', 'Beta', '35,500.50', '3/3/2024', 'Closed Won', '100', 'Existing Customer - Upgrade', '1/2/2024'],
  ['Gamma', 'Gamma', '9,999.99', '5/20/2024', 'Closed Won', '100', 'New Customer', '2/2/2024'],
  ['Delta', 'Delta', '20,000.00', '4/1/2024', 'Closed Lost', '0', 'New Customer', '1/5/2024'],
  ['Epsilon', 'Epsilon', '50,000.00', '9/30/2024', 'Negotiation/Review', '90', 'New Customer', '3/1/2024'],
  ['Zeta', 'Zeta', '12,345.67', '10/31/2024', 'Prospecting', '10', 'New Customer', '4/1/2024'],
];
const SALESFORCE = '"Opportunity Name","Account Name","Amount","Close Date","Stage","Probability (%)","Type","Created Date"\n' +
  OPPORTUNITIES.map((r) => r.map((v) => `"${v}"`).join(',')).join('\n') +
  `\n\n"Grand Totals (${OPPORTUNITIES.length} records)"\n\n"Confidential Information - Do Not Distribute"\n` +
  '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."\n';

test('a Salesforce report with its footer, dropped with no mapping: read as such, booked total and open pipeline right', { timeout: 120_000 }, async () => {
  const booked = OPPORTUNITIES.filter((r) => r[4] === 'Closed Won').reduce((s, r) => s + cents(r[2]), 0);
  const open = OPPORTUNITIES.filter((r) => !/^Closed /.test(r[4])).reduce((s, r) => s + cents(r[2]), 0);
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  await setAsOf(page, '2024-06-30');
  await page.locator('#file-input').setInputFiles({ name: 'Opportunities report.csv', mimeType: 'text/csv', buffer: Buffer.from(SALESFORCE) });
  await waitForReport(page);
  // Where the file is listed, and under "Columns and formats".
  assert.match(await page.locator('.row-summary .file-source').textContent(), /^Read as a Salesforce opportunity report — the header has /);
  await page.locator('#columns-panel summary').click();
  assert.match(await page.locator('.mapping-source').textContent(), /^Read as a Salesforce opportunity report — /);
  assert.equal(await page.locator('#source-profile').inputValue(), '');
  // The footer is skipped, not rejected.
  assert.equal(await page.locator('.row-summary [data-count="rejected"]').first().getAttribute('data-value'), '0');
  // The total, the two footer lines and the two blank lines.
  assert.equal(await page.locator('.row-summary [data-count="skipped"]').first().getAttribute('data-value'), '5');
  assert.equal(await cell(page, 'USD', 'bookings', 'Total'), money(booked));
  // Every stage of the status column is understood.
  const stages = page.locator('.values-list[data-field="status"] tbody tr');
  assert.equal(await stages.count(), new Set(OPPORTUNITIES.map((r) => r[4])).size);
  assert.equal(await page.locator('.values-list tr.not-understood').count(), 0);
  assert.equal(await page.locator('.values-list[data-field="status"] tr[data-value="Prospecting"]').getAttribute('data-reads-as'), 'open');
  await openPipeline(page);
  assert.equal(await kpi(page, 'pipeline', 'open_value'), money(open));
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});

const DEALS = [
  // id, booking date, amount, currency, status, created
  ['A1', '2024-01-10', '1000.00', 'USD', 'booked', '2023-12-01'],
  ['A2', '2024-02-10', '250.00', 'USD', 'open', '2024-01-01'],
  ['A3', '2024-03-10', '400.00', 'USD', 'Verbal commit', '2024-02-01'],
  ['A4', '2024-04-10', '100.25', 'USD', 'Verbal commit', '2024-02-01'],
];
const DEALS_CSV = 'id,booking_date,amount,currency,status,created_date\n' + DEALS.map((r) => r.join(',')).join('\n') + '\n';
const deals = { name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(DEALS_CSV) };

test('a status no vocabulary knows: listed as not understood, read as open in one step, remembered for the header', { timeout: 180_000 }, async () => {
  const verbal = DEALS.filter((r) => r[4] === 'Verbal commit');
  const verbalCents = verbal.reduce((s, r) => s + cents(r[2]), 0);
  const openBefore = DEALS.filter((r) => r[4] === 'open').reduce((s, r) => s + cents(r[2]), 0);
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  await setAsOf(page, '2024-06-30');
  await page.locator('#file-input').setInputFiles(deals);
  await waitForReport(page);
  assert.equal(await page.locator('.row-summary [data-count="rejected"]').first().getAttribute('data-value'), String(verbal.length));
  // The panel opens by itself: its rows are rejected until the value has a word.
  assert.equal(await page.locator('#columns-panel').getAttribute('open'), '');
  const row = page.locator('.values-list[data-field="status"] tr[data-value="Verbal commit"]');
  assert.match(await row.getAttribute('class'), /not-understood/);
  assert.equal(await row.locator('td').nth(0).textContent(), String(verbal.length));
  assert.equal(await row.locator('td.amount').textContent(), `USD ${money(verbalCents)}`);
  assert.match(await row.locator('td.reads-as').textContent(), /not understood/);
  assert.match(await page.locator('.values-alert').textContent(), /One value is not understood/);
  await openPipeline(page);
  assert.equal(await kpi(page, 'pipeline', 'open_value'), money(openBefore));

  // Screenshots of the value not understood: desktop, phone, dark.
  await shotsOf(page, 'values-not-understood');

  // One choice, with the keyboard's select, for all its rows.
  const select = row.locator('select');
  assert.equal(await select.getAttribute('id') !== null, true);
  assert.match(await page.locator(`label[for="${await select.getAttribute('id')}"]`).textContent(), /Read status “Verbal commit” as/);
  await select.selectOption('open');
  await page.locator('.values-list[data-field="status"] tr[data-value="Verbal commit"][data-reads-as="open"]').waitFor({ timeout: 60_000 });
  await settled(page);
  assert.equal(await page.locator('.row-summary [data-count="rejected"]').first().getAttribute('data-value'), '0');
  assert.match(await page.locator('.values-list tr[data-value="Verbal commit"] td.reads-as').textContent(), /your choice/);
  await openPipeline(page);
  assert.equal(await kpi(page, 'pipeline', 'open_value'), money(openBefore + verbalCents));

  await shotsOf(page, 'values-chosen');

  // The same header again, in a fresh page: read with the choice at once.
  const page2 = await b.openPage();
  await setAsOf(page2, '2024-06-30');
  await page2.locator('#file-input').setInputFiles(deals);
  await waitForReport(page2);
  assert.equal(await page2.locator('.row-summary [data-count="rejected"]').first().getAttribute('data-value'), '0');
  await openPipeline(page2);
  assert.equal(await kpi(page2, 'pipeline', 'open_value'), money(openBefore + verbalCents));
  await page2.locator('#columns-panel summary').click();
  assert.match(await page2.locator('.values-list tr[data-value="Verbal commit"] td.reads-as').textContent(), /your choice/);
  assert.equal(await page2.locator('.values-list tr[data-value="Verbal commit"] select').inputValue(), 'open');
  assert.match(await page2.locator('.mapping-actions').textContent(), /remembered/);

  // Back to what the engine reads: the value is not understood again.
  await page2.locator('.values-list tr[data-value="Verbal commit"] select').selectOption('');
  await page2.locator('.values-list tr[data-value="Verbal commit"].not-understood').waitFor({ timeout: 60_000 });
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});

test('the drop zone and file pickers let a workbook through to the engine', { timeout: 60_000 }, async () => {
  const page = await b.openPage();
  for (const id of ['file-input', 'invoices-input', 'fulfilment-input']) {
    assert.match(await page.locator(`#${id}`).getAttribute('accept') ?? '', /\.xlsx/, id);
  }
});
