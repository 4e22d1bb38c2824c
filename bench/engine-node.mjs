#!/usr/bin/env node
// The engine as a peer: wasm in node, the file fed as the page feeds it
// (1 MiB pieces read straight into the one reused input buffer of the
// session, then feed), then end() and the full report (month).
//   node bench/engine-node.mjs FILE.csv [WASM_DIR]
// stdout: the report seen as the workload (lib/engine-result.mjs);
// stderr: one line "TIMING {json}" like the peers'.
// Phases: init = load + instantiate the module; read = the fs.readSync calls;
// parse = the feed calls (read, schedule and fold every row: the engine does
// it all in one pass); compute = end() + report() (the JSON text);
// heap_mb = the wasm memory at the end (it only grows: the peak).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBbb } from '../wasm/load-node.mjs';
import { engineWorkloadView } from './lib/engine-result.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [file, dir = path.resolve(here, '../build/wasm-release/wasm')] = process.argv.slice(2);
if (!file) { process.stderr.write('usage: node bench/engine-node.mjs FILE.csv [WASM_DIR]\n'); process.exit(2); }
const CHUNK = 1 << 20;
const now = () => performance.now();

let t0 = now();
const M = await loadBbb(dir);
const session = new M.Session('{}');
const init_ms = now() - t0;

let read_ms = 0, parse_ms = 0, bytes = 0;
const t_work = now();
const begun = JSON.parse(session.begin('contracts', path.basename(file)));
if (!begun.ok) throw new Error(JSON.stringify(begun));
session.expectBytes(fs.statSync(file).size);  // as the page does
const fd = fs.openSync(file, 'r');
let heap = 0;
for (;;) {
  let t1 = now();
  const view = session.inputBuffer(CHUNK);
  const got = fs.readSync(fd, view, 0, CHUNK, null);
  read_ms += now() - t1;
  if (got <= 0) { heap = view.buffer.byteLength; break; }
  bytes += got;
  t1 = now();
  session.feed(got);
  parse_ms += now() - t1;
}
fs.closeSync(fd);
t0 = now();
const ended = session.end();
const text = session.report('{"period":"month"}');
const compute_ms = now() - t0;
const work_ms = now() - t_work;
heap = Math.max(heap, session.inputBuffer(1).buffer.byteLength);
const report = JSON.parse(text);
if (report.ok === false) throw new Error(text.slice(0, 500));
void ended;
process.stdout.write(JSON.stringify(engineWorkloadView(report)) + '\n');
const r3 = (x) => Math.round(x * 1000) / 1000;
process.stderr.write(`TIMING ${JSON.stringify({ peer: 'engine-wasm-node', file_bytes: bytes, init_ms: r3(init_ms), read_ms: r3(read_ms),
  decode_ms: 0, parse_ms: r3(parse_ms), compute_ms: r3(compute_ms), work_ms: r3(work_ms), total_ms: r3(init_ms + work_ms),
  heap_mb: r3(heap / 1048576) })}\n`);
