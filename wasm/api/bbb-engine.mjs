// The engine's JavaScript API: one ES module that runs in Node (20+) and in
// a browser (a worker, or the main thread), over the same WebAssembly build
// as the page. It sits next to bbb.js and bbb.wasm (the folder that
// `npm run build:engine` assembles in web/dist-engine/).
//
//   import { createEngine } from './bbb-engine.mjs';
//   const engine = await createEngine();
//   const result = await engine.analyse({ contracts: bytesOrFileOrStream }, { as_of: '2026-09-30' }, { period: 'quarter' });
//   if (result.ok) console.log(result.report.currencies.USD.total.bookings);
//
// Every call returns data: {ok: true, ...} or {ok: false, error: {code,
// message}}; nothing throws for bad input. When the engine runs out of
// memory (or aborts), analyse() says so ({code: 'out_of_memory'} or
// 'engine_failed') and the next call starts a fresh engine. The report is the one JSON the
// CLI prints (docs/report.schema.json); `text` is that JSON as the engine
// wrote it, byte for byte.
//
// feedFile() is the one loop that reads a file into a session (begin, its
// size, its bytes in pieces, end): analyse() uses it, and so do the page's
// workers (web/src/worker/) and the tests, so that they all feed the engine
// the same way.

import { blobPieces } from './blob_pieces.mjs';
import { canReadRanges, headOf, serveWorkbook } from './feed_workbook.mjs';

/** Bytes handed to the engine per call: its input buffer is reused. */
export const CHUNK_BYTES = 1 << 20;

/** The order a set's files are read in: invoices and fulfilment say how lines are billed and recognised, so they come first. */
export const FEEDING_ORDER = Object.freeze(['invoices', 'fulfilment', 'contracts']);

const isNode = !!/** @type {any} */ (globalThis).process?.versions?.node && typeof window === 'undefined';

/** A file beside this module (bbb.js, bbb.wasm), asked for only when the caller gave none. */
const beside = (name) => new URL(name, import.meta.url);

/** A Node module, imported at run time only: a bundler of the page leaves it alone. */
const nodeModule = (name) => import(/* @vite-ignore */ name);

/** The .wasm bytes at `url`: read from disk in Node, fetched elsewhere. */
async function wasmBytes(url) {
  if (isNode && String(url).startsWith('file:')) {
    const { readFile } = await nodeModule('node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the engine (${response.status} for ${url})`);
  return response.arrayBuffer();
}

/** The engine's module: its factory (bbb.js) over a compiled WebAssembly.Module, or over the .wasm bytes. */
async function loadModule(options) {
  if (isNode) {
    // Debian's Emscripten 3.1.6 emits an ES module whose Node branch still
    // uses CommonJS require and __dirname.
    const { createRequire } = await nodeModule('node:module');
    const { fileURLToPath } = await nodeModule('node:url');
    globalThis.require ??= createRequire(import.meta.url);
    globalThis.__dirname ??= fileURLToPath(beside('.'));
  }
  const factory = options.factory ?? (await import(/* @vite-ignore */ String(beside('bbb.js')))).default;
  const { wasmModule, onAbort } = options;
  if (wasmModule) {
    // Instantiated from code compiled already (another worker's): nothing is fetched or compiled again.
    return new Promise((resolve, reject) => {
      factory({
        onAbort,
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), reject);
          return {};
        },
      }).then(resolve, reject);
    });
  }
  const wasmBinary = options.wasmBinary ?? await wasmBytes(options.wasmUrl ?? beside('bbb.wasm'));
  return factory({ wasmBinary, onAbort });
}

/** An engine reply as data; text that is not one (never expected) is a failure, not an exception. */
function parse(text) {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && typeof value.ok === 'boolean') return value;
  } catch { /* said below */ }
  return { ok: false, error: { code: 'bad_engine_reply', message: 'the engine returned something that is not a result' } };
}

/** The size in bytes of an input whose size is known before reading it, else 0. */
function sizeOf(input) {
  if (typeof Blob !== 'undefined' && input instanceof Blob) return input.size;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return input.byteLength;
  return 0;
}

/**
 * Yields the bytes of any input the API takes, in pieces of at most
 * `pieceBytes`, and at most `limit` bytes in all.
 * @returns {AsyncGenerator<Uint8Array>}
 */
