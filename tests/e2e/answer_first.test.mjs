// End-to-end: the answer first. Before any file, what the tool gives and
// the examples by business; once read, the upload area in one line, the
// summary's figures (checked against the engine's own report asked
// independently in node, the twelve months against its per-period
// trailing sums, not the yearly report the page reads), quarters for a
// file of more than two years, the header row kept in view, the default
// currency's tab first, and a phone with no sideways scroll in any view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../web/dist-engine/bbb-engine.mjs';
import { formatMinor } from '../../web/src/format_minor.js';
import { repo, shot, startBrowser, settled } from './browser.mjs';

let b;
let page;
before(async () => { b = await startBrowser(); page = await b.openPage(); });
after(async () => { await b?.close(); });

const AS_OF = '2025-06-30';
const summaryReady = () => page.waitForFunction(() => document.querySelector('#answer-summary-box')?.getAttribute('data-ready') === 'true'
  && document.querySelector('#results')?.getAttribute('aria-busy') === 'false', null, { timeout: 60_000 });
/** Does `act` and waits for the report it causes (a new statement on show, the summary asked again). */
async function newReport(act) {
  await page.evaluate(() => { /** @type {any} */ (window).__oldStatement = document.querySelector('section.currency'); });
  await act();
  await settled(page, () => document.querySelector('section.currency') !== /** @type {any} */ (window).__oldStatement);
  await summaryReady();
}
const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('before any file: what the tool gives, and the examples named by their business', async () => {
  assert.equal(await page.locator('#intro').isVisible(), true);
  assert.equal(await page.locator('#intro svg.intro-picture').isVisible(), true);
  const names = await page.locator('#intro-examples .example-card strong').allTextContents();
  for (const name of ['SaaS company', 'Manufacturer', 'Project business', 'Worked examples']) assert.ok(names.includes(name), `${name} in ${names}`);
  assert.equal(await page.locator('#upload-fold').isVisible(), false);
  await shot(page, 'answer-first-screen', { fullPage: false });
});

test('an example read: the upload area folds into one line, quarters for 39 months, the summary first', { timeout: 90_000 }, async () => {
  await page.locator('#intro-examples [data-example="saas-company"]').focus();
  await page.keyboard.press('Enter');
  await settled(page);
  await summaryReady();
  assert.equal(await page.locator('#upload-fold').isVisible(), true);
  assert.match(await page.locator('#upload-fold-text').textContent() ?? '', /^contracts\.csv · 13 rows$/);
  assert.equal(await page.locator('#files-input').isVisible(), false);
  assert.equal(await page.locator('#intro').isVisible(), false);
  // The example's button went with the intro: focus goes to the summary, not to the page's body.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer-summary-box');
  // 2024-01 to 2027-03 by month is 39 columns: quarters instead.
  assert.equal(await page.locator('#period').inputValue(), 'quarter');
  assert.ok(await page.locator('section.currency[data-currency="USD"] th[title="2024-01-01 to 2024-03-31"]').count() === 1);
  // The summary is above the statement, and the statement's header starts on the first screen.
  const summaryTop = (await page.locator('#answer-summary-box').boundingBox())?.y ?? Infinity;
  const tableTop = (await page.locator('section.currency[data-currency="USD"] table.statement').boundingBox())?.y ?? Infinity;
  assert.ok(summaryTop < tableTop, `summary ${summaryTop} above the statement ${tableTop}`);
  assert.ok(tableTop < 768 - 60, `the statement starts at ${tableTop}, on the first screen`);
  await shot(page, 'answer-desktop', { fullPage: false });
  // "Change files" opens the upload area again.
  await page.locator('#upload-change').click();
  assert.equal(await page.locator('#files-input').isVisible(), true);
  await page.locator('#upload-change').click();
  assert.equal(await page.locator('#files-input').isVisible(), false);
});

test('the summary\'s figures are the engine\'s: the latest quarter ended by the as-of date and its twelve months', { timeout: 90_000 }, async () => {
  await page.locator('#as-of').fill(AS_OF);
  await page.locator('#as-of').dispatchEvent('change');
  await settled(page, (d) => document.querySelector('.answer-summary')?.getAttribute('data-period') === d, 'FY2025-Q2');
  await summaryReady();
  // The engine, asked in node for the same file and settings.
  const engine = await createEngine();
  const result = await engine.analyse({ contracts: readFileSync(join(repo, 'examples/saas-company/contracts.csv')) },
    { as_of: AS_OF }, { period: 'quarter' });
  assert.ok(result.ok);
  const usd = result.report?.currencies.USD;
  const q = usd.periods.find((p) => p.period === 'FY2025-Q2');
  assert.equal(q.end, AS_OF);
  const card = (key) => page.locator(`.answer-summary .summary-card[data-metric="${key}"]`);
  const value = async (key) => (await card(key).locator('.summary-value').textContent())?.trim();
  for (const key of ['bookings', 'billings', 'revenue', 'backlog_end', 'crpo_end', 'deferred_revenue_end']) {
    assert.equal(await value(key), formatMinor(q[key], 2), key);
  }
  assert.equal(await value('arr_end'), formatMinor(q.mrr.arr_end, 2));
  // The twelve months: the engine's trailing sums of the quarter (another path than the page's yearly report).
  for (const key of ['bookings', 'billings', 'revenue']) {
    assert.equal((await card(key).locator('.summary-twelve-value').textContent())?.trim(), formatMinor(q.trailing_12_months[key], 2), `${key} 12 months`);
  }
  // Hand-checked in examples/saas-company/README.md terms: a figure drills to its lines.
  await card('revenue').locator('.summary-open').click();
  await page.locator('#drill-dialog .drill-total strong').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#drill-dialog .drill-total strong').textContent(), `USD ${formatMinor(q.revenue, 2)}`);
  await page.keyboard.press('Escape');
});

