// Loads the engine module in Node. Debian's Emscripten 3.1.6 emits an ES
// module whose Node branch still uses CommonJS `require` and `__dirname`,
// and it cannot locate its .wasm under Node 20: both are provided here.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultDir = path.resolve(here, '../build/wasm-release/wasm');

/** Instantiates the engine from the folder holding bbb.js and bbb.wasm. */
export async function loadBbb(dir = defaultDir) {
  globalThis.require ??= createRequire(import.meta.url);
  globalThis.__dirname ??= dir;
  const { default: createBbbModule } = await import(pathToFileURL(path.join(dir, 'bbb.js')).href);
  return createBbbModule({ wasmBinary: readFileSync(path.join(dir, 'bbb.wasm')) });
}
