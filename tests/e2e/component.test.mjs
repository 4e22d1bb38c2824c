// End-to-end: <bbb-report> (web/dist-component/bbb-report.js, from `npm run
// build:component`) on a host page whose CSS is as hostile as it gets: the
// element still renders the report as the page does, the host's rules do
// not reach inside, and the element's rules do not leak out. The host page
// runs under the Content-Security-Policy that docs/embedding.md recommends.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repo, shot, startHost, watchPage } from './browser.mjs';

const bundle = join(repo, 'web/dist-component/bbb-report.js');
const HOST = `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src blob:; connect-src 'self' data:; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'">
<title>Intranet</title><link rel="icon" href="data:,">
<style>
  * { color: rgb(255, 0, 0) !important; font-size: 40px !important; font-family: serif !important;
      background: rgb(255, 255, 0) !important; border: 5px solid rgb(0, 255, 0) !important; letter-spacing: 9px !important; }
  table, td, th, tr { display: block !important; }
  section, button, .statement, .view-tabs, [role="tab"] { display: none !important; }
  :root { --bg: #000; --fg: #f0f; --accent: #0f0; }
</style>
<script type="module" src="bbb-report.js"></script>
</head><body>
<h1 class="muted">Sales dashboard</h1>
<table class="statement"><tr><td id="host-cell">host table</td></tr></table>
<bbb-report src="contracts.csv" period="quarter" as-of="2026-09-30" views="statement,waterfall,pipeline"></bbb-report>
</body></html>`;

// An intranet page with no policy of its own: only the element keeps src on the page's origin.
const OPEN_HOST = `<!doctype html>
<html><head><meta charset="utf-8"><title>Intranet, no policy</title><link rel="icon" href="data:,">
<script type="module" src="bbb-report.js"></script></head><body></body></html>`;

let host;
const errors = [];
/** Another origin, which would hand over a CSV to anyone: every connection and request it gets is counted. */
const elsewhere = { connections: 0, requests: /** @type {string[]} */ ([]), server: createServer((req, res) => {
  elsewhere.requests.push(`${req.method} ${req.url}`);
  res.writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*' });
  res.end('id,booking_date,amount\nX1,2024-01-01,666.00\n');
}) };

before(async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run "npm run build:component" first`);
  elsewhere.server.on('connection', () => { elsewhere.connections++; });
  await new Promise((resolve) => elsewhere.server.listen(0, '127.0.0.1', resolve));
  const other = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (elsewhere.server.address()).port}`;
  host = await startHost({ 'index.html': HOST, 'open.html': OPEN_HOST, 'bbb-report.js': { copy: bundle },
    'contracts.csv': { copy: join(repo, 'examples/sales-pipeline.csv') }, '%E0%A4%A.csv': { copy: join(repo, 'examples/ex1-annual-prepaid.csv') } },
  '/intranet/finance/',
  { redirects: { 'moved.csv': `${other}/contracts.csv`, 'renamed.csv': '/intranet/finance/contracts.csv' } });
});
after(async () => {
  await host?.close();
  await new Promise((resolve) => elsewhere.server.close(resolve));
});

