// Loads the Emscripten build of the engine in node, as its Embind module
// and as the JS API, and feeds it bytes the way every reader does: through
// the API's feedFile, as the page's workers do.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feedFile } from '../../wasm/api/bbb-engine.mjs';
import { loadBbb, loadEngineApi } from '../../wasm/load-node.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = resolve(process.env.BBB_WASM_DIR ?? join(repo, 'build/wasm-release/wasm'));
export const examplesDir = resolve(process.env.BBB_EXAMPLES_DIR ?? join(repo, 'examples'));

let modulePromise = null;
let apiPromise = null;

/** Fails with the command to run when the build is missing. */
function requireBuild() {
  const js = join(wasmDir, 'bbb.js');
  const wasm = join(wasmDir, 'bbb.wasm');
  if (!existsSync(js) || !existsSync(wasm)) {
    throw new Error(`${js} or bbb.wasm is missing: build the engine first with ` +
      '`NODE_PATH=/usr/share/nodejs emcmake cmake --preset wasm-release && ' +
      'NODE_PATH=/usr/share/nodejs cmake --build --preset wasm-release`');
  }
}

/** @returns {Promise<import('../../wasm/bbb').BbbModule>} the Embind module, one instance for the whole test file */
export function loadEngine() {
  if (!modulePromise) {
    requireBuild();
    modulePromise = loadBbb(wasmDir);
  }
  return modulePromise;
}

/** The engine's JS API (wasm/api/bbb-engine.mjs) over the build: one engine for the whole test file. */
export function loadApiEngine() {
  if (!apiPromise) {
    requireBuild();
    apiPromise = loadEngineApi(wasmDir);
  }
  return apiPromise;
}

/**
 * Runs one whole session through the JS API: feedFile with pieces of
 * `chunkSize` bytes (any size: odd ones too), then the report. Returns the
 * engine's replies as JSON text, the report's byte for byte as the engine
 * wrote it, so that callers can compare them.
 * @param {Uint8Array} bytes
 * @param {{chunkSize?: number, readSettings?: object, reportSettings?: object, fileName?: string}} [options]
 */
export async function runSession(bytes, options = {}) {
  const engine = await loadApiEngine();
  const { chunkSize = 1 << 20, readSettings = {}, reportSettings = {}, fileName = 'input.csv' } = options;
  const session = engine.session(readSettings);
  try {
    const rowsAfterFeed = [];
    const ended = await feedFile(session, 'contracts', fileName, bytes, {
      chunkBytes: chunkSize, onProgress: ({ rowsRead }) => { rowsAfterFeed.push(rowsRead); },
    });
    const reply = session.report(reportSettings);
    // The envelope around the report's text, as the Embind module returns it.
    const report = reply.ok ? '{"ok":true,"report":' + reply.text + '}' : JSON.stringify(reply);
    return { end: JSON.stringify(ended), report, rowsAfterFeed };
  } finally {
    session.close();
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
