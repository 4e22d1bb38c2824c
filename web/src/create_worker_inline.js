// The engine's worker for the single-file build (vite.single.config.js):
// its code, the engine and the .wasm are inlined, and the worker starts
// from a blob: URL as a classic worker (Chromium refuses module workers
// there), so the page runs from file:// with no server. Its reader worker
// (attach_reader.js) is inlined and started the same way.
import EngineWorker from './engine.worker.js?worker&inline';
import ReaderWorker from '../../wasm/api/blob_reader.worker.mjs?worker&inline';
import { attachReader } from './attach_reader.js';

export function createEngineWorker() {
  return attachReader(new EngineWorker(), () => new ReaderWorker());
}
