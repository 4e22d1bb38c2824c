// The worker side of the engine protocol, free of any worker global so that
// node tests can drive it with a fake module.
//
// Requests are {id, type, ...}; every request gets exactly one reply
// {id, ok: true, ...} or {id, ok: false, error: {code, message}}. While a file
// is read, {id, type: 'progress', kind, fileName, fileIndex, fileCount,
// bytesRead, bytesTotal, rowsRead, heapBytes} messages come before the reply
// (heapBytes: the engine's wasm memory, which only grows, so its peak). Engine
// results are passed through as the engine wrote them: this file does no
// finance arithmetic.
//
//   {type: 'load', settings, files: [{kind, file}]}  -> {file_summaries: [...]}
//       A new session (the old one is freed first, to bound memory) reads
//       each Blob/File in CHUNK_BYTES slices, bytes not text, and stops
//       reading a file once the engine refuses it (wantsMore()). Invoices and
//       fulfilment are fed before the contracts file, as the engine requires.
//       From SPLIT_MIN_BYTES the reading worker reads them while this one
//       folds the lines it accepted (split_reading.mjs): the same replies.
//   {type: 'preview', settings, file, bytes}         -> {file, issues?}
//       A throwaway session reads only the first `bytes` of the contracts
//       file and returns the engine's file summary (header, mapping,
//       delimiter, encoding, date orders). The live session is untouched.
//       A file the engine cannot read (file.readable false) comes with
//       `issues`: the engine's file-level errors, which say why.
//   {type: 'report', settings}                       -> {report}
//       Asks the live session again; the files are not read again.
//   {type: 'drill', settings, files, report_settings} -> {drill, report}
//       A separate session over the same files, with settings.drill; the
//       live session is kept for the report.
//   {type: 'cancel'}                                  (no reply)
//       Served at once, outside the queue: the running read stops before its
//       next chunk and replies {ok:false, error:{code:'cancelled'}}.
//   {type: 'version'}                                -> {version}

import { piecesReadAside } from '../../wasm/api/blob_pieces.mjs';
import { SPLIT_MIN_BYTES } from '../../wasm/api/split_reading.mjs';
import { fileErrors } from './file_refusal.js';

/** Bytes handed to the engine per feed() call: 1 MiB. */
export const CHUNK_BYTES = 1 << 20;
/** Bytes of the contracts file read for the column preview: 256 KiB. */
export const PREVIEW_BYTES = 256 << 10;

/** Feeding order: the engine needs invoices and fulfilment before contracts. */
const KIND_ORDER = { invoices: 0, fulfilment: 1, contracts: 2 };

/** Sorts a file set into the order the engine reads it (stable otherwise). */
export function feedingOrder(files) {
  return [...(files ?? [])].sort((a, b) => (KIND_ORDER[a.kind] ?? 3) - (KIND_ORDER[b.kind] ?? 3));
}

class Cancelled extends Error {}

/**
 * @param {() => Promise<import('../../wasm/bbb').BbbModule>} instantiate
 *   creates the wasm module; called once, on the first request that needs it.
 * @param {{chunkBytes?: number, reader?: import('../../wasm/api/blob_pieces.mjs').PortReader | null,
 *   readingWorker?: import('../../wasm/api/split_reading.mjs').ReadingWorker | null, splitMinBytes?: number}} [options]
 *   reader: a reader worker's port (blob_reader.worker.mjs, attached when
 *   the page sends it): files are then read off this thread; without a
 *   ready one they are read here.
 *   readingWorker: a second engine worker's port (split_reading.mjs): a load
 *   of at least splitMinBytes (SPLIT_MIN_BYTES) is read there while this
 *   worker folds its lines; without a ready one, or when it is lost part
 *   way, this worker reads alone.
 * @returns {(message: any, post: (reply: any) => void) => Promise<void>}
 */
