#!/usr/bin/env node
// Reading an .xlsx workbook: the engine (native CLI, and the wasm engine's JS
// API in node) beside SheetJS (`xlsx` on npm, 0.18.5: the last version the
// npm registry has) and exceljs reading the same workbook to rows, in one run.
// Every row is its own child process (node --max-old-space-size=16000), so
// its memory is its own: peak RSS is the child's VmHWM (/proc/self/status)
// at its end, or /usr/bin/time's for the native CLI.
//
// The workbooks are the bench's generator's CSV (../shared/bench/
// gen-contracts.mjs, seed 42) through tools/csv_to_xlsx.py, cached in
// DATA_DIR (/tmp/bbb-bench-data, outside the repository) like bench/run.mjs's.
//
// Needs: the native CLI (cmake --build --preset native-release --target
// bbb_cli), the engine package (bash tools/build-wasm.sh && npm run
// build:engine, into web/dist-engine), and bench/node_modules (cd bench &&
// npm ci: xlsx 0.18.5, exceljs 4.4.0); /usr/bin/time for the CLI's peak RSS.
//   node bench/xlsx.mjs                    # 100k and 1M rows (npm run xlsx in bench/; ~6 min)
//   SIZES=100000 REPS=3 node bench/xlsx.mjs
//   ROWS="engine-wasm-file sheetjs" node bench/xlsx.mjs   # a subset
//
// Every row reads the same workbook, the converter's output repacked as a
// plain zip (bench/lib/xlsx-plain.py: SheetJS 0.18.5 cannot read the
// converter's zip64 headers nor find its shared strings without their
// content type); native-xlsx-zip64 reads the converter's own file.
//
// Rows: native-csv, native-xlsx, native-xlsx-zip64 (`bbb report FILE
// --as-of 2026-09-30`, the whole process); engine-buffer (the file read into a Blob, then
// engine.analyse(): the full report), engine-file (the same from
// fs.openAsBlob, the file never held in JS memory), engine-split (a session
// with feedFile, timing the engine's own calls apart from the inflating and
// stream plumbing around them, then report()); sheetjs (XLSX.read dense,
// then sheet_to_json header:1); exceljs-stream (WorkbookReader, every row
// iterated); exceljs-readfile (workbook.xlsx.readFile, every row iterated).
// A peer's time is its parse alone (to rows), never a report; the engine's
// is its full report (read, fold, report), its init (compile) apart. Ratios are
// peer time / engine-file time. Speed is reported, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const env = process.env;
const AS_OF = '2026-09-30';
const now = () => performance.now();
const hwmMb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const mb = (b) => b / 1048576;
const sha = (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);

