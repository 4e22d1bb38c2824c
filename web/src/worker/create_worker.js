// The engine's worker for the built site: a module worker file next to the
// page's bundle (relative, so the folder works under any sub-path), with a
// reader worker beside it that reads the files it is given (attach_reader.js),
// and a second engine worker, with a reader of its own, that reads the rows
// of large files while the first folds them (attach_reading_worker.js).
// Each starts from a blob: URL, under the page's policy (module_worker.js),
// and is named: 'engine', 'reading', and 'reader' for both readers.
import engineWorkerUrl from './engine.worker.js?worker&url';
import readerWorkerUrl from './reader.worker.js?worker&url';
import { attachReader } from './attach_reader.js';
import { attachReadingWorker } from './attach_reading_worker.js';
import { startModuleWorker } from './module_worker.js';

const createReader = () => startModuleWorker(readerWorkerUrl, 'reader');

export function createEngineWorker() {
  const engine = attachReader(startModuleWorker(engineWorkerUrl, 'engine'), createReader);
  return attachReadingWorker(engine, () => attachReader(startModuleWorker(engineWorkerUrl, 'reading'), createReader));
}