async function* piecesOf(input, pieceBytes = CHUNK_BYTES, limit = Infinity) {
  if (typeof input === 'string') input = new TextEncoder().encode(input);
  if (input instanceof ArrayBuffer) input = new Uint8Array(input);
  if (ArrayBuffer.isView(input)) {
    const bytes = new Uint8Array(input.buffer, input.byteOffset, Math.min(input.byteLength, limit));
    for (let at = 0; at < bytes.length; at += pieceBytes) yield bytes.subarray(at, at + pieceBytes);
    return;
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    yield* blobPieces(input, pieceBytes, limit);
    return;
  }
  let left = limit;
  /** The pieces of one chunk of a stream, within what is left of the limit. */
  const within = async function* (chunk) {
    for await (const piece of piecesOf(chunk, pieceBytes, left)) {
      left -= piece.length;
      yield piece;
    }
  };
  if (input && typeof input.getReader === 'function') {
    const reader = input.getReader();
    try {
      while (left > 0) {
        const { done, value } = await reader.read();
        if (done) return;
        yield* within(value);
      }
    } finally {
      // A caller that stopped early (a refused file) stops the stream too.
      reader.cancel().catch(() => {});
    }
    return;
  }
  if (input && typeof input[Symbol.asyncIterator] === 'function') {
    for await (const chunk of input) {
      yield* within(chunk);
      if (left <= 0) return;
    }
    return;
  }
  throw new TypeError('an input must be a string, bytes, a Blob or File, a ReadableStream or an async iterable of bytes');
}

/**
 * Reads one file into a session: begin, its size, its bytes in pieces (no
 * further once the engine refuses the file as not text), end.
 * @param {EngineSession} session
 * @param {string} kind 'contracts', 'invoices' or 'fulfilment'
 * @param {string} name the file's name, as the report names it
 * @param {any} input anything piecesOf reads
 * @param {{chunkBytes?: number, limit?: number, signal?: AbortSignal, sheet?: string,
 *   pieces?: (input: any, pieceBytes: number, limit: number) => AsyncIterable<Uint8Array>,
 *   onProgress?: (progress: {bytesRead: number, bytesTotal: number, rowsRead: number, heapBytes: number}) => unknown}} [options]
 *   chunkBytes: bytes fed per call (CHUNK_BYTES); limit: read at most this many (a preview; of a
 *   workbook, of its sheet's rows); sheet: a workbook's sheet to read (default its first);
 *   signal: stops the read before its next piece, throwing signal.reason;
 *   pieces: who reads the input (default piecesOf; the page: a reader worker);
 *   onProgress: after each piece fed (awaited: a caller may hold the read back);
 *   heapBytes is the engine's wasm memory, which only grows, so its peak
 * @returns {Promise<any>} end()'s reply ({ok: true, file}), or begin()'s failure
 */
export async function feedFile(session, kind, name, input, options = {}) {
  const { chunkBytes = CHUNK_BYTES, limit = Infinity, signal, onProgress, pieces = piecesOf, sheet = '' } = options;
  const begun = session.begin(kind, name);
  if (!begun.ok) return begun;
  if (canReadRanges(input) && sizeOf(input) > 0) {
    // What the file is, from its first bytes: a workbook is read part by part, a file no reader reads is refused.
    const container = session.containerOf(await headOf(input, Math.min(sizeOf(input), 4096)), name);
    if (container.container === 'other') {
      session.refuse(`this file is ${container.refusal}`);
      return session.end();
    }
    if (container.container === 'xlsx') {
      session.beginWorkbook(sizeOf(input), sheet ?? '');
      await serveWorkbook(session, input, sizeOf(input), { chunkBytes, limit, signal, onProgress });
      return session.end();
    }
  }
  const bytesTotal = Math.min(sizeOf(input), limit);
  if (bytesTotal > 0) session.expectBytes(bytesTotal);  // sizes duplicate detection's table once
  signal?.throwIfAborted();
  let bytesRead = 0;
  for await (const bytes of pieces(input, chunkBytes, limit)) {
    signal?.throwIfAborted();
    const rowsRead = session.feed(bytes);
    bytesRead += bytes.length;
    if (onProgress) await onProgress({ bytesRead, bytesTotal, rowsRead, heapBytes: session.heapBytes() });
    // Refused as not text from its first block: the rest would change nothing.
    if (!session.wantsMore()) break;
  }
  return session.end();
}

class EngineSession {
  constructor(module, readSettings) {
    this.module_ = module;
    this.native_ = new module.Session(JSON.stringify(readSettings ?? {}));
  }

  begin(kind, name) { return parse(this.native_.begin(kind, name ?? kind + '.csv')); }

