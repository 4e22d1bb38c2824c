// Hands the picked File to a fresh module worker and waits for its result.
const input = document.getElementById('f');
input.addEventListener('change', () => {
  const t0 = performance.now();
  const worker = new Worker(new URL('worker.mjs', import.meta.url), { type: 'module' });
  worker.onmessage = (e) => {
    window.__done = { ...e.data, wall_ms: performance.now() - t0, ua: navigator.userAgent };
    worker.terminate();
  };
  worker.onerror = (e) => { window.__done = { error: String(e.message || e) }; };
  worker.postMessage({ file: input.files[0] });
});
window.__ready = true;
