// An engine worker's parts: the page's (engine.worker.js) and the bench's
// copy of it (bench/browser/worker.mjs) are made here, so that the bench
// measures the page's own wiring. The wasm is compiled once; the reader
// worker's port and the reading worker's (sent by the page: attach_reader.js,
// attach_reading_worker.js) go to the request handler, and this worker, when
// it is another's reading worker, serves reads from that one's compiled
// module (instantiate_engine.js).
import { createEngineHandler } from './engine_handler.js';
import { compileOnce, engineFromModule } from './instantiate_engine.js';
import { PortReader } from '../../wasm/api/blob_pieces.mjs';
import { ReadingWorker, serveReading } from '../../wasm/api/split_reading.mjs';

/**
 * @param {(options: object) => Promise<any>} createModule Emscripten's factory (bbb.js)
 * @param {string} wasmUrl where the engine's .wasm is
 * @param {object} [factoryOptions] more of the factory's options (onAbort)
 * @param {(url: string) => Promise<Response>} [fetchWasm] how the .wasm is fetched (the page's
 *   workers: worker_lockdown.js's same-origin fetch; default: the global fetch)
 * @returns {{handle: (message: any, post: (reply: any) => void) => Promise<void>,
 *   takePortMessage: (data: any) => boolean, readingWorker: ReadingWorker}}
 *   takePortMessage: takes one of the page's messages about ports, outside
 *   the request queue; false when `data` is a request for handle
 */
export function engineWorkerSetup(createModule, wasmUrl, factoryOptions = {}, fetchWasm = undefined) {
  const compiledEngine = compileOnce(wasmUrl, fetchWasm);
  const reader = new PortReader();
  const readingWorker = new ReadingWorker({ module: compiledEngine });
  /** @param {WebAssembly.Module} [wasmModule] one compiled by the worker this one reads for */
  const instantiate = async (wasmModule) => engineFromModule(createModule, wasmModule ?? await compiledEngine(), factoryOptions);
  const handle = createEngineHandler(instantiate, { reader, readingWorker });
  const takePortMessage = (data) => {
    switch (data?.type) {
      // The reader worker's port, or its loss.
      case 'reader': reader.attach(data.port); return true;
      case 'reader-lost': reader.lost(); return true;
      // This worker as the reading worker of another (split_reading.mjs), or that one's port.
      case 'serve-reading': serveReading(data.port, instantiate, { reader }); return true;
      case 'reading-worker': readingWorker.attach(data.port); return true;
      case 'reading-worker-lost': readingWorker.lost(); return true;
      default: return false;
    }
  };
  return { handle, takePortMessage, readingWorker };
}
