// Module worker that owns the wasm engine. The module is instantiated once,
// lazily, and the session stays alive between requests so that a change of
// period or fiscal year asks for a new report without reading the file again.
//
// When the engine aborts (out of memory, a failed assertion), Emscripten
// calls onAbort: the worker says so with {type: 'fatal', message} and the
// page replaces it with a fresh worker (engine_client.js).
import createBbbModule from '@bbb/wasm/bbb.js';
import wasmUrl from '@bbb/wasm/bbb.wasm?url';
import { createEngineHandler } from './engine_handler.js';
import { compileOnce, engineFromModule } from './instantiate_engine.js';
import { PortReader } from '../../wasm/api/blob_pieces.mjs';
import { ReadingWorker, serveReading } from '../../wasm/api/split_reading.mjs';

// The engine's wasm, fetched and compiled once in this worker. Vite gives
// the .wasm a URL relative to this bundle, so the page works under any
// sub-path; compiled from its bytes, not by streaming, it loads from a host
// that serves .wasm under another MIME type than application/wasm.
const compiledEngine = compileOnce(wasmUrl);

// The reader worker's port, sent by the page (attach_reader.js).
const reader = new PortReader();
// The port to a second worker like this one that reads large files while
// this one folds their lines, sent by the page (attach_reading_worker.js);
// it is given this worker's compiled module (instantiate_engine.js).
const readingWorker = new ReadingWorker({ module: compiledEngine });

/** @param {WebAssembly.Module} [wasmModule] one compiled by the worker this one reads for */
async function instantiate(wasmModule) {
  return engineFromModule(createBbbModule, wasmModule ?? await compiledEngine(), {
    onAbort: (what) => self.postMessage({ type: 'fatal', message: String(what ?? 'aborted') }),
  });
}

const handle = createEngineHandler(instantiate, { reader, readingWorker });

self.addEventListener('message', (event) => {
  // From the page, outside the request queue: the reader worker's port, or its loss.
  if (event.data?.type === 'reader') { reader.attach(event.data.port); return; }
  if (event.data?.type === 'reader-lost') { reader.lost(); return; }
  // This worker as the reading worker of another (split_reading.mjs), or that one's port.
  if (event.data?.type === 'serve-reading') { serveReading(event.data.port, instantiate, { reader }); return; }
  if (event.data?.type === 'reading-worker') { readingWorker.attach(event.data.port); return; }
  if (event.data?.type === 'reading-worker-lost') { readingWorker.lost(); return; }
  handle(event.data, (reply) => self.postMessage(reply));
});
