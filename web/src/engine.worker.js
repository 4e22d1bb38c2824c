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
import { ReadingWorker, serveReading } from '../../wasm/api/split_reading.mjs';

// The reader worker's port, sent by the page (attach_reader.js).
const reader = new PortReader();
// The port to a second worker like this one that reads large files while
// this one folds their lines, sent by the page (attach_reading_worker.js).
const readingWorker = new ReadingWorker();

async function instantiate() {
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
