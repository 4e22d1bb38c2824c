// An engine worker's parts: the page's (engine.worker.js) and the bench's
// copy of it (bench/browser/worker.mjs) are made here, so that the bench
// measures the page's own wiring. The engine is the public JS API's
// (createEngine of wasm/api/bbb-engine.mjs, as embedders use it) over the
// wasm compiled once (compile_engine.js); the reader worker's port and the
// reading worker's (sent by the page: attach_reader.js,
// attach_reading_worker.js) go to the request handler, and this worker, when
// it is another's reading worker, serves reads from that one's compiled module.
import { createEngine } from '../../../wasm/api/bbb-engine.mjs';
import { PortReader } from '../../../wasm/api/blob_pieces.mjs';
import { ReadingWorker, serveReading } from '../../../wasm/api/split_reading.mjs';
import { compileOnce } from './compile_engine.js';
import { createEngineHandler } from './engine_handler.js';
import { PORT_MESSAGES } from './protocol.js';

/**
 * @param {(options: object) => Promise<any>} createModule Emscripten's factory (bbb.js)
 * @param {string} wasmUrl where the engine's .wasm is
 * @param {{onAbort?: (what: unknown) => void}} [factoryOptions] onAbort: the engine aborted (out of memory)
 * @param {(url: string) => Promise<Response>} [fetchWasm] how the .wasm is fetched (the page's
 *   workers: worker_lockdown.js's same-origin fetch; default: the global fetch)
 * @returns {{handle: (message: import('./protocol.js').Request, post: (reply: import('./protocol.js').WorkerMessage) => void) => Promise<void>,
 *   takePortMessage: (data: any) => boolean, readingWorker: ReadingWorker}}
 *   takePortMessage: takes one of the page's messages about ports, outside
 *   the request queue; false when `data` is a request for handle
 */
export function engineWorkerSetup(createModule, wasmUrl, factoryOptions = {}, fetchWasm = undefined) {
  const compiledEngine = compileOnce(wasmUrl, fetchWasm);
  const reader = new PortReader();
  const readingWorker = new ReadingWorker({ module: compiledEngine });
  /** @param {WebAssembly.Module} [wasmModule] one compiled by the worker this one reads for */
  const instantiate = async (wasmModule) => createEngine({
    factory: createModule, wasmModule: wasmModule ?? await compiledEngine(), onAbort: factoryOptions.onAbort,
  });
  const handle = createEngineHandler(instantiate, { reader, readingWorker });
  const { reader: readerPort, readingWorker: readingPort } = PORT_MESSAGES;
  const takePortMessage = (data) => {
    switch (data?.type) {
      // The reader worker's port, or its loss.
      case readerPort.join: reader.attach(data.port); return true;
      case readerPort.lost: reader.lost(); return true;
      // This worker as the reading worker of another (split_reading.mjs), or that one's port.
      case readingPort.serve: serveReading(data.port, instantiate, { reader }); return true;
      case readingPort.join: readingWorker.attach(data.port); return true;
      case readingPort.lost: readingWorker.lost(); return true;
      default: return false;
    }
  };
  return { handle, takePortMessage, readingWorker };
}
