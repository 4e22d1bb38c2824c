// End-to-end: after a first visit the page works with no network. The
// site's service worker (web/offline/, vite-plugin-pwa with Workbox)
// precaches the built files under the page's sub-path; offline, a reload
// shows the page and an example is read and reported by the engine. The
// web app manifest is valid and the app installable, as Chromium itself
// judges them; no request leaves the origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { byMonth, cell, settled, shot, startBrowser } from './browser.mjs';

let b;
let page;
before(async () => {
  b = await startBrowser({ serviceWorkers: 'allow' });
  page = await b.openPage();
});
after(async () => { await b?.close(); });

test('the service worker takes the page\'s folder as its scope and precaches it', { timeout: 60_000 }, async () => {
  // Active and controlling this page (clientsClaim): every built file is in its cache by then.
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, b.server.url);
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });
  for (const file of [/index\.html/, /lab\.html/, /glossary\.html/, /\.wasm/, /worked-examples-.*\.csv/, /engine\.worker-.*\.js/]) {
    assert.ok(cached.some((url) => file.test(url)), `${file} is not precached: ${cached.join(', ')}`);
  }
  assert.ok(cached.every((url) => url.startsWith(b.server.url)), 'a precached URL outside the page\'s folder');
});

test('the manifest is valid and the app installable, as Chromium judges them', { timeout: 60_000 }, async () => {
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.equal(manifest.url, b.server.url + 'manifest.webmanifest');
  assert.deepEqual(manifest.errors, []);
  const data = JSON.parse(manifest.data);
  assert.equal(data.name, 'Bookings, Billings & Backlog');
  assert.equal(new URL(data.start_url, manifest.url).href, b.server.url);
  assert.equal(new URL(data.scope, manifest.url).href, b.server.url);
  // Each icon is a PNG of the size it says (read from its IHDR), served from the origin.
  for (const icon of data.icons) {
    const bytes = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer()).subarray(0, 24)],
      new URL(icon.src, manifest.url).href);
    assert.deepEqual(bytes.slice(0, 8), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const side = (o) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
    assert.equal(`${side(16)}x${side(20)}`, icon.sizes);
  }
  assert.ok(data.icons.some((i) => i.sizes === '192x192') && data.icons.some((i) => i.sizes === '512x512'));
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  await cdp.detach();
});

test('offline, with the server gone, a reload shows the page and an example is read and reported', { timeout: 90_000 }, async () => {
  // No network and no server: every file must come from the worker's cache. (Offline alone
  // still lets the browser's own update check of sw.js through to the server.)
  await b.context.setOffline(true);
  await b.server.close();
  await page.reload();
  assert.equal(await page.title(), 'Bookings, Billings & Backlog');
  await page.locator('#example-select').selectOption('worked-examples.csv');
  await page.locator('#example-button').click();
  await settled(page);
  await byMonth(page, '2024-01-01 to 2024-01-31');   // the worked examples span years: they open by quarter
  // examples/README.md: EX1, 12,000.00 booked 2024-01-01 for 12 months billed upfront: revenue 1,000.00 in January.
  assert.equal(await cell(page, 'USD', 'bookings', '2024-01'), '12,000.00');
  assert.equal(await cell(page, 'USD', 'revenue', '2024-01'), '1,000.00');
  await shot(page, 'offline-report', { fullPage: false });
  // The lab, too, from the cache.
  await page.goto(b.server.url + 'lab.html');
  assert.match(await page.title(), /lab/i);
  assert.deepEqual(b.errors, []);
  assert.deepEqual(b.foreignRequests(), []);
});
