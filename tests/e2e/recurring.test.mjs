// End-to-end: the Recurring view (spec 12) on a small subscriptions file by
// quarter, with figures worked by hand (the same customers as
// tests/web/recurring_report.json):
//
//   Acme: 12,000.00 for 12 months from 2024-01 (1,000.00 a month), 6,000.00
//         for 6 months from 2024-07 (1,000.00): expansion in July.
//   Bolt: 6,000.00 for 3 months from 2024-02 (2,000.00), churned in May,
//         back in July for 3 months at 1,000.00: reactivation.
//   Cato: 24,000.00 for 12 months from 2024-03 (2,000.00), renewed from
//         2025-03 at 30,000.00 (2,500.00).
//   Dune: 18,000.00 for 12 months and 3,000.00 for 6 months from 2024-01:
//         2,000.00, then 1,500.00 from July: contraction.
//
// FY2024-Q3: MRR 5,000.00 → 6,500.00 (expansion 1,000.00, reactivation
// 1,000.00, contraction 500.00), ARR 60,000.00 → 78,000.00. Cohort 2024-01
// (Acme, Dune) holds 3,500.00 of its 3,000.00 in its month 6. Then: the drill
// of a movement, the view's CSV, a definition on focus, invoices alone, the
// view in <bbb-report>, and the lab's MRR step.
//
// Needs an engine with the `mrr` block (docs/metrics.md, spec 12).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, repo, shot, startBrowser, startHost, watchPage, settled as settledPage } from './browser.mjs';

const SUBSCRIPTIONS = `id,customer,booking_date,amount,currency,start_date,term_months,recognition,billing,region
A1,Acme,2024-01-01,12000.00,USD,2024-01-01,12,ratable,upfront,NA
A2,Acme,2024-07-01,6000.00,USD,2024-07-01,6,ratable,monthly,NA
B1,Bolt,2024-02-01,6000.00,USD,2024-02-01,3,ratable,monthly,EMEA
B2,Bolt,2024-07-01,3000.00,USD,2024-07-01,3,ratable,monthly,EMEA
C1,Cato,2024-03-01,24000.00,USD,2024-03-01,12,ratable,annual,NA
C2,Cato,2025-03-01,30000.00,USD,2025-03-01,12,ratable,annual,NA
D1,Dune,2024-01-01,18000.00,USD,2024-01-01,12,ratable,quarterly,EMEA
D2,Dune,2024-01-01,3000.00,USD,2024-01-01,6,ratable,upfront,EMEA
`;

let b;
let page;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

const settled = (fn, arg) => settledPage(page, fn, arg);
const panel = () => page.locator('section.view-panel[data-currency="USD"][data-view="recurring"]');
const cellOf = (table, row, col) => panel().locator(`table[data-table="${table}"] tr[data-row="${row}"] td[data-col="${col}"]`);
const text = async (table, row, col) => (await cellOf(table, row, col).textContent())?.trim();

test('the Recurring view: the ARR bridge of FY2024-Q3, built from the engine\'s MRR', { timeout: 120_000 }, async () => {
  page = await b.openPage();
  await page.locator('#file-input').setInputFiles({ name: 'subscriptions.csv', mimeType: 'text/csv', buffer: Buffer.from(SUBSCRIPTIONS) });
  await settled();
  await page.locator('#period').selectOption('quarter');
  await settled(() => !!document.querySelector('section.currency th[title="2024-07-01 to 2024-09-30"]'));
  await page.locator('.view-tabs [role="tab"][data-view="recurring"]').click();
  await panel().locator('h2').waitFor();
  assert.doesNotMatch(await panel().textContent(), /gave no recurring revenue/, 'the built engine has no `mrr` block yet');
  await panel().locator('select[data-picker="period"]').selectOption({ label: 'FY2024-Q3' });
  await panel().locator('table[data-table="recurring_bridge"] caption', { hasText: 'FY2024-Q3' }).waitFor({ state: 'attached' });
  const bridge = [];
  for (const row of ['mrr_begin', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'mrr_end']) {
    bridge.push([row, await text('recurring_bridge', row, 'MRR'), await text('recurring_bridge', row, 'ARR')]);
  }
  assert.deepEqual(bridge, [
    ['mrr_begin', '5,000.00', '60,000.00'], ['new', '0.00', '0.00'], ['expansion', '1,000.00', '12,000.00'],
    ['reactivation', '1,000.00', '12,000.00'], ['contraction', '500.00', '6,000.00'], ['churn', '0.00', '0.00'],
    ['mrr_end', '6,500.00', '78,000.00']]);
  assert.equal((await panel().locator('.kpi[data-kpi="arr_end"] dd').textContent()), '78,000.00');
  assert.equal((await panel().locator('.kpi[data-kpi="customers_end"] dd').textContent()), '4');
  assert.equal((await panel().locator('.kpi[data-kpi="quick_ratio"] dd').textContent()), '4.00×');
  assert.equal(await panel().locator('figure.chart[data-chart="arr_bridge"] canvas').count(), 1);
  // The per-period table agrees, and its ARR is the engine's.
  assert.equal(await text('recurring_mrr', 'mrr_end', 'FY2024-Q2'), '5,000.00');
  assert.equal(await text('recurring_mrr', 'churn', 'FY2024-Q2'), '2,000.00');
  assert.equal(await text('recurring_mrr', 'arr_end', 'FY2024-Q3'), '78,000.00');
  assert.equal(await text('recurring_customers', 'reactivated_customers', 'FY2024-Q3'), '1');
  assert.equal(await text('recurring_ratios', 'logo_churn', 'FY2024-Q2'), '25.0%');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await shot(page, 'recurring-desktop');
});

