// End-to-end: files and settings the engine refuses. A file that is not
// text (an image, a zip, random bytes) or is empty is said as the CLI says
// it, not as a missing column, and is read no further than its first block;
// a report refused as too large, or an engine that stops, keeps the report
// on show with its controls put back (or shows none), never figures that
// disagree with the controls; every count and every issue names its file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { byMonth, cell, repo, shot, showFiles, startBrowser, waitForReport, workersNamed } from './browser.mjs';

let b;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

const CLI = join(repo, 'build/native-release/bbb');

/** What the CLI says of a file it refuses, without its "bbb: " (null without the CLI). */
function cliSays(name, bytes) {
  if (!existsSync(CLI)) return null;
  const path = join(b.profileDir, name);
  writeFileSync(path, bytes);
  const run = spawnSync(CLI, ['report', path], { encoding: 'utf8' });
  assert.equal(run.status, 2, run.stderr);
  return run.stderr.trim().replace(`bbb: ${b.profileDir}/`, '');
}

const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** Random bytes that start with neither a byte-order mark nor a file signature. */
function randomFile() {
  const bytes = randomBytes(64 << 10);
  bytes[0] = 0x41;
  return bytes;
}

const NOT_TEXT = [
  ['picture.png', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    'this file is a PNG image, not a CSV file'],
  ['book.xlsx', Buffer.concat([Buffer.from('504b0304140006000800000021', 'hex'), randomBytes(2000)]),
    'the file is not a readable zip archive: it has no zip directory (it may be cut short)'],
  ['noise.csv', randomFile(), /^this file does not look like text \(it holds NUL or control bytes\): it is not a CSV file/],
  ['empty.csv', Buffer.alloc(0), 'the file is empty: no header and no rows'],
  ['bom.csv', Buffer.from([0xef, 0xbb, 0xbf]), 'the file is empty: no header and no rows'],
];

test('a file that is not text, or is empty, is said as the CLI says it, and opens no mapping panel', { timeout: 180_000 }, async () => {
  const page = await b.openPage();
  for (const [name, bytes, said] of NOT_TEXT) {
    await page.locator('#file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
    await page.locator('#status[data-kind="error"]').waitFor({ timeout: 60_000 });
    const text = await page.locator('#status-text').textContent();
    assert.ok(text.startsWith(`${name}: `), text);
    if (typeof said === 'string') assert.equal(text, `${name}: ${said}`);
    else assert.match(text.slice(name.length + 2), said);
    const cli = cliSays(name, bytes);
    if (cli !== null) assert.equal(text, cli, 'the page and the CLI say the same');
    assert.doesNotMatch(text, /no column for/);
    assert.equal(await page.locator('#columns-panel').isVisible(), false, `${name}: the mapping panel is shown`);
    assert.equal(await page.locator('#columns-panel').getAttribute('open'), null, `${name}: the mapping panel is open`);
    assert.equal(await page.locator('.mapping-alert').count(), 0);
    assert.equal(await page.locator('#results').isHidden(), true);
    if (name === 'picture.png') await shot(page, 'not-text-png', { fullPage: false });
    // The next file is read as usual.
    await page.locator('#file-input').setInputFiles(csv('fine.csv', 'id,booking_date,amount,currency\nA,2024-01-01,100.00,USD\n'));
    await waitForReport(page);
    assert.equal(await page.locator('#status').isHidden(), true);
  }
});

test('an invoices file that is not text is said with its name, and no report is shown', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  const [, png] = NOT_TEXT[0];
  await page.locator('#invoices-input').setInputFiles({ name: 'invoices.png', mimeType: 'image/png', buffer: png });
  await page.locator('#file-input').setInputFiles(csv('con.csv', 'id,booking_date,amount,currency\nC1,2024-01-10,1000.00,USD\n'));
  await page.locator('#status[data-kind="error"]').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('#status-text').textContent(), 'invoices.png: this file is a PNG image, not a CSV file');
  assert.equal(await page.locator('#results').isHidden(), true);
  // Without it, the contracts report.
  await page.locator('#invoices-remove').click();
  await waitForReport(page);
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '1,000.00');
});

/** 50 MB of zero bytes, written to the profile folder. */
function zeros(name) {
  const path = join(b.profileDir, name);
  writeFileSync(path, Buffer.alloc(50_000_000));
  return path;
}

/** Records every status and progress line the page shows (progress lines are replaced fast). */
async function recordStatus(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.statusLines = [];
    const record = () => w.statusLines.push(`${document.getElementById('status-text')?.textContent} | ${document.getElementById('progress-text')?.textContent}`);
    for (const id of ['status-text', 'progress-text']) {
      new MutationObserver(record).observe(/** @type {HTMLElement} */ (document.getElementById(id)), { childList: true, characterData: true, subtree: true });
    }
  });
}

