// Types of bbb-engine.mjs, the engine's JavaScript API (hand-written; kept
// under tsc by the tests). The report's full shape is docs/report.schema.json.

export type FileKind = 'contracts' | 'subscriptions' | 'invoices' | 'fulfilment';

export interface EngineError { code: string; message: string }
export type Failure = { ok: false; error: EngineError };

/** Settings that change how rows are read (a change means reading again). All optional. */
export interface ReadSettings {
  currency?: string;                           // default currency, "USD"
  proration?: 'monthly' | 'daily';
  as_of?: string;                              // YYYY-MM-DD: dates the forward view, pipeline and orders
  today?: string;                              // YYYY-MM-DD: bounds report.settings.as_of_default (read again with it when no as_of)
  default_term?: number;                       // months for booked lines with no term, end or delivery date (1-1200)
  date_order?: 'auto' | 'ymd' | 'mdy' | 'dmy';
  decimal?: 'auto' | '.' | ',';
  encoding?: 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter?: 'auto' | ',' | ';' | '\t' | '|';
  mapping?: Record<string, string>;             // field -> column header
  split_by?: string;                           // a column whose values split every table
  source?: string;                             // a source profile (hubspot_deals, ...); default: the header decides
  values?: Partial<Record<'status' | 'type' | 'billing' | 'recognition' | 'interval', Record<string, string>>>;  // value as written -> engine word
  waterfall?: boolean;                         // add the waterfall (both views)
  snapshot?: boolean;                          // keep every line, for a comparison of two exports
  drill?: DrillRequest;                        // list the lines behind one figure
}

export interface DrillRequest {
  currency: string;
  metric: string;                              // see docs/metrics.md, "Drill-down"
  from: string;
  to: string;
  limit?: number;
  age?: '0-30' | '31-60' | '61-90' | '91-180' | '181+' | 'none';
  row_from?: string;
  row_to?: string;
  not_billed?: boolean;
  segment?: string | { other_than: string[] };
}

/** Settings that only regroup what was read (instant). All optional. */
export interface ReportSettings {
  period?: 'month' | 'quarter' | 'year';
  fiscal_start?: number;                       // 1-12
  from?: string;
  to?: string;
  top?: number;                                // segments shown one by one
}

/** The report: see docs/report.schema.json. Amounts are integers in minor units. */
export interface Report {
  engine: { name: 'bbb'; version: string; spec: string };
  settings: Record<string, unknown>;
  rows: {
    read: number; accepted: number; rejected: number; rejected_value: Record<string, number>;
    no_term?: Record<string, { count: number; value: number }>;       // booked lines read as one-time for want of a term
    default_term?: Record<string, { count: number; value: number }>;  // booked lines given the default term
  };
  minor_digits: Record<string, number>;
  files: Array<Record<string, unknown>>;
  issues: Array<{ file: string; line: number; column: string; severity: 'error' | 'warning'; code: string; message: string; value?: string; raw?: string }>;
  issue_counts: Record<string, number>;
  issues_unlisted: number;
  currencies: Record<string, Record<string, unknown>>;
  drill?: Record<string, unknown>;
}

export type ReportResult = { ok: true; report: Report; text: string } | Failure;

/** What compare() lists: rows per category, largest first (0 = every row; default 200). */
export interface CompareSettings { limit?: number }

/** One side of a changed line; null in `before` for an added line, in `after` for a removed one. */
export interface ChangedSide { line: number; amount: number; currency: string; status: string; close: string | null }
export interface ChangedRow { id: string; customer: string; value: number; before: ChangedSide | null; after: ChangedSide | null }
export interface ChangeCategory { count: number; value: number; increase?: number; decrease?: number; listed: number; rows: ChangedRow[] }
export type ChangeKind = 'added' | 'removed' | 'won' | 'lost' | 'status_changed' | 'amount_changed' | 'slipped' | 'pulled_in';

