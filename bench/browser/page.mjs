// Starts the engine's worker as the page does (web/src/worker/create_worker.js): a
// reader worker beside it, and a second engine worker named 'reading' with
// a reader of its own; hands it the picked File and waits for the result.
import { attachReader } from '/web/src/worker/attach_reader.js';
import { attachReadingWorker } from '/web/src/worker/attach_reading_worker.js';

// ?workers=1: without the reading worker, to measure what it brings.
const createReader = () => new Worker('/wasm/api/blob_reader.worker.mjs', { type: 'module' });
const engine = attachReader(new Worker('/bench/worker.mjs', { type: 'module' }), createReader);
const worker = new URLSearchParams(location.search).get('workers') === '1' ? engine
  : attachReadingWorker(engine, () => attachReader(new Worker('/bench/worker.mjs', { type: 'module', name: 'reading' }), createReader));

const input = document.getElementById('f');
input.addEventListener('change', () => {
  const t0 = performance.now();
  worker.onmessage = (e) => {
    window.__done = { ...e.data, wall_ms: performance.now() - t0, ua: navigator.userAgent };
    worker.terminate();  // and its reader and reading workers
  };
  worker.onerror = (e) => { window.__done = { error: String(e.message || e) }; };
  worker.postMessage({ type: 'run', file: input.files[0] });
});
window.__ready = true;
