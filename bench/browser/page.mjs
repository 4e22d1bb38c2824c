// Hands the picked File to a fresh module worker, with the reader worker
// the page starts beside it (web/src/attach_reader.js), and waits for the result.
import { attachReader } from '/lib/attach_reader.mjs';

const input = document.getElementById('f');
input.addEventListener('change', () => {
  const t0 = performance.now();
  const worker = attachReader(new Worker(new URL('worker.mjs', import.meta.url), { type: 'module' }),
    () => new Worker('/lib/blob_reader.worker.mjs', { type: 'module' }));
  worker.onmessage = (e) => {
    window.__done = { ...e.data, wall_ms: performance.now() - t0, ua: navigator.userAgent };
    worker.terminate();  // and its reader
  };
  worker.onerror = (e) => { window.__done = { error: String(e.message || e) }; };
  worker.postMessage({ file: input.files[0] });
});
window.__ready = true;
