// End-to-end: workbooks (.xlsx) and their sheets, on the page, in the
// single-file build and in <bbb-report>.
// 1. The page: a workbook whose first sheet ("Summary") is a small summary
//    table with no booking date says which column is missing and opens
//    "Columns and formats", where the sheet picker lists both sheets;
//    choosing "Opportunities" reads the file again with that sheet: a
//    Salesforce opportunity report, the bookings the CLI gives for that
//    sheet, and the #N/A cell listed as a warning (error_cells).
// 2. The single file (web/dist-single/index.html, file://) reads a HubSpot
//    deals workbook.
// 3. <bbb-report> (web/dist-component/bbb-report.js) reads the same
//    workbook, from src and from a File given to load().
// No request leaves the page's origin in any of them.
//
// Needs: npm run build:web, npm run build:single, npm run build:component,
// /usr/bin/chromium; build/native-release/bbb is used when present (the
// expected total is also summed here from the fixture's rows).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cell, launchChromium, repo, startBrowser, startHost, waitForReport, watchPage } from './browser.mjs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const opportunities = join(repo, 'tests/fixtures/xlsx/opportunities.xlsx');
const hubspot = join(repo, 'tests/cases/source_hubspot_deals_xlsx/input.xlsx');
const hubspotGolden = JSON.parse(readFileSync(join(repo, 'tests/cases/source_hubspot_deals_xlsx/golden/report.json'), 'utf8'));
const single = join(repo, 'web/dist-single/index.html');
const bundle = join(repo, 'web/dist-component/bbb-report.js');
const cli = join(repo, 'build/native-release/bbb');
const SHOT_DIR = '/tmp/shots';
const AS_OF = '2024-06-30';

const money = (c) => `${Math.trunc(c / 100).toLocaleString('en-US')}.${String(c % 100).padStart(2, '0')}`;
const setAsOf = (page, date) => page.evaluate((d) => { /** @type {HTMLInputElement} */ (document.getElementById('as-of')).value = d; }, date);

// The "Opportunities" sheet's Closed Won rows in USD (tools/make-xlsx-fixtures.py), in cents:
// 45,362.12 + 0.30000000000000004 (read as 0.30) + 12,000 + 90,724.24 (a formula, =E2*2, its cached value) + 2,500.
// Prospecting, Negotiation (EUR, rejected) and Closed Lost (GBP) are not booked.
const OPPORTUNITIES_BOOKED = 4_536_212 + 30 + 1_200_000 + 9_072_424 + 250_000;

let b;
before(async () => { b = await startBrowser({ viewport: { width: 1280, height: 900 } }); });
after(async () => { await b?.close(); });

