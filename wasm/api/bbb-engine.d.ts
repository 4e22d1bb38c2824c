// Types of bbb-engine.mjs, the engine's JavaScript API (hand-written; kept
// under tsc by the tests). The report's full shape is docs/report.schema.json.

export type FileKind = 'contracts' | 'invoices' | 'fulfilment';

export interface EngineError { code: string; message: string }
export type Failure = { ok: false; error: EngineError };

/** Settings that change how rows are read (a change means reading again). All optional. */
export interface ReadSettings {
  currency?: string;                           // default currency, "USD"
  proration?: 'monthly' | 'daily';
  as_of?: string;                              // YYYY-MM-DD: dates the forward view, pipeline and orders
  date_order?: 'auto' | 'ymd' | 'mdy' | 'dmy';
  decimal?: 'auto' | '.' | ',';
  encoding?: 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter?: 'auto' | ',' | ';' | '\t' | '|';
  mapping?: Record<string, string>;             // field -> column header
  split_by?: string;                           // a column whose values split every table
  waterfall?: boolean;                         // add the waterfall (both views)
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
  rows: { read: number; accepted: number; rejected: number; rejected_value: Record<string, number> };
  minor_digits: Record<string, number>;
  files: Array<Record<string, unknown>>;
  issues: Array<{ file: string; line: number; column: string; severity: 'error' | 'warning'; code: string; message: string; value?: string; raw?: string }>;
  issue_counts: Record<string, number>;
  issues_unlisted: number;
  currencies: Record<string, Record<string, unknown>>;
  drill?: Record<string, unknown>;
}

export type ReportResult = { ok: true; report: Report; text: string } | Failure;

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
  /** Ends the current file: its summary (columns found, formats, rows). */
  end(): { ok: true; file: Record<string, unknown> } | Failure;
  /** The report for these settings; may be asked again with others without reading again. */
  report(settings?: ReportSettings): ReportResult;
  /** Frees the session's memory. */
  close(): void;
}

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
}

export interface EngineOptions {
  /** The .wasm bytes; default: bbb.wasm beside this module (read from disk in Node, fetched in a browser). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  wasmUrl?: string | URL;
  /** The Emscripten module factory; default: bbb.js beside this module. */
  factory?: (options: object) => Promise<unknown>;
  onAbort?: (what: unknown) => void;
}

export const CHUNK_BYTES: number;
export function createEngine(options?: EngineOptions): Promise<Engine>;
