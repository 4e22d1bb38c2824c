// The messages between the page and its engine worker, in one place: what
// the page asks (EngineClient, engine_client.js), what the worker answers
// (the request handler, engine_handler.js), and the ports the page hands
// its workers (attach_reader.js, attach_reading_worker.js). On those ports
// the helpers speak protocols of their own, written beside their code: the
// reader worker's in wasm/api/blob_reader.worker.mjs, the reading worker's
// in wasm/api/split_reading.mjs.
//
// Every request but cancel has an id and gets exactly one reply with it,
// {type: 'reply', id, ok: true, ...} or {type: 'reply', id, ok: false,
// error}; while a file is read, progress messages with that id come first.
// Engine results pass through as the engine wrote them: no finance here.

/**
 * @typedef {Record<string, any>} ReadSettings settings that change how rows are read (the JS API's
 *   ReadSettings, wasm/api/bbb-engine.d.ts), as the page's controls give them
 * @typedef {Record<string, any>} ReportSettings settings of the report itself (the JS API's ReportSettings)
 * @typedef {import('../../../wasm/api/bbb-engine').EngineVocabulary} EngineVocabulary
 * @typedef {import('../../../wasm/api/bbb-engine').FileKind} FileKind
 * @typedef {{kind: FileKind, file: File, sheet?: string}} FileEntry one file of a set, as picked (a File: its
 *   name is the report's); sheet: the sheet of a workbook to read (files[].workbook.sheets), default the first
 */

// ---------------------------------------------------------- page -> worker ----

/**
 * A new session (the old one is freed first, to bound memory) reads every
 * file, invoices and fulfilment before contracts, in 1 MiB pieces, each
 * file no further than the engine wants (a file refused as not text). From
 * SPLIT_MIN_BYTES the reading worker reads them while this one folds.
 * Reply: LoadReply.
 * @typedef {{type: 'load', id: number, settings: ReadSettings, files: FileEntry[]}} LoadRequest
 */
/**
 * A throwaway session reads the first `bytes` (PREVIEW_BYTES) of a
 * contracts file: the engine's summary of it (header, mapping, formats).
 * The live session is untouched. Reply: PreviewReply.
 * @typedef {{type: 'preview', id: number, settings: ReadSettings, file: File, bytes?: number, sheet?: string}} PreviewRequest
 */
/**
 * The live session's report for these settings: the files are not read again. Reply: ReportReply.
 * @typedef {{type: 'report', id: number, settings: ReportSettings}} ReportRequest
 */
/**
 * The lines behind one figure (settings.drill), from a separate session
 * over the same files; the live session is kept. Reply: DrillReply.
 * @typedef {{type: 'drill', id: number, settings: ReadSettings, files: FileEntry[], report_settings: ReportSettings}} DrillRequest
 */
/**
 * Two exports of the same pipeline or contract list, each read by a session
 * of its own with `snapshot: true` (the live session is kept), matched by
 * id: the engine's changes (docs/metrics.md). Reply: CompareReply.
 * @typedef {{type: 'compare', id: number, settings: ReadSettings, before: FileEntry, after: FileEntry,
 *   compare_settings?: {limit?: number}}} CompareRequest
 */
/**
 * The engine's version and vocabulary (its words for billing, statuses,
 * drill metrics...); asking starts the engine. Reply: EngineInfoReply.
 * @typedef {{type: 'engine', id: number}} EngineInfoRequest
 */
/**
 * Served at once, outside the queue: the read running stops before its
 * next piece and replies {ok: false, error: {code: 'cancelled'}}. No reply of its own.
 * @typedef {{type: 'cancel', id?: undefined}} CancelRequest
 */
/** @typedef {LoadRequest|PreviewRequest|ReportRequest|DrillRequest|CompareRequest|EngineInfoRequest|CancelRequest} Request */

// ---------------------------------------------------------- worker -> page ----

/**
 * A reply: ok true with what was asked (the fields of its request's reply
 * below), or ok false with the error.
 * @typedef {{code: string, message: string}} EngineError
 * @typedef {{type: 'reply', id: number, ok: boolean, error?: EngineError}} ReplyBase
 * @typedef {ReplyBase & {ok: false, error: EngineError}} ErrorReply
 * @typedef {ReplyBase & {file_summaries?: Array<Record<string, any>|null>}} LoadReply
 *   file_summaries: the engine's summary of each file, in the order read
 * @typedef {ReplyBase & {file?: Record<string, any>, issues?: Array<Record<string, any>>}} PreviewReply
 *   issues: when the engine cannot read the file (file.readable false), its file-level errors, which say why
 * @typedef {ReplyBase & {report?: Record<string, any>}} ReportReply
 *   report: the engine's report (docs/report.schema.json)
 * @typedef {ReplyBase & {drill?: Record<string, any>}} DrillReply
 * @typedef {ReplyBase & {changes?: Record<string, any>}} CompareReply
 *   changes: the engine's comparison (the JS API's Changes)
 * @typedef {ReplyBase & {version?: string, vocabulary?: EngineVocabulary}} EngineInfoReply
 * @typedef {LoadReply|PreviewReply|ReportReply|DrillReply|CompareReply|EngineInfoReply} Reply
 */
/**
 * Before a read's reply, after each piece of a file. heapBytes: the
 * engine's wasm memory (both workers' when two read), which only grows: its peak.
 * @typedef {{type: 'progress', id: number, kind: FileKind, fileName: string, fileIndex: number, fileCount: number,
 *   bytesRead: number, bytesTotal: number, rowsRead: number, heapBytes: number}} ProgressMessage
 */
/**
 * The engine aborted (out of memory, a failed assertion): the page replaces the worker.
 * @typedef {{type: 'fatal', message: string}} FatalMessage
 */
/** @typedef {Reply|ProgressMessage|FatalMessage} WorkerMessage */

// -------------------------------------------------------------- the ports ----

/**
 * The message types that join an engine worker to a helper worker by a
 * MessageChannel (join_helper.js): the helper gets one port as {type: serve,
 * port}, the engine worker the other as {type: join, port}, and {type: lost}
 * when the helper failed. The reader worker takes 'port' in
 * blob_reader.worker.mjs; the rest are taken by engine_worker_setup.js.
 */
export const PORT_MESSAGES = Object.freeze({
  /** A reader worker, which reads picked files off the engine's thread. */
  reader: Object.freeze({ serve: 'port', join: 'reader', lost: 'reader-lost' }),
  /** A second engine worker, which reads the rows of large files while the first folds them. */
  readingWorker: Object.freeze({ serve: 'serve-reading', join: 'reading-worker', lost: 'reading-worker-lost' }),
});

/**
 * @typedef {{type: 'port'|'reader'|'serve-reading'|'reading-worker', port: MessagePort}
 *   | {type: 'reader-lost'|'reading-worker-lost'}} PortMessage
 */