test('50 MB of zero bytes is refused from its first block: said at once, and read no further', { timeout: 180_000 }, async () => {
  const page = await b.openPage();
  // As the contracts file.
  let t0 = Date.now();
  await page.locator('#file-input').setInputFiles(zeros('zeros.csv'));
  await page.locator('#status[data-kind="error"]').waitFor({ timeout: 60_000 });
  const contractsMs = Date.now() - t0;
  assert.match(await page.locator('#status-text').textContent(), /^zeros\.csv: this file does not look like text/);
  assert.ok(contractsMs < 3000, `refused after ${contractsMs} ms`);

  // As the invoices file beside a contracts file: the load reads both (50 MB, so by the reading
  // worker too) and feeds the zeros no further than the engine's first block.
  await recordStatus(page);
  await page.locator('#invoices-input').setInputFiles(zeros('zero-invoices.csv'));
  t0 = Date.now();
  await page.locator('#file-input').setInputFiles(csv('con.csv', 'id,booking_date,amount,currency\nC1,2024-01-10,1000.00,USD\n'));
  await page.locator('#status-text', { hasText: 'zero-invoices.csv:' }).waitFor({ timeout: 60_000 });
  const invoicesMs = Date.now() - t0;
  assert.match(await page.locator('#status-text').textContent(), /^zero-invoices\.csv: this file does not look like text/);
  const lines = await page.evaluate(() => /** @type {any} */ (window).statusLines);
  const fed = lines.filter((line) => line.startsWith('Reading zero-invoices.csv'))
    .map((line) => Number(/ · ([\d.,]+) of /.exec(line)?.[1]?.replace(/,/g, '') ?? 0));
  assert.ok(fed.length > 0, lines.join('\n'));
  assert.ok(Math.max(...fed) <= 2, `MB of zeros fed to the engine: ${fed.join(', ')}`);
  assert.ok(invoicesMs < 3000, `refused after ${invoicesMs} ms`);
});

