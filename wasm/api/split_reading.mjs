// Reading in one worker, folding in another: on a file of many megabytes
// the engine's worker hands the reading of rows (the CSV, every cell, the
// checks, duplicate ids) to a second worker of the same engine, and only
// folds the lines that worker accepted (the schedule, the monthly ledgers,
// the sales figures). Both run at once, on two cores. The report is the
// same, byte for byte: the lines are folded in the order read, and the
// reading worker's part of the report (rows, files, issues) is handed over
// at the end (wasm/bbb.d.ts: handOffLines, foldLines, adoptReading).
//
// On the port between them (a MessageChannel the page sets up):
//   reading -> folding: {type: 'ready'}                         once, on start
//   folding -> reading: {type: 'read', id, settings, files}      a new read (stops any other);
//                       files: [{kind, file, name}], name given apart (a File may arrive as a Blob)
//                       {type: 'folded', id}                     after each message with lines
//                       {type: 'stop', id}                       the folding side stopped early
//                       {type: 'warm'}                           a read is coming: start the engine
//   reading -> folding: {type: 'progress', id, fileIndex, bytesRead, rowsRead, heapBytes, lines}
//                       {type: 'ended', id, fileIndex, ended, lines}   ended: the file's end() JSON
//                       {type: 'done', id, part}                 the reading part, after the last file
//                       {type: 'failed', id, reply}              reply: the engine's {ok: false, error}
//                       {type: 'crashed', id, message}           the engine threw (an abort, out of memory)
// lines and part are Uint8Arrays whose buffers are transferred. At most
// LINES_AHEAD messages with lines are not yet folded: memory stays bounded
// however large the file, and however much faster reading is than folding.

import { piecesReadAside } from './blob_pieces.mjs';
import { ServingPort } from './serving_port.mjs';

/** Files smaller than this, all together, are read and folded by one worker:
 *  below it the second worker's start and the copies of lines cost more than
 *  they save. */
export const SPLIT_MIN_BYTES = 8 << 20;
/** Messages with lines sent and not yet folded. */
export const LINES_AHEAD = 4;

const LOST = Object.freeze({ type: 'lost' });

/**
 * The reading side, in the helper worker: serves reads on `port`.
 * @param {MessagePort} port
 * @param {() => Promise<import('../bbb').BbbModule>} instantiate  a fresh module; called once, and again after a failure
 * @param {{reader?: import('./blob_pieces.mjs').PortReader | null, chunkBytes?: number,
 *   open?: (file: any) => Blob | Promise<Blob>}} [options]
 *   open: the Blob to read for a file as it arrived (default: itself; see ReadingWorker's send)
 * @returns {{running: () => number}} how many reads have begun and not ended
 */
