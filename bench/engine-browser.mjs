#!/usr/bin/env node
// The engine as a peer in headless Chromium (Debian's /usr/bin/chromium via
// playwright-core; never `npx playwright install`): a fresh profile, the CSV
// given to an <input type=file> as a user picks it, and the page's engine
// handler in a module worker, with the page's reader worker and, for a file
// of 8 MB or more, its second engine worker that reads the rows while the
// first folds them (browser/worker.mjs, web/src/worker/engine_handler.js).
//   node bench/engine-browser.mjs FILE.csv [--reps N] [--wasm-dir DIR] [--workers 1]
// --workers 1: the engine's worker alone, without the reading worker.
// stdout: one line per run "RUN {timing}" then the result (workload view)
// of the last run; exit 1 when runs disagree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? argv[i + 1] : d; };
const file = argv.find((a, i) => !a.startsWith('--') && !(argv[i - 1] || '').startsWith('--'));
if (!file) { console.error('usage: node bench/engine-browser.mjs FILE.csv [--reps N]'); process.exit(2); }
const reps = Number(opt('reps', 1));
const workers = opt('workers', '2');
const wasmDir = path.resolve(opt('wasm-dir', path.join(here, '../build/wasm-release/wasm')));
const exe = process.env.CHROMIUM || '/usr/bin/chromium';

// What the bench page may fetch: its own files, and the page's engine code
// where it lives in the repository (its relative imports resolve as in web/).
const FILES = {
  '/': [path.join(here, 'browser/index.html'), 'text/html'],
  '/wasm/bbb.js': [path.join(wasmDir, 'bbb.js'), 'text/javascript'],
  '/wasm/bbb.wasm': [path.join(wasmDir, 'bbb.wasm'), 'application/wasm'],
};
const DIRS = {
  '/bench/': path.join(here, 'browser'),
  '/lib/': path.join(here, 'lib'),
  '/web/src/': path.join(here, '../web/src'),
  '/wasm/api/': path.join(here, '../wasm/api'),
};
function resolveFile(pathname) {
  if (FILES[pathname]) return FILES[pathname];
  for (const [prefix, dir] of Object.entries(DIRS)) {
    if (!pathname.startsWith(prefix)) continue;
    const f = path.join(dir, pathname.slice(prefix.length));
    if (f.startsWith(dir + path.sep) && /\.m?js$/.test(f) && fs.existsSync(f)) return [f, 'text/javascript'];
  }
  return null;
}
const server = http.createServer((req, res) => {
  const f = resolveFile(new URL(req.url, 'http://x').pathname);
  if (!f) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': f[1], 'cache-control': 'no-store' });
  fs.createReadStream(f[0]).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bbb-bench-chromium-'));
let status = 0;
try {
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: exe, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  let last = null;
  for (let i = 0; i < reps; i++) {
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/?workers=${workers}`);
    await page.waitForFunction(() => window.__ready === true);
    await page.setInputFiles('#f', path.resolve(file));
    await page.waitForFunction(() => window.__done, null, { timeout: 600000, polling: 50 });
    const d = await page.evaluate(() => window.__done);
    await page.close();
    if (d.error) throw new Error(d.error);
    process.stdout.write(`RUN ${JSON.stringify({ ...d.timing, ua: d.ua })}\n`);
    if (last !== null && last !== d.text) { console.error('browser runs disagree'); status = 1; }
    last = d.text;
  }
  process.stdout.write(last + '\n');
  await ctx.close();
} catch (e) {
  console.error(String((e && e.stack) || e));
  status = 1;
} finally {
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(status);
