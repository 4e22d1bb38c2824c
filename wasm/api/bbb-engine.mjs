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

import { blobPieces } from './blob_pieces.mjs';

/** Bytes handed to the engine per call: its input buffer is reused. */
export const CHUNK_BYTES = 1 << 20;

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

/** The engine's module factory and .wasm bytes, from beside this file unless given. */
async function loadModule(options) {
  const here = new URL('.', import.meta.url);
  let wasmBinary = options.wasmBinary;
  if (!wasmBinary) {
    const wasmUrl = options.wasmUrl ?? new URL('bbb.wasm', here);
    if (isNode && String(wasmUrl).startsWith('file:')) {
      const { readFile } = await import('node:fs/promises');
      wasmBinary = await readFile(wasmUrl);
    } else {
      const response = await fetch(wasmUrl);
      if (!response.ok) throw new Error(`could not load the engine (${response.status} for ${wasmUrl})`);
      wasmBinary = await response.arrayBuffer();
    }
  }
  if (isNode) {
    // Debian's Emscripten 3.1.6 emits an ES module whose Node branch still
    // uses CommonJS require and __dirname.
    const { createRequire } = await import('node:module');
    const { fileURLToPath } = await import('node:url');
    globalThis.require ??= createRequire(import.meta.url);
    globalThis.__dirname ??= fileURLToPath(here);
  }
  const factory = options.factory ?? (await import(/* @vite-ignore */ String(new URL('bbb.js', here)))).default;
  return factory({ wasmBinary, onAbort: options.onAbort });
}

const parse = (text) => JSON.parse(text);

/** The size in bytes of an input whose size is known before reading it, else 0. */
function sizeOf(input) {
  if (typeof Blob !== 'undefined' && input instanceof Blob) return input.size;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return input.byteLength;
  return 0;
}

/** Yields the bytes of any input the API takes, in pieces of at most CHUNK_BYTES. */
async function* piecesOf(input) {
  if (typeof input === 'string') input = new TextEncoder().encode(input);
  if (input instanceof ArrayBuffer) input = new Uint8Array(input);
  if (ArrayBuffer.isView(input)) {
    const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
    return;
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    yield* blobPieces(input, CHUNK_BYTES);
    return;
  }
  if (input && typeof input.getReader === 'function') {
    const reader = input.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield* piecesOf(value);
      }
    } finally {
      // A caller that stopped early (a refused file) stops the stream too.
      reader.cancel().catch(() => {});
    }
  }
  if (input && typeof input[Symbol.asyncIterator] === 'function') {
    for await (const chunk of input) yield* piecesOf(chunk);
    return;
  }
  throw new TypeError('an input must be a string, bytes, a Blob or File, a ReadableStream or an async iterable of bytes');
}

class EngineSession {
  constructor(module, readSettings) {
    this.native_ = new module.Session(JSON.stringify(readSettings ?? {}));
  }

  begin(kind, name) { return parse(this.native_.begin(kind, name ?? kind + '.csv')); }

  /** Optional, after begin(): the file's size in bytes (duplicate detection sizes its table from it). */
  expectBytes(bytes) { this.native_.expectBytes(bytes); }

  /** Feeds bytes of the current file; returns the data rows read so far in it. */
  feed(bytes) {
    let rows = 0;
    const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    for (let at = 0; at < view.length; at += CHUNK_BYTES) {
      const piece = view.subarray(at, at + CHUNK_BYTES);
      // The input buffer's view is valid until the next call: take it each time.
      this.native_.inputBuffer(piece.length).set(piece);
      rows = this.native_.feed(piece.length);
      if (!this.native_.wantsMore()) break;
    }
    return rows;
  }

  /** False once the file being read is refused as not text (from its first block): stop feeding it and end() it. */
  wantsMore() { return this.native_.wantsMore(); }

  end() { return parse(this.native_.end()); }

  report(reportSettings) {
    const text = this.native_.report(JSON.stringify(reportSettings ?? {}));
    const reply = parse(text);
    if (reply.ok) reply.text = text.slice('{"ok":true,"report":'.length, -1);
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
    try {
      await this.ready();
    } catch (err) {
      return { ok: false, error: { code: 'engine_failed', message: `the engine could not start: ${String(err?.message ?? err)}` } };
    }
    const session = this.session(readSettings);
    try {
      return await this.analyseIn_(session, files, reportSettings);
    } catch (err) {
      if (isAbort(err)) {
        this.module_ = null;  // unusable: the next call loads a fresh engine
        return abortReply(err);
      }
      if (err instanceof TypeError) return { ok: false, error: { code: 'bad_input', message: err.message } };
      throw err;
    } finally {
      if (this.module_) session.close();
    }
  }

  async analyseIn_(session, files, reportSettings) {
    // Invoices and fulfilment say how lines are billed and recognised: read first.
    for (const kind of ['invoices', 'fulfilment', 'contracts']) {
      const input = files?.[kind];
      if (input === undefined || input === null) continue;
      const name = files.names?.[kind] ?? (typeof input?.name === 'string' ? input.name : `${kind}.csv`);
      const begun = session.begin(kind, name);
      if (!begun.ok) return begun;
      const size = sizeOf(input);
      if (size > 0) session.expectBytes(size);
      for await (const piece of piecesOf(input)) {
        session.feed(piece);
        // A file refused from its first block is not read further (a 50 MB image, /dev/zero).
        if (!session.wantsMore()) break;
      }
      const ended = session.end();
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