test('the cohort heat map: share of starting MRR kept, or of customers, by months since the start', { timeout: 60_000 }, async () => {
  assert.equal(await text('recurring_cohorts', 'cohort.2024-01', 'MRR at start'), '3,000.00');
  assert.equal(await text('recurring_cohorts', 'cohort.2024-01', 'Month 0'), '100.0%');
  assert.equal(await text('recurring_cohorts', 'cohort.2024-01', 'Month 6'), '116.7%');
  assert.match(await cellOf('recurring_cohorts', 'cohort.2024-01', 'Month 6').getAttribute('class'), /\bheat-6\b/);
  assert.equal(await text('recurring_cohorts', 'cohort.2024-02', 'Month 5'), '50.0%');
  assert.equal(await text('recurring_cohorts', 'cohort.2024-03', 'Month 12'), '125.0%');
  await panel().locator('select[data-picker="cohort"]').selectOption('customers');
  await panel().locator('table[data-table="recurring_cohorts"] caption', { hasText: 'share of customers kept' }).waitFor({ state: 'attached' });
  assert.equal(await text('recurring_cohorts', 'cohort.2024-01', 'Month 6'), '100.0%');
  assert.equal(await text('recurring_cohorts', 'cohort.2024-02', 'Month 3'), '0.0%');
  assert.equal(await text('recurring_cohorts', 'cohort.2024-02', 'Month 5'), '100.0%');
  // The bridge's period stayed as chosen.
  assert.equal(await panel().locator('select[data-picker="period"] option:checked').textContent(), 'FY2024-Q3');
});

test('a movement drills to its lines, which add up to it; ARR drills as the MRR behind it', { timeout: 90_000 }, async () => {
  for (const [row, col, total] of [['expansion', 'MRR', 'USD 1,000.00'], ['reactivation', 'MRR', 'USD 1,000.00'],
    ['contraction', 'MRR', 'USD 500.00'], ['mrr_end', 'ARR', 'USD 6,500.00']]) {
    await cellOf('recurring_bridge', row, col).locator('button').click();
    await page.locator('#drill-dialog[open]').waitFor({ timeout: 10_000 });
    try {
      await page.locator('#drill-dialog :is(.drill-total, .drill-error)').waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('#drill-dialog :is(.drill-total strong, .drill-error)').first().textContent(), total, `${row} ${col}`);
      assert.ok(await page.locator('#drill-dialog .drill-table tbody tr').count() >= 1);
    } finally {
      await page.keyboard.press('Escape');
    }
  }
});

test('the view\'s CSV is the tables\' raw figures, formula-safe; every name explains itself', { timeout: 60_000 }, async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), panel().locator('.view-export').click()]);
  assert.equal(download.suggestedFilename(), 'subscriptions-recurring-USD.csv');
  const path = join(SHOTS, download.suggestedFilename());
  await download.saveAs(path);
  const csv = readFileSync(path, 'utf8');
  assert.match(csv, /^USD,recurring,recurring_bridge,Expansion \(\+\),1000\.00,12000\.00$/m);
  assert.match(csv, /^USD,recurring,recurring_cohorts,2024-01,2,3000\.00,/m);
  for (const field of csv.replace(/^\ufeff/, '').split(/[,\r\n]+/)) assert.doesNotMatch(field, /^[=+@-][^\d]/, field);
  await panel().locator('table[data-table="recurring_bridge"] tr[data-row="churn"] .metric-name').focus();
  await page.locator('#metric-tip:not([hidden])').waitFor();
  assert.match(await page.locator('#metric-tip').textContent(), /^Churn.*falls to zero/);
  await page.keyboard.press('Escape');
});

