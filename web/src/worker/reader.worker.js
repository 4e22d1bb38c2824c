// The page's reader worker: the network removed (worker_lockdown.js), then
// the reader itself (wasm/api/blob_reader.worker.mjs, which imports nothing
// so that tests and the bench can run it as it is).
import './worker_lockdown.js';
import '../../../wasm/api/blob_reader.worker.mjs';
