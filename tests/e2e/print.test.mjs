// End-to-end: printing a five-year monthly report. The printout (built on
// `beforeprint`, web/src/print/) cuts the statement into blocks of periods
// no wider than a landscape Letter page (narrower than A4), repeats the
// labels on each block and the files and settings on every page, and
// prints the view on show; A4 and Letter PDFs come out of Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHOTS, settled, shot, startBrowser } from './browser.mjs';

/** Letter landscape less 10 mm margins, in CSS px: the width every printed table must fit. */
const LETTER_WIDTH_PX = ((279.4 - 20) * 96) / 25.4;

// Hand-worked: C-1 is the only CAD line, 60,000.00 booked and started
// 2020-01-01 for 60 months, billed monthly: revenue 1,000.00 in each of the
// 60 months 2020-01 to 2024-12, backlog at the end of 2022-12 24,000.00
// (24 months left), Total revenue 60,000.00. The USD lines make wide figures.
function fiveYearCsv() {
  const lines = ['id,customer,booking_date,amount,currency,start_date,term_months,billing,region',
    'C-1,Acme,2020-01-01,60000.00,CAD,2020-01-01,60,monthly,EMEA'];
  for (let i = 0; i < 40; i++) {
    const date = `${2020 + Math.floor(i / 8)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    lines.push(`D-${i},Customer ${i},${date},${1234567 + i * 7919}.00,USD,${date},${12 * (1 + (i % 3))},${['annual', 'quarterly', 'monthly'][i % 3]},${['EMEA', 'NA', 'APAC'][i % 3]}`);
  }
  return lines.join('\n') + '\n';
}

const months = [];
for (let y = 2020; y <= 2024; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);

let b;
let page;
let dir;
before(async () => {
  b = await startBrowser();
  dir = mkdtempSync(join(tmpdir(), 'bbb-print-'));
  writeFileSync(join(dir, 'five-year.csv'), fiveYearCsv());
  page = await b.openPage();
  await page.locator('#file-input').setInputFiles(join(dir, 'five-year.csv'));
  await settled(page);
  // Five years open by quarter (period_default.js): the printout is checked on the monthly statement.
  await page.locator('#period').selectOption('month');
  await settled(page);
  await page.locator('#as-of').fill('2022-12-31');
  await page.locator('#as-of').dispatchEvent('change');
  // Read again with the as-of date: the printout says the date once the new report is on show.
  await page.waitForFunction(() => {
    dispatchEvent(new Event('beforeprint'));
    return /Period: Monthly[\s\S]*As of: 2022-12-31/.test(document.querySelector('#print-report .print-running')?.textContent ?? '');
  }, null, { timeout: 30_000, polling: 200 });
  await settled(page);
});
after(async () => {
  await b?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The printout as `beforeprint` builds it, read back. */
async function printout() {
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  return page.evaluate(() => [...document.querySelectorAll('#print-report .print-sheet')].map((sheet) => ({
    currency: sheet.getAttribute('data-currency'),
    view: sheet.getAttribute('data-view'),
    running: sheet.querySelector('.print-frame > thead')?.textContent ?? '',
    blocks: [...sheet.querySelectorAll('.print-block')].map((block) => ({
      labels: [...block.querySelectorAll('tbody th.label')].map((th) => th.textContent),
      columns: [...block.querySelectorAll('thead th:not(.label)')].map((th) => th.textContent),
      revenue: [...block.querySelectorAll('tbody tr')].filter((tr) => tr.querySelector('th')?.lastChild?.textContent === 'Revenue')
        .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      backlog: [...block.querySelectorAll('tbody tr')].find((tr) => /Backlog \(end\)$/.test(tr.querySelector('th')?.textContent ?? ''))
        ?.querySelectorAll('td').length ?? 0,
    })),
  })));
}

test('the statement prints in blocks of periods that fit the page, labels and settings on each', { timeout: 60_000 }, async () => {
  const sheets = await printout();
  assert.deepEqual(sheets.map((s) => s.currency).sort(), ['CAD', 'USD']);
  const cad = sheets.find((s) => s.currency === 'CAD');
  assert.equal(cad.view, 'statement');
  // The files and settings the report was made with, at the head of the sheet (repeated on every page).
  assert.match(cad.running, /Statement · CAD/);
  assert.match(cad.running, /contracts: five-year\.csv \(41 rows\)/);
  assert.match(cad.running, /Period: Monthly · Range: all periods · As of: 2022-12-31 · Proration: monthly · Split by: none/);
  // More than one block; each period exactly once, in order, then the Total.
  assert.ok(cad.blocks.length >= 4, `${cad.blocks.length} blocks`);
  const screenColumns = await page.locator('#report section.currency[data-currency="CAD"] table.statement thead th:not(.metric)').allTextContents();
  assert.deepEqual(screenColumns.slice(0, 60), months);
  assert.deepEqual(cad.blocks.flatMap((block) => block.columns), screenColumns);
  assert.equal(screenColumns.at(-1), 'Total');
  // Every block repeats the label column whole.
  for (const block of cad.blocks) assert.deepEqual(block.labels, cad.blocks[0].labels);
  assert.ok(cad.blocks[0].labels.includes('Deferred revenue'));
  // The hand-worked figures: 1,000.00 of revenue in every month (two Revenue rows: flows and roll-forward), 60,000.00 in total.
  for (const block of cad.blocks) {
    for (const row of block.revenue) {
      assert.deepEqual(row, block.columns.map((c) => (c === 'Total' ? '60,000.00' : months.includes(c) ? '1,000.00' : '0.00')));
    }
    assert.equal(block.revenue.length, 2);
  }
  const dec2022 = await page.locator('#print-report .print-sheet[data-currency="CAD"] td[data-col="2022-12"]').allTextContents();
  assert.ok(dec2022.includes('24,000.00'), 'backlog at the end of 2022-12');

  // Printed at the width of a landscape Letter page, no table is wider than it.
  await page.setViewportSize({ width: Math.floor(LETTER_WIDTH_PX), height: 740 });
  await page.emulateMedia({ media: 'print' });
  const widths = await page.evaluate(() => [...document.querySelectorAll('#print-report table.print-table')]
    .map((t) => t.getBoundingClientRect().width));
  assert.ok(widths.length === sheets.reduce((n, s) => n + s.blocks.length, 0));
  for (const width of widths) assert.ok(width <= LETTER_WIDTH_PX, `a printed table is ${width} px wide on a ${LETTER_WIDTH_PX} px page`);
  assert.equal(await page.locator('#results').isVisible(), false, 'the screen report is not printed');
  await shot(page, 'print-statement-letter', { fullPage: false });
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('A4 and Letter landscape PDFs; the printout is gone after printing', { timeout: 60_000 }, async () => {
  const sheets = await printout();
  const blocks = sheets.reduce((n, s) => n + s.blocks.length, 0);
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, landscape: true });
    writeFileSync(join(SHOTS, `print-statement-${format}.pdf`), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    // A block a page at least (a block is a page tall: the next does not fit under it).
    assert.ok(pages >= blocks && pages <= blocks + sheets.length * 2, `${format}: ${pages} pages for ${blocks} blocks`);
  }
  assert.equal(await page.locator('#print-report').count(), 0, 'afterprint removes the printout');
  // The screen statement is untouched: one table per currency, every period in it.
  assert.equal(await page.locator('#report section.currency[data-currency="CAD"] table.statement thead th:not(.metric)').count(),
    sheets.find((sheet) => sheet.currency === 'CAD').blocks.flatMap((block) => block.columns).length);
});

test('the view on show is what prints: the forward view and the waterfall', { timeout: 60_000 }, async () => {
  await page.locator('.view-tabs [role="tab"][data-view="forward"]').click();
  let sheets = await printout();
  assert.ok(sheets.length === 2 && sheets.every((s) => s.view === 'forward'), JSON.stringify(sheets.map((s) => s.view)));
  assert.match(sheets[0].running, /Forward · (CAD|USD)/);
  assert.match(sheets[0].running, /As of: 2022-12-31/);
  // CAD's forward revenue: 24 months of 1,000.00 after 2022-12.
  const cad = await page.locator('#print-report .print-sheet[data-currency="CAD"]').textContent();
  assert.match(cad, /24,000\.00/);
  assert.ok(await page.locator('#print-report .print-sheet[data-currency="CAD"] .print-kpi').count() > 0, 'the KPIs print');
  // The currency on show prints first, with its charts as drawn on screen (PNG images).
  const shown = await page.locator('.currency-tabs [aria-selected="true"]').textContent();
  assert.equal(sheets[0].currency, shown?.trim());
  const charts = page.locator(`#print-report .print-sheet[data-currency="${sheets[0].currency}"] .print-chart img`);
  assert.ok(await charts.count() > 0, 'no chart printed');
  assert.match(await charts.first().getAttribute('src') ?? '', /^data:image\/png;base64,/);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  // Drawn in the dark scheme, a chart would print as a dark block: none then.
  await printout();
  assert.equal(await page.locator('#print-report .print-chart').count(), 0);
  await shot(page, 'print-forward-dark', { fullPage: false });
  // Black on white in print, whatever the screen's scheme.
  assert.equal(await page.locator('#print-report td').first().evaluate((td) => getComputedStyle(td).color), 'rgb(0, 0, 0)');
  await page.emulateMedia({ media: null, colorScheme: 'light' });

  await page.locator('.view-tabs [role="tab"][data-view="waterfall"]').click();
  sheets = await printout();
  assert.ok(sheets.every((s) => s.view === 'waterfall') && sheets.every((s) => s.blocks.length > 0));
  writeFileSync(join(SHOTS, 'print-waterfall-A4.pdf'), await page.pdf({ format: 'A4', landscape: true }));
  await page.locator('.view-tabs [role="tab"][data-view="statement"]').click();
  assert.deepEqual(b.errors, []);
  assert.deepEqual(b.foreignRequests(), []);
});
