// End-to-end: no context of the page reaches another origin, on a static
// server that sends no Content-Security-Policy header (static_server.mjs).
// From inside every worker the report page and the lab start (the engine's,
// the reading worker, their readers) and from the page itself, every way
// to make a request is tried against a second server on another port of
// 127.0.0.1, which counts the connections it gets: none may arrive. The
// engine still fetches its own .wasm and reports.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';
import { byMonth, dist, launchChromium, waitForReport } from './browser.mjs';
import { serveStatic } from './static_server.mjs';

let site;
let browser;
/** The other origin: every TCP connection and request it gets is counted. */
const elsewhere = { connections: 0, requests: /** @type {string[]} */ ([]), server: createServer() };
const errors = [];

before(async () => {
  elsewhere.server.on('connection', () => { elsewhere.connections++; });
  elsewhere.server.on('request', (req, res) => {
    elsewhere.requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/javascript' });
    res.end('export default 1;\n');
  });
  elsewhere.server.on('upgrade', (req, socket) => { elsewhere.requests.push(`UPGRADE ${req.url}`); socket.destroy(); });
  await new Promise((resolve) => elsewhere.server.listen(0, '127.0.0.1', resolve));
  site = await serveStatic(dist, '/some/sub/path/');
  // No route that refuses foreign requests (browser.mjs has one): here they must be stopped by the page itself.
  browser = await launchChromium();
});
after(async () => {
  await browser?.context.close();
  if (browser) rmSync(browser.profileDir, { recursive: true, force: true });
  await site?.close();
  elsewhere.server.closeAllConnections?.();
  await new Promise((resolve) => elsewhere.server.close(resolve));
});

/**
 * Runs in a worker's global scope or the page's: tries every way to make a
 * request to `target` and says what each did (its error, or 'made').
 * @param {string} target
 */
async function tryEveryRequest(target) {
  const host = target.replace(/^http:\/\//, '');
  /** @type {Record<string, string>} */
  const tried = {};
  const within = (promise) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 3 s')), 3000))]);
  const attempt = async (name, make) => {
    try {
      await within(Promise.resolve().then(make));
      tried[name] = 'made';
    } catch (e) {
      tried[name] = String(e?.message ?? e).slice(0, 100);
    }
  };
  const g = /** @type {any} */ (globalThis);
  await attempt('fetch', () => g.fetch(`${target}/fetch`));
  await attempt('XMLHttpRequest', () => new Promise((resolve, reject) => {
    const xhr = new g.XMLHttpRequest();
    xhr.open('GET', `${target}/xhr`);
    xhr.onload = resolve;
    xhr.onerror = () => reject(new Error('xhr failed'));
    xhr.send();
  }));
  await attempt('WebSocket', () => new Promise((resolve, reject) => {
    const socket = new g.WebSocket(`ws://${host}/socket`);
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('socket failed'));
  }));
  await attempt('EventSource', () => new Promise((resolve, reject) => {
    const source = new g.EventSource(`${target}/events`);
    source.onopen = resolve;
    source.onerror = () => { source.close(); reject(new Error('event source failed')); };
  }));
  await attempt('importScripts', () => g.importScripts(`${target}/classic.js`));
  await attempt('import()', () => import(`${target}/module.js`));
  await attempt('sendBeacon', () => { if (!g.navigator.sendBeacon(`${target}/beacon`, 'x')) throw new Error('refused'); });
  await attempt('Worker', () => new Promise((resolve, reject) => {
    const worker = new g.Worker(`${target}/worker.js`);
    worker.onerror = () => reject(new Error('worker failed'));
    setTimeout(resolve, 500);
  }));
  await attempt('caches', async () => (await g.caches.open('x')).add(`${target}/cached`));
  await attempt('FontFace', () => new g.FontFace('x', `url(${target}/font)`).load());
  /** What is still in the global scope, by name. */
  tried.reachable = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Request', 'Worker', 'caches', 'FontFace']
    .filter((name) => g[name] !== undefined).join(' ');
  return tried;
}

/** Waits until the page has started `count` workers; returns them by self.name. */
async function workersOf(page, count) {
  for (const t0 = Date.now(); page.workers().length < count;) {
    assert.ok(Date.now() - t0 < 30_000, `${page.workers().length} workers after 30 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Promise.all(page.workers().map(async (worker) => ({ worker, name: await worker.evaluate(() => self.name) })));
}

test('no worker of the report page or the lab, nor the page itself, can reach another origin', { timeout: 180_000 }, async () => {
  const target = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (elsewhere.server.address()).port}`;
  /** What each worker's tries did, by "page, worker name". */
  const outcomes = {};
  const names = {};
  for (const path of ['index.html', 'lab.html']) {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(`${path}: ${e}`));
    await page.goto(site.url + path);
    const workers = await workersOf(page, 4);
    names[path] = workers.map((w) => w.name).sort();
    for (const { worker, name } of workers) outcomes[`${path}, worker ${name}`] = await worker.evaluate(tryEveryRequest, target);
    // The page's own meta policy holds it (sendBeacon says only that it queued): the count below is what tells.
    await page.evaluate(tryEveryRequest, target);
    await page.close();
  }
  await new Promise((r) => setTimeout(r, 1000));   // anything late would have arrived by now
  assert.deepEqual(elsewhere.requests, [], JSON.stringify(outcomes, null, 1));
  assert.equal(elsewhere.connections, 0, 'a connection reached the other origin');
  for (const [where, tried] of Object.entries(outcomes)) {
    assert.equal(tried.reachable, '', `${where}: still has ${tried.reachable}`);
    for (const [how, what] of Object.entries(tried)) assert.notEqual(what, 'made', `${where}: ${how} made a request`);
  }
  assert.deepEqual(names, { 'index.html': ['engine', 'reader', 'reader', 'reading'], 'lab.html': ['engine', 'reader', 'reader', 'reading'] });
  assert.deepEqual(errors, []);
});

test('with the network taken away, the engine still loads its own .wasm and reports', { timeout: 120_000 }, async () => {
  const page = await browser.context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(site.url);
  await page.locator('#example-button').click();
  await waitForReport(page);
  await byMonth(page, '2024-01-01 to 2024-01-31');   // the worked examples open by quarter
  assert.equal(await page.locator('section.currency[data-currency="USD"] tr[data-metric="bookings"] td[data-period="2024-01"]').textContent(), '12,000.00');
  assert.ok(site.log.some((line) => /\.wasm$/.test(line)), 'the .wasm came from the page\'s own server');
  assert.deepEqual(requested.filter((u) => !u.startsWith(site.origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  await page.close();
});
