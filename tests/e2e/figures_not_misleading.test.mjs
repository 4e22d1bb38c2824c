// End-to-end: figures that never mislead. An example of past years opens as
// of the last day of its data, and says so; a CRM export's won deals with no
// term are said (count and value) with a default term offered, which reads
// them over it when taken; a German file's dates are labelled as written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, settled, shot, startBrowser, waitForReport } from './browser.mjs';

let b;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

test('an example of past years is read as of the last day of its data, and the page says so', { timeout: 60_000 }, async () => {
  const page = await b.openPage();
  await page.locator('#example-select').selectOption('saas-company');
  await page.locator('#example-button').click();
  // Its last booking is 2025-04-08: as of 2025-04-30, not today.
  await settled(page, () => document.getElementById('as-of-note')?.hidden === false);
  assert.equal(await page.locator('#as-of-note-text').textContent(), 'As of 2025-04-30, the last day of the data');
  assert.equal(await page.locator('#as-of').inputValue(), '');
  await page.locator('.view-tabs [role="tab"][data-view="forward"]').first().click();
  await settled(page, () => /2025-04-30/.test(document.querySelector('section.view-panel[data-view="forward"] h3')?.textContent ?? ''));
  await shot(page, 'as-of-default');
  // "change" puts the date in the field, to edit from there.
  await page.locator('#as-of-change').click();
  assert.equal(await page.locator('#as-of').inputValue(), '2025-04-30');
  assert.equal(await page.locator('#as-of').evaluate((el) => el === document.activeElement), true);
});

const OPPORTUNITIES = '"Opportunity Name","Account Name","Amount","Close Date","Stage","Type","Created Date"\n' +
  '"Acme - 2024","Acme","120,000.00","1/15/2024","Closed Won","New Customer","11/2/2023"\n' +
  '"Globex","Globex","24,000.00","2/1/2024","Closed Won","New Customer","12/2/2023"\n' +
  '"Initech","Initech","50,000.00","6/30/2024","Negotiation/Review","New Customer","1/20/2024"\n';

test('won deals with no term are said with their value, and a default term is offered, not applied', { timeout: 60_000 }, async () => {
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  await page.locator('#file-input').setInputFiles({ name: 'opportunities.csv', mimeType: 'text/csv', buffer: Buffer.from(OPPORTUNITIES) });
  await waitForReport(page);
  assert.equal(await page.locator('#term-offer').isVisible(), true);
  assert.equal(await page.locator('#term-offer-text').textContent(),
    '2 booked lines of USD 144,000.00: no term, end or delivery date, so read as one-time, with no revenue until delivered. '
    + 'Salesforce opportunity report deals carry no term.');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-01'), '0.00');
  await shot(page, 'term-offer');
  await page.locator('#term-offer-apply').click();
  await settled(page, () => document.getElementById('term-offer')?.hidden === true
    && document.querySelector('#results')?.getAttribute('data-ready') === 'true');
  assert.equal(await page.locator('#default-term').inputValue(), '12');
  // By hand: 120,000.00 from 15 January over 12 months, monthly proration:
  // January holds 17 of its 31 days of a 10,000.00 month, floor(5,483.870...) = 5,483.87.
  assert.equal(await cell(page, 'USD', 'revenue', '2024-01'), '5,483.87');
  // February: Acme's 10,000.00 and Globex's 2,000.00 (24,000.00 / 12).
  assert.equal(await cell(page, 'USD', 'revenue', '2024-02'), '12,000.00');
});

test('a German file\'s dates are labelled day.month.year, not ISO', { timeout: 60_000 }, async () => {
  const page = await b.openPage();
  await page.evaluate(() => localStorage.clear());
  const german = 'id;booking_date;amount;currency;start_date;term_months\nV1;03.04.2024;1.200,00;EUR;05.04.2024;12\nV2;01.02.2024;600,00;EUR;01.02.2024;12\n';
  await page.locator('#file-input').setInputFiles({ name: 'vertraege.csv', mimeType: 'text/csv', buffer: Buffer.from(german) });
  await waitForReport(page);
  await page.locator('#columns-panel > summary').click();
  assert.equal(await page.locator('tr[data-field="booking_date"] .date-order').textContent(), 'day.month.year (DD.MM.YYYY)');
  assert.equal(await page.locator('tr[data-field="start_date"] .date-order').textContent(), 'day.month.year (DD.MM.YYYY)');
  await shot(page, 'german-dates');
});
