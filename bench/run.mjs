#!/usr/bin/env node
// The engine beside the peers of ../shared/bench, in one run (bench/run.sh
// builds what this needs first). For each size: every peer and the three
// engine rows (wasm in node, wasm in headless Chromium, native `bbb`), REPS
// runs each, round-robin so that machine noise spreads over all alike; the
// 10M-row file is run by the engine rows alone. Prints the table and the
// targets (pass/short: never asserted), writes results.json, and exits 1
// only when a run fails or a result disagrees.
//
// Last, the largest BIG file through the built page itself (page-stream.mjs):
// how steady its progress bar is and how its memory moves.
//
// Then the same 1M and 10M files with their ids scattered out of order
// (lib/scatter-ids.mjs), through the engine rows of node and native: the
// duplicate check's fingerprint table instead of its runs, time and memory.
//
// Environment: SIZES ("10000 100000 1000000"), BIG ("10000000"; "" skips),
// SCATTERED ("1000000 10000000"; "" skips),
// REPS (3), BIG_REPS (1), BROWSER (1; 0 skips Chromium), PAGE (1; 0 skips
// the page run), PEERS (names, a
// subset), SHARED (../shared/bench), DATA_DIR (/tmp/bbb-bench-data),
// OUT_DIR (/tmp/bbb-bench-results/engine-<time>), BUILD (build/bench).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineWorkloadView, compareWithWorkload } from './lib/engine-result.mjs';
import { scatterIdsFile } from './lib/scatter-ids.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const env = process.env;
const SHARED = path.resolve(env.SHARED || path.join(root, '../shared/bench'));
const DATA_DIR = env.DATA_DIR || '/tmp/bbb-bench-data';
const BUILD = path.resolve(env.BUILD || path.join(root, 'build/bench'));
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
const OUT_DIR = env.OUT_DIR || `/tmp/bbb-bench-results/engine-${stamp}`;
const SIZES = (env.SIZES ?? '10000 100000 1000000').split(/\s+/).filter(Boolean).map(Number);
const BIG = (env.BIG ?? '10000000').split(/\s+/).filter(Boolean).map(Number);
const REPS = Number(env.REPS || 3);
const BIG_REPS = Number(env.BIG_REPS || 1);
const SCATTERED = (env.SCATTERED ?? '1000000 10000000').split(/\s+/).filter(Boolean).map(Number)
  .filter((n) => SIZES.includes(n) || BIG.includes(n));
const BROWSER = env.BROWSER !== '0' && fs.existsSync(env.CHROMIUM || '/usr/bin/chromium');
const ONLY = env.PEERS ? new Set(env.PEERS.split(/\s+/)) : null;
const SEED = 42;
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
fs.mkdirSync(OUT_DIR, { recursive: true });

const node = process.execPath;
const withDeps = ['--import', path.join(here, 'lib/peer-deps.mjs')];
const peerEnv = { ...env, NODE_PATH: path.join(here, 'node_modules') };
// name, kind (peer: computes the workload; scan: the limit; engine), argv (FILE replaced)
const ROWS = [
  ['papaparse', 'peer', [node, ...withDeps, path.join(SHARED, 'papaparse.mjs'), 'FILE']],
  ['papaparse-arrays', 'peer', [node, ...withDeps, path.join(SHARED, 'papaparse.mjs'), 'FILE', '--mode', 'arrays']],
  ['duckdb-wasm', 'peer', [node, ...withDeps, path.join(SHARED, 'duckdb-wasm.mjs'), 'FILE']],
  ['duckdb-wasm-delta', 'peer', [node, ...withDeps, path.join(SHARED, 'duckdb-wasm.mjs'), 'FILE', '--sql', 'delta']],
  ['js-handrolled', 'peer', [node, path.join(SHARED, 'js-handrolled.mjs'), 'FILE']],
  ['limit-scan-wasm-simd-stream', 'scan', [node, path.join(here, 'limit-scan-stream.mjs'), 'FILE', BUILD]],
  ['limit-scan-native', 'scan', [path.join(BUILD, 'limit-scan-native'), 'FILE', 'limit-scan-native']],
  ['engine-wasm-node', 'engine', [node, path.join(here, 'engine-node.mjs'), 'FILE']],
  ['engine-wasm-node-1worker', 'engine', [node, path.join(here, 'engine-node.mjs'), 'FILE', '--workers', '1']],
  ['engine-wasm-chromium', 'engine', [node, path.join(here, 'engine-browser.mjs'), 'FILE']],
  ['engine-wasm-chromium-1worker', 'engine', [node, path.join(here, 'engine-browser.mjs'), 'FILE', '--workers', '1']],
  ['engine-native', 'engine', [path.join(root, 'build/native-release/bbb'), 'report', 'FILE']],
  ['engine-native-1thread', 'engine', [path.join(root, 'build/native-release/bbb'), 'report', 'FILE', '--threads', '1']],
].filter(([name]) => (!ONLY || ONLY.has(name)) && (BROWSER || !name.startsWith('engine-wasm-chromium')));

