// Module worker that owns the wasm engine. The engine (the public JS API's,
// engine_worker_setup.js) is instantiated once, lazily, and the session
// stays alive between requests so that a change of period or fiscal year
// asks for a new report without reading the file again (protocol.js).
//
// When the engine aborts (out of memory, a failed assertion), Emscripten
// calls onAbort: the worker says so with {type: 'fatal', message} and the
// page replaces it with a fresh worker (engine_client.js).
//
// Its first import takes the network away (worker_lockdown.js); the .wasm
// is fetched through the same-origin fetchOwn it returns.
import { fetchOwn } from './worker_lockdown.js';
import createBbbModule from '@bbb/wasm/bbb.js';
import wasmUrl from '@bbb/wasm/bbb.wasm?url';
import { engineWorkerSetup } from './engine_worker_setup.js';

/** @param {import('./protocol.js').WorkerMessage} message */
const post = (message) => self.postMessage(message);

// Vite gives the .wasm a URL relative to this bundle, so the page works
// under any sub-path; compiled from its bytes, not by streaming, it loads
// from a host that serves .wasm under another MIME type than application/wasm.
const { handle, takePortMessage } = engineWorkerSetup(createBbbModule, wasmUrl, {
  onAbort: (what) => post({ type: 'fatal', message: String(what ?? 'aborted') }),
}, fetchOwn);

self.addEventListener('message', (event) => {
  if (takePortMessage(event.data)) return;
  handle(event.data, post);
});
