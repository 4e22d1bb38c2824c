// The engine's worker for the built site: a module worker file next to the
// page's bundle (relative, so the folder works under any sub-path), with a
// reader worker beside it that reads the files it is given (attach_reader.js).
import { attachReader } from './attach_reader.js';

export function createEngineWorker() {
  return attachReader(
    new Worker(new URL('./engine.worker.js', import.meta.url), { type: 'module' }),
    () => new Worker(new URL('../../wasm/api/blob_reader.worker.mjs', import.meta.url), { type: 'module' }),
  );
}
