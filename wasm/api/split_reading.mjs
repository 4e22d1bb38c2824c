// Reading in one worker, folding in another: on a file of many megabytes
// the engine's worker hands the reading of rows (the CSV, every cell, the
// checks, duplicate ids) to a second worker of the same engine, and only
// folds the lines that worker accepted (the schedule, the monthly ledgers,
// the sales figures). Both run at once, on two cores. The report is the
// same, byte for byte: the lines are folded in the order read, and the
// reading worker's part of the report (rows, files, issues) is handed over
// at the end (the API session's handOffLines, foldLines, adoptReading). The
// reading side reads each file with the API's feedFile, as every reader does.
//
// On the port between them (a MessageChannel the page sets up):
//   reading -> folding: {type: 'ready'}                         once, on start
//   folding -> reading: {type: 'read', id, settings, files}      a new read (stops any other);
//                       files: [{kind, file, name}], name given apart (a File may arrive as a Blob)
//                       {type: 'folded', id, buffer}             after each message with lines;
//                                                                buffer: its lines' buffer, given back
//                       {type: 'stop', id}                       the folding side stopped early
//                       {type: 'warm', module}                   a read is coming: start the engine;
//                                                                module: the folding side's compiled
//                                                                WebAssembly.Module (its code shared), or null
//   reading -> folding: {type: 'progress', id, fileIndex, bytesRead, rowsRead, heapBytes, lines}
//                       {type: 'ended', id, fileIndex, ended, lines}   ended: the file's end() reply
//                       {type: 'done', id, part}                 the reading part, after the last file
//                       {type: 'failed', id, reply}              reply: the engine's {ok: false, error}
//                       {type: 'crashed', id, message}           the engine threw (an abort, out of memory)
// lines and part are Uint8Arrays whose buffers are transferred. At most
// LINES_AHEAD messages with lines are not yet folded: memory stays bounded
// however large the file, and however much faster reading is than folding.
// The folding side gives each lines' buffer back, and the reading side
// copies the next lines into it: a fresh buffer for every message (~1.6 MB
// for each MiB of a file) cost the reading worker 50-200 ms of allocation,
// page faults and collection at 1M rows, where the copy into a used one
// costs ~20 ms.

import { feedFile } from './bbb-engine.mjs';
import { piecesReadAside } from './blob_pieces.mjs';
import { ServingPort } from './serving_port.mjs';

/** Files smaller than this, all together, are read and folded by one worker:
 *  below it the second worker's start and the copies of lines cost more than
 *  they save. */
export const SPLIT_MIN_BYTES = 8 << 20;
/** Messages with lines sent and not yet folded. */
export const LINES_AHEAD = 4;
/** Buffers given back that the reading side keeps for the next lines. */
const SPARE_BUFFERS = LINES_AHEAD + 1;

const LOST = Object.freeze({ type: 'lost' });

/**
 * The reading side, in the helper worker: serves reads on `port`.
 * @param {MessagePort} port
 * @param {(wasmModule?: WebAssembly.Module) => Promise<any>} instantiate  a fresh engine (createEngine of
 *   bbb-engine.mjs), from the folding side's compiled module when it sent one; called once, and again after a failure
 * @param {{reader?: import('./blob_pieces.mjs').PortReader | null, chunkBytes?: number,
 *   open?: (file: any) => Blob | Promise<Blob>}} [options]
 *   open: the Blob to read for a file as it arrived (default: itself; see ReadingWorker's send)
 * @returns {{running: () => number, buffersMade: () => number}} how many reads have begun
 *   and not ended; how many buffers for lines it has made (the rest were given back)
 */
