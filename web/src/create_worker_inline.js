// The engine's worker for the single-file build (vite.single.config.js):
// its code, the engine and the .wasm are inlined, and the worker starts
// from a blob: URL as a classic worker (Chromium refuses module workers
// there), so the page runs from file:// with no server. Its reader worker
// (attach_reader.js) and its reading worker (attach_reading_worker.js, a
// second engine worker from the same inlined code) are started the same way.
import EngineWorker from './engine.worker.js?worker&inline';
import ReaderWorker from '../../wasm/api/blob_reader.worker.mjs?worker&inline';
import { attachReader } from './attach_reader.js';
import { attachReadingWorker } from './attach_reading_worker.js';

export function createEngineWorker() {
  const engine = attachReader(new EngineWorker(), () => new ReaderWorker());
  return attachReadingWorker(engine, () => attachReader(new EngineWorker({ name: 'reading' }), () => new ReaderWorker()));
}
