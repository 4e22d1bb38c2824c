// The engine's worker for the single-file build (vite.single.config.js):
// its code, the engine and the .wasm are inlined, and the worker starts
// from a blob: URL as a classic worker (Chromium refuses module workers
// there), so the page runs from file:// with no server.
import EngineWorker from './engine.worker.js?worker&inline';

export function createEngineWorker() {
  return new EngineWorker();
}
