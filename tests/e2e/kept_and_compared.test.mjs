// End-to-end: work kept and compared. An earlier export set beside the file
// on show gives the engine's changes (the hand-worked case of
// tests/cases/compare_two_exports), each category's lines listed and saved
// as CSV; the report's settings, view and currency live in the address and
// a reload with the same file reopens the same view; a hostile address is
// dropped without a word; "Keep on this device" keeps nothing until asked,
// then the files and settings in the Origin Private File System, reopened
// from the list or from a link, and deleted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, repo, shot, startBrowser, settled } from './browser.mjs';

const caseDir = join(repo, 'tests/cases/compare_two_exports');
const csv = (name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(join(caseDir, name)) });
const pipeline = { name: 'sales-pipeline.csv', mimeType: 'text/csv', buffer: readFileSync(join(repo, 'examples/sales-pipeline.csv')) };

let b;
let page;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

/** A fresh document at `hash` (from the same page, a new fragment alone would not load it again). */
async function freshPage(hash = '') {
  await page?.goto('about:blank');
  page = await b.openPage(hash);
}

/** The entries of the page's kept folder in its Origin Private File System. */
const keptEntries = () => page.evaluate(async () => {
  const root = await navigator.storage.getDirectory();
  const names = [];
  for await (const [name] of /** @type {any} */ (root).entries()) names.push(name);
  if (!names.includes('bbb-kept')) return [];
  const dir = await root.getDirectoryHandle('bbb-kept');
  const kept = [];
  for await (const [name] of /** @type {any} */ (dir).entries()) kept.push(name);
  return kept;
});

test('an earlier export beside this one: what was added, removed, won, lost, changed or moved', { timeout: 90_000 }, async () => {
  page = await b.openPage();
  await page.locator('#file-input').setInputFiles(csv('after.csv'));
  await settled(page);
  await page.locator('#compare-panel > summary').click();
  await page.locator('#earlier-input').setInputFiles(csv('before.csv'));
  await page.locator('#compare-panel[data-ready="true"]').waitFor({ timeout: 60_000 });
  const row = (currency, kind) => page.locator(`.changes-currency[data-currency="${currency}"] tr[data-kind="${kind}"]`);
  const cells = async (currency, kind) => (await row(currency, kind).locator('td').allTextContents()).slice(0, 2);
  // The figures worked by hand in tests/cases/compare_two_exports/expected.json.
  assert.deepEqual(await cells('USD', 'added'), ['2', '2,100.00']);
  assert.deepEqual(await cells('USD', 'removed'), ['1', '300.00']);
  assert.deepEqual(await cells('USD', 'won'), ['1', '1,000.00']);
  assert.deepEqual(await cells('USD', 'lost'), ['1', '500.00']);
  assert.deepEqual(await cells('USD', 'amount_changed'), ['2', '450.00 (up 500.00, down -50.00)']);
  assert.deepEqual(await cells('USD', 'slipped'), ['1', '2,500.00']);
  assert.deepEqual(await cells('EUR', 'removed'), ['1', '900.00']);
  assert.match(await page.locator('.changes-currency[data-currency="USD"] .changes-bridge').textContent(),
    /Before: 7 lines, USD 5,000\.00\. Now: 8 lines, USD 7,250\.00\. Unchanged: 1 line\./);
  // The default currency first; what could not be compared is said.
  assert.equal(await page.locator('.changes-currency').first().getAttribute('data-currency'), 'USD');
  assert.match(await page.locator('.changes').textContent(), /1 row with no id.*\(D9\)/s);
  await shot(page, 'changes-desktop');

  // Drill to the rows, by keyboard, and save them.
  await row('USD', 'slipped').locator('button').focus();
  await page.keyboard.press('Enter');
  const rows = page.locator('.change-rows[data-kind="slipped"] tbody tr');
  await rows.first().waitFor();
  assert.deepEqual(await rows.first().locator('td').allTextContents(),
    ['D3', 'Gamma', 'open · 2024-03-31 · USD 2,000.00', 'open · 2024-04-30 · USD 2,500.00', '2,500.00', 'before 4, now 4']);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Slipped (close date later) · USD');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.change-rows button').click()]);
  assert.equal(download.suggestedFilename(), 'after-changes-slipped-USD.csv');
  const text = readFileSync(await download.path(), 'utf8');
  assert.match(text, /USD,slipped,D3,Gamma,4,open,2024-03-31,USD,2000\.00,4,open,2024-04-30,USD,2500\.00,2500\.00/);

  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'changes-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#compare-panel').scrollIntoViewIfNeeded();
  await shot(page, 'changes-phone', { fullPage: false });
  // The panel fits the phone's width: its tables scroll inside their boxes.
  assert.ok(await page.evaluate(() => {
    const panel = /** @type {HTMLElement} */ (document.querySelector('#compare-panel'));
    return panel.getBoundingClientRect().right <= window.innerWidth + 1 && panel.scrollWidth <= panel.clientWidth + 1;
  }), 'the changes fit a phone');
  await page.setViewportSize({ width: 1366, height: 768 });
  // Printed, the open panel comes with the report (A4 landscape).
  await page.pdf({ path: join(SHOTS, 'changes-print.pdf'), format: 'A4', landscape: true, printBackground: true });
  assert.deepEqual(b.errors, []);
});

