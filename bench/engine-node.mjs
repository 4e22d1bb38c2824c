#!/usr/bin/env node
// The engine as a peer: wasm in node, the file fed as the page feeds it
// (1 MiB pieces read ahead off this thread, as the page's reader worker
// reads them, each copied into the one reused input buffer of the session
// and fed), then end() and the full report (month).
//   node bench/engine-node.mjs FILE.csv [WASM_DIR]
// stdout: the report seen as the workload (lib/engine-result.mjs);
// stderr: one line "TIMING {json}" like the peers'.
// Phases: init = load + instantiate the module; read = the wait for pieces;
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
// Read as the page reads: its reader worker reads 1 MiB pieces at most four
// ahead while the engine's worker copies each into the session's buffer and
// feeds it. Here libuv's threads read ahead (fs.promises) while this thread
// feeds; `read` is the wait for a piece that is not there yet.
const handle = await fs.promises.open(file, 'r');
const AHEAD = 4;
let readAt = 0;
const readPiece = () => {
  const at = readAt;
  readAt += CHUNK;
  const buffer = Buffer.allocUnsafe(CHUNK);
  return handle.read(buffer, 0, CHUNK, at).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
};
const pieces = [];
for (let i = 0; i < AHEAD; i++) pieces.push(readPiece());
for (;;) {
  let t1 = now();
  const piece = await pieces.shift();
  read_ms += now() - t1;
  if (piece.length === 0) break;
  pieces.push(readPiece());
  bytes += piece.length;
  t1 = now();
  session.inputBuffer(piece.length).set(piece);
  session.feed(piece.length);
  parse_ms += now() - t1;
}
await Promise.allSettled(pieces);
await handle.close();
t0 = now();
const ended = session.end();
const text = session.report('{"period":"month"}');
const compute_ms = now() - t0;
const work_ms = now() - t_work;
const heap = session.inputBuffer(1).buffer.byteLength;  // wasm memory only grows: its size now is the peak
const report = JSON.parse(text);
if (report.ok === false) throw new Error(text.slice(0, 500));
void ended;
process.stdout.write(JSON.stringify(engineWorkloadView(report)) + '\n');
const r3 = (x) => Math.round(x * 1000) / 1000;
process.stderr.write(`TIMING ${JSON.stringify({ peer: 'engine-wasm-node', file_bytes: bytes, init_ms: r3(init_ms), read_ms: r3(read_ms),
  decode_ms: 0, parse_ms: r3(parse_ms), compute_ms: r3(compute_ms), work_ms: r3(work_ms), total_ms: r3(init_ms + work_ms),
  heap_mb: r3(heap / 1048576) })}\n`);