export function createEngineHandler(instantiate, options = {}) {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const reader = options.reader ?? null;
  const readingWorker = options.readingWorker ?? null;
  const splitMinBytes = options.splitMinBytes ?? SPLIT_MIN_BYTES;
  /** @type {Promise<import('../../wasm/bbb').BbbModule>|null} */
  let modulePromise = null;
  /** @type {import('../../wasm/bbb').BbbSession|null} */
  let session = null;
  let queue = Promise.resolve();
  /** Set by a cancel request; checked between chunks. */
  let cancelRequested = false;

  function engine() {
    if (!modulePromise) {
      modulePromise = instantiate();
      // A failed instantiation is retried by the next request.
      modulePromise.catch(() => { modulePromise = null; });
    }
    return modulePromise;
  }

  function dropSession() {
    if (session) {
      try { session.delete(); } catch { /* module already aborted */ }
      session = null;
    }
  }

  /**
   * Feeds one file into `target` in chunks, at most `limit` bytes.
   * @returns {Promise<any>} the engine's end() envelope
   */
  async function feedFile(target, message, post, entry, index, count, limit = Infinity) {
    const { kind, file } = entry;
    const begun = parseEnvelope(target.begin(kind, file.name ?? 'input.csv'));
    if (!begun.ok) return begun;
    const total = Math.min(file.size, limit);
    target.expectBytes(total);  // sizes duplicate detection's table once (bbb.d.ts)
    let offset = 0;
    let rowsRead = 0;
    if (cancelRequested) throw new Cancelled();
    // Read by the reader worker when it is ready, else here with the next
    // slice read while this one is fed (blob_pieces.mjs).
    for await (const bytes of piecesReadAside(file, chunkBytes, limit, reader)) {
      if (cancelRequested) throw new Cancelled();
      const view = target.inputBuffer(bytes.length);
      view.set(bytes);   // the view is used at once, before any other call
      const heapBytes = view.buffer.byteLength;
      rowsRead = target.feed(bytes.length);
      offset += bytes.length;
      if (post) {
        post({ id: message.id, type: 'progress', kind, fileName: file.name, fileIndex: index, fileCount: count,
          bytesRead: offset, bytesTotal: total, rowsRead, heapBytes });
      }
      // Refused as not text from its first block: the rest would change nothing.
      if (!target.wantsMore()) break;
    }
    return parseEnvelope(target.end());
  }

  /** Reads every file of the set into `target`; returns the summaries or an error envelope. */
  async function feedAll(target, message, post) {
    const files = feedingOrder(message.files);
    const summaries = [];
    for (let i = 0; i < files.length; i++) {
      const ended = await feedFile(target, message, post, files[i], i, files.length);
      if (!ended.ok) return ended;
      summaries.push(ended.file ?? null);
    }
    return { ok: true, file_summaries: summaries };
  }

  /**
   * Has the reading worker read every file of the set while this worker
   * folds the lines it accepted into `target` (split_reading.mjs); the
   * same summaries, progress and report as feedAll. null when the reading
   * worker was lost part way: the caller reads again, alone.
   */
  async function foldAll(target, message, post) {
    const files = feedingOrder(message.files);
    const summaries = [];
    for await (const m of readingWorker.read(message.settings ?? {}, files)) {
      if (cancelRequested) throw new Cancelled();
      if (m.type === 'lost') return null;
      if (m.type === 'failed') return m.reply;
      // Not read again here: what made that engine fail (out of memory) would make this one fail too.
      if (m.type === 'crashed') return failure('engine_failed', describeFailure(m.message));
      if (m.lines?.length) {
        target.inputBuffer(m.lines.length).set(m.lines);
        target.foldLines(m.lines.length);
      }
      if (m.type === 'progress' && post) {
        const { kind, file } = files[m.fileIndex];
        // Both workers' engine memory: each only grows, so the sum of their sizes is the peak.
        const heapBytes = m.heapBytes + target.inputBuffer(1).buffer.byteLength;
        post({ id: message.id, type: 'progress', kind, fileName: file.name, fileIndex: m.fileIndex, fileCount: files.length,
          bytesRead: m.bytesRead, bytesTotal: file.size, rowsRead: m.rowsRead, heapBytes });
      }
      if (m.type === 'ended') {
        const ended = parseEnvelope(m.ended);
        if (!ended.ok) return ended;
        summaries.push(ended.file ?? null);
      }
      if (m.type === 'done') {
        target.inputBuffer(m.part.length).set(m.part);
        const adopted = parseEnvelope(target.adoptReading(m.part.length));
        if (!adopted.ok) return adopted;
      }
    }
    return { ok: true, file_summaries: summaries };
  }

  /** Whether a load of these files is read by the reading worker. */
  function splits(message) {
    const bytes = (message.files ?? []).reduce((sum, f) => sum + (f.file?.size ?? 0), 0);
    return !!readingWorker?.ready && bytes >= splitMinBytes;
  }

  async function load(message, post) {
    const M = await engine();
    dropSession();
    const settings = JSON.stringify(message.settings ?? {});
    session = new M.Session(settings);
    if (splits(message)) {
      const split = await foldAll(session, message, post);
      if (split !== null) {
        if (!split.ok) dropSession();
        return split;
      }
      // The reading worker was lost part way: read again, alone.
      dropSession();
      session = new M.Session(settings);
    }
    const result = await feedAll(session, message, post);
    if (!result.ok) dropSession();
    return result;
  }

  async function preview(message) {
    // A file this large will be read by the reading worker: it starts its
    // engine now, while the user checks the columns, not when the read begins.
    if (readingWorker?.ready && (message.file?.size ?? 0) >= splitMinBytes) readingWorker.warm().catch(() => {});
    const M = await engine();
    const scratch = new M.Session(JSON.stringify(message.settings ?? {}));
    try {
      const limit = message.bytes ?? PREVIEW_BYTES;
      const ended = await feedFile(scratch, message, null, { kind: 'contracts', file: message.file }, 0, 1, limit);
      // A file the engine cannot read: its reason (not text, empty, a column missing) is a file-level issue.
      if (ended.ok && ended.file?.readable === false) ended.issues = fileErrors(parseEnvelope(scratch.report('{}')).report?.issues);
      return ended;
    } finally {
      scratch.delete();
    }
  }

  async function drill(message, post) {
    const M = await engine();
    const scratch = new M.Session(JSON.stringify(message.settings ?? {}));
    try {
      const read = await feedAll(scratch, message, post);
      if (!read.ok) return read;
      const reply = parseEnvelope(scratch.report(JSON.stringify(message.report_settings ?? {})));
      if (!reply.ok) return reply;
      if (!reply.report?.drill) return failure('no_drill', 'This engine cannot list the lines behind a figure yet.');
      return { ok: true, drill: reply.report.drill };
    } finally {
      scratch.delete();
    }
  }

  async function report(message) {
    if (!session) return failure('no_data', 'Load a contracts file first.');
    return parseEnvelope(session.report(JSON.stringify(message.settings ?? {})));
  }

  async function dispatch(message, post) {
    switch (message?.type) {
      case 'load': return load(message, post);
      case 'preview': return preview(message);
      case 'report': return report(message);
      case 'drill': return drill(message, post);
      case 'version': return { ok: true, version: (await engine()).version() };
      default: return failure('unknown_request', `Unknown request type ${JSON.stringify(message?.type)}.`);
    }
  }

  return function handle(message, post) {
    if (message?.type === 'cancel') {
      cancelRequested = true;
      return Promise.resolve();
    }
    // One request at a time: a report must not interleave with a load.
    const run = queue.then(async () => {
      cancelRequested = false;   // a cancel applies to the request running when it came
      let reply;
      try {
        reply = await dispatch(message, post);
      } catch (err) {
        if (err instanceof Cancelled) {
          if (message?.type === 'load') dropSession();
          reply = failure('cancelled', 'Reading was cancelled.');
        } else {
          // The engine returns errors as data; an exception here means the
          // module aborted (or the file could not be read). The instance is
          // no longer usable: start over on the next request.
          session = null;
          modulePromise = null;
          reply = failure('engine_failed', describeFailure(err));
        }
      }
      post({ ...reply, id: message?.id });
    });
    queue = run.catch(() => {});
    return run;
  };
}

/** Parses an engine JSON envelope; unparsable text becomes an error reply. */
export function parseEnvelope(text) {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && typeof value.ok === 'boolean') return value;
  } catch { /* fall through */ }
  return failure('bad_engine_reply', 'The engine returned something that is not a result.');
}

function failure(code, message) {
  return { ok: false, error: { code, message } };
}

/** True when an abort reason or error text says that wasm memory ran out. */
export function isOutOfMemory(text) {
  return /\bOOM\b|out of memory|Cannot enlarge memory|memory access out of bounds|Array buffer allocation failed|allocation failed/i.test(String(text));
}

/** A plain sentence for an exception thrown by the engine or the file read. */
export function describeFailure(err) {
  const text = (err instanceof Error ? err.message : String(err ?? '')).trim();
  if (!text || text === 'Aborted()') return 'The engine stopped without saying why. Try the file again; if it stops again, try a smaller file or split it by year.';
  if (isOutOfMemory(text)) {
    return 'The engine ran out of memory on this file (' + text + '). Try a smaller file or split it by year.';
  }
  return 'The engine stopped: ' + text;
}
