// A worker that reads Blobs (picked Files) in pieces for the engine's
// worker, so that the engine's thread spends no time reading.
//
// Why: in Chromium, File.slice().arrayBuffer() hands its bytes over on the
// thread that asked for them, so a worker that both reads and feeds the
// engine waits for every piece in turn (~0.3 s of a 1M-row file's ~1.5 s).
// Read here, each piece arrives whole and is transferred, not copied. The
// page starts this worker beside the engine's (attach_reader.js).
//
// The page sends {type: 'port', port}: one end of a MessageChannel whose
// other end the engine's worker holds (PortReader, blob_pieces.mjs). On it:
//   out: {type: 'ready'}                                   once, on start
//   in:  {type: 'read', id, blob, pieceBytes, total, ahead} a new read (stops any other)
//        {type: 'taken', id}                               after each piece is used
//        {type: 'stop', id}                                the caller stopped early
//   out: {type: 'start', id}                               then the pieces:
//        the piece's ArrayBuffer itself                     in order, transferred
//        {type: 'done', id} | {type: 'error', id, message}
// At most `ahead` pieces are being read, or sent and not yet taken: memory
// stays bounded however large the file.
//
// No imports and no module syntax: it runs as a module or a classic worker.

self.onmessage = (event) => {
  if (event.data && event.data.type === 'port') serve(event.data.port);
};

function serve(port) {
  let job = null;  // the current read: {id, taken, stopped, wake}
  const wake = (j) => { if (j.wake) { const w = j.wake; j.wake = null; w(); } };
  port.onmessage = ({ data: message }) => {
    if (message.type === 'read') {
      if (job) { job.stopped = true; wake(job); }
      const current = { id: message.id, taken: 0, stopped: false, wake: null };
      job = current;
      read(port, current, message).catch((e) =>
        port.postMessage({ type: 'error', id: current.id, message: String((e && e.message) || e) }));
    } else if (job && message.id === job.id) {
      if (message.type === 'taken') job.taken++;
      else if (message.type === 'stop') job.stopped = true;
      wake(job);
    }
  };
  port.postMessage({ type: 'ready' });
}

async function read(port, job, { id, blob, pieceBytes, total, ahead }) {
  port.postMessage({ type: 'start', id });
  // Several slices are read at once, and sent in order. Why: in Chromium
  // each File.slice().arrayBuffer() waits on a round trip to the browser
  // process, so one read at a time took 0.6-1.3 s for a 127 MB file, as long
  // as the engine takes to read its rows; with up to four at once, 0.36-0.42 s.
  // Reads under way count against `ahead` like pieces sent and not taken.
  const reads = [];  // {bytes: Promise<ArrayBuffer>, length}, in file order
  let next = 0;      // where the next read starts
  let sent = 0;
  try {
    for (;;) {
      while (!job.stopped && next < total && reads.length + sent - job.taken < ahead) {
        const end = Math.min(next + pieceBytes, total);
        reads.push({ bytes: blob.slice(next, end).arrayBuffer(), length: end - next });
        next = end;
      }
      if (job.stopped) return;
      if (reads.length === 0) {
        if (next >= total) break;
        await new Promise((resolve) => { job.wake = resolve; });
        continue;
      }
      const read = reads.shift();
      const bytes = await read.bytes;
      if (job.stopped) return;
      const length = bytes.byteLength;  // read before the transfer empties it
      if (length > 0) port.postMessage(bytes, [bytes]);
      sent++;
      // The file shrank under us: stop where it ends (the caller reads
      // whatever is left itself, from the bytes it was given).
      if (length !== read.length) break;
    }
    port.postMessage({ type: 'done', id });
  } finally {
    // Reads left behind by a stop or a failure are not observed unhandled.
    for (const r of reads) r.bytes.catch(() => {});
  }
}