/** Two exports matched by id (docs/metrics.md, "Changes between two exports"). Amounts in minor units. */
export interface Changes {
  engine: { name: 'bbb'; version: string; spec: string };
  settings: { limit: number };
  files: Array<{ role: 'before' | 'after'; name: string; rows: { read: number; accepted: number; rejected: number };
    missing_id: number; duplicate_id: number; duplicate_ids: string[]; left_out: number }>;
  minor_digits: Record<string, number>;
  currencies: Record<string, { before: { count: number; value: number }; after: { count: number; value: number };
    unchanged: number; changes: Record<ChangeKind, ChangeCategory> }>;
}

export type CompareResult = { ok: true; changes: Changes; text: string } | Failure;

/** Anything the API can read a file from. */
export type Input = string | ArrayBuffer | ArrayBufferView | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface EngineSession {
  /** Starts a file. Invoices and fulfilment before contracts. */
  begin(kind: FileKind, name?: string): { ok: true } | Failure;
  /** Optional, after begin(): the file's size in bytes; duplicate detection sizes its table from it. */
  expectBytes(bytes: number): void;
  /** Feeds bytes of the current file, any size; returns the data rows read so far in it. */
  feed(bytes: Uint8Array | ArrayBuffer): number;
  /**
   * After feed(): false once the file is refused as not text (a PNG, a zip,
   * binary bytes: decided from its first 64 KiB), when feeding the rest
   * would change nothing; stop reading it and call end().
   */
  wantsMore(): boolean;
  /** What a file's first bytes say it is (feedFile asks, and reads a workbook part by part). */
  containerOf(head: Uint8Array, name?: string): { container: 'text' | 'xlsx' | 'other'; refusal: string };
  /** After begin(): refuses the file in a sentence; then end(). */
  refuse(sentence: string): void;
  /** After begin(): the file is an .xlsx workbook of `size` bytes; its sheet `sheet` (default the first) is read. */
  beginWorkbook(size: number, sheet?: string): void;
  /** What the workbook reader asks for now: bytes [offset, offset + length) of the file, inflated (deflate-raw) for 'inflated'. */
  workbookNext(): { kind: 'raw' | 'inflated' | 'done'; offset: number; length: number; inflated_length: number; part: string };
  /** The current request's bytes, in order, in pieces of any size; returns the data rows read so far. */
  workbookFeed(bytes: Uint8Array): number;
  /** All of the current request's bytes were fed. */
  workbookEndRequest(): void;
  /** The bytes could not be served: end() refuses the file with this sentence. */
  failWorkbook(sentence: string): void;
  /** Ends the current file: its summary (columns found, formats, rows). */
  end(): { ok: true; file: Record<string, unknown> } | Failure;
  /** The report for these settings; may be asked again with others without reading again. */
  report(settings?: ReportSettings): ReportResult;
  /** The engine's wasm memory in bytes: it only grows, so this is its peak so far. */
  heapBytes(): number;
  /**
   * Reading in one session and folding in another (two workers of the same
   * build, each with a session of the same settings). After handOffLines()
   * this session folds nothing: after each feed() and end(), lines() holds
   * the lines it accepted since, and after the last file readingPart() its
   * part of the report (rows, files, issues); both are views valid until
   * the next call, to copy out. The folding session takes each lines() in
   * order with foldLines(), then the part with adoptReading(); its report()
   * is then, byte for byte, the report of one session reading alone.
   */
  handOffLines(): void;
  lines(): Uint8Array;
  readingPart(): Uint8Array;
  foldLines(lines: Uint8Array): void;
  adoptReading(part: Uint8Array): { ok: true } | Failure;
  /** Read with {snapshot: true}, as `later` was: the changes from this export to `later`'s, matched by id. */
  compareWith(later: EngineSession, settings?: CompareSettings): CompareResult;
  /** Frees the session's memory. */
  close(): void;
}