export function serveReading(port, instantiate, options = {}) {
  const chunkBytes = options.chunkBytes ?? (1 << 20);
  const pieces = (blob, pieceBytes, limit) => piecesReadAside(blob, pieceBytes, limit, options.reader ?? null);
  let enginePromise = null;
  let job = null;  // the latest read: {id, sent, folded, stop: AbortController, wake}
  let reads = Promise.resolve();  // the reads asked for, one after another
  let running = 0;  // reads begun and not ended
  const spare = [];  // buffers the folding side gave back
  let buffersMade = 0;
  const wake = (j) => { if (j.wake) { const w = j.wake; j.wake = null; w(); } };
  const stop = (j) => { j.stop.abort(); wake(j); };
  /** The engine's lines (a view valid until its next call) copied out, into a spare buffer when one is large enough. */
  const copyLines = (view) => {
    const at = spare.findIndex((b) => b.byteLength >= view.length);
    // A quarter more than asked, so that a slightly longer next piece fits too.
    const buffer = at >= 0 ? spare.splice(at, 1)[0] : (buffersMade++, new ArrayBuffer(view.length + (view.length >> 2)));
    const lines = new Uint8Array(buffer, 0, view.length);
    lines.set(view);
    return lines;
  };

  port.addEventListener('message', ({ data: message }) => {
    if (message?.type === 'read') {
      if (job) stop(job);
      const current = { id: message.id, sent: 0, folded: 0, stop: new AbortController(), wake: null };
      job = current;
      // After the read before it has ended (stopped, it ends at its next
      // piece): two reads at once would share the reader worker, and the
      // one it left would wait for a piece forever, its session never freed.
      reads = reads.then(() => {
        if (current.stop.signal.aborted) return undefined;
        running++;
        return read(current, message).catch((err) => {
          enginePromise = null;  // an engine that threw (an abort, out of memory) is not used again
          port.postMessage({ type: 'crashed', id: current.id, message: String(err?.message ?? err) });
        }).finally(() => { running--; });
      });
    } else if (message?.type === 'warm') {
      if (!enginePromise) {
        enginePromise = instantiate(message.module ?? undefined);
        enginePromise.catch(() => { enginePromise = null; });  // tried again by the read
      }
    } else {
      // Any read's, an earlier one's too: a buffer is a buffer.
      if (message?.type === 'folded' && message.buffer instanceof ArrayBuffer && spare.length < SPARE_BUFFERS) spare.push(message.buffer);
      if (!job || message?.id !== job.id) return;
      if (message.type === 'folded') {
        job.folded++;
        wake(job);
      } else if (message.type === 'stop') {
        stop(job);
      }
    }
  });
  port.start?.();
  port.postMessage({ type: 'ready' });
  return { running: () => running, buffersMade: () => buffersMade };

  async function read(job, { id, settings, files }) {
    enginePromise ??= instantiate();
    const engine = await enginePromise;
    const session = engine.session(settings ?? {});
    const { signal } = job.stop;
    /** Sends a message with lines once fewer than LINES_AHEAD wait to be folded; false once the read is stopped. */
    const sendLines = async (message) => {
      while (!signal.aborted && job.sent - job.folded >= LINES_AHEAD) await new Promise((resolve) => { job.wake = resolve; });
      if (signal.aborted) return false;
      job.sent++;
      port.postMessage(message, [message.lines.buffer]);
      return true;
    };
    try {
      session.handOffLines();
      for (let i = 0; i < files.length; i++) {
        const { kind, name, sheet } = files[i];
        const file = options.open ? await options.open(files[i].file) : files[i].file;
        const ended = await feedFile(session, kind, name ?? file.name ?? 'input.csv', file, {
          chunkBytes, pieces, signal, ...(sheet ? { sheet } : {}),
          // The lines copied out now: the view is not valid after the next call.
          onProgress: async ({ bytesRead, rowsRead, heapBytes }) => {
            const sent = await sendLines({ type: 'progress', id, fileIndex: i, bytesRead, rowsRead, heapBytes, lines: copyLines(session.lines()) });
            if (!sent) signal.throwIfAborted();  // stopped: the next piece is not waited for
          },
        });
        if (!ended.ok) { port.postMessage({ type: 'failed', id, reply: ended }); return; }
        if (!await sendLines({ type: 'ended', id, fileIndex: i, ended, lines: copyLines(session.lines()) })) return;
      }
      const part = session.readingPart().slice();
      port.postMessage({ type: 'done', id, part }, [part.buffer]);
    } catch (err) {
      if (signal.aborted) return;  // stopped: the folding side has gone on without this read
      throw err;
    } finally {
      session.close();
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
   * @param {{send?: (file: Blob) => any, module?: () => Promise<WebAssembly.Module>}} [options]
   *   send: what to post for a file (default: the file). Browsers post a
   *   picked File as it is; node cannot post a file-backed Blob, so its
   *   bench posts the path and opens it there (serveReading's open).
   *   module: this side's compiled engine, handed to the reading worker so
   *   that it starts from the same code (none: it compiles its own).
   */
  constructor(options = {}) {
    super(LOST);
    this.send = options.send ?? ((file) => file);
    this.moduleSource = options.module ?? null;
  }

  /**
   * A large file is coming: the reading worker starts its engine ahead of
   * the read, from this side's compiled module when there is one. Once is
   * enough; again is harmless (it starts its engine once).
   * @returns {Promise<void>}
   */
  async warm() {
    const wasmModule = this.moduleSource ? await this.moduleSource().catch(() => null) : null;
    try {
      this.port?.postMessage({ type: 'warm', module: wasmModule });
    } catch {
      // A module this environment cannot post: the reading worker compiles its own.
      this.port?.postMessage({ type: 'warm', module: null });
    }
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
      // Its engine started first (if no preview did): from this side's module.
      await this.warm();
      this.port.postMessage({ type: 'read', id, settings, files: files.map(({ kind, file }) => ({ kind, file: this.send(file), name: file.name })) });
      for (;;) {
        while (inbox.length === 0) await new Promise((resolve) => { wake = resolve; });
        const message = inbox.shift();
        const last = message.type === 'done' || message.type === 'failed' || message.type === 'crashed' || message.type === 'lost';
        if (last) finished = true;
        yield message;
        if (last) return;
        // Folded by now: its buffer goes back, for the next lines.
        if (message.lines) this.port.postMessage({ type: 'folded', id, buffer: message.lines.buffer }, [message.lines.buffer]);
      }
    } finally {
      this.listener = null;
      if (!finished) this.port.postMessage({ type: 'stop', id });
    }
  }
}
