#!/usr/bin/env node
// The streamed wasm scan limit of ../shared/bench (its limit-scan.cpp, built
// by bench/run.sh with `em++ -O3 -msimd128` into build/bench/ because
// ../shared/bench/build is read-only here), driven the way its
// `limit-scan.mjs --variant simd --stream 1048576` drives it: fs.readSync
// 1 MiB at a time straight into one reused buffer in the wasm heap, scan
// each piece. Same TIMING line and result as that peer.
//   node bench/limit-scan-stream.mjs FILE.csv BUILD_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [file, dir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const now = () => performance.now();
const js = path.resolve(dir, 'limit-scan-simd.cjs');
let t0 = now();
const M = await require(js)({ wasmBinary: fs.readFileSync(js.replace(/\.cjs$/, '.wasm')) });
const init_ms = now() - t0;
const step = 1 << 20;
const fd = fs.openSync(file, 'r');
const ptr = M._buf_alloc(step);
let read_ms = 0, parse_ms = 0, lines = 0n, sum = 0n, n = 0;
for (;;) {
  let t1 = now();
  const got = fs.readSync(fd, M.HEAPU8, ptr, step, null);
  read_ms += now() - t1;
  if (got <= 0) break;
  n += got;
  t1 = now();
  const o = M._scan(ptr, got);
  const v = new BigUint64Array(M.HEAPU8.buffer, o, 2);
  lines += v[0]; sum += v[1];
  parse_ms += now() - t1;
}
fs.closeSync(fd);
const r3 = (x) => Math.round(x * 1000) / 1000;
process.stdout.write(`{"scan":{"lines":${lines},"bytesum":${sum}}}\n`);
process.stderr.write(`TIMING ${JSON.stringify({ peer: 'limit-scan-wasm-simd-stream', file_bytes: n, init_ms: r3(init_ms), read_ms: r3(read_ms),
  decode_ms: 0, parse_ms: r3(parse_ms), compute_ms: 0, work_ms: r3(read_ms + parse_ms), total_ms: r3(init_ms + read_ms + parse_ms) })}\n`);