test('the user\'s period is kept; the header row stays in view while the statement scrolls', { timeout: 60_000 }, async () => {
  await page.locator('#period').selectOption('month');
  await settled(page, () => !!document.querySelector('section.currency th[title="2024-01-01 to 2024-01-31"]'));
  await newReport(() => page.locator('#proration').selectOption('daily'));   // a re-read: the month is kept
  assert.equal(await page.locator('#period').inputValue(), 'month');
  const scroller = page.locator('section.currency[data-currency="USD"] > .table-scroll');
  const head = page.locator('section.currency[data-currency="USD"] thead th').nth(3);
  await scroller.evaluate((s) => { s.scrollTop = 300; s.scrollLeft = 400; });
  const box = await scroller.boundingBox();
  const headBox = await head.boundingBox();
  const label = await page.locator('section.currency[data-currency="USD"] tr[data-metric="revenue"] th.metric').boundingBox();
  assert.ok(box && headBox && label);
  assert.ok(await scroller.evaluate((s) => s.scrollTop) > 0, 'the statement scrolls down in its box');
  assert.ok(Math.abs(headBox.y - box.y) <= 2, `header at ${headBox.y}, box at ${box.y}`);
  assert.ok(Math.abs(label.x - box.x) <= 2, `label column at ${label.x}, box at ${box.x}`);
});

test('the default currency\'s tab first, then the one with the most lines booked', { timeout: 90_000 }, async () => {
  await page.locator('#upload-change').click();
  await page.locator('#example-select').selectOption('worked-examples.csv');
  await page.locator('#example-button').click();
  await settled(page, () => document.querySelector('#upload-fold-text')?.textContent?.startsWith('worked-examples.csv'));
  const tabs = () => page.locator('.currency-tabs [role="tab"]').allTextContents();
  // USD (the default), then GBP (100 orders), then EUR (1 line); alphabetical would be EUR, GBP, USD.
  assert.deepEqual(await tabs(), ['USD', 'GBP', 'EUR']);
  assert.equal(await page.locator('.currency-tabs [aria-selected="true"]').textContent(), 'USD');
  await page.locator('#currency').fill('EUR');
  await page.locator('#currency').dispatchEvent('change');
  await settled(page, () => document.querySelector('.currency-tabs [role="tab"]')?.textContent === 'EUR');
  assert.deepEqual(await tabs(), ['EUR', 'GBP', 'USD']);
  await page.locator('#currency').fill('USD');
  await page.locator('#currency').dispatchEvent('change');
  await settled(page, () => document.querySelector('.currency-tabs [role="tab"]')?.textContent === 'USD');
  // Leaving the field may fire its own change (a read): let it end here, not under the next test's clicks.
  await page.locator('#currency').blur();
  await settled(page, () => document.querySelector('.currency-tabs [role="tab"]')?.textContent === 'USD');
});

test('a phone: the summary first, labels truncated, no sideways scroll in any view; dark mode', { timeout: 90_000 }, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#upload-change').click();
  await page.locator('#example-select').selectOption('saas-company');
  await page.locator('#example-button').click();
  await settled(page, () => document.querySelector('#upload-fold-text')?.textContent?.startsWith('contracts.csv'));
  await summaryReady();
  assert.equal(await noSidewaysScroll(), 0, 'statement');
  const summaryTop = (await page.locator('#answer-summary-box').boundingBox())?.y ?? Infinity;
  assert.ok(summaryTop < 300, `the summary starts at ${summaryTop}`);
  const label = await page.locator('section.currency[data-currency="USD"] tr[data-metric="deferred_revenue_end"] th.metric').boundingBox();
  assert.ok(label && label.width <= 390 * 0.42, `label column ${label?.width} px`);
  // A long label is cut short, and whole while it holds the focus.
  const long = page.locator('section.currency[data-currency="USD"] tr[data-metric="growth.backlog_end.year_over_year"] th.metric');
  const cut = () => long.evaluate((th) => th.scrollWidth > th.clientWidth);
  assert.equal(await cut(), true, 'the label is truncated');
  await long.locator('.metric-name').focus();
  assert.equal(await cut(), false, 'the label is whole on focus');
  await page.keyboard.press('Escape');
  await shot(page, 'answer-phone', { fullPage: false });
  for (const view of ['forward', 'waterfall', 'pipeline', 'orders', 'trends', 'recurring', 'segments', 'statement']) {
    await page.locator(`.view-tabs [data-view="${view}"]`).click();
    await page.waitForTimeout(50);
    assert.equal(await noSidewaysScroll(), 0, view);
  }
  await page.locator('#columns-panel summary').click();
  assert.equal(await noSidewaysScroll(), 0, 'columns panel open');
  await page.locator('#columns-panel summary').click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(100);
  await shot(page, 'answer-phone-dark', { fullPage: false });
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, 'answer-desktop-dark', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(b.errors, []);
  assert.deepEqual(b.foreignRequests(), []);
});
