// End-to-end: the sales views on examples/sales-pipeline.csv as of
// 2026-09-30 by quarter: the forward view ties out to the backlog, the
// waterfall heat map ties to the statement, the pipeline and orders figures
// (hand-checked in examples/README.md and against `bbb report
// examples/sales-pipeline.csv --as-of 2026-09-30 --period quarter`), the
// trailing twelve months, the split by region with its Total, Top N, a drill
// from a segment Total, a view's CSV, the keyboard, dark mode and a tablet.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, shot, startBrowser, settled as settledPage } from './browser.mjs';

let b;
let page;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

const settled = (fn, arg) => settledPage(page, fn, arg);
const view = (name) => page.locator(`.view-tabs [role="tab"][data-view="${name}"]`).click();
const panel = (name) => page.locator(`section.view-panel[data-currency="USD"][data-view="${name}"]`);
const kpi = (name, key) => panel(name).locator(`.kpi[data-kpi="${key}"] dd`).textContent();
const cellOf = (name, table, row, col) =>
  panel(name).locator(`table[data-table="${table}"] tr[data-row="${row}"] td[data-col="${col}"]`).textContent();
/** Clicks a figure's drill button; the dialog's total, once the engine has listed the lines. */
async function drillTotal(name, table, row, col) {
  await panel(name).locator(`table[data-table="${table}"] tr[data-row="${row}"] td[data-col="${col}"] button`).click();
  await page.locator('#drill-dialog[open]').waitFor({ timeout: 10_000 });
  await page.locator('#drill-dialog :is(.drill-total, .drill-error)').waitFor({ timeout: 60_000 });
  const total = await page.locator('#drill-dialog :is(.drill-total strong, .drill-error)').first().textContent();
  const lines = await page.locator('#drill-dialog .drill-table tbody tr').count();
  glossaryLinks.push(await page.locator('#drill-dialog a.glossary-link').getAttribute('href'));
  await page.keyboard.press('Escape');
  return { total, lines };
}
/** The "What is this?" link of each drill-down, in order. */
const glossaryLinks = [];

test('the sales example as of 2026-09-30 by quarter; the as-of date defaults to the data\'s last day, or today', { timeout: 120_000 }, async () => {
  page = await b.openPage();
  await page.locator('#example-select').selectOption('sales-pipeline.csv');
  await page.locator('#example-button').click();
  await settled();
  // The field stays empty; the note beside it says which date the engine chose.
  assert.equal(await page.locator('#as-of').inputValue(), '');
  assert.match(await page.locator('#as-of-note-text').textContent() ?? '', /^As of (today, )?\d{4}-\d{2}-\d{2}/);
  await page.locator('#period').selectOption('quarter');
  await settled(() => !!document.querySelector('section.currency th[title="2026-07-01 to 2026-09-30"]'));
  await page.locator('#as-of').fill('2026-09-30');
  await page.locator('#as-of').dispatchEvent('change');
  await view('forward');
  await settled(() => /2026-09-30/.test(document.querySelector('section.view-panel[data-view="forward"] h3')?.textContent ?? ''));
});

