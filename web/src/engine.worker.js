// Module worker that owns the wasm engine. The module is instantiated once,
// lazily, and the session stays alive between requests so that a change of
// period or fiscal year asks for a new report without reading the file again.
import createBbbModule from '@bbb/wasm/bbb.js';
import wasmUrl from '@bbb/wasm/bbb.wasm?url';
import { createEngineHandler } from './engine_handler.js';

const handle = createEngineHandler(() =>
  createBbbModule({
    // Vite gives the .wasm a URL relative to this bundle, so the page works
    // under any sub-path.
    locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl : path),
  }),
);

self.addEventListener('message', (event) => {
  handle(event.data, (reply) => self.postMessage(reply));
});