test('a workbook whose first sheet has no booking date: the sheet picker lists its sheets, the other sheet gives the report', { timeout: 120_000 }, async () => {
  // What the CLI gives for that sheet and as-of, when it is built: the same figure as summed above.
  if (existsSync(cli)) {
    const report = JSON.parse(execFileSync(cli, ['report', opportunities, '--sheet', 'Opportunities', '--as-of', AS_OF], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    assert.equal(report.currencies.USD.total.bookings, OPPORTUNITIES_BOOKED);
    assert.deepEqual(report.files[0].workbook, { sheet: 'Opportunities', sheets: ['Summary', 'Opportunities'] });
  }

  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  await setAsOf(page, AS_OF);
  await page.locator('#file-input').setInputFiles({ name: 'opportunities.xlsx', mimeType: XLSX_TYPE, buffer: readFileSync(opportunities) });

  // The first sheet is read: no booking date, said in the status and in the opened columns panel.
  await page.locator('#results[data-ready="columns"]').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#status').textContent(),
    /opportunities\.xlsx has no column for booking_date: choose it under "Columns and formats"\./);
  assert.equal(await page.locator('#columns-panel').evaluate((d) => /** @type {HTMLDetailsElement} */ (d).open), true);
  assert.equal(await page.locator('#columns-panel .mapping-alert').textContent(),
    'No column was found for: Booking date. Pick the column that holds each one below, then press "Apply and re-read".' +
    ' Or read another sheet of the workbook (it has 2: "Sheet of" below).');
  assert.equal(await page.locator('#columns-panel tr.missing').getAttribute('data-field'), 'booking_date');

  // The sheet picker, in the columns panel: both sheets, in the workbook's order, the first chosen.
  const picker = page.locator('#columns-panel .sheet-choices select#sheet-contracts');
  assert.match(await page.locator('#columns-panel .sheet-choices label').textContent(), /^Sheet of opportunities\.xlsx /);
  assert.deepEqual(await picker.locator('option').allTextContents(), ['Summary', 'Opportunities']);
  assert.equal(await picker.inputValue(), 'Summary');
  mkdirSync(SHOT_DIR, { recursive: true });
  await page.locator('#columns-panel').screenshot({ path: join(SHOT_DIR, 'sheet-picker.png') });

  // Choosing the other sheet reads the file again with it.
  await picker.selectOption('Opportunities');
  await waitForReport(page);
  assert.match(await page.locator('.row-summary .file-source').textContent(), /^Read as a Salesforce opportunity report/);
  assert.equal(await page.locator('.row-summary [data-count="read"]').getAttribute('data-value'), '8');
  assert.equal(await page.locator('.row-summary [data-count="accepted"]').getAttribute('data-value'), '7');
  assert.equal(await page.locator('.row-summary [data-count="rejected"]').getAttribute('data-value'), '1');
  assert.equal(await cell(page, 'USD', 'bookings', 'Total'), money(OPPORTUNITIES_BOOKED));
  assert.equal(await cell(page, 'USD', 'bookings', 'Total'), '150,586.66');
  // The picker stays, on the sheet read.
  assert.equal(await page.locator('#sheet-contracts').inputValue(), 'Opportunities');

  // The #N/A cell: a warning, counted and listed.
  assert.equal(await page.locator('.issue-counts li[data-code="error_cells"] strong').textContent(), '1');
  const warning = page.locator('.issues-table tbody tr', { has: page.locator('td.code', { hasText: /^error_cells$/ }) });
  assert.equal(await warning.count(), 1);
  assert.equal(await warning.locator('td.severity').textContent(), 'warning');
  assert.match(await warning.locator('td.reason').textContent(), /#N\/A, in row 3, column G/);

  // Back to the first sheet: the missing column again.
  await page.locator('#sheet-contracts').selectOption('Summary');
  await page.locator('#results[data-ready="columns"]').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#sheet-contracts').inputValue(), 'Summary');

  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});

test('the single file, from file://, reads a HubSpot deals workbook', { timeout: 120_000 }, async () => {
  assert.ok(existsSync(single), `${single} is missing: run "npm run build:single" first`);
  const browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  const requested = [];
  const errors = [];
  browser.context.on('request', (r) => requested.push(r.url()));
  try {
    const page = await browser.context.newPage();
    await watchPage(page, errors);
    await page.goto(pathToFileURL(single).href);
    await setAsOf(page, AS_OF);
    await page.locator('#file-input').setInputFiles({ name: 'hubspot-deals.xlsx', mimeType: XLSX_TYPE, buffer: readFileSync(hubspot) });
    await waitForReport(page);
    assert.match(await page.locator('.row-summary .file-source').textContent(), /^Read as a HubSpot deals export/);
    assert.equal(await page.locator('.row-summary [data-count="rejected"]').first().getAttribute('data-value'), '0');
    const booked = hubspotGolden.currencies.USD.total.bookings;
    assert.ok(booked > 0);
    assert.equal(await cell(page, 'USD', 'bookings', 'Total'), money(booked));
    // Two sheets: the picker shows them, the first read.
    assert.deepEqual(await page.locator('#sheet-contracts option').allTextContents(), hubspotGolden.files[0].workbook.sheets);
    assert.equal(await page.locator('#sheet-contracts').inputValue(), 'All deals');
    const foreign = requested.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.context.close();
    rmSync(browser.profileDir, { recursive: true, force: true });
  }
});

test('<bbb-report> reads a HubSpot deals workbook, from src and from a File given to load()', { timeout: 120_000 }, async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run "npm run build:component" first`);
  const HOST = `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src blob:; connect-src 'self' data:; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'">
<title>Intranet</title><link rel="icon" href="data:,">
<script type="module" src="bbb-report.js"></script>
</head><body>
<input type="file" id="picked">
<bbb-report id="from-src" src="deals.xlsx" as-of="${AS_OF}" views="statement"></bbb-report>
</body></html>`;
  const host = await startHost({ 'index.html': HOST, 'bbb-report.js': { copy: bundle }, 'deals.xlsx': { copy: hubspot } }, '/intranet/sales/');
  const errors = [];
  try {
    const page = await host.context.newPage();
    await watchPage(page, errors);
    // The element fires 'bbb-report' once connected and read; listen before it can.
    await page.addInitScript(() => {
      // @ts-ignore
      window.__reports = [];
      document.addEventListener('bbb-report', (e) => {
        const r = /** @type {CustomEvent} */ (e).detail;
        // @ts-ignore
        window.__reports.push({ id: /** @type {HTMLElement} */ (e.target).id, source: r.files?.[0]?.source?.profile,
          workbook: r.files?.[0]?.workbook, bookings: r.currencies?.USD?.total?.bookings, rejected: r.rows?.rejected, asOf: r.settings?.as_of });
      }, true);
    });
    await page.goto(host.server.url);
    const booked = hubspotGolden.currencies.USD.total.bookings;
    const total = (id) => page.locator(`bbb-report#${id} section.currency[data-currency="USD"] tr[data-metric="bookings"] td[data-period="Total"]`);
    // Two currencies (EUR and USD): the element opens on the first, EUR, as the page does; the USD tab shows USD.
    const showUsd = async (id) => {
      const tab = page.locator(`bbb-report#${id} .currency-tabs [role="tab"][data-currency="USD"]`);
      await tab.waitFor({ timeout: 60_000 });
      await tab.click();
      await total(id).waitFor({ timeout: 10_000 });
    };
    await showUsd('from-src');
    assert.equal(await total('from-src').textContent(), money(booked));

    // A File the user picked, given to load().
    await page.locator('#picked').setInputFiles({ name: 'hubspot-deals.xlsx', mimeType: XLSX_TYPE, buffer: readFileSync(hubspot) });
    await page.evaluate((asOf) => {
      const el = /** @type {any} */ (document.createElement('bbb-report'));
      el.id = 'from-file';
      el.setAttribute('as-of', asOf);
      el.setAttribute('views', 'statement');
      document.body.append(el);
      el.load(/** @type {HTMLInputElement} */ (document.getElementById('picked')).files[0]);
    }, AS_OF);
    await showUsd('from-file');
    assert.equal(await total('from-file').textContent(), money(booked));

    // @ts-ignore
    const reports = await page.evaluate(() => window.__reports);
    const expected = { source: 'hubspot_deals', workbook: hubspotGolden.files[0].workbook, bookings: booked, rejected: 0, asOf: AS_OF };
    assert.deepEqual(reports, [{ id: 'from-src', ...expected }, { id: 'from-file', ...expected }]);
    assert.equal(host.server.log.filter((l) => l.endsWith('/deals.xlsx')).length, 1);
    assert.deepEqual(host.foreignRequests(), []);
    assert.deepEqual(errors, []);
  } finally {
    await host.close();
  }
});