test('forward view: scheduled revenue per period, later and unscheduled add up to the backlog', { timeout: 60_000 }, async () => {
  assert.equal(await kpi('forward', 'forward_backlog'), '2,140,675.83');
  assert.equal(await cellOf('forward', 'forward', 'forward_revenue', 'FY2026-Q4'), '517,278.87');
  assert.equal(await cellOf('forward', 'forward', 'forward_billings', 'FY2026-Q4'), '374,500.00');
  assert.equal(await cellOf('forward', 'forward', 'forward_revenue', 'Later'), '158.61');
  assert.equal(await cellOf('forward', 'forward', 'forward_revenue', 'Unscheduled'), '71,504.46');
  assert.equal(await cellOf('forward', 'forward', 'forward_revenue', 'Backlog at 2026-09-30'), '2,140,675.83');
  assert.equal(await panel('forward').locator('table[data-table="forward"] thead th').count(), 1 + 12 + 3);
  assert.equal(await panel('forward').locator('canvas').count(), 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await shot(page, 'sales-forward');
});

test('waterfall: a heat map whose rows tie to bookings and whose bottom row is the revenue', { timeout: 60_000 }, async () => {
  await view('waterfall');
  const t = 'waterfall';
  assert.equal(await cellOf(t, t, 'booked.FY2025-Q1', 'Bookings'), '636,501.98');
  assert.equal(await cellOf(t, t, 'booked.FY2025-Q1', 'FY2025-Q1'), '31,155.43');
  assert.equal(await cellOf(t, t, 'revenue', 'FY2025-Q2'), '200,394.24');
  // The revenue row is the statement's revenue.
  const statementRevenue = await page.locator('section.currency[data-currency="USD"] tr[data-metric="revenue"] td[data-period="FY2025-Q2"]').textContent();
  assert.equal(statementRevenue, '200,394.24');
  // Booking periods without bookings are left out; the cells are shaded by class, and the shading shows (CSP-clean).
  assert.equal(await panel(t).locator('tr[data-row="booked.FY2027-Q1"]').count(), 0);
  const shaded = panel(t).locator('td.heat-6').first();
  assert.notEqual(await shaded.evaluate((td) => getComputedStyle(td).backgroundColor), 'rgba(0, 0, 0, 0)');
  await shot(page, 'sales-waterfall');
  // A cell drills: the lines booked in the row whose revenue falls in the column.
  assert.deepEqual(await drillTotal(t, t, 'booked.FY2025-Q1', 'FY2025-Q1'), { total: 'USD 31,155.43', lines: 6 });
  assert.equal(glossaryLinks.at(-1), './glossary.html#waterfall');   // "What is this?" leads to the glossary entry
  // The second view: rows by billing period, revenue matched to invoices oldest first.
  await panel(t).locator('select[data-picker="rows"]').selectOption('billed');
  assert.equal(await cellOf(t, t, 'billed.FY2025-Q1', 'Billings'), '273,250.99');
  assert.equal(await cellOf(t, t, 'billed.FY2025-Q1', 'Not yet recognised'), '47,306.46');
  assert.equal(await cellOf(t, t, 'billed.FY2025-Q3', 'Not yet recognised'), '(47,306.46)');
  assert.equal(await cellOf(t, t, 'billed.FY2025-Q2', 'FY2025-Q3'), '99,904.23');
  assert.equal(await cellOf(t, t, 'revenue', 'FY2025-Q2'), '200,394.24');
  const billedStatement = await page.locator('section.currency[data-currency="USD"] tr[data-metric="billings"] td[data-period="FY2025-Q1"]').textContent();
  assert.equal(billedStatement, '273,250.99');
  assert.equal((await drillTotal(t, t, 'billed.FY2025-Q2', 'FY2025-Q3')).total, 'USD 99,904.23');
  await shot(page, 'sales-waterfall-billed');
});

test('pipeline: KPIs, age buckets, win rate of a chosen period; the view tabs work by keyboard', { timeout: 60_000 }, async () => {
  await page.locator('.view-tabs [data-view="waterfall"]').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.view-tabs [aria-selected="true"]').getAttribute('data-view'), 'pipeline');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-view')), 'pipeline');
  assert.equal(await kpi('pipeline', 'open_count'), '25');
  assert.equal(await kpi('pipeline', 'open_value'), '1,300,500.99');
  assert.equal(await kpi('pipeline', 'average_deal_size'), '52,020.03');
  assert.equal(await kpi('pipeline', 'average_age_days'), '113.2');
  assert.equal(await kpi('pipeline', 'win_rate'), '75.0%');
  assert.equal(await kpi('pipeline', 'sales_velocity_per_day'), '15,067.87 / day');
  assert.equal(await cellOf('pipeline', 'pipeline_age', 'age.91-180', 'Value'), '519,000.00');
  assert.equal(await cellOf('pipeline', 'pipeline_age', 'age.91-180', 'Deals'), '13');
  assert.deepEqual(await drillTotal('pipeline', 'pipeline_age', 'age.91-180', 'Value'), { total: 'USD 519,000.00', lines: 13 });
  assert.equal(await cellOf('pipeline', 'pipeline_periods', 'period.3', 'Win rate'), '57.9%');
  await panel('pipeline').locator('select.view-period').selectOption({ label: 'FY2026-Q3' });
  assert.equal(await kpi('pipeline', 'win_rate'), '91.7%');
  assert.equal(await kpi('pipeline', 'average_sales_cycle_days'), '60.1');
  // Definitions on focus.
  await panel('pipeline').locator('.kpi[data-kpi="win_rate"] [data-help]').focus();
  assert.match(await page.locator('#metric-tip').textContent(), /won \/ \(won \+ lost\)/);
  await shot(page, 'sales-pipeline');
});

test('orders: undelivered by age, older than 90 days, the oldest list and lead time', { timeout: 60_000 }, async () => {
  await view('orders');
  assert.deepEqual(await panel('orders').locator('.kpi dd').allTextContents(), ['7', '71,504.46', '5', '62,502.97']);
  assert.deepEqual(await panel('orders').locator('tr[data-row="oldest.0"] > *').allTextContents(),
    ['O-002', 'Pied Piper', '102', '2025-03-12', '567', '6,500.99']);
  assert.equal(await cellOf('orders', 'orders_periods', 'period.1', 'Lead time (days)'), '39.3');
  assert.equal(await cellOf('orders', 'orders_age', 'age.181+', 'Value'), '52,502.97');
  assert.deepEqual(await drillTotal('orders', 'orders_age', 'older', 'Value'), { total: 'USD 62,502.97', lines: 5 });
  const [download] = await Promise.all([page.waitForEvent('download'), panel('orders').locator('.view-export').click()]);
  assert.equal(download.suggestedFilename(), 'sales-pipeline-orders-USD.csv');
  const path = join(SHOTS, download.suggestedFilename());
  await download.saveAs(path);
  const csv = readFileSync(path, 'utf8');
  assert.match(csv, /USD,orders,orders_oldest,O-002,Pied Piper,102,2025-03-12,567,6500\.99/);
  await shot(page, 'sales-orders');
});

