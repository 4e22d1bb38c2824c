// The engine's wasm, fetched and compiled once per worker. The compiled
// WebAssembly.Module is what createEngine (wasm/api/bbb-engine.mjs) is
// given, here and in the reading worker, which the engine's worker posts it
// to: a posted Module shares its compiled code, so the reading worker
// (split_reading.mjs) neither fetches nor compiles the wasm again, and
// finds the code its rows need already optimised by the engine's worker's
// preview, where compiling it again took ~0.24 s of the two cores at 1M rows.

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