  /** Optional, after begin(): the file's size in bytes (duplicate detection sizes its table from it). */
  expectBytes(bytes) { this.native_.expectBytes(bytes); }

  /** Feeds bytes of the current file; returns the data rows read so far in it. */
  feed(bytes) {
    return this.feedPieces_(bytes, (n) => this.native_.feed(n), () => this.native_.wantsMore());
  }

  /** Bytes through the input buffer, a CHUNK_BYTES piece per call of `take` (the rows read so far), while `more()`. */
  feedPieces_(bytes, take, more = () => true) {
    let rows = 0;
    const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    for (let at = 0; at < view.length; at += CHUNK_BYTES) {
      const piece = view.subarray(at, at + CHUNK_BYTES);
      // The input buffer's view is valid until the next call: take it each time.
      this.native_.inputBuffer(piece.length).set(piece);
      rows = take(piece.length);
      if (!more()) break;
    }
    return rows;
  }

  /** What a file's first bytes say it is: {container: 'text' | 'xlsx' | 'other', refusal: sentence for 'other'}. */
  containerOf(head, name) {
    if (typeof this.native_.containerOf !== 'function') return { container: 'text', refusal: '' };  // a stand-in engine
    this.native_.inputBuffer(head.length).set(head);
    return JSON.parse(this.native_.containerOf(head.length, name ?? ''));
  }

  /** After begin(): refuses the file in a sentence (an .xls, a password-protected workbook); then end(). */
  refuse(sentence) { this.native_.refuse(sentence); }

  /** After begin(): the file is a workbook of `size` bytes, read through workbookNext() (feedFile does it). */
  beginWorkbook(size, sheet) { this.native_.beginWorkbook(size, sheet ?? ''); }

  /** What the workbook reader asks for now: {kind: 'raw' | 'inflated' | 'done', offset, length, inflated_length, part}. */
  workbookNext() { return JSON.parse(this.native_.workbookNext()); }

  /** The bytes of the current request (inflated for 'inflated'), in pieces; returns the data rows read so far. */
  workbookFeed(bytes) { return this.feedPieces_(bytes, (n) => this.native_.workbookFeed(n)); }

  /** All of the current request's bytes were fed. */
  workbookEndRequest() { this.native_.workbookEndRequest(); }

  /** The bytes could not be served (a part that does not inflate): end() refuses the file with this sentence. */
  failWorkbook(sentence) { this.native_.failWorkbook(sentence); }

  /** False once the file being read is refused as not text (from its first block): stop feeding it and end() it. */
  wantsMore() { return this.native_.wantsMore(); }

  end() { return parse(this.native_.end()); }

  report(reportSettings) {
    const text = this.native_.report(JSON.stringify(reportSettings ?? {}));
    const reply = parse(text);
    if (reply.ok) reply.text = text.slice('{"ok":true,"report":'.length, -1);
    return reply;
  }

  /** The engine's wasm memory in bytes: it only grows, so this is its peak so far. */
  heapBytes() { return this.native_.inputBuffer(0).buffer.byteLength; }

  // Reading in one session and folding in another, each in its own worker
  // (the page's split_reading.mjs; wasm/bbb.d.ts says how the halves meet).

  /** From now on this session folds nothing: it hands off the lines it reads (lines()). */
  handOffLines() { this.native_.handOffLines(); }

  /** The lines the last feed() or end() accepted: a view, valid until the next call (copy it out). */
  lines() { return this.native_.lines(); }

  /** After the last file, this session's part of the report (rows, files, issues): a view, valid until the next call. */
  readingPart() { return this.native_.readingPart(); }

  /** Folds lines another session handed off, in the order they were read. */
  foldLines(lines) {
    if (lines.length === 0) return;
    this.native_.inputBuffer(lines.length).set(lines);
    this.native_.foldLines(lines.length);
  }

  /** Takes the reading session's part after its last lines: the report is then that of one session alone. */
  adoptReading(part) {
    this.native_.inputBuffer(part.length).set(part);
    return parse(this.native_.adoptReading(part.length));
  }

  /** Read with {snapshot: true}, as `later` was: the changes from this export to `later`'s, matched by id. */
  compareWith(later, settings) {
    const text = this.module_.compare(this.native_, later.native_, JSON.stringify(settings ?? {}));
    const reply = parse(text);
    if (reply.ok) reply.text = text.slice('{"ok":true,"changes":'.length, -1);
    return reply;
  }

  close() { this.native_?.delete(); this.native_ = null; }
}