// ---------------------------------------------------------------- children
if (process.argv[2] === '--child') {
  const [, , , mode, file] = process.argv;
  const require = createRequire(path.join(here, 'package.json'));
  const out = { mode };
  const t0 = now();
  if (mode.startsWith('engine-')) {
    const api = await import(pathToFileURL(path.join(root, 'web/dist-engine/bbb-engine.mjs')).href);
    let t = now();
    const engine = await api.createEngine();
    out.init_ms = now() - t;
    const name = path.basename(file);
    t = now();
    let result;
    if (mode === 'engine-buffer') {
      const blob = new Blob([fs.readFileSync(file)]);
      out.read_ms = now() - t;
      result = await engine.analyse({ contracts: blob, names: { contracts: name } }, { as_of: AS_OF });
    } else if (mode === 'engine-file') {
      const blob = await fs.openAsBlob(file);
      result = await engine.analyse({ contracts: blob, names: { contracts: name } }, { as_of: AS_OF });
    } else if (mode === 'engine-split') {
      // The same work as analyse() (feedFile, then report()), with the time
      // inside the engine's calls counted apart: what is left of the read is
      // the range reads, DecompressionStream('deflate-raw') and the awaits.
      const blob = await fs.openAsBlob(file);
      const session = engine.session({ as_of: AS_OF });
      let engine_ms = 0, inflated = 0;
      for (const k of ['workbookFeed', 'workbookEndRequest', 'workbookNext', 'feed']) {
        const f = session[k].bind(session);
        session[k] = (...a) => { const s = now(); try { return f(...a); } finally { engine_ms += now() - s; if (k === 'workbookFeed') inflated += a[0].length; } };
      }
      const ended = await api.feedFile(session, 'contracts', name, blob);
      out.load_ms = now() - t;
      out.load_engine_ms = engine_ms;
      out.load_inflate_and_io_ms = out.load_ms - engine_ms;
      out.inflated_mb = mb(inflated);
      if (!ended.ok) throw new Error(JSON.stringify(ended));
      const r = now();
      result = session.report({});
      out.report_ms = now() - r;
      out.wasm_heap_mb = mb(session.heapBytes());
    }
    out.work_ms = now() - t;
    if (!result.ok) throw new Error(JSON.stringify(result.error ?? result).slice(0, 400));
    out.rows = result.report.rows.read;
    out.accepted = result.report.rows.accepted;
    out.currencies = sha(JSON.stringify(result.report.currencies));
    // Wasm memory only grows: a fresh session's heapBytes() is the module's peak.
    if (out.wasm_heap_mb === undefined) { const s = engine.session(); out.wasm_heap_mb = mb(s.heapBytes()); s.close(); }
  } else if (mode === 'sheetjs') {
    const XLSX = require('xlsx');
    out.version = XLSX.version;
    let t = now();
    const buf = fs.readFileSync(file);
    out.read_ms = now() - t;
    t = now();
    const wb = XLSX.read(buf, { type: 'buffer', dense: true });
    out.parse_ms = now() - t;
    t = now();
    const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    out.to_rows_ms = now() - t;
    out.rows = rows.length - 1;
    out.work_ms = out.read_ms + out.parse_ms + out.to_rows_ms;
    out.heap_used_mb = mb(process.memoryUsage().heapUsed);
  } else if (mode === 'exceljs-stream') {
    const ExcelJS = require('exceljs');
    const t = now();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
    let rows = 0, cells = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) { rows++; cells += row.cellCount; }
      break;  // the first sheet, as the engine reads
    }
    out.work_ms = now() - t;
    out.rows = rows - 1;
    out.cells = cells;
    out.heap_used_mb = mb(process.memoryUsage().heapUsed);
  } else if (mode === 'exceljs-readfile') {
    const ExcelJS = require('exceljs');
    const t = now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    out.parse_ms = now() - t;
    let rows = 0;
    wb.worksheets[0].eachRow(() => { rows++; });
    out.work_ms = now() - t;
    out.rows = rows - 1;
    out.heap_used_mb = mb(process.memoryUsage().heapUsed);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  out.total_ms = now() - t0;
  out.rss_peak_mb = hwmMb();
  process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------- parent
const SHARED = path.resolve(env.SHARED || path.join(root, '../shared/bench'));
const DATA_DIR = env.DATA_DIR || '/tmp/bbb-bench-data';
const SIZES = (env.SIZES ?? '100000 1000000').split(/\s+/).filter(Boolean).map(Number);
const REPS = Number(env.REPS || 1);
const TIMEOUT_S = Number(env.TIMEOUT_S || 900);
const SEED = 42;
const BBB = path.join(root, 'build/native-release/bbb');
const ALL = ['native-csv', 'native-xlsx', 'native-xlsx-zip64', 'engine-buffer', 'engine-file', 'engine-split', 'sheetjs', 'exceljs-stream', 'exceljs-readfile'];
const ONLY = env.ROWS ? env.ROWS.split(/\s+/) : ALL;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };

function ensureData(n) {
  const csv = path.join(DATA_DIR, `contracts-${n}-s${SEED}.csv`);
  const xlsx = csv.replace(/\.csv$/, '.xlsx');
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (!fs.existsSync(csv)) {
    console.error(`generating ${csv}`);
    const r = spawnSync(process.execPath, [path.join(SHARED, 'gen-contracts.mjs'), '--rows', String(n), '--seed', String(SEED), '--out', `${csv}.tmp`], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
    fs.renameSync(`${csv}.tmp`, csv);
  }
  if (!fs.existsSync(xlsx)) {
    console.error(`converting to ${xlsx}`);
    const r = spawnSync('python3', [path.join(root, 'tools/csv_to_xlsx.py'), csv, `${xlsx}.tmp`], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
    fs.renameSync(`${xlsx}.tmp`, xlsx);
  }
  // What every row reads: the same parts as a plain zip (lib/xlsx-plain.py says why).
  const plain = xlsx.replace(/\.xlsx$/, '-plain.xlsx');
  if (!fs.existsSync(plain)) {
    console.error(`repacking to ${plain}`);
    const r = spawnSync('python3', [path.join(here, 'lib/xlsx-plain.py'), xlsx, `${plain}.tmp`], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
    fs.renameSync(`${plain}.tmp`, plain);
  }
  return { csv, xlsx: plain, zip64: xlsx };
}

function runNative(file) {
  const timeFile = path.join(os.tmpdir(), `bbb-xlsx-bench-${process.pid}.time`);
  const outFile = path.join(os.tmpdir(), `bbb-xlsx-bench-${process.pid}.json`);
  const fd = fs.openSync(outFile, 'w');
  const t = now();
  const r = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, BBB, 'report', file, '--as-of', AS_OF], { stdio: ['ignore', fd, 'pipe'] });
  const work_ms = now() - t;
  fs.closeSync(fd);
  if (r.status !== 0) return { error: `rc ${r.status} ${String(r.stderr).slice(-300)}` };
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(timeFile, 'utf8'));
  const report = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  fs.rmSync(outFile); fs.rmSync(timeFile);
  return { work_ms, rss_peak_mb: rss ? Number(rss[1]) / 1024 : null, rows: report.rows.read, currencies: sha(JSON.stringify(report.currencies)) };
}

function runChild(mode, file) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=16000', fileURLToPath(import.meta.url), '--child', mode, file],
    { encoding: 'utf8', maxBuffer: 1 << 28, timeout: TIMEOUT_S * 1000 });
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) return { error: r.error ? String(r.error) : `rc ${r.status} signal ${r.signal} ${(r.stderr || '').slice(-400)}` };
  return JSON.parse(line.slice(7));
}

const results = { date: new Date().toISOString(), node: process.version, nproc: os.cpus().length, cpu: os.cpus()[0]?.model, sizes: {} };
let failed = false;
const PARTIAL = path.join(os.tmpdir(), `bbb-xlsx-bench-partial-${process.pid}.json`);
for (const n of SIZES) {
  const { csv, xlsx, zip64 } = ensureData(n);
  const size = { rows: n, csv_bytes: fs.statSync(csv).size, xlsx_bytes: fs.statSync(xlsx).size, rows_: {} };
  results.sizes[n] = size;
  for (const mode of ALL.filter((m) => ONLY.includes(m))) {
    const runs = [];
    for (let rep = 1; rep <= REPS; rep++) {
      process.stderr.write(`${String(n).padStart(8)} rows  run ${rep}  ${mode.padEnd(18)}`);
      const r = mode.startsWith('native-') ? runNative({ 'native-csv': csv, 'native-xlsx': xlsx, 'native-xlsx-zip64': zip64 }[mode]) : runChild(mode, xlsx);
      if (r.error) { failed = true; process.stderr.write(` FAILED ${r.error}\n`); break; }
      if (r.rows !== n) { failed = true; process.stderr.write(` read ${r.rows} rows, not ${n}\n`); }
      process.stderr.write(` ${r.work_ms.toFixed(0)} ms  peak RSS ${r.rss_peak_mb?.toFixed(0)} MB\n`);
      runs.push(r);
    }
    if (!runs.length) { size.rows_[mode] = { error: true }; continue; }
    const pick = runs.find((r) => r.work_ms === median(runs.map((x) => x.work_ms)));
    size.rows_[mode] = { ...pick, runs: runs.length, work_ms: median(runs.map((r) => r.work_ms)), all_ms: runs.map((r) => Math.round(r.work_ms)) };
    fs.writeFileSync(PARTIAL, JSON.stringify(results, null, 2));
  }
  // The engine rows must agree: the same currencies figures from the xlsx as from the csv.
  const figs = Object.entries(size.rows_).filter(([, r]) => r.currencies).map(([m, r]) => [m, r.currencies]);
  size.engine_reports_agree = new Set(figs.map(([, c]) => c)).size <= 1;
  if (!size.engine_reports_agree) { failed = true; console.error(`${n}: engine reports differ: ${figs.map(([m]) => m).join(', ')}`); }
  for (const r of Object.values(size.rows_)) delete r.currencies;
}