test('the settings in the address: a reload with the same file reopens the same view', { timeout: 90_000 }, async () => {
  page = await b.openPage();
  await page.locator('#file-input').setInputFiles(pipeline);
  await settled(page);
  await page.locator('#period').selectOption('quarter');
  await page.locator('#as-of').fill('2026-09-30');
  await page.locator('#as-of').dispatchEvent('change');
  await settled(page, () => /as_of=2026-09-30/.test(location.hash));
  await page.locator('#split-by').selectOption('region');
  await settled(page, () => /split_by=region/.test(location.hash));
  await page.locator('.view-tabs [role="tab"][data-view="pipeline"]').click();
  await page.waitForFunction(() => /view=pipeline/.test(location.hash));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /period=quarter/);
  assert.match(hash, /tab=USD/);
  assert.doesNotMatch(hash, /S-001|Wonka/, 'the data never goes in the address');

  await page.reload();
  assert.equal(await page.locator('#period').inputValue(), 'quarter');
  assert.equal(await page.locator('#as-of').inputValue(), '2026-09-30');
  await page.locator('#file-input').setInputFiles(pipeline);
  await settled(page, () => document.querySelector('.view-tabs [aria-selected="true"]')?.getAttribute('data-view') === 'pipeline');
  assert.equal(await page.locator('#split-by').inputValue(), 'region');
  assert.equal(await page.evaluate(() => location.hash), hash);
});

test('an address of unknown keys and bad values is dropped without a word', { timeout: 60_000 }, async () => {
  await freshPage('#period=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&view=__proto__&fiscal_start=99&as_of=2024-02-30&split_by=%3Cb%3Ebold%3C%2Fb%3E&kept=..%2F..&top=-1&x=%E0%A4%A');
  assert.equal(await page.locator('#period').inputValue(), 'month');
  assert.equal(await page.locator('#fiscal-start').inputValue(), '1');
  await page.locator('#file-input').setInputFiles(pipeline);
  await settled(page);
  assert.equal(await page.locator('#split-by').inputValue(), '');
  assert.equal(await page.locator('b, img[src="x"]').count(), 0);
  assert.deepEqual(b.errors, []);
});

test('keep on this device: nothing kept until asked; kept, reopened from the list and a link, deleted', { timeout: 90_000 }, async () => {
  page = await b.openPage();
  await page.locator('#file-input').setInputFiles(csv('after.csv'));
  await settled(page);
  assert.deepEqual(await keptEntries(), [], 'nothing is kept unless the user asks');
  assert.equal(await page.locator('#kept-panel').isHidden(), true);
  await page.locator('#period').selectOption('year');
  await settled(page, () => /period=year/.test(location.hash));
  await page.locator('#keep-button').click();
  await page.waitForFunction(() => /^Kept after\.csv/.test(document.querySelector('#keep-status')?.textContent ?? ''));
  assert.match(await page.locator('#keep-status').textContent(), /Origin Private File System\), on this device only/);
  assert.equal((await keptEntries()).length, 1);
  await page.locator('#kept-panel > summary').click();
  assert.match(await page.locator('.kept-item').textContent(), /after\.csv.*kept \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · 0\.\d kB/s);
  await shot(page, 'kept-list');

  // A fresh page: the list reopens it, with its settings, without dropping the file.
  page = await b.openPage();
  await page.locator('#kept-panel > summary').click();
  await page.locator('.kept-item button', { hasText: 'Open after.csv' }).click();
  await settled(page);
  assert.equal(await page.locator('#period').inputValue(), 'year');
  assert.match(await page.locator('#summary').textContent(), /after\.csv/);
  const link = await page.evaluate(() => location.hash);
  assert.match(link, /kept=[a-z0-9-]+/);

  // A link to it opens it at once.
  await freshPage(link);
  await settled(page);
  assert.equal(await page.locator('#period').inputValue(), 'year');

  await page.locator('#kept-panel > summary').click();
  await page.locator('.kept-item button', { hasText: 'Delete after.csv' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.kept-item').length === 0);
  assert.deepEqual(await keptEntries(), []);
  assert.equal(await page.locator('#kept-panel').isHidden(), true);
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});
