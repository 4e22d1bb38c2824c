// End-to-end: the contract lab (web/dist/lab.html) in headless Chromium:
// a control changes the engine's table at once, a guided step sets the lab
// up, every cell explains itself, a link carries the set-up to a fresh page,
// and the glossary holds what the report's "What is this?" links point to.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { shot, startBrowser } from './browser.mjs';

let b;
let page;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

const cell = (metric, period) => page.locator(`.lab-table tr[data-metric="${metric}"] td[data-period="${period}"]`);

test('changing the amount redraws the table from the engine', { timeout: 60_000 }, async () => {
  page = await b.openPage('lab.html');
  await cell('revenue', '2024-01').waitFor({ timeout: 30_000 });
  assert.equal(await cell('deferred_revenue_end', '2024-01').textContent(), '11,000.00');
  await page.locator('#c0-amount').fill('24000.00');
  await page.waitForFunction(() => document.querySelector('.lab-table tr[data-metric="revenue"] td[data-period="2024-01"]')?.textContent === '2,000.00');
  assert.equal(await cell('deferred_revenue_end', '2024-01').textContent(), '22,000.00');
  assert.equal(await cell('backlog_end', '2024-03').textContent(), '18,000.00');
  // Billing monthly: billings follow revenue, deferred revenue disappears.
  await page.locator('#c0-billing').selectOption('monthly');
  await page.waitForFunction(() => document.querySelector('.lab-table tr[data-metric="billings"] td[data-period="2024-01"]')?.textContent === '2,000.00');
  assert.equal(await cell('deferred_revenue_end', '2024-01').textContent(), '0.00');
  // A bad amount is said, with its reason, not silently dropped.
  await page.locator('#c0-amount').fill('12.345');
  await page.locator('#lab-status[data-kind="error"]').waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#lab-status').textContent(), "Contract on line 1: amount: amount has more decimal places than its currency's 2: money is never rounded");
  await page.locator('#c0-amount').fill('12000.00');
  await page.locator('#lab-status').waitFor({ state: 'hidden', timeout: 10_000 });
});

test('a guided step sets the lab up; a cell explains itself in plain words', { timeout: 60_000 }, async () => {
  await page.locator('.step[data-step="cancellations"]').click();
  await page.waitForFunction(() => document.querySelector('.lab-table tr[data-metric="cancellations"] td[data-period="2024-07"]')?.textContent === '6,000.00');
  assert.equal(await cell('billings', '2024-07').textContent(), '(6,000.00)');
  assert.match(await page.locator('#step-notice').textContent(), /cancelled on 1 July 2024/);
  await page.locator('.step[data-step="deferred-revenue"]').click();
  await page.waitForFunction(() => document.querySelector('.lab-table tr[data-metric="cancellations"] td[data-period="2024-07"]')?.textContent === '0.00');
  await cell('deferred_revenue_end', '2024-01').click();
  assert.equal(await page.locator('#lab-explain').textContent(),
    'Deferred revenue (end), 2024-01: Billed 12,000.00 in 2024-01, earned 1,000.00: 11,000.00 is billed but not yet earned at the end of 2024-01: service still owed, a liability.');
  await cell('backlog_end', '2024-02').focus();
  assert.match(await page.locator('#lab-explain').textContent(), /11,000\.00 at the start \+ 0\.00 booked − 1,000\.00 earned − 0\.00 cancelled = 10,000\.00/);
  // What happened in each period, what is left at each period end, revenue and MRR.
  assert.equal(await page.locator('.lab-chart canvas, #lab-chart canvas').count(), 3);
  await page.locator('.step[data-step="pipeline-velocity"]').click();
  await page.locator('.lab-sales').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('.lab-sales').textContent(), /66\.7%.*44\.5 days.*USD 599\.25 a day/);
  await shot(page, 'lab-velocity');
});

test('a link carries the set-up to a fresh page; the glossary has the linked entries', { timeout: 60_000 }, async () => {
  await page.locator('.step[data-step="backlog-rpo"]').click();
  await page.locator('#c0-term').fill('24');
  await page.waitForFunction(() => document.querySelector('.lab-table tr[data-metric="revenue"] td[data-period="2024-01"]')?.textContent === '1,500.00');
  await page.locator('#share').click();
  const url = await page.locator('#share-url').inputValue();
  assert.match(url, /lab\.html#lab=[A-Za-z0-9_-]+$/);
  const fresh = await b.context.newPage();
  await fresh.goto(url);
  await fresh.locator('.lab-table tr[data-metric="revenue"] td[data-period="2024-01"]').waitFor({ timeout: 30_000 });
  assert.equal(await fresh.locator('.lab-table tr[data-metric="revenue"] td[data-period="2024-01"]').textContent(), '1,500.00');
  assert.equal(await fresh.locator('#c0-term').inputValue(), '24');
  await fresh.goto(url.replace(/lab\.html.*$/, 'glossary.html#deferred_revenue_end'));
  await fresh.locator('dt#deferred_revenue_end').waitFor();
  assert.match(await fresh.locator('dt#deferred_revenue_end + dd').textContent(), /billed/i);
  assert.ok(await fresh.locator('.glossary dt').count() > 40);
  await fresh.close();
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});

test('the glossary takes a malformed hash as no hash, and an escaped one to its entry', { timeout: 60_000 }, async () => {
  const broken = await b.openPage('glossary.html#%E0%A4%A');
  await broken.locator('dt#deferred_revenue_end').waitFor();
  assert.ok(await broken.locator('.glossary dt').count() > 40);
  await broken.goto(b.server.url + 'glossary.html#deferred%5Frevenue%5Fend');
  await broken.locator('dt#deferred_revenue_end').waitFor();
  const top = await broken.locator('dt#deferred_revenue_end').evaluate((dt) => dt.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 5, `the entry is ${top} px from the top`);
  assert.deepEqual(b.errors, []);
});