test('trends: trailing twelve months as lines and in a table', { timeout: 60_000 }, async () => {
  await view('trends');
  // FY2025-Q1..Q4 bookings: 636,501.98 + 950,501.98 + 457,502.97 + 886,000.99.
  assert.equal(await cellOf('trends', 'trends', 'trailing_12_months.bookings', 'FY2025-Q4'), '2,930,507.92');
  assert.equal(await panel('trends').locator('canvas').count(), 1);
  assert.equal(await panel('trends').locator('tr[data-row^="growth."]').count(), 8);
  await shot(page, 'sales-trends');
});

test('split by region: every view gets its segments, they add up to the Total; Top N merges the rest', { timeout: 120_000 }, async () => {
  await view('segments');
  assert.match(await panel('segments').textContent(), /Split by/);
  const options = await page.locator('#split-by option').evaluateAll((os) => os.map((o) => o.getAttribute('value')));
  assert.deepEqual(options, ['', 'rep', 'region', 'customer', 'type', 'status']);
  await page.locator('#split-by').selectOption('region');
  await settled(() => document.querySelectorAll('section.view-panel[data-view="segments"] tr[data-row^="segment."]').length > 0);
  const rows = panel('segments').locator('table[data-table="segments"] tbody tr');
  assert.deepEqual(await rows.locator('th').allTextContents(), ['EMEA', 'NA', 'APAC', 'LATAM', 'Total']);
  assert.equal(await cellOf('segments', 'segments', 'segment.0', 'Bookings'), '1,937,505.95');
  const statementTotal = await page.locator('section.currency[data-currency="USD"] tr[data-metric="bookings"] td[data-period="Total"]').textContent();
  assert.equal(await panel('segments').locator('tr[data-row="total"] td[data-col="Bookings"]').textContent(), statementTotal);
  await shot(page, 'sales-segments');
  // A segment's figure drills inside the segment.
  assert.equal((await drillTotal('segments', 'segments', 'segment.0', 'Bookings')).total, 'USD 1,937,505.95');
  // The waterfall of one segment.
  await view('waterfall');
  await panel('waterfall').locator('select[data-picker="rows"]').selectOption('booked');
  await panel('waterfall').locator('select[data-picker="segment"]').selectOption({ label: 'EMEA' });
  assert.equal(await cellOf('waterfall', 'waterfall', 'booked.FY2025-Q1', 'Bookings'), '266,500.99');
  assert.equal(await cellOf('waterfall', 'waterfall', 'booked.FY2025-Q1', 'Cancelled'), '137,306.46');
  assert.equal((await drillTotal('waterfall', 'waterfall', 'booked.FY2025-Q1', 'FY2025-Q1')).total, 'USD 12,644.28');
  // The pipeline and forward views have their segment tables and chart.
  await view('pipeline');
  assert.equal(await panel('pipeline').locator('figure[data-chart="pipeline_segments"] canvas').count(), 1);
  assert.equal(await cellOf('pipeline', 'pipeline_segments', 'total', 'Open value'), '1,300,500.99');
  await shot(page, 'sales-pipeline-split');
  await view('forward');
  assert.equal(await cellOf('forward', 'forward_segments', 'total', 'Backlog at 2026-09-30'), '2,140,675.83');
  // Top 2: two regions and the rest merged.
  await view('segments');
  await page.locator('#top').fill('2');
  await page.locator('#top').dispatchEvent('change');
  await settled(() => document.querySelectorAll('section.view-panel[data-view="segments"] tr[data-row^="segment."]').length === 3);
  assert.deepEqual((await rows.locator('th').allTextContents()).slice(0, 2), ['EMEA', 'NA']);
  assert.equal(await panel('segments').locator('tr[data-row="total"] td[data-col="Bookings"]').textContent(), statementTotal);
  // The Total row drills: the lines behind the unsplit bookings.
  await panel('segments').locator('tr[data-row="total"] td[data-col="Bookings"] button').click();
  await page.locator('#drill-dialog[open]').waitFor({ timeout: 10_000 });
  await page.locator('#drill-dialog :is(.drill-total, .drill-error)').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#drill-dialog').textContent(), new RegExp(statementTotal.replace(/[.,]/g, '\\$&')));
  await page.keyboard.press('Escape');
});

test('dark mode and a tablet width', { timeout: 60_000 }, async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await view('waterfall');
  await page.waitForTimeout(200);
  await shot(page, 'sales-waterfall-dark');
  await view('pipeline');
  await shot(page, 'sales-pipeline-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 820, height: 1180 });
  try {
    await view('orders');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await shot(page, 'sales-orders-tablet');
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 });
  }
});

test('no request left the page origin, and no error or CSP violation was reported', () => {
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});
