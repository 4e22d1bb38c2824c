// The engine's worker for the single-file build (vite.single.config.js) and
// <bbb-report>: its code, the engine and the .wasm are inlined, and the worker starts
// from a blob: URL as a classic worker (Chromium refuses module workers
// there), so the page runs from file:// with no server. Its reader worker
// (attach_reader.js) and its reading worker (attach_reading_worker.js, a
// second engine worker from the same inlined code) are started the same way.
// Named as the site's are (create_worker.js): 'engine', 'reading', 'reader'.
import EngineWorker from './engine.worker.js?worker&inline';
import ReaderWorker from './reader.worker.js?worker&inline';
import { attachReader } from './attach_reader.js';
import { attachReadingWorker } from './attach_reading_worker.js';

const createReader = () => new ReaderWorker({ name: 'reader' });

export function createEngineWorker() {
  const engine = attachReader(new EngineWorker({ name: 'engine' }), createReader);
  return attachReadingWorker(engine, () => attachReader(new EngineWorker({ name: 'reading' }), createReader));
}
