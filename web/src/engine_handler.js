// The worker side of the engine protocol, free of any worker global so that
// node tests can drive it with a fake module.
//
// Requests are {id, type, ...}; every request gets exactly one reply
// {id, ok: true, ...} or {id, ok: false, error: {code, message}}. While a file
// is read, {id, type: 'progress', bytesRead, bytesTotal, rowsRead} messages
// come before the reply. Engine results are passed through as the engine
// wrote them: this file does no finance arithmetic.
//
//   {type: 'load', settings, files: [{kind, file}]}  -> {file_summaries: [...]}
//       A new session (the old one is freed) reads each Blob/File in
//       CHUNK_BYTES slices, bytes not text.
//   {type: 'report', settings}                       -> {report}
//       Asks the live session again; the files are not read again.
//   {type: 'version'}                                -> {version}

/** Bytes handed to the engine per feed() call: 1 MiB. */
export const CHUNK_BYTES = 1 << 20;

/**
 * @param {() => Promise<import('../../wasm/bbb').BbbModule>} instantiate
 *   creates the wasm module; called once, on the first request that needs it.
 * @param {{chunkBytes?: number}} [options]
 * @returns {(message: any, post: (reply: any) => void) => Promise<void>}
 */
export function createEngineHandler(instantiate, options = {}) {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  /** @type {Promise<import('../../wasm/bbb').BbbModule>|null} */
  let modulePromise = null;
  /** @type {import('../../wasm/bbb').BbbSession|null} */
  let session = null;
  let queue = Promise.resolve();

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

  async function load(message, post) {
    const M = await engine();
    dropSession();
    session = new M.Session(JSON.stringify(message.settings ?? {}));
    const summaries = [];
    for (const { kind, file } of message.files ?? []) {
      const begun = parseEnvelope(session.begin(kind, file.name ?? 'input.csv'));
      if (!begun.ok) return begun;
      const total = file.size;
      let offset = 0;
      let rowsRead = 0;
      while (offset < total) {
        const bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
        if (bytes.length === 0) break;
        session.inputBuffer(bytes.length).set(bytes);   // the view is used at once, before any other call
        rowsRead = session.feed(bytes.length);
        offset += bytes.length;
        post({ id: message.id, type: 'progress', kind, fileName: file.name, bytesRead: offset, bytesTotal: total, rowsRead });
      }
      const ended = parseEnvelope(session.end());
      if (!ended.ok) return ended;
      summaries.push(ended.file ?? null);
    }
    return { ok: true, file_summaries: summaries };
  }

  async function report(message) {
    if (!session) return failure('no_data', 'Load a contracts file first.');
    return parseEnvelope(session.report(JSON.stringify(message.settings ?? {})));
  }

  async function dispatch(message, post) {
    switch (message?.type) {
      case 'load': return load(message, post);
      case 'report': return report(message);
      case 'version': return { ok: true, version: (await engine()).version() };
      default: return failure('unknown_request', `Unknown request type ${JSON.stringify(message?.type)}.`);
    }
  }

  return function handle(message, post) {
    // One request at a time: a report must not interleave with a load.
    const run = queue.then(async () => {
      let reply;
      try {
        reply = await dispatch(message, post);
      } catch (err) {
        // The engine returns errors as data; an exception here means the
        // module aborted (or the file could not be read). The instance is
        // no longer usable: start over on the next request.
        session = null;
        modulePromise = null;
        reply = failure('engine_failed', 'The engine stopped: ' + describe(err));
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

function describe(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}