export function serveReading(port, instantiate, options = {}) {
  const chunkBytes = options.chunkBytes ?? (1 << 20);
  let modulePromise = null;
  let job = null;  // the latest read: {id, sent, folded, stopped, wake}
  let reads = Promise.resolve();  // the reads asked for, one after another
  let running = 0;  // reads begun and not ended
  const wake = (j) => { if (j.wake) { const w = j.wake; j.wake = null; w(); } };

  port.addEventListener('message', ({ data: message }) => {
    if (message?.type === 'read') {
      if (job) { job.stopped = true; wake(job); }
      const current = { id: message.id, sent: 0, folded: 0, stopped: false, wake: null };
      job = current;
      // After the read before it has ended (stopped, it ends at its next
      // piece): two reads at once would share the reader worker, and the
      // one it left would wait for a piece forever, its session never freed.
      reads = reads.then(() => {
        if (current.stopped) return undefined;
        running++;
        return read(current, message).catch((err) => {
          modulePromise = null;  // an engine that threw (an abort, out of memory) is not used again
          port.postMessage({ type: 'crashed', id: current.id, message: String(err?.message ?? err) });
        }).finally(() => { running--; });
      });
    } else if (message?.type === 'warm') {
      modulePromise ??= instantiate();
      modulePromise.catch(() => { modulePromise = null; });  // tried again by the read
    } else if (job && message?.id === job.id) {
      if (message.type === 'folded') job.folded++;
      else if (message.type === 'stop') job.stopped = true;
      wake(job);
    }
  });
  port.start?.();
  port.postMessage({ type: 'ready' });
  return { running: () => running };

  async function read(job, { id, settings, files }) {
    modulePromise ??= instantiate();
    const M = await modulePromise;
    const session = new M.Session(JSON.stringify(settings ?? {}));
    /** Sends a message with lines once fewer than LINES_AHEAD wait to be folded. */
    const sendLines = async (message) => {
      while (!job.stopped && job.sent - job.folded >= LINES_AHEAD) await new Promise((resolve) => { job.wake = resolve; });
      if (job.stopped) return false;
      job.sent++;
      port.postMessage(message, [message.lines.buffer]);
      return true;
    };
    try {
      session.handOffLines();
      for (let i = 0; i < files.length; i++) {
        const { kind, name } = files[i];
        const file = options.open ? await options.open(files[i].file) : files[i].file;
        const begun = JSON.parse(session.begin(kind, name ?? file.name ?? 'input.csv'));
        if (!begun.ok) { port.postMessage({ type: 'failed', id, reply: begun }); return; }
        session.expectBytes(file.size);
        let bytesRead = 0;
        for await (const bytes of piecesReadAside(file, chunkBytes, Infinity, options.reader ?? null)) {
          if (job.stopped) return;
          const view = session.inputBuffer(bytes.length);
          view.set(bytes);
          const heapBytes = view.buffer.byteLength;
          const rowsRead = session.feed(bytes.length);
          bytesRead += bytes.length;
          // Copied out now: the view is not valid after the next call.
          const lines = session.lines().slice();
          if (!await sendLines({ type: 'progress', id, fileIndex: i, bytesRead, rowsRead, heapBytes, lines })) return;
        }
        const ended = session.end();
        if (!await sendLines({ type: 'ended', id, fileIndex: i, ended, lines: session.lines().slice() })) return;
      }
      const part = session.readingPart().slice();
      port.postMessage({ type: 'done', id, part }, [part.buffer]);
    } finally {
      session.delete();
    }
  }
}

/**
 * The folding side, in the engine's worker: the port to a reading worker,
 * once the page hands it over. Until that worker says it is ready, and
 * after lost(), `ready` is false and the engine reads files itself.
 */
export class ReadingWorker extends ServingPort {
  /**
   * @param {{send?: (file: Blob) => any}} [options]
   *   send: what to post for a file (default: the file). Browsers post a
   *   picked File as it is; node cannot post a file-backed Blob, so its
   *   bench posts the path and opens it there (serveReading's open).
   */
  constructor(options = {}) {
    super(LOST);
    this.send = options.send ?? ((file) => file);
  }

  /** A large file is coming: the reading worker starts its engine ahead of the read. */
  warm() {
    this.port?.postMessage({ type: 'warm' });
  }

  /**
   * Has `files` read there with `settings`, and yields its messages in
   * order: progress and ended (with lines: fold them before taking the next
   * message), then done (with the reading part), or failed, or crashed, or
   * {type: 'lost'} when the worker is gone. Stopping early (a cancelled
   * read) stops the reading too.
   * @returns {AsyncGenerator<any>}
   */
  async *read(settings, files) {
    const id = this.nextId++;
    const inbox = [];
    let wake = null;
    let finished = false;
    this.listener = (message) => {
      if (message !== LOST && message.id !== id) return;  // an earlier, stopped read's
      inbox.push(message);
      if (wake) { const w = wake; wake = null; w(); }
    };
    try {
      this.port.postMessage({ type: 'read', id, settings, files: files.map(({ kind, file }) => ({ kind, file: this.send(file), name: file.name })) });
      for (;;) {
        while (inbox.length === 0) await new Promise((resolve) => { wake = resolve; });
        const message = inbox.shift();
        const last = message.type === 'done' || message.type === 'failed' || message.type === 'crashed' || message.type === 'lost';
        if (last) finished = true;
        yield message;
        if (last) return;
        if (message.lines) this.port.postMessage({ type: 'folded', id });
      }
    } finally {
      this.listener = null;
      if (!finished) this.port.postMessage({ type: 'stop', id });
    }
  }
}