export interface FeedProgress {
  bytesRead: number;
  /** The bytes to read (the input's size, within the limit); 0 when a stream's size is not known. */
  bytesTotal: number;
  /** Data rows read so far in this file. */
  rowsRead: number;
  /** The engine's wasm memory in bytes (its peak so far). */
  heapBytes: number;
}

export interface FeedOptions {
  /** Bytes fed per call; default CHUNK_BYTES (1 MiB). */
  chunkBytes?: number;
  /** Read at most this many bytes of the input (a preview of its first rows). */
  limit?: number;
  /** Stops the read before its next piece: feedFile throws signal.reason. */
  signal?: AbortSignal;
  /** Who reads the input into pieces; default: the API's own reading of any Input. */
  pieces?: (input: Input, pieceBytes: number, limit: number) => AsyncIterable<Uint8Array>;
  /** Called after each piece is fed, and awaited (a caller may hold the read back). */
  onProgress?: (progress: FeedProgress) => unknown;
  /** An .xlsx workbook's sheet to read, by name; default its first sheet. */
  sheet?: string;
}

/**
 * Reads one file into a session: begin(kind, name), its size, its bytes in
 * pieces (no further once wantsMore() is false), end(). Returns end()'s
 * reply, or begin()'s failure. Feed invoices and fulfilment before contracts
 * (FEEDING_ORDER).
 */
export function feedFile(session: EngineSession, kind: FileKind, name: string, input: Input,
  options?: FeedOptions): Promise<{ ok: true; file: Record<string, unknown> } | Failure>;

/** The order the files of a set are read in: invoices, fulfilment, contracts. */
export const FEEDING_ORDER: readonly FileKind[];

/** The engine's words, so that a page offers exactly what the engine reads. */
export interface EngineVocabulary {
  billing: string[];        // upfront, monthly, ..., on-delivery, none
  recognition: string[];    // ratable, point
  status: string[];         // booked, open, lost, cancelled
  proration: string[];      // monthly, daily
  period: string[];         // month, quarter, year
  drill_metrics: string[];  // the period amounts and view figures a drill-down lists the lines of
}

export interface Engine {
  /** The engine's version (report.engine.version). */
  readonly version: string;
  /** The engine's words (values of its columns, settings, drill metrics). */
  readonly vocabulary: Readonly<EngineVocabulary>;
  session(settings?: ReadSettings): EngineSession;
  /**
   * Reads the files (in the right order, streamed in 1 MiB pieces) and returns the report.
   * A file that cannot be read at all (not a CSV, a required column missing) is a Failure
   * with the engine's reason, as the CLI exits 2; rejected rows are listed in the report.
   */
  analyse(files: { contracts: Input; invoices?: Input; fulfilment?: Input;
    names?: Partial<Record<FileKind, string>> }, read?: ReadSettings, report?: ReportSettings): Promise<ReportResult>;
  /**
   * Two exports of the same pipeline or contract list (an earlier and a
   * later), each read with the same settings, matched by id: what was
   * added, removed, won, lost, changed in amount or moved in close date.
   * A file that cannot be read is a Failure, as in analyse().
   */
  compare(files: { before: Input; after: Input; names?: { before?: string; after?: string };
    sheets?: { before?: string; after?: string } }, read?: ReadSettings, settings?: CompareSettings): Promise<CompareResult>;
}

export interface EngineOptions {
  /** The .wasm bytes; default: bbb.wasm beside this module (read from disk in Node, fetched in a browser). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  wasmUrl?: string | URL;
  /** The engine's code compiled already (by another worker, say): instantiated without fetching or compiling. */
  wasmModule?: WebAssembly.Module;
  /** The Emscripten module factory; default: bbb.js beside this module. */
  factory?: (options: object) => Promise<unknown>;
  onAbort?: (what: unknown) => void;
}

export const CHUNK_BYTES: number;
export function createEngine(options?: EngineOptions): Promise<Engine>;