const dataFile = (n) => path.join(DATA_DIR, `contracts-${n}-s${SEED}.csv`);
for (const n of [...SIZES, ...BIG]) {
  const f = dataFile(n);
  if (fs.existsSync(f) && fs.statSync(f).size > 0) continue;
  fs.mkdirSync(DATA_DIR, { recursive: true });
  console.error(`generating ${f}`);
  const r = spawnSync(node, [path.join(SHARED, 'gen-contracts.mjs'), '--rows', String(n), '--seed', String(SEED), '--out', `${f}.tmp`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
  fs.renameSync(`${f}.tmp`, f);
}

const sha = (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 12);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[(s.length - 1) >> 1] : NaN; };

// One run: argv with FILE; returns {timing, out, rss_mb} or {error}.
function runOnce(name, argv, file, outBase) {
  const args = argv.map((a) => (a === 'FILE' ? file : a));
  const timeFile = `${outBase}.time`;
  const cmd = TIME ? [TIME, '-v', '-o', timeFile, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { env: peerEnv, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - t0;
  fs.writeFileSync(`${outBase}.err`, r.stderr || '');
  if (r.status !== 0) return { error: `rc ${r.status}: ${(r.stderr || '').slice(-400)}` };
  let rss = null;
  if (TIME) { const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(timeFile, 'utf8')); if (m) rss = Number(m[1]) / 1024; }
  let timing, out = r.stdout;
  if (name.startsWith('engine-native')) {
    // The CLI prints the report; its time is the whole process (start, read, report).
    const view = engineWorkloadView(JSON.parse(out));
    out = JSON.stringify(view) + '\n';
    timing = { init_ms: 0, read_ms: 0, decode_ms: 0, parse_ms: 0, compute_ms: 0, work_ms: wall, total_ms: wall };
  } else if (name.startsWith('engine-wasm-chromium')) {
    const lines = out.trimEnd().split('\n');
    timing = JSON.parse(lines[0].slice(4));
    out = lines[lines.length - 1] + '\n';
  } else {
    const tl = (r.stderr || '').split('\n').find((l) => l.startsWith('TIMING '));
    if (!tl) return { error: 'no TIMING line' };
    timing = JSON.parse(tl.slice(7));
  }
  fs.writeFileSync(`${outBase}.out`, out);
  return { timing, out, rss_mb: rss, wall_ms: wall };
}

const results = { meta: { date: new Date().toISOString(), node: process.version, nproc: (await import('node:os')).cpus().length,
  cpu: (await import('node:os')).cpus()[0]?.model, loadavg_start: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  reps: REPS, big_reps: BIG_REPS, seed: SEED, shared: SHARED, out_dir: OUT_DIR }, sizes: {} };
let failed = false;

for (const n of [...SIZES, ...BIG]) {
  const big = BIG.includes(n) && !SIZES.includes(n);
  const rows = ROWS.filter(([, kind]) => !big || kind === 'engine');
  const reps = big ? BIG_REPS : REPS;
  const file = dataFile(n);
  const dir = path.join(OUT_DIR, String(n));
  fs.mkdirSync(dir, { recursive: true });
  const runs = Object.fromEntries(rows.map(([name]) => [name, []]));
  for (let rep = 1; rep <= reps; rep++) {
    for (const [name, , argv] of rows) {
      process.stderr.write(`${String(n).padStart(9)} rows  run ${rep}  ${name.padEnd(28)}`);
      const r = runOnce(name, argv, file, path.join(dir, `${name}.${rep}`));
      if (r.error) { failed = true; process.stderr.write(` FAILED ${r.error}\n`); continue; }
      process.stderr.write(` ${r.timing.work_ms.toFixed(1)} ms\n`);
      runs[name].push(r);
    }
  }
  // Agreement: the workload peers print the same bytes; the engine's view
  // agrees with them (lib/engine-result.mjs); engine rows agree with each other.
  const size = { rows: n, file_bytes: fs.statSync(file).size, peers: {}, agreement: {} };
  const workloadOut = rows.filter(([, k]) => k === 'peer').flatMap(([name]) => runs[name].map((r) => r.out));
  const workload = workloadOut.length ? JSON.parse(workloadOut[0]) : null;
  const engineOuts = rows.filter(([, k]) => k === 'engine').flatMap(([name]) => runs[name].map((r) => r.out));
  size.agreement.workload_peers_identical = new Set(workloadOut).size <= 1;
  size.agreement.engine_rows_identical = new Set(engineOuts).size <= 1;
  if (workload) {
    size.agreement.workload_sha = sha(workloadOut[0]);
    const c = engineOuts.length ? compareWithWorkload(JSON.parse(engineOuts[0]), workload) : { ok: true, problems: [] };
    size.agreement.engine_vs_workload = c;
  }
  const agreed = size.agreement.workload_peers_identical && size.agreement.engine_rows_identical &&
    (!size.agreement.engine_vs_workload || size.agreement.engine_vs_workload.ok);
  if (!agreed) failed = true;
  size.agreement.ok = agreed;
  for (const [name, kind] of rows) {
    const rs = runs[name];
    if (!rs.length) continue;
    const col = (k) => median(rs.map((r) => r.timing[k] ?? 0));
    size.peers[name] = { kind, runs: rs.length, init_ms: col('init_ms'), read_ms: col('read_ms'), prep_ms: col('decode_ms'),
      parse_ms: col('parse_ms'), compute_ms: col('compute_ms'), work_ms: col('work_ms'), total_ms: col('total_ms'),
      work_min_ms: Math.min(...rs.map((r) => r.timing.work_ms)), work_max_ms: Math.max(...rs.map((r) => r.timing.work_ms)),
      rss_mb: median(rs.map((r) => r.rss_mb ?? NaN)), heap_mb: rs[0].timing.heap_mb ?? null };
  }
  results.sizes[n] = size;
}
// Ids out of order: the engine rows of node and native on a copy of the
// file whose ids are scattered; their report must be the sequential file's.
results.scattered = {};
for (const n of SCATTERED) {
  const file = dataFile(n).replace(/\.csv$/, '-scattered-ids.csv');
  if (!fs.existsSync(file)) { console.error(`writing ${file}`); scatterIdsFile(dataFile(n), `${file}.tmp`); fs.renameSync(`${file}.tmp`, file); }
  const dir = path.join(OUT_DIR, `${n}-scattered-ids`);
  fs.mkdirSync(dir, { recursive: true });
  const reps = BIG.includes(n) && !SIZES.includes(n) ? BIG_REPS : REPS;
  const entry = { rows: n, file_bytes: fs.statSync(file).size, peers: {} };
  for (const [name, , argv] of ROWS.filter(([name]) => name === 'engine-wasm-node' || name === 'engine-native')) {
    const rs = [];
    for (let rep = 1; rep <= reps; rep++) {
      process.stderr.write(`${String(n).padStart(9)} rows, scattered ids  run ${rep}  ${name.padEnd(20)}`);
      const r = runOnce(name, argv, file, path.join(dir, `${name}.${rep}`));
      if (r.error) { failed = true; process.stderr.write(` FAILED ${r.error}\n`); continue; }
      process.stderr.write(` ${r.timing.work_ms.toFixed(1)} ms\n`);
      rs.push(r);
    }
    if (!rs.length) continue;
    const sequential = results.sizes[n]?.peers[name];
    const sequentialOut = fs.existsSync(path.join(OUT_DIR, String(n), `${name}.1.out`)) ? fs.readFileSync(path.join(OUT_DIR, String(n), `${name}.1.out`), 'utf8') : null;
    const same = sequentialOut == null || rs.every((r) => r.out === sequentialOut);
    if (!same) failed = true;
    entry.peers[name] = { runs: rs.length, work_ms: median(rs.map((r) => r.timing.work_ms)), rss_mb: median(rs.map((r) => r.rss_mb ?? NaN)),
      heap_mb: rs[0].timing.heap_mb ?? null, sequential_work_ms: sequential?.work_ms ?? null, same_report_as_sequential: same };
  }
  results.scattered[n] = entry;
}
// The page, as a user would use it, with the biggest file.
const PAGE = BROWSER && env.PAGE !== '0' && BIG.length > 0 && !ONLY && fs.existsSync(path.join(root, 'web/dist/index.html'));
if (PAGE) {
  const n = Math.max(...BIG);
  process.stderr.write(`${String(n).padStart(9)} rows  the built page (page-stream.mjs)\n`);
  const out = path.join(OUT_DIR, `page-stream-${n}.json`);
  const r = spawnSync(node, [path.join(here, 'page-stream.mjs'), dataFile(n), '--out', out], { encoding: 'utf8' });
  process.stderr.write(r.stdout + r.stderr);
  if (r.status !== 0 || !fs.existsSync(out)) failed = true;
  else results.page_stream = { rows: n, ...JSON.parse(fs.readFileSync(out, 'utf8')) };
}
results.meta.loadavg_end = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// The table.
const f1 = (x, w) => (x == null || Number.isNaN(x) ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(w);
const lines = [];
for (const [n, s] of Object.entries(results.sizes)) {
  const eng = s.peers['engine-wasm-node']?.work_ms;
  lines.push('', `== ${Number(n).toLocaleString('en-US')} rows, ${(s.file_bytes / 1e6).toFixed(1)} MB` +
    (s.agreement.workload_sha ? `  (workload sha ${s.agreement.workload_sha})` : '') + `  agreement: ${s.agreement.ok ? 'ok' : 'FAILED'}`);
  lines.push(`${'row'.padEnd(28)}${'init'.padStart(7)}${'read'.padStart(7)}${'prep'.padStart(7)}${'parse'.padStart(8)}${'compute'.padStart(8)}` +
    `${'work ms'.padStart(9)}${'min-max'.padStart(12)}${'MB/s'.padStart(7)}${'total'.padStart(8)}${'RSS MB'.padStart(8)}${'heap MB'.padStart(8)}${'x wasm eng'.padStart(11)}`);
  for (const [name, p] of Object.entries(s.peers)) {
    lines.push(`${name.padEnd(28)}${f1(p.init_ms, 7)}${f1(p.read_ms, 7)}${f1(p.prep_ms, 7)}${f1(p.parse_ms, 8)}${f1(p.compute_ms, 8)}` +
      `${f1(p.work_ms, 9)}${`${p.work_min_ms.toFixed(0)}-${p.work_max_ms.toFixed(0)}`.padStart(12)}${f1(s.file_bytes / 1e3 / p.work_ms, 7)}` +
      `${f1(p.total_ms, 8)}${f1(p.rss_mb, 8)}${f1(p.heap_mb, 8)}${(eng ? (p.work_ms / eng).toFixed(2) : '-').padStart(11)}`);
  }
  const c = s.agreement.engine_vs_workload;
  if (c) lines.push(c.ok ? `engine vs workload: bookings agree to the cent in all ${c.bookings_months} currency-months; total revenue and closing backlog per currency agree`
    : `engine vs workload: ${c.problems.length} problems: ${c.problems.slice(0, 5).join('; ')}`);
}
for (const [n, s] of Object.entries(results.scattered)) {
  lines.push('', `== ${Number(n).toLocaleString('en-US')} rows with their ids scattered out of order (lib/scatter-ids.mjs): the fingerprint table, not runs`);
  for (const [name, p] of Object.entries(s.peers)) {
    lines.push(`${name.padEnd(28)} work ${f1(p.work_ms, 7)} ms (ids in order: ${f1(p.sequential_work_ms, 6)} ms)  RSS ${f1(p.rss_mb, 6)} MB  heap ${f1(p.heap_mb, 6)} MB` +
      `  report ${p.same_report_as_sequential ? 'the same as with ids in order' : 'DIFFERENT'}`);
  }
}
const ps = results.page_stream;
if (ps) {
  lines.push('', `== the built page (web/dist) in Chromium, ${ps.rows.toLocaleString('en-US')} rows, ${ps.file_mb} MB picked in its file input`,
    `read ${(ps.read_ms / 1000).toFixed(1)} s, report shown at ${(ps.report_ms / 1000).toFixed(1)} s; ${ps.progress_updates} progress updates, longest wait ${ps.longest_gap_ms} ms`,
    `engine wasm heap MB at each tenth of the file: ${ps.engine_heap_mb_at_each_tenth.join(' ')}`,
    `renderer process RSS MB: ${ps.rss_mb_before} before; at each tenth ${ps.rss_mb_at_each_tenth.join(' ')}; peak ${ps.rss_mb_peak}`);
}
// What the page fetches to run the engine (web/dist, built by run.sh): the
// module, its worker with the Embind glue, the reader worker; raw and
// gzip -9, as a server compressing them would send them (KB = 1000 bytes,
// as Vite prints them).
const assets = path.join(root, 'web/dist/assets');
const payload = fs.existsSync(assets)
  ? fs.readdirSync(assets).filter((f) => /^(bbb-.*\.wasm|engine\.worker-.*\.js|reader\.worker-.*\.js)$/.test(f)).map((f) => {
      const bytes = fs.readFileSync(path.join(assets, f));
      return { file: f, kb: bytes.length / 1000, gzip_kb: zlib.gzipSync(bytes, { level: 9 }).length / 1000 };
    })
  : [];
if (payload.length) {
  results.page_payload = payload;
  const sum = (k) => payload.reduce((t, a) => t + a[k], 0);
  lines.push('', `== the page's engine (web/dist/assets): ${sum('kb').toFixed(1)} KB, ${sum('gzip_kb').toFixed(1)} KB gzipped (gzip -9)`,
    ...payload.map((a) => `${a.file.padEnd(36)} ${a.kb.toFixed(1).padStart(7)} KB ${a.gzip_kb.toFixed(1).padStart(7)} KB gzipped`));
}
lines.push('', 'work = read + prep + parse + compute (medians, each column on its own). engine-wasm rows: the page\'s engine handler',
  '(web/src/worker/engine_handler.js) as its worker runs it: parse = the load request (read every row, schedule and fold),',
  'compute = the report request (the JSON, parsed as the page parses it); from 8 MB a second engine reads the rows while the',
  'first folds them, as in the page (wasm/api/split_reading.mjs); -1worker = the first alone. engine-native = the whole',
  '`bbb report` process (wall), reading rows on one thread and folding them on a second; -1thread = --threads 1.',
  'x wasm eng = work / engine-wasm-node work. RSS = peak resident set of the process (/usr/bin/time); heap = wasm memory at',
  'the end (both engines\' when two read).');

// Targets: printed, never asserted.
const targets = [];
const P = (n, name) => results.sizes[n]?.peers[name];
const target = (what, ok, detail) => { targets.push({ what, pass: ok, detail }); };
const M1 = 1000000;
for (const eng of ['engine-wasm-node', 'engine-wasm-chromium']) {
  const e = P(M1, eng);
  if (!e) continue;
  const vs = (peer, factor) => {
    const p = P(M1, peer);
    if (p) target(`1M: ${eng} >= ${factor}x faster than ${peer}`, e.work_ms * factor <= p.work_ms,
      `${e.work_ms.toFixed(0)} ms vs ${p.work_ms.toFixed(0)} ms: ${(p.work_ms / e.work_ms).toFixed(1)}x`);
  };
  vs('js-handrolled', 2);
  for (const p of ['papaparse', 'papaparse-arrays', 'duckdb-wasm', 'duckdb-wasm-delta']) vs(p, 10);
  const scan = P(M1, 'limit-scan-wasm-simd-stream');
  if (scan) target(`1M: ${eng} within 3x of the streamed wasm scan`, e.work_ms <= 3 * scan.work_ms,
    `${e.work_ms.toFixed(0)} ms vs ${scan.work_ms.toFixed(0)} ms: ${(e.work_ms / scan.work_ms).toFixed(1)}x`);
}
const nat = P(M1, 'engine-native'), nscan = P(M1, 'limit-scan-native');
if (nat && nscan) target('1M: engine-native within 3x of the native scan', nat.work_ms <= 3 * nscan.work_ms,
  `${nat.work_ms.toFixed(0)} ms vs ${nscan.work_ms.toFixed(0)} ms: ${(nat.work_ms / nscan.work_ms).toFixed(1)}x`);
for (const [n, s] of Object.entries(results.sizes)) {
  for (const eng of ['engine-wasm-node', 'engine-wasm-chromium']) {
    const e = s.peers[eng];
    if (!e || e.heap_mb == null || Number(n) < 100000) continue;
    const limit = 64 + (16 * Number(n)) / 1048576;  // every id of the generator is distinct
    target(`${Number(n).toLocaleString('en-US')} rows: ${eng} heap <= 64 MB + 16 B per distinct id`, e.heap_mb <= limit,
      `${e.heap_mb.toFixed(0)} MB, limit ${limit.toFixed(0)} MB`);
  }
}
for (const [n, s] of Object.entries(results.scattered)) {
  const e = s.peers['engine-wasm-node'];
  if (!e || e.heap_mb == null) continue;
  const limit = 64 + (16 * Number(n)) / 1048576;
  target(`${Number(n).toLocaleString('en-US')} rows, ids scattered: engine-wasm-node heap <= 64 MB + 16 B per distinct id`, e.heap_mb <= limit,
    `${e.heap_mb.toFixed(0)} MB, limit ${limit.toFixed(0)} MB`);
}
const papa10k = P(10000, 'papaparse');
for (const eng of ['engine-wasm-node', 'engine-wasm-chromium']) {
  const e = P(10000, eng);
  if (e && papa10k) target(`10k: ${eng} load + report < papaparse's parse alone`, e.total_ms < papa10k.parse_ms,
    `${e.init_ms.toFixed(1)} + ${e.work_ms.toFixed(1)} = ${e.total_ms.toFixed(1)} ms vs ${papa10k.parse_ms.toFixed(1)} ms`);
}
if (ps) {
  target(`page, ${ps.file_mb} MB: a steady progress bar (no wait over 1 s between updates)`, ps.longest_gap_ms <= 1000,
    `${ps.progress_updates} updates, longest wait ${ps.longest_gap_ms} ms`);
  const heap = ps.engine_heap_mb_at_each_tenth.at(-1);
  const limit = 64 + (16 * ps.rows) / 1048576;
  if (heap != null) target(`page, ${ps.file_mb} MB: engine heap <= 64 MB + 16 B per distinct id`, heap <= limit, `${heap} MB, limit ${limit.toFixed(0)} MB`);
}
results.targets = targets;
lines.push('', 'targets (printed, never asserted):');
for (const t of targets) lines.push(`  ${t.pass ? 'pass ' : 'short'}  ${t.what}: ${t.detail}`);
const table = lines.join('\n') + '\n';
process.stdout.write(table);
fs.writeFileSync(path.join(OUT_DIR, 'table.txt'), table);
fs.writeFileSync(path.join(OUT_DIR, 'results.json'), JSON.stringify(results, null, 1) + '\n');
console.error(`\nresults in ${OUT_DIR} (table.txt, results.json)`);
process.exit(failed ? 1 : 0);
