// The worker side of the engine protocol (protocol.js), free of any worker
// global so that node tests can drive it with a fake engine. It holds the
// engine (the public JS API's, wasm/api/bbb-engine.mjs, as embedders use
// it) and the live session, and feeds files through the API's feedFile.
// Requests are served one at a time; a cancel is served at once. Engine
// results are passed through as the engine wrote them: this file does no
// finance arithmetic.

import { CHUNK_BYTES, feedFile, FEEDING_ORDER } from '../../../wasm/api/bbb-engine.mjs';
import { piecesReadAside } from '../../../wasm/api/blob_pieces.mjs';
import { SPLIT_MIN_BYTES } from '../../../wasm/api/split_reading.mjs';
import { fileErrors } from '../file_refusal.js';

/** Bytes handed to the engine per feed() call: the API's 1 MiB. */
export { CHUNK_BYTES };
/** Bytes of the contracts file read for the column preview: 256 KiB. */
export const PREVIEW_BYTES = 256 << 10;

/** Sorts a file set into the order the engine reads it (FEEDING_ORDER; stable otherwise). */
export function feedingOrder(files) {
  const rank = (kind) => { const i = FEEDING_ORDER.indexOf(kind); return i < 0 ? FEEDING_ORDER.length : i; };
  return [...(files ?? [])].sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** Why a read stopped: a cancel request (the abort reason of its signal). */
class Cancelled extends Error {}

/**
 * @typedef {import('./protocol.js').Request} Request
 * @typedef {import('./protocol.js').WorkerMessage} WorkerMessage
 */

/**
 * @param {() => Promise<any>} instantiate creates the engine (createEngine of
 *   the JS API); called on the first request that needs it, and again after one failed
 * @param {{chunkBytes?: number, reader?: import('../../../wasm/api/blob_pieces.mjs').PortReader | null,
 *   readingWorker?: import('../../../wasm/api/split_reading.mjs').ReadingWorker | null, splitMinBytes?: number}} [options]
 *   reader: a reader worker's port (blob_reader.worker.mjs, attached when
 *   the page sends it): files are then read off this thread; without a
 *   ready one they are read here.
 *   readingWorker: a second engine worker's port (split_reading.mjs): a load
 *   of at least splitMinBytes (SPLIT_MIN_BYTES) is read there while this
 *   worker folds its lines; without a ready one, or when it is lost part
 *   way, this worker reads alone.
 * @returns {(message: Request, post: (message: WorkerMessage) => void) => Promise<void>}
 */
export function createEngineHandler(instantiate, options = {}) {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const reader = options.reader ?? null;
  const readingWorker = options.readingWorker ?? null;
  const splitMinBytes = options.splitMinBytes ?? SPLIT_MIN_BYTES;
  /** Read by the reader worker when it is ready, else here with the next piece read while this one is fed. */
  const pieces = (blob, pieceBytes, limit) => piecesReadAside(blob, pieceBytes, limit, reader);
  let enginePromise = null;
  /** The live session: the files of the last load, kept for the reports asked of them. */
  let session = null;
  let queue = Promise.resolve();
  /** The request running, which a cancel stops. @type {AbortController|null} */
  let running = null;

  function engine() {
    if (!enginePromise) {
      enginePromise = instantiate();
      // A failed instantiation is retried by the next request.
      enginePromise.catch(() => { enginePromise = null; });
    }
    return enginePromise;
  }

  function dropSession() {
    if (session) {
      try { session.close(); } catch { /* engine already aborted */ }
      session = null;
    }
  }

  /** Reads every file of the set into `target`; returns the summaries or an error reply. */
  async function feedAll(target, message, post, signal) {
    const files = feedingOrder(message.files);
    const summaries = [];
    for (let i = 0; i < files.length; i++) {
      const { kind, file, sheet } = files[i];
      const onProgress = post && ((p) => post({ id: message.id, type: 'progress', kind, fileName: file.name, fileIndex: i, fileCount: files.length, ...p }));
      // sheet: a workbook's sheet the user picked (feedFile's options.sheet; the engine reads the first by default).
      const ended = await feedFile(target, kind, file.name ?? 'input.csv', file, { chunkBytes, pieces, signal, onProgress, ...(sheet ? { sheet } : {}) });
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
  async function foldAll(target, message, post, signal) {
    const files = feedingOrder(message.files);
    const summaries = [];
    for await (const m of readingWorker.read(message.settings ?? {}, files)) {
      signal.throwIfAborted();
      if (m.type === 'lost') return null;
      if (m.type === 'failed') return m.reply;
      // Not read again here: what made that engine fail (out of memory) would make this one fail too.
      if (m.type === 'crashed') return failure('engine_failed', describeFailure(m.message));
      if (m.lines) target.foldLines(m.lines);
      if (m.type === 'progress' && post) {
        const { kind, file } = files[m.fileIndex];
        // Both workers' engine memory: each only grows, so the sum of their sizes is the peak.
        post({ id: message.id, type: 'progress', kind, fileName: file.name, fileIndex: m.fileIndex, fileCount: files.length,
          bytesRead: m.bytesRead, bytesTotal: file.size, rowsRead: m.rowsRead, heapBytes: m.heapBytes + target.heapBytes() });
      }
      if (m.type === 'ended') {
        if (!m.ended?.ok) return m.ended ?? failure('bad_engine_reply', 'The reading worker ended a file without a result.');
        summaries.push(m.ended.file ?? null);
      }
      if (m.type === 'done') {
        const adopted = target.adoptReading(m.part);
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

  async function load(message, post, signal) {
    const api = await engine();
    dropSession();
    session = api.session(message.settings ?? {});
    if (splits(message)) {
      const split = await foldAll(session, message, post, signal);
      if (split !== null) {
        if (!split.ok) dropSession();
        return split;
      }
      // The reading worker was lost part way: read again, alone.
      dropSession();
      session = api.session(message.settings ?? {});
    }
    const result = await feedAll(session, message, post, signal);
    if (!result.ok) dropSession();
    return result;
  }

  async function preview(message, signal) {
    // A file this large will be read by the reading worker: it starts its
    // engine now, while the user checks the columns, not when the read begins.
    if (readingWorker?.ready && (message.file?.size ?? 0) >= splitMinBytes) readingWorker.warm().catch(() => {});
    const scratch = (await engine()).session(message.settings ?? {});
    try {
      const file = message.file;
      const ended = await feedFile(scratch, 'contracts', file.name ?? 'input.csv', file,
        { chunkBytes, pieces, signal, limit: message.bytes ?? PREVIEW_BYTES, ...(message.sheet ? { sheet: message.sheet } : {}) });
      // A file the engine cannot read: its reason (not text, empty, a column missing) is a file-level issue.
      if (ended.ok && ended.file?.readable === false) ended.issues = fileErrors(scratch.report({}).report?.issues);
      return ended;
    } finally {
      scratch.close();
    }
  }

  async function drill(message, post, signal) {
    const scratch = (await engine()).session(message.settings ?? {});
    try {
      const read = await feedAll(scratch, message, post, signal);
      if (!read.ok) return read;
      const reply = scratch.report(message.report_settings ?? {});
      if (!reply.ok) return reply;
      if (!reply.report?.drill) return failure('no_drill', 'This engine cannot list the lines behind a figure yet.');
      return { ok: true, drill: reply.report.drill };
    } finally {
      scratch.close();
    }
  }

  /** Each export in a session of its own (snapshot: true), then matched by id; the live session is kept. */
  async function compare(message, post, signal) {
    const api = await engine();
    const settings = { ...(message.settings ?? {}), snapshot: true };
    const sides = [api.session(settings), api.session(settings)];
    try {
      const entries = [message.before, message.after];
      for (let i = 0; i < 2; i++) {
        const { file, kind = 'contracts', sheet } = entries[i] ?? {};
        if (!file) return failure('no_file', 'Two exports are needed to compare them.');
        const onProgress = post && ((p) => post({ id: message.id, type: 'progress', kind, fileName: file.name, fileIndex: i, fileCount: 2, ...p }));
        const ended = await feedFile(sides[i], 'contracts', file.name ?? 'input.csv', file, { chunkBytes, pieces, signal, onProgress, ...(sheet ? { sheet } : {}) });
        if (!ended.ok) return ended;
        if (ended.file?.readable === false) {
          const why = fileErrors(sides[i].report({}).report?.issues)[0];
          return failure(why?.code ?? 'unreadable_file', `${file.name}: ${why?.message ?? 'cannot be read'}`);
        }
      }
      const reply = sides[0].compareWith(sides[1], message.compare_settings ?? {});
      return reply.ok ? { ok: true, changes: reply.changes } : reply;
    } finally {
      for (const s of sides) s.close();
    }
  }

  function report(message) {
    if (!session) return failure('no_data', 'Load a contracts file first.');
    const reply = session.report(message.settings ?? {});
    // The report only: the API's `text` (the same JSON as text) would double what is posted.
    return reply.ok ? { ok: true, report: reply.report } : reply;
  }

  async function dispatch(message, post, signal) {
    switch (message?.type) {
      case 'load': return load(message, post, signal);
      case 'preview': return preview(message, signal);
      case 'report': return report(message);
      case 'drill': return drill(message, post, signal);
      case 'compare': return compare(message, post, signal);
      case 'engine': {
        const api = await engine();
        return { ok: true, version: api.version, vocabulary: api.vocabulary };
      }
      default: return failure('unknown_request', `Unknown request type ${JSON.stringify(message?.type)}.`);
    }
  }

  return function handle(message, post) {
    if (message?.type === 'cancel') {
      running?.abort(new Cancelled());
      return Promise.resolve();
    }
    // One request at a time: a report must not interleave with a load.
    const run = queue.then(async () => {
      // A cancel applies to the request running when it came.
      const controller = new AbortController();
      running = controller;
      let reply;
      try {
        reply = await dispatch(message, post, controller.signal);
      } catch (err) {
        if (err instanceof Cancelled) {
          if (message?.type === 'load') dropSession();
          reply = failure('cancelled', 'Reading was cancelled.');
        } else {
          // The engine returns errors as data; an exception here means the
          // module aborted (or the file could not be read). The instance is
          // no longer usable: start over on the next request.
          session = null;
          enginePromise = null;
          reply = failure('engine_failed', describeFailure(err));
        }
      } finally {
        if (running === controller) running = null;
      }
      post({ ...reply, type: 'reply', id: message?.id });
    });
    queue = run.catch(() => {});
    return run;
  };
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
