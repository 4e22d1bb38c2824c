// The engine in a module worker, as the page runs it: instantiate once,
// then File.slice pieces of 1 MiB read by the reader worker the page
// started beside it and transferred (the page's piecesReadAside,
// blob_pieces.mjs), each copied into the session's one reused input buffer
// and fed; then end() and the full report (month). read_ms is the time
// spent waiting for a piece.
import createBbbModule from '/wasm/bbb.js';
import { engineWorkloadView } from '/lib/engine-result.mjs';
import { PortReader, piecesReadAside } from '/lib/blob_pieces.mjs';

const reader = new PortReader();

const CHUNK = 1 << 20;
const now = () => performance.now();

self.onmessage = async ({ data }) => {
  // From the page, as engine.worker.js takes them: the reader's port, or its loss.
  if (data.type === 'reader') { reader.attach(data.port); return; }
  if (data.type === 'reader-lost') { reader.lost(); return; }
  const { file } = data;
  try {
    let t0 = now();
    const wasmBinary = await (await fetch('/wasm/bbb.wasm')).arrayBuffer();
    const M = await createBbbModule({ wasmBinary, locateFile: (p) => '/wasm/' + p });
    const session = new M.Session('{}');
    const init_ms = now() - t0;

    let read_ms = 0, parse_ms = 0;
    const tWork = now();
    JSON.parse(session.begin('contracts', file.name));
    session.expectBytes(file.size);  // as the page does
    const pieces = piecesReadAside(file, CHUNK, Infinity, reader);
    for (;;) {
      let t1 = now();
      const { done, value: bytes } = await pieces.next();
      read_ms += now() - t1;
      if (done) break;
      t1 = now();
      session.inputBuffer(bytes.length).set(bytes);
      session.feed(bytes.length);
      parse_ms += now() - t1;
    }
    t0 = now();
    session.end();
    const text = session.report('{"period":"month"}');
    const compute_ms = now() - t0;
    const work_ms = now() - tWork;
    const heap = session.inputBuffer(1).buffer.byteLength;
    const view = engineWorkloadView(JSON.parse(text));
    self.postMessage({ text: JSON.stringify(view), timing: { init_ms, read_ms, decode_ms: 0, parse_ms, compute_ms, work_ms,
      total_ms: init_ms + work_ms, heap_mb: heap / 1048576, file_bytes: file.size } });
  } catch (e) {
    self.postMessage({ error: String((e && e.stack) || e) });
  }
};
