// Loads the engine module in Node. Debian's Emscripten 3.1.6 emits an ES
// module whose Node branch still uses CommonJS `require` and `__dirname`,
// and it cannot locate its .wasm under Node 20: both are provided here.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine } from './api/bbb-engine.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultDir = path.resolve(here, '../build/wasm-release/wasm');

/** The Emscripten factory (bbb.js) of the build in `dir`, with what it needs in Node set up. */
async function factoryIn(dir) {
  globalThis.require ??= createRequire(import.meta.url);
  globalThis.__dirname ??= dir;
  return (await import(pathToFileURL(path.join(dir, 'bbb.js')).href)).default;
}

/** Instantiates the engine's Embind module from the folder holding bbb.js and bbb.wasm. */
export async function loadBbb(dir = defaultDir) {
  const createBbbModule = await factoryIn(dir);
  return createBbbModule({ wasmBinary: readFileSync(path.join(dir, 'bbb.wasm')) });
}

/**
 * The engine's JavaScript API (api/bbb-engine.mjs, as embedders use it) over
 * the build in `dir`.
 * @param {string} [dir]
 * @param {{wasmModule?: WebAssembly.Module, onAbort?: (what: unknown) => void}} [options]
 *   wasmModule: the build's code compiled already (its .wasm is then not read)
 */
export async function loadEngineApi(dir = defaultDir, options = {}) {
  const factory = await factoryIn(dir);
  const wasmBinary = options.wasmModule ? undefined : readFileSync(path.join(dir, 'bbb.wasm'));
  return createEngine({ factory, wasmBinary, ...options });
}
