// The engine's worker for the built site: a module worker file next to the
// page's bundle (relative, so the folder works under any sub-path), with a
// reader worker beside it that reads the files it is given (attach_reader.js),
// and a second engine worker, with a reader of its own, that reads the rows
// of large files while the first folds them (attach_reading_worker.js).
import { attachReader } from './attach_reader.js';
import { attachReadingWorker } from './attach_reading_worker.js';

const createReader = () => new Worker(new URL('../../wasm/api/blob_reader.worker.mjs', import.meta.url), { type: 'module' });

export function createEngineWorker() {
  const engine = attachReader(new Worker(new URL('./engine.worker.js', import.meta.url), { type: 'module' }), createReader);
  return attachReadingWorker(engine,
    () => attachReader(new Worker(new URL('./engine.worker.js', import.meta.url), { type: 'module', name: 'reading' }), createReader));
}
