// The engine's worker as the page runs it (web/src/worker/engine.worker.js): the
// page's request handler over one module instance, with the reader worker
// the page starts beside it and, for a file of 8 MB or more, the second
// engine worker (this same script, named 'reading') that reads the rows
// while this one folds them. A run: the module instantiated (init), a load
// request (parse: read every row, schedule and fold), then a report request
// (compute: the month report's JSON, parsed as the page's worker parses it).
import createBbbModule from '/wasm/bbb.js';
import { engineWorkloadView } from '/lib/engine-result.mjs';
import { engineWorkerSetup } from '/web/src/worker/engine_worker_setup.js';

// The page's engine worker's own parts (engine.worker.js makes the same).
const { handle, takePortMessage, readingWorker } = engineWorkerSetup(createBbbModule, '/wasm/bbb.wasm');
const now = () => performance.now();

let lastProgress = null;
async function ask(message) {
  let reply = null;
  await handle(message, (m) => { if (m.type === 'progress') lastProgress = m; else reply = m; });
  if (!reply?.ok) throw new Error(JSON.stringify(reply).slice(0, 500));
  return reply;
}

self.onmessage = async ({ data }) => {
  // From the page, as engine.worker.js takes them.
  if (takePortMessage(data)) return;
  if (data.type !== 'run') return;
  const { file } = data;
  try {
    // The page's reading worker has started long before a file is picked.
    for (let i = 0; i < 5000 && !readingWorker.ready && readingWorker.port; i++) await new Promise((r) => setTimeout(r, 1));
    let t0 = now();
    await ask({ id: 1, type: 'engine' });
    const init_ms = now() - t0;
    const tWork = now();
    await ask({ id: 2, type: 'load', settings: {}, files: [{ kind: 'contracts', file }] });
    const parse_ms = now() - tWork;
    t0 = now();
    const { report } = await ask({ id: 3, type: 'report', settings: { period: 'month' } });
    const compute_ms = now() - t0;
    const work_ms = now() - tWork;
    const view = engineWorkloadView(report);
    self.postMessage({ text: JSON.stringify(view), timing: { init_ms, read_ms: 0, decode_ms: 0, parse_ms, compute_ms, work_ms,
      total_ms: init_ms + work_ms, heap_mb: (lastProgress?.heapBytes ?? 0) / 1048576, file_bytes: file.size,
      split: (lastProgress?.heapBytes ?? 0) > 16 * 1048576 } });
  } catch (e) {
    self.postMessage({ error: String((e && e.stack) || e) });
  }
};
