// The engine instantiated from a compiled WebAssembly.Module: one this
// worker compiled, or one the page's other engine worker compiled and
// posted. A posted Module shares its compiled code: the reading worker
// (split_reading.mjs) then neither fetches nor compiles the wasm again,
// and finds the code its rows need already optimised by the engine's
// worker's preview, where compiling it again took ~0.24 s of the two
// cores at 1M rows.

/**
 * @param {(options: object) => Promise<any>} createModule Emscripten's factory (bbb.js)
 * @param {WebAssembly.Module} wasmModule
 * @param {object} [options] more of the factory's options (onAbort)
 * @returns {Promise<any>} the engine module, or a rejection if it cannot be instantiated
 */
export function engineFromModule(createModule, wasmModule, options = {}) {
  return new Promise((resolve, reject) => {
    createModule({
      ...options,
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), reject);
        return {};
      },
    }).then(resolve, reject);
  });
}

/**
 * The engine's wasm at `url`, fetched and compiled once: the same promise
 * for every caller until it fails (then the next call tries again).
 * @param {string} url
 * @param {(url: string) => Promise<Response>} [fetchWasm] default: the global fetch
 * @returns {() => Promise<WebAssembly.Module>}
 */
export function compileOnce(url, fetchWasm = (u) => fetch(u)) {
  let compiled = null;
  return () => {
    if (!compiled) {
      compiled = (async () => {
        const response = await fetchWasm(url);
        if (!response.ok) throw new Error(`could not load the engine (${response.status} for ${url})`);
        return WebAssembly.compile(await response.arrayBuffer());
      })();
      compiled.catch(() => { compiled = null; });
    }
    return compiled;
  };
}
