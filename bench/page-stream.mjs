#!/usr/bin/env node
// A big file through the real page, as a user gives it: the built page
// (web/dist) in headless Chromium, the CSV picked in its file input, and,
// while it streams, every progress update the page shows (a
// MutationObserver on the progress line, which also carries the engine's
// wasm heap size) and the resident memory of Chromium's renderer process,
// which runs the page and its engine worker (read from /proc every 250 ms).
//   node bench/page-stream.mjs FILE.csv [--out result.json]
// Prints how steady the progress was (updates, the longest wait between
// two, the read rate over each tenth of the file) and how memory moved
// (at each tenth, and its peak). Needs: npm run build:web.
import fs from 'node:fs';
import path from 'node:path';
import { startBrowser } from '../tests/e2e/browser.mjs';

const argv = process.argv.slice(2);
const file = argv.find((a, i) => !a.startsWith('--') && !(argv[i - 1] || '').startsWith('--'));
const outIndex = argv.indexOf('--out');
const out = outIndex >= 0 ? argv[outIndex + 1] : null;
if (!file) { console.error('usage: node bench/page-stream.mjs FILE.csv [--out result.json]'); process.exit(2); }
const bytesTotal = fs.statSync(file).size;

/** Resident memory (MB) of every renderer process of the Chromium that uses `profileDir`. */
function rendererRssMb(profileDir) {
  let kb = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes(profileDir)) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* the process ended */ }
  }
  return kb / 1024;
}

const b = await startBrowser();
let status = 0;
try {
  const page = await b.openPage();
  await page.evaluate(() => {
    const log = [];
    // @ts-ignore: read back by the bench
    window.__progressLog = log;
    const bar = /** @type {HTMLProgressElement} */ (document.getElementById('progress'));
    const text = document.getElementById('progress-text');
    new MutationObserver(() => {
      log.push([performance.now(), bar.value, Number(text.dataset.rows || 0), Number(text.dataset.engineHeapBytes || 0)]);
    }).observe(text, { childList: true, characterData: true, subtree: true });
  });
  const samples = [];  // [ms since the pick, renderer RSS MB]
  const rssBefore = rendererRssMb(b.profileDir);
  const t0 = Date.now();
  const pageT0 = await page.evaluate(() => performance.now());
  await page.locator('#file-input').setInputFiles(path.resolve(file));
  const timer = setInterval(() => samples.push([Date.now() - t0, rendererRssMb(b.profileDir)]), 250);
  await page.locator('#results[data-ready="true"] section.currency').first().waitFor({ timeout: 1_800_000 });
  clearInterval(timer);
  const reportMs = Date.now() - t0;
  const log = (await page.evaluate(() => /** @type {any} */ (window).__progressLog)).map(([t, v, rows, heap]) => [t - pageT0, v, rows, heap]);

  // Steadiness: the gaps between updates while reading, and the rate over each tenth.
  let longestGap = 0;
  for (let i = 1; i < log.length; i++) longestGap = Math.max(longestGap, log[i][0] - log[i - 1][0]);
  const readEnd = log.length ? log[log.length - 1][0] : 0;
  const tenths = [];
  for (let k = 1; k <= 10; k++) {
    const at = log.find(([, v]) => v >= k / 10);
    tenths.push(at ? Math.round(at[0]) : null);
  }
  const rssAt = (ms) => { let r = samples[0]?.[1] ?? 0; for (const [t, v] of samples) if (t <= ms) r = v; return Math.round(r); };
  const result = {
    file: path.basename(file), file_mb: Math.round(bytesTotal / 1e5) / 10,
    read_ms: Math.round(readEnd), report_ms: reportMs,
    progress_updates: log.length, longest_gap_ms: Math.round(longestGap),
    ms_at_each_tenth: tenths,
    engine_heap_mb_at_each_tenth: tenths.map((t) => { const e = log.find(([at]) => at >= t); return t === null || !e ? null : Math.round(e[3] / 1048576); }),
    rss_mb_before: Math.round(rssBefore),
    rss_mb_at_each_tenth: tenths.map((t) => (t === null ? null : rssAt(t))),
    rss_mb_peak_reading: Math.round(Math.max(0, ...samples.filter(([t]) => t <= readEnd).map(([, v]) => v))),
    rss_mb_peak: Math.round(Math.max(0, ...samples.map(([, v]) => v))),
  };
  const errors = b.errors.slice();
  if (errors.length) { result.errors = errors; status = 1; }
  if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  const tenthRates = tenths.map((t, i) => (t === null ? '-' : Math.round((bytesTotal / 10 / 1e6) / (((t - (i ? tenths[i - 1] : 0)) || 1) / 1000))));
  console.log(`${result.file} (${result.file_mb} MB) through the page: read ${(result.read_ms / 1000).toFixed(1)} s, report shown at ${(reportMs / 1000).toFixed(1)} s`);
  console.log(`  progress: ${result.progress_updates} updates, longest wait ${result.longest_gap_ms} ms; MB/s over each tenth: ${tenthRates.join(' ')}`);
  console.log(`  engine wasm heap MB at each tenth: ${result.engine_heap_mb_at_each_tenth.join(' ')}`);
  console.log(`  renderer RSS MB: before ${result.rss_mb_before}; at each tenth ${result.rss_mb_at_each_tenth.join(' ')}; peak while reading ${result.rss_mb_peak_reading}, with the report ${result.rss_mb_peak}`);
  if (errors.length) console.log('  page errors: ' + errors.join(' | '));
} catch (e) {
  console.error(String((e && e.stack) || e));
  status = 1;
} finally {
  await b.close();
}
process.exit(status);