/** As the CLI says it: the file-level error of a file that cannot be read at all. */
function unreadable(session, kind, name) {
  const reply = session.report({});
  const issue = reply.ok ? reply.report.issues.find((i) => i.line === 0 && i.severity === 'error' && i.file === kind) : null;
  return { ok: false, error: { code: issue?.code ?? 'unreadable_file', message: `${name}: ${issue?.message ?? 'cannot be read'}` } };
}

/** True when an error is the WebAssembly engine aborting (its instance is then unusable). */
function isAbort(err) {
  return (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError) || /^Aborted\(/.test(String(err?.message ?? err));
}

/** The reply for an engine that aborted: out of memory said plainly. */
function abortReply(err) {
  const text = String(err?.message ?? err);
  if (/out of memory|OOM|Cannot enlarge memory|allocation failed/i.test(text)) {
    return { ok: false, error: { code: 'out_of_memory', message: 'the engine ran out of memory on these files (at most 2 GB): try a From/To range, quarters or years, fewer segments, or split the file by year' } };
  }
  return { ok: false, error: { code: 'engine_failed', message: `the engine stopped: ${text}` } };
}

class Engine {
  constructor(module, options) {
    this.module_ = module;
    this.options_ = options;
    this.version = module.version();
    /** The engine's words: billing, recognition and status values, prorations, periods, drill metrics. */
    this.vocabulary = Object.freeze(JSON.parse(module.vocabulary()));
  }

  /** Resolves once the engine can take a session (after an abort, once a fresh one is loaded). */
  async ready() {
    if (!this.module_) this.module_ = await loadModule(this.options_);
    return this;
  }

  /** A session of the engine; after an abort, `await engine.ready()` first. */
  session(readSettings) {
    if (!this.module_) throw new Error('the engine stopped: await engine.ready() for a fresh one');
    return new EngineSession(this.module_, readSettings);
  }

  async analyse(files, readSettings, reportSettings) {
    return this.withSessions_([readSettings], (session) => this.analyseIn_(session, files, reportSettings));
  }

  async compare(files, readSettings, compareSettings) {
    const settings = { ...readSettings, snapshot: true };
    return this.withSessions_([settings, settings], async (before, after) => {
      const sessions = { before, after };
      for (const role of /** @type {const} */ (['before', 'after'])) {
        const input = files?.[role];
        if (input === undefined || input === null) return { ok: false, error: { code: 'no_file', message: `the ${role} export is required` } };
        const name = files.names?.[role] ?? (typeof input?.name === 'string' ? input.name : `${role}.csv`);
        const ended = await feedFile(sessions[role], 'contracts', name, input, { sheet: files.sheets?.[role] });
        if (!ended.ok) return ended;
        if (!ended.file.readable) return unreadable(sessions[role], 'contracts', name);
      }
      return before.compareWith(after, compareSettings);
    });
  }

  /**
   * work(...sessions) on fresh sessions of a ready engine, one per read
   * settings given: an engine that cannot start, an abort or bad input is a
   * reply, and the sessions are closed (unless the engine aborted: it is gone).
   */
  async withSessions_(settingsList, work) {
    try {
      await this.ready();
    } catch (err) {
      return { ok: false, error: { code: 'engine_failed', message: `the engine could not start: ${String(err?.message ?? err)}` } };
    }
    const sessions = settingsList.map((settings) => this.session(settings));
    try {
      return await work(...sessions);
    } catch (err) {
      if (isAbort(err)) {
        this.module_ = null;  // unusable: the next call loads a fresh engine
        return abortReply(err);
      }
      if (err instanceof TypeError) return { ok: false, error: { code: 'bad_input', message: err.message } };
      throw err;
    } finally {
      if (this.module_) for (const session of sessions) session.close();
    }
  }

  async analyseIn_(session, files, reportSettings) {
    for (const kind of FEEDING_ORDER) {
      const input = files?.[kind];
      if (input === undefined || input === null) continue;
      const name = files.names?.[kind] ?? (typeof input?.name === 'string' ? input.name : `${kind}.csv`);
      const ended = await feedFile(session, kind, name, input, { sheet: files.sheets?.[kind] });
      if (!ended.ok) return ended;
      if (!ended.file.readable) return unreadable(session, kind, name);
    }
    if (files?.contracts === undefined || files?.contracts === null) {
      return { ok: false, error: { code: 'no_contracts', message: 'a contracts file is required' } };
    }
    return session.report(reportSettings);
  }
}

/** Instantiates the engine (once per worker or process is enough). */
export async function createEngine(options = {}) {
  return new Engine(await loadModule(options), options);
}