test('<bbb-report> renders the report on a host page with hostile CSS, and keeps its styles to itself', { timeout: 120_000 }, async () => {
  const page = await host.context.newPage();
  await watchPage(page, errors);
  await page.goto(host.server.url);
  const bookings = page.locator('bbb-report tr[data-metric="bookings"] td[data-period="FY2026-Q3"]');
  await bookings.waitFor({ timeout: 60_000 });
  assert.equal(await bookings.textContent(), '567,002.48');

  // Inside: the host's rules do not apply.
  const inside = await bookings.evaluate((td) => {
    const s = getComputedStyle(td);
    return { color: s.color, fontSize: s.fontSize, display: s.display, family: s.fontFamily, spacing: s.letterSpacing, border: s.borderTopColor };
  });
  assert.notEqual(inside.color, 'rgb(255, 0, 0)');
  assert.notEqual(inside.fontSize, '40px');
  assert.equal(inside.display, 'table-cell');
  assert.doesNotMatch(inside.family, /^serif/);
  assert.equal(inside.spacing, 'normal');
  assert.notEqual(inside.border, 'rgb(0, 255, 0)');
  // Outside: the element's rules do not leak (its .muted, .statement, td padding).
  const outside = await page.evaluate(() => {
    const h1 = getComputedStyle(document.querySelector('h1'));
    const td = getComputedStyle(document.getElementById('host-cell'));
    return { h1: h1.color, td: td.paddingLeft };
  });
  assert.deepEqual(outside, { h1: 'rgb(255, 0, 0)', td: '1px' });

  // Only the views asked for; a tab switches inside the shadow root.
  assert.deepEqual(await page.locator('bbb-report .view-tabs [role="tab"]').allTextContents(), ['Statement', 'Waterfall', 'Pipeline']);
  await page.locator('bbb-report .view-tabs [data-view="pipeline"]').click();
  const open = page.locator('bbb-report section.view-panel[data-view="pipeline"] .kpi[data-kpi="open_value"] dd');
  await open.waitFor();
  assert.equal(await open.textContent(), '1,300,500.99');
  // Its chart is drawn (Chart.js inside a shadow root).
  const painted = await page.locator('bbb-report section.view-panel[data-view="pipeline"] canvas').first().evaluate((c) => {
    const d = /** @type {HTMLCanvasElement} */ (c).getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
    return { width: c.width, n };
  });
  assert.ok(painted.width > 300 && painted.n > 1000, JSON.stringify(painted));
  await shot(page, 'component-hostile-host');

  // An attribute change regroups the report without reading the file again.
  await page.locator('bbb-report .view-tabs [data-view="statement"]').click();
  await page.evaluate(() => document.querySelector('bbb-report').setAttribute('period', 'year'));
  const year = page.locator('bbb-report tr[data-metric="bookings"] td[data-period="FY2026"]');
  await year.waitFor({ timeout: 30_000 });
  assert.equal(await year.textContent(), '1,847,506.45');
  assert.equal(host.server.log.filter((l) => l.endsWith('/contracts.csv')).length, 1);

  // Bad input is said with its line, column and reason; a file without the columns it needs says which.
  const said = await page.evaluate(async () => {
    const el = /** @type {any} */ (document.createElement('bbb-report'));
    document.body.append(el);
    const done = new Promise((resolve) => el.addEventListener('bbb-report', resolve, { once: true }));
    await el.load(new File(['id,booking_date,amount\nA,2024-01-01,12.345\nB,2024-01-01,10.00\n'], 'bad.csv'));
    await done;
    const rejected = el.shadowRoot.querySelector('.bbb-status').textContent;
    const failed = new Promise((resolve) => el.addEventListener('bbb-error', (e) => resolve(e.detail), { once: true }));
    el.load(new File(['id,amount\nA,1\n'], 'nodates.csv'));
    return { rejected, failed: await failed, text: el.shadowRoot.querySelector('.bbb-status').textContent };
  });
  assert.match(said.rejected, /^1 row rejected; the first: contracts line 2, column amount: /);
  assert.equal(said.failed.code, 'missing_column');
  assert.match(said.text, /^nodates\.csv: no column for booking_date/);
  // A src on another origin is refused, with an event.
  const refused = await page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement('bbb-report');
    el.addEventListener('bbb-error', (e) => resolve(/** @type {CustomEvent} */ (e).detail.code));
    el.setAttribute('src', 'https://example.com/contracts.csv');
    document.body.append(el);
  }));
  assert.equal(refused, 'foreign_src');
  assert.deepEqual(host.foreignRequests(), []);
  assert.deepEqual(errors, []);
});

test('<bbb-report src> follows no redirect: one to another origin is refused before that origin is asked anything', { timeout: 60_000 }, async () => {
  const page = await host.context.newPage();
  await watchPage(page, errors);
  await page.goto(host.server.url + 'open.html');
  const outcome = (src) => page.evaluate((source) => new Promise((resolve) => {
    setTimeout(() => resolve({ code: 'no answer in 20 s' }), 20_000);
    const el = document.createElement('bbb-report');
    el.addEventListener('bbb-error', (e) => resolve(/** @type {CustomEvent} */ (e).detail));
    el.addEventListener('bbb-report', (e) => resolve({ code: 'read', rows: /** @type {CustomEvent} */ (e).detail.rows }));
    el.setAttribute('src', source);
    document.body.append(el);
  }), src);
  const moved = await outcome('moved.csv');
  assert.equal(moved.code, 'redirected_src', JSON.stringify(moved));
  assert.match(moved.message, /moved\.csv redirects elsewhere: src must name the file itself, on this page's origin/);
  // A redirect within the origin is refused too: where it leads is not known before it is followed.
  assert.equal((await outcome('renamed.csv')).code, 'redirected_src');
  // The file itself still loads; a src whose name is a malformed escape is read under that name.
  assert.equal((await outcome('contracts.csv')).code, 'read');
  assert.equal((await outcome('%E0%A4%A.csv')).code, 'read');
  // Counted there (Playwright lists a redirect's target as a request as soon as it sees the redirect, followed or not).
  assert.deepEqual(elsewhere.requests, []);
  assert.equal(elsewhere.connections, 0);
  assert.deepEqual(errors, []);
});