// The table.
const base = (s) => s.rows_['engine-file']?.work_ms ?? s.rows_['engine-buffer']?.work_ms;
const lines = [];
lines.push(`xlsx read, ${results.date.slice(0, 10)}, node ${results.node}, ${results.nproc} cores (${results.cpu}), reps ${REPS} (median)`);
for (const [n, s] of Object.entries(results.sizes)) {
  lines.push('', `${Number(n).toLocaleString('en-US')} rows: csv ${mb(s.csv_bytes).toFixed(1)} MB, xlsx ${mb(s.xlsx_bytes).toFixed(1)} MB; engine reports agree (csv/xlsx, native/wasm): ${s.engine_reports_agree ? 'yes' : 'NO'}`);
  lines.push(`${'row'.padEnd(18)} ${'time ms'.padStart(9)} ${'/engine'.padStart(8)} ${'peak RSS MB'.padStart(12)} ${'wasm heap MB'.padStart(13)}  detail`);
  for (const [mode, r] of Object.entries(s.rows_)) {
    if (r.error) { lines.push(`${mode.padEnd(18)} FAILED`); continue; }
    const detail = mode === 'sheetjs' ? `read ${r.read_ms.toFixed(0)} + XLSX.read ${r.parse_ms.toFixed(0)} + sheet_to_json ${r.to_rows_ms.toFixed(0)}; JS heap ${r.heap_used_mb.toFixed(0)} MB`
      : mode === 'engine-split' ? `load ${r.load_ms.toFixed(0)} (in engine calls ${r.load_engine_ms.toFixed(0)}, inflate+io ${r.load_inflate_and_io_ms.toFixed(0)}; ${r.inflated_mb.toFixed(0)} MB inflated) + report ${r.report_ms.toFixed(0)}`
      : mode === 'exceljs-readfile' ? `readFile ${r.parse_ms.toFixed(0)}; JS heap ${r.heap_used_mb.toFixed(0)} MB`
      : mode === 'exceljs-stream' ? `JS heap ${r.heap_used_mb.toFixed(0)} MB at end`
      : mode === 'engine-buffer' ? `readFileSync ${r.read_ms.toFixed(0)} incl.; init ${r.init_ms.toFixed(0)} apart`
      : mode === 'engine-file' ? `fs.openAsBlob; init ${r.init_ms.toFixed(0)} apart`
      : mode === 'native-xlsx-zip64' ? 'whole process; csv_to_xlsx.py\'s own zip64 file' : 'whole process';
    lines.push(`${mode.padEnd(18)} ${r.work_ms.toFixed(0).padStart(9)} ${(r.work_ms / base(s)).toFixed(2).padStart(8)} ${(r.rss_peak_mb?.toFixed(0) ?? '-').padStart(12)} ${(r.wasm_heap_mb?.toFixed(0) ?? '-').padStart(13)}  ${detail}`);
  }
}
const ns = Object.keys(results.sizes).map(Number).sort((a, b) => a - b);
if (ns.length > 1) {
  const [lo, hi] = [results.sizes[ns[0]], results.sizes[ns.at(-1)]];
  lines.push('', `memory from ${ns[0]} to ${ns.at(-1)} rows (peak RSS; wasm heap):`);
  for (const mode of Object.keys(hi.rows_)) {
    const a = lo.rows_[mode], b = hi.rows_[mode];
    if (!a || !b || a.error || b.error) continue;
    lines.push(`  ${mode.padEnd(18)} ${a.rss_peak_mb.toFixed(0)} -> ${b.rss_peak_mb.toFixed(0)} MB` + (a.wasm_heap_mb != null ? `; ${a.wasm_heap_mb.toFixed(0)} -> ${b.wasm_heap_mb.toFixed(0)} MB` : ''));
  }
}
const text = lines.join('\n') + '\n';
process.stdout.write(text);
const OUT_DIR = env.OUT_DIR || path.join('/tmp/bbb-bench-results', `xlsx-${results.date.replace(/[-:]/g, '').replace(/\..*/, 'Z')}`);
fs.mkdirSync(OUT_DIR, { recursive: true });
fs.writeFileSync(path.join(OUT_DIR, 'results.json'), JSON.stringify(results, null, 2));
fs.writeFileSync(path.join(OUT_DIR, 'table.txt'), text);
console.error(`written ${OUT_DIR}`);
process.exit(failed ? 1 : 0);