test('dark, phone width and print', { timeout: 60_000 }, async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'recurring-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.waitForTimeout(200);
    // Nothing of the view is wider than the screen: its wide tables scroll in their own box.
    const wide = await panel().evaluate((section) => [...section.querySelectorAll('*')]
      .filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`));
    assert.deepEqual(wide, []);
    await shot(page, 'recurring-phone');
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 });
  }
  // Print is the view on show, a sheet per currency, built before printing (docs/web.md).
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await panel().isVisible(), false);
    assert.equal(await page.locator('#print-report .print-sheet[data-currency="USD"][data-view="recurring"]').isVisible(), true);
    await shot(page, 'recurring-print');
  } finally {
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: null });
  }
});

test('invoices alone: the view says MRR is not known, never 0', { timeout: 90_000 }, async () => {
  page = await b.openPage();
  const invoices = readFileSync(join(repo, 'tests/cases/source_stripe_invoices/input.csv'));
  await page.locator('#file-input').setInputFiles({ name: 'invoices.csv', mimeType: 'text/csv', buffer: invoices });
  await settled();
  await page.locator('.view-tabs [role="tab"][data-view="recurring"]').click();
  const shown = page.locator('section.view-panel[data-view="recurring"]:not([hidden])');   // the file's currency (EUR)
  await shown.locator('.view-empty').waitFor();
  assert.match(await shown.locator('.view-empty').textContent(), /^MRR and ARR are not known from invoices alone/);
  assert.equal(await shown.locator('table, canvas, .kpi').count(), 0);
});

test('the lab\'s MRR step: bookings at signing, billings by the terms, revenue and MRR month by month', { timeout: 60_000 }, async () => {
  page = await b.openPage('lab.html');
  await page.locator('.step[data-step="mrr-revenue-bookings"]').click();
  const lab = (metric, p) => page.locator(`.lab-table tr[data-metric="${metric}"] td[data-period="${p}"]`);
  await page.waitForFunction(() => document.querySelector('.lab-table tr[data-metric="billings"] td[data-period="2024-01"]')?.textContent === '13,000.00');
  const row = async (metric) => Promise.all(['2024-01', '2024-02', '2024-12'].map((p) => lab(metric, p).textContent()));
  assert.deepEqual(await row('bookings'), ['24,000.00', '0.00', '0.00']);
  assert.deepEqual(await row('billings'), ['13,000.00', '1,000.00', '1,000.00']);
  assert.deepEqual(await row('revenue'), ['2,000.00', '2,000.00', '2,000.00']);
  assert.deepEqual(await row('mrr_end'), ['2,000.00', '2,000.00', '2,000.00']);
  assert.deepEqual(await row('arr_end'), ['24,000.00', '24,000.00', '24,000.00']);
  await lab('mrr_end', '2024-02').click();
  assert.match(await page.locator('#lab-explain').textContent(), /MRR at the end of 2024-02: 2,000\.00/);
  // What the step suggests trying: C2 cancelled on 1 July churns its 1,000.00.
  await page.locator('#c1-cancel').fill('2024-07-01');
  await page.locator('#c1-cancel').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('.lab-table tr[data-metric="mrr_end"] td[data-period="2024-07"]')?.textContent === '1,000.00');
  assert.equal(await lab('mrr_end', '2024-06').textContent(), '2,000.00');
  assert.equal(await lab('bookings', '2024-01').textContent(), '24,000.00');
  await shot(page, 'recurring-lab');
});

test('no request left the page origin, and no error or CSP violation was reported', () => {
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});

test('<bbb-report> shows the same Recurring view', { timeout: 90_000 }, async (t) => {
  const bundle = join(repo, 'web/dist-component/bbb-report.js');
  if (!existsSync(bundle)) { t.skip('run "npm run build:component" first'); return; }
  const host = await startHost({ 'index.html': `<!doctype html><html><head><meta charset="utf-8"><title>Intranet</title>
<link rel="icon" href="data:,"><script type="module" src="bbb-report.js"></script></head><body>
<bbb-report src="subscriptions.csv" period="quarter" views="statement,recurring"></bbb-report></body></html>`,
  'bbb-report.js': { copy: bundle }, 'subscriptions.csv': SUBSCRIPTIONS }, '/intranet/');
  try {
    const hostPage = await host.context.newPage();
    const errors = [];
    await watchPage(hostPage, errors);
    await hostPage.goto(host.server.url + 'index.html');
    await hostPage.locator('bbb-report .view-tabs [data-view="recurring"]').click();
    const inside = hostPage.locator('bbb-report section.view-panel[data-view="recurring"]');
    await inside.locator('select[data-picker="period"]').selectOption({ label: 'FY2024-Q3' });
    await inside.locator('table[data-table="recurring_bridge"] caption', { hasText: 'FY2024-Q3' }).waitFor({ state: 'attached' });
    assert.equal((await inside.locator('table[data-table="recurring_bridge"] tr[data-row="mrr_end"] td[data-col="ARR"]').textContent()).trim(), '78,000.00');
    assert.equal((await inside.locator('table[data-table="recurring_cohorts"] tr[data-row="cohort.2024-01"] td[data-col="Month 6"]').textContent()).trim(), '116.7%');
    await shot(hostPage, 'recurring-component');
    assert.deepEqual(host.foreignRequests(), []);
    assert.deepEqual(errors, []);
  } finally {
    await host.close();
  }
});
