// The engine's worker for the built site: a module worker file next to the
// page's bundle (relative, so the folder works under any sub-path).
export function createEngineWorker() {
  return new Worker(new URL('./engine.worker.js', import.meta.url), { type: 'module' });
}
