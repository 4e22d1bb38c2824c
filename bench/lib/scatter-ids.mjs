#!/usr/bin/env node
// A copy of a generated contracts file whose ids come in no order: each
// L00000042 becomes S + an 8-digit number that a bijection scatters over
// 0..10^8 (multiplication by a constant prime to 10, modulo 10^8), so ids
// stay distinct, keep their length (the file its size), and no two rows in
// a row are neighbours. The engine's duplicate check then cannot keep them
// as runs (core/include/bbb/seen_ids.h) and uses its fingerprint table:
// the bench measures both paths.
//   node bench/lib/scatter-ids.mjs IN.csv OUT.csv
import fs from 'node:fs';

const MODULUS = 100000000;
const FACTOR_HIGH = 7393, FACTOR_LOW = 9133;  // 73939133 = 7393 * 10^4 + 9133

// (n * 73939133) mod 10^8 with every product below 2^53.
export function scatter(n) {
  const high = ((n * FACTOR_HIGH) % MODULUS) * 10000 % MODULUS;
  return (high + n * FACTOR_LOW) % MODULUS;
}

export function scatterIdsFile(input, output) {
  const fd = fs.openSync(input, 'r');
  const out = fs.openSync(output, 'w');
  const chunk = Buffer.alloc(1 << 22);
  let carry = '';
  let header = true;
  for (;;) {
    const got = fs.readSync(fd, chunk, 0, chunk.length, null);
    const text = carry + chunk.toString('utf8', 0, got);
    const cut = got === 0 ? text.length : text.lastIndexOf('\n') + 1;
    carry = text.slice(cut);
    let body = text.slice(0, cut);
    if (header && body.length) {
      const eol = body.indexOf('\n') + 1;
      fs.writeSync(out, body.slice(0, eol));
      body = body.slice(eol);
      header = false;
    }
    body = body.replace(/^L(\d{8}),/gm, (_, digits) => `S${String(scatter(Number(digits))).padStart(8, '0')},`);
    if (body.length) fs.writeSync(out, body);
    if (got === 0) break;
  }
  fs.closeSync(fd);
  fs.closeSync(out);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) { process.stderr.write('usage: node bench/lib/scatter-ids.mjs IN.csv OUT.csv\n'); process.exit(2); }
  scatterIdsFile(input, `${output}.tmp`);
  fs.renameSync(`${output}.tmp`, output);
}
