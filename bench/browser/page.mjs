// Hands the picked File to a fresh module worker, with a reader worker
// beside it as the page's attach_reader.js starts one, and waits for the result.
const input = document.getElementById('f');
input.addEventListener('change', () => {
  const t0 = performance.now();
  const worker = new Worker(new URL('worker.mjs', import.meta.url), { type: 'module' });
  const reader = new Worker('/lib/blob_reader.worker.mjs', { type: 'module' });
  const channel = new MessageChannel();
  reader.postMessage({ type: 'port', port: channel.port1 }, [channel.port1]);
  worker.onmessage = (e) => {
    window.__done = { ...e.data, wall_ms: performance.now() - t0, ua: navigator.userAgent };
    worker.terminate();
    reader.terminate();
  };
  worker.onerror = (e) => { window.__done = { error: String(e.message || e) }; };
  worker.postMessage({ file: input.files[0], readerPort: channel.port2 }, [channel.port2]);
});
window.__ready = true;
