// Loads the Emscripten build of the engine in node and feeds it bytes the way
// the page's worker does (inputBuffer(n).set(bytes); feed(n)).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBbb } from '../../wasm/load-node.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = resolve(process.env.BBB_WASM_DIR ?? join(repo, 'build/wasm-release/wasm'));
export const examplesDir = resolve(process.env.BBB_EXAMPLES_DIR ?? join(repo, 'examples'));

let modulePromise = null;

/** @returns {Promise<import('../../wasm/bbb').BbbModule>} one instance for the whole test file */
export function loadEngine() {
  if (!modulePromise) {
    const js = join(wasmDir, 'bbb.js');
    const wasm = join(wasmDir, 'bbb.wasm');
    if (!existsSync(js) || !existsSync(wasm)) {
      throw new Error(`${js} or bbb.wasm is missing: build the engine first with ` +
        '`NODE_PATH=/usr/share/nodejs emcmake cmake --preset wasm-release && ' +
        'NODE_PATH=/usr/share/nodejs cmake --build --preset wasm-release`');
    }
    modulePromise = loadBbb(wasmDir);
  }
  return modulePromise;
}

/**
 * Runs one whole session: begin, feed `bytes` in chunks of `chunkSize`, end, report.
 * Returns the engine's raw JSON texts, so callers can compare them byte for byte.
 * @param {Uint8Array} bytes
 * @param {{chunkSize?: number, readSettings?: object, reportSettings?: object, fileName?: string}} [options]
 */
export async function runSession(bytes, options = {}) {
  const M = await loadEngine();
  const { chunkSize = 1 << 20, readSettings = {}, reportSettings = {}, fileName = 'input.csv' } = options;
  const session = new M.Session(JSON.stringify(readSettings));
  try {
    const begin = session.begin('contracts', fileName);
    const rowsAfterFeed = [];
    for (let offset = 0; offset < bytes.length; offset += chunkSize) {
      const chunk = bytes.subarray(offset, Math.min(offset + chunkSize, bytes.length));
      session.inputBuffer(chunk.length).set(chunk);
      rowsAfterFeed.push(session.feed(chunk.length));
    }
    const end = session.end();
    const report = session.report(JSON.stringify(reportSettings));
    return { begin, end, report, rowsAfterFeed };
  } finally {
    session.delete();
  }
}

/** The period row of one currency, by label, from a parsed report. */
export function periodOf(report, currency, label) {
  const periods = report?.currencies?.[currency]?.periods ?? [];
  return periods.find((p) => p.period === label);
}

export function readExample(name = 'worked-examples.csv') {
  return new Uint8Array(readFileSync(join(examplesDir, name)));
}