/** Twelve currencies from 1900 and one line in 2199: fine by years, past the size cap by months. */
const CENTURIES = ['id,booking_date,amount,currency',
  ...['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'NZD', 'SGD'].map((c, i) => `A${i},1900-01-01,100.00,${c}`),
  'Z1,2199-12-31,100.00,USD'].join('\n') + '\n';

/** The statement of the currency on show, as text: to check that it did not change. */
const statementText = (page) => page.locator('#report section.currency:not([hidden])').textContent();

/** Marks the statement on show, so that a test can wait for the next one to replace it. */
const markStatement = (page) => page.locator('#report section.currency:not([hidden])').evaluate((s) => { s.dataset.old = 'yes'; });
const nextStatement = (page) => page.locator('#report section.currency:not([hidden]):not([data-old])').waitFor({ timeout: 60_000 });

test('a report too large by months keeps the yearly report on show, its period put back', { timeout: 180_000 }, async () => {
  const page = await b.openPage();
  await page.locator('#file-input').setInputFiles(csv('centuries.csv', CENTURIES));
  // By months (the default) there is no report: the reason, and the settings to choose another.
  await page.locator('#results[data-ready="refused"]').waitFor({ timeout: 60_000 });
  const refusedText = await page.locator('#status-text').textContent();
  assert.match(refusedText, /^Could not make the report: the report would have [\d,]+ period columns .*a report has at most 40,000: choose quarters or years/);
  assert.equal(await page.locator('#status').getAttribute('data-code'), 'report_too_large');
  assert.equal(await page.locator('section.currency').count(), 0, 'figures shown with no report');
  assert.equal(await page.locator('#period').isVisible(), true);
  await shot(page, 'too-large-first', { fullPage: false });

  await page.locator('#period').selectOption('year');
  await waitForReport(page);
  assert.equal(await page.locator('#status').isHidden(), true);
  assert.equal(await cell(page, 'USD', 'bookings', 'FY1900'), '100.00');
  const yearly = await statementText(page);

  await page.locator('#period').selectOption('month');
  await page.locator('#status[data-kind="error"]').waitFor({ timeout: 60_000 });
  const kept = await page.locator('#status-text').textContent();
  assert.match(kept, /^Kept the yearly report: the report would have [\d,]+ period columns .*a report has at most 40,000/);
  assert.doesNotMatch(kept, /engine_failed|engine stopped/);
  assert.equal(await page.locator('#period').inputValue(), 'year', 'the period control does not say what is shown');
  assert.equal(await page.locator('#fiscal-start').isDisabled(), false);
  assert.equal(await statementText(page), yearly);
  assert.equal(await cell(page, 'USD', 'bookings', 'FY1900'), '100.00');
  await shot(page, 'too-large-kept', { fullPage: false });
  // Another period works at once.
  await page.locator('#period').selectOption('quarter');
  await page.locator('section.currency th', { hasText: 'FY1900-Q1' }).first().waitFor({ state: 'attached', timeout: 60_000 });
  assert.equal(await page.locator('#status').isHidden(), true);
});

test('a split too large by months keeps the report unsplit, Split by put back, and the next change reads it so', { timeout: 180_000 }, async () => {
  const page = await b.openPage();
  const rows = ['id,customer,booking_date,amount,currency'];
  for (let i = 0; i < 250; i++) rows.push(`L${i},Customer ${String(i).padStart(3, '0')},${2000 + (i % 21)}-${String(1 + (i % 12)).padStart(2, '0')}-01,100.00,USD`);
  await page.locator('#file-input').setInputFiles(csv('customers.csv', rows.join('\n') + '\n'));
  await waitForReport(page);
  await byMonth(page, '2000-01-01 to 2000-01-31');   // 21 years open by quarter
  await markStatement(page);
  await page.locator('#top').fill('200');
  await page.locator('#top').dispatchEvent('change');
  await nextStatement(page);
  const monthly = await statementText(page);
  await page.locator('#split-by').selectOption('customer');
  await page.locator('#status[data-kind="error"]').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#status-text').textContent(), /^Kept the monthly report: the report would have [\d,]+ period columns .*at most 40,000.*fewer segments \(Top\)/);
  assert.equal(await page.locator('#split-by').inputValue(), '');
  assert.equal(await page.locator('#top').inputValue(), '200');
  assert.equal(await statementText(page), monthly);
  // The session read with the split is not the report's: the next change reads the files again, unsplit.
  await page.locator('#period').selectOption('quarter');
  await page.locator('section.currency th', { hasText: 'FY2000-Q1' }).first().waitFor({ state: 'attached', timeout: 60_000 });
  assert.equal(await page.locator('#status').isHidden(), true);
  assert.equal(await cell(page, 'USD', 'bookings', 'FY2000-Q1'), '300.00');
  assert.equal(await page.locator('#split-by').inputValue(), '');
});

/** Makes the engine's worker die, as an abort does (onAbort posts 'fatal'), at its next report reply. */
async function abortAtNextReport(page, reason) {
  const [worker] = await workersNamed(page, 'engine');
  await worker.evaluate((why) => {
    const post = self.postMessage.bind(self);
    self.postMessage = (message, ...rest) => post(message?.report ? { type: 'fatal', message: why } : message, ...rest);
  }, reason);
}

test('an engine that runs out of memory or stops making a report: the report on show is kept, its controls put back', { timeout: 180_000 }, async () => {
  const page = await b.openPage();
  await page.locator('#example-button').click();
  await waitForReport(page);
  await byMonth(page, '2022-01-01 to 2022-01-31');   // four years open by quarter
  const monthly = await statementText(page);

  await abortAtNextReport(page, 'out of memory');
  await page.locator('#period').selectOption('quarter');
  await page.locator('#status[data-kind="error"]').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#status-text').textContent(), /^Kept the monthly report: the engine ran out of memory on this file/);
  assert.equal(await page.locator('#period').inputValue(), 'month');
  assert.equal(await statementText(page), monthly);

  // An abort that gives no reason still says something.
  await markStatement(page);
  await page.locator('#period').selectOption('year');
  await nextStatement(page);
  await page.locator('#status').waitFor({ state: 'hidden', timeout: 60_000 });
  const yearly = await statementText(page);
  await abortAtNextReport(page, '');
  await page.locator('#period').selectOption('month');
  await page.locator('#status[data-kind="error"]').waitFor({ timeout: 60_000 });
  const said = await page.locator('#status-text').textContent();
  assert.match(said, /^Kept the yearly report: the engine stopped without saying why/);
  assert.doesNotMatch(said, /\(engine_failed\)|stopped: *$/);
  assert.equal(await page.locator('#period').inputValue(), 'year');
  assert.equal(await statementText(page), yearly);
});

test('rows and issues of an invoices file are named with their file', { timeout: 120_000 }, async () => {
  const page = await b.openPage();
  await page.locator('#invoices-input').setInputFiles(csv('inv.csv', 'id,invoice_date,amount\nX9,2024-02-05,400.00\nX8,2024-03-05,600.00\n'));
  await page.locator('#file-input').setInputFiles(csv('con.csv', 'id,booking_date,amount,currency\nC1,2024-01-10,1000.00,USD\n'));
  await waitForReport(page);
  const counts = (kind) => page.locator(`.row-summary [data-file="${kind}"] [data-count]`).evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-count'), e.textContent])));
  assert.deepEqual(await counts('contracts'), { read: '1', accepted: '1', rejected: '0' });
  assert.deepEqual(await counts('invoices'), { read: '2', accepted: '0', rejected: '2' });
  assert.match(await page.locator('.row-summary [data-file="invoices"]').textContent(), /^inv\.csv invoices: rows read 2, accepted 0, rejected 2$/);
  assert.equal(await page.locator('.file-rows-table tr[data-file="invoices"] [data-rejected]').textContent(), '2');
  assert.equal(await page.locator('.file-rows-table tr[data-file="contracts"] [data-rejected]').textContent(), '0');
  const head = await page.locator('.issues-table thead th').allTextContents();
  assert.equal(head[0], 'File');
  const rows = await page.locator('.issues-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
  // C1 has no term: the contracts file's no_term notice, for the whole file.
  assert.deepEqual(rows, [['inv.csv', '2', 'id'], ['inv.csv', '3', 'id'], ['con.csv', '', '']]);
  await shot(page, 'issues-by-file');
});

test('no request left the page origin, and no error or CSP violation was reported', () => {
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});
