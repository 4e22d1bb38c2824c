#!/usr/bin/env node
// The engine as a peer: wasm in node, driven by the page's own engine
// handler (web/src/worker/engine_handler.js) as the page's worker drives it: a
// load request, then a report request (month). A file of 8 MB or more is
// read, as in the page, by a second engine (here a worker thread,
// lib/reading-thread.mjs) while this thread folds its lines
// (wasm/api/split_reading.mjs); a smaller one is read here, two pieces ahead.
//   node bench/engine-node.mjs FILE.csv [WASM_DIR] [--workers 1]
// --workers 1: this thread alone, without the reading engine.
// stdout: the report seen as the workload (lib/engine-result.mjs);
// stderr: one line "TIMING {json}" like the peers'.
// Phases: init = load + instantiate this thread's module (the reading
// engine starts within the load, as in the page); parse = the load request
// (read every row, schedule and fold); compute = the report request (the
// JSON text, and its parse as the page's worker parses it); heap_mb = both
// engines' wasm memory at the end (it only grows: the peak).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { loadEngineApi } from '../wasm/load-node.mjs';
import { ReadingWorker } from '../wasm/api/split_reading.mjs';
import { createEngineHandler } from '../web/src/worker/engine_handler.js';
import { engineWorkloadView } from './lib/engine-result.mjs';
import { openFileBlob } from './lib/file-blob.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const alone = args.includes('--workers') && args[args.indexOf('--workers') + 1] === '1';
const [file, dir = path.resolve(here, '../build/wasm-release/wasm')] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--workers');
if (!file) { process.stderr.write('usage: node bench/engine-node.mjs FILE.csv [WASM_DIR]\n'); process.exit(2); }
const now = () => performance.now();

const channel = alone ? null : new MessageChannel();
const reading = alone ? null
  : new Worker(path.join(here, 'lib/reading-thread.mjs'), { workerData: { dir, port: channel.port1 }, transferList: [channel.port1] });
const blob = await openFileBlob(file);
const readingWorker = alone ? null : new ReadingWorker({ send: (f) => ({ path: file, size: f.size }) });
readingWorker?.attach(channel.port2);
const handle = createEngineHandler(() => loadEngineApi(dir), { readingWorker });

let lastProgress = null;
const ask = async (message) => {
  let reply = null;
  await handle(message, (m) => { if (m.type === 'progress') lastProgress = m; else reply = m; });
  if (!reply?.ok) throw new Error(JSON.stringify(reply).slice(0, 500));
  return reply;
};

// The page's reading worker has started long before a file is picked.
while (readingWorker && !readingWorker.ready) await new Promise((r) => setTimeout(r, 1));
let t0 = now();
await ask({ id: 1, type: 'engine' });
const init_ms = now() - t0;

const t_work = now();
await ask({ id: 2, type: 'load', settings: {}, files: [{ kind: 'contracts', file: blob }] });
const parse_ms = now() - t_work;
t0 = now();
const { report } = await ask({ id: 3, type: 'report', settings: { period: 'month' } });
const compute_ms = now() - t0;
const work_ms = now() - t_work;
process.stdout.write(JSON.stringify(engineWorkloadView(report)) + '\n');
const r3 = (x) => Math.round(x * 1000) / 1000;
process.stderr.write(`TIMING ${JSON.stringify({ peer: 'engine-wasm-node', file_bytes: blob.size, init_ms: r3(init_ms), read_ms: 0,
  decode_ms: 0, parse_ms: r3(parse_ms), compute_ms: r3(compute_ms), work_ms: r3(work_ms), total_ms: r3(init_ms + work_ms),
  heap_mb: r3((lastProgress?.heapBytes ?? 0) / 1048576), split: (lastProgress?.heapBytes ?? 0) > 16 * 1048576 })}\n`);
channel?.port2.close();
await reading?.terminate();
await blob.handle.close();
