#!/usr/bin/env node
// Each half of the engine alone, in node, one thread: how long reading the
// rows takes when nothing folds them, and folding the lines when nothing
// reads them. The two workers of the page run these side by side; their
// times alone say what splitting the work can reach at best (see
// docs/performance.md, "Why the remaining speed targets are out of reach").
//   node bench/halves.mjs FILE.csv [WASM_DIR] [--rounds N]
// reading: a session with handOffLines(), fed 1 MiB pieces by the JS API's
//   feedFile (as every reader is), each piece's lines copied out as the
//   reading worker copies them to post them;
// folding: the whole file's lines, read first and kept, folded by a fresh
//   session (foldLines), then its part of the report adopted and the
//   report written, as the folding worker does (only foldLines is timed);
//   that report must be, byte for byte, the report of one session reading
//   and folding alone, or the script stops with an error.
// Each round uses a new session of the same module, so the later rounds
// run V8's optimised code: read the minimum and the median, not the first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { feedFile } from '../wasm/api/bbb-engine.mjs';
import { loadEngineApi } from '../wasm/load-node.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
const [file, dir = path.resolve(here, '../build/wasm-release/wasm')] =
  args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
if (!file || !(rounds > 0)) {
  process.stderr.write('usage: node bench/halves.mjs FILE.csv [WASM_DIR] [--rounds N]\n');
  process.exit(2);
}

const REPORT_SETTINGS = { period: 'month' };
const bytes = fs.readFileSync(file);
const engine = await loadEngineApi(dir);
const now = () => performance.now();

/** Reads the file with a session that hands its lines off; returns each piece's lines, copied out. */
async function readLines() {
  const session = engine.session({});
  session.handOffLines();
  const pieces = [];
  await feedFile(session, 'contracts', path.basename(file), bytes, { onProgress: () => { pieces.push(session.lines().slice()); } });
  pieces.push(session.lines().slice());
  const part = session.readingPart().slice();
  session.close();
  return { pieces, part };
}

/** The report of one session that reads and folds alone: what the halves must give together. */
async function reportAlone() {
  const session = engine.session({});
  await feedFile(session, 'contracts', path.basename(file), bytes);
  const { text } = session.report(REPORT_SETTINGS);
  session.close();
  return text;
}

/** Folds the lines read into a fresh session; returns the ms of foldLines alone. */
function foldLines({ pieces, part }) {
  const session = engine.session({});
  const start = now();
  for (const lines of pieces) session.foldLines(lines);
  const ms = now() - start;
  const adopted = session.adoptReading(part);
  if (!adopted.ok) throw new Error(`the reading part was refused: ${JSON.stringify(adopted)}`);
  const report = session.report(REPORT_SETTINGS).text;
  session.close();
  // Timing halves that did not do the whole work would mean nothing.
  if (report !== expected) throw new Error(`the halves' report is not the report of one session alone: ${String(report).slice(0, 300)}`);
  return ms;
}

const expected = await reportAlone();
const reading = [], folding = [];
let read = null;
for (let round = 0; round < rounds; round++) {
  const start = now();
  read = await readLines();
  reading.push(now() - start);
  folding.push(foldLines(read));
}

const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { min: Math.round(sorted[0]), median: Math.round(sorted[sorted.length >> 1]), runs: times.map(Math.round) };
};
const lineBytes = read.pieces.reduce((sum, p) => sum + p.length, 0);
process.stdout.write(`${JSON.stringify({ file: path.basename(file), file_bytes: bytes.length, line_bytes: lineBytes,
  reading_ms: summary(reading), folding_ms: summary(folding) })}\n`);
