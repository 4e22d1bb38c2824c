// The reading worker of the node bench row (engine-node.mjs): a worker
// thread with its own engine that reads the rows of large files while the
// main thread folds them, as the page's second engine worker does
// (wasm/api/split_reading.mjs). Files arrive as {path} (node cannot post a
// file-backed Blob) and are opened here (file-blob.mjs says why not as one).
import { workerData } from 'node:worker_threads';
import { serveReading } from '../../wasm/api/split_reading.mjs';
import { loadEngineApi } from '../../wasm/load-node.mjs';
import { openFileBlob } from './file-blob.mjs';

serveReading(workerData.port, () => loadEngineApi(workerData.dir), { open: (file) => openFileBlob(file.path) });
