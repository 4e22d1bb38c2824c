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
import { PortReader } from '../../wasm/api/blob_pieces.mjs';

// The reader worker's port, sent by the page (attach_reader.js).
const reader = new PortReader();

const handle = createEngineHandler(async () => {
  // Vite gives the .wasm a URL relative to this bundle, so the page works
  // under any sub-path. The worker fetches the bytes itself: Emscripten
  // 3.1.6 does not see a module worker as a worker and, without wasmBinary,
  // could only instantiate by streaming, which fails on a host that serves
  // .wasm under another MIME type than application/wasm.
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`could not load the engine (${response.status} for ${wasmUrl})`);
  const wasmBinary = await response.arrayBuffer();
  return createBbbModule({
    wasmBinary,
    locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl : path),
    onAbort: (what) => self.postMessage({ type: 'fatal', message: String(what ?? 'aborted') }),
  });
}, { reader });

self.addEventListener('message', (event) => {
  // From the page, outside the request queue: the reader worker's port, or its loss.
  if (event.data?.type === 'reader') { reader.attach(event.data.port); return; }
  if (event.data?.type === 'reader-lost') { reader.lost(); return; }
  handle(event.data, (reply) => self.postMessage(reply));
});
