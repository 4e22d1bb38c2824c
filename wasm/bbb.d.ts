// Hand-written types for the Embind module built from wasm/bindings.cpp
// (Debian's Emscripten 3.1.6 has no --emit-tsd). Kept under tsc by the tests.
//
// Every call returns data, never throws for bad input: JSON strings are
// {"ok": true, ...} or {"ok": false, "error": {"code": "...", "message": "..."}}.

/** Which file of a set is being read. Feed invoices and fulfilment before contracts. */
export type FileKind = 'contracts' | 'invoices' | 'fulfilment';

/**
 * One analysis: the files fed so far and what the engine folded from them.
 * Settings that change how rows are read (currency, proration, formats,
 * mapping) are fixed at construction; report settings are given per report().
 */
export interface BbbSession {
  /** Start a file. Returns JSON {ok} or {ok:false,error}. */
  begin(kind: FileKind, fileName: string): string;
  /**
   * Optional, after begin(): the file's size in bytes. Duplicate detection
   * then sizes its table once from the first rows instead of growing it
   * step by step (faster and smaller for large files whose ids are not in
   * order). The report is the same either way.
   */
  expectBytes(bytes: number): void;
  /**
   * A view of the engine's one reusable input buffer, with room for `size`
   * bytes. Write the next chunk into it, then call feed(size). The view is
   * invalid after any other call (wasm memory may grow).
   */
  inputBuffer(size: number): Uint8Array;
  /** Consume `size` bytes from the input buffer. Returns data rows read so far in this file. */
  feed(size: number): number;
  /**
   * After feed(): false once the file being read is refused as not text
   * (decided from its first 64 KiB block) or no file is begun: feeding the
   * rest changes nothing, so stop reading it and call end().
   */
  wantsMore(): boolean;
  /** End the current file. Returns JSON {ok, file: FileSummary}. */
  end(): string;
  /** The report for these settings (ReportSettings as JSON). Returns JSON {ok, report} or {ok:false,error}. */
  report(reportSettingsJson: string): string;
  /**
   * Reading in one worker and folding in another. After handOffLines(), this
   * session folds nothing: after each feed() and end(), lines() holds the
   * lines it accepted since (a view, invalid after any other call: copy it
   * out), and readingPart(), after the last file, its part of the report
   * (rows, files, issues). A folding session made with the same settings
   * (in another worker of the same build) takes each lines() in order with
   * foldLines(n), then the part with adoptReading(n), both written into its
   * inputBuffer(n) first; its report() is then byte for byte the report of
   * one session that read and folded alone.
   */
  handOffLines(): void;
  lines(): Uint8Array;
  readingPart(): Uint8Array;
  foldLines(size: number): void;
  /** Returns JSON {ok} or {ok:false,error} when the bytes are not a reading part. */
  adoptReading(size: number): string;
  /** Frees the session's wasm memory. */
  delete(): void;
}

/** Settings fixed for a session (JSON given to the Session constructor). All optional. */
export interface ReadSettings {
  currency?: string;                        // default currency, "USD"
  proration?: 'monthly' | 'daily';          // default "monthly"
  as_of?: string;                           // YYYY-MM-DD
  date_order?: 'auto' | 'ymd' | 'mdy' | 'dmy';  // tie-break for ambiguous dates
  decimal?: 'auto' | '.' | ',';
  encoding?: 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter?: 'auto' | ',' | ';' | '\t' | '|';
  mapping?: Record<string, string>;          // field -> column header, overrides detection
  snapshot?: boolean;                        // keep every line, for compare()
}

/** Report settings (JSON given to report()). All optional. */
export interface ReportSettings {
  period?: 'month' | 'quarter' | 'year';    // default "month"
  fiscal_start?: number;                    // 1-12, default 1
  from?: string;                            // YYYY-MM-DD, first day of the range
  to?: string;                              // YYYY-MM-DD, last day of the range
}

export interface BbbModule {
  Session: new (readSettingsJson: string) => BbbSession;
  version(): string;
  /**
   * Two sessions read with {"snapshot": true}, matched by id: JSON
   * {ok, changes} or {ok:false,error} (compare settings: {"limit": N}).
   */
  compare(before: BbbSession, after: BbbSession, compareSettingsJson: string): string;
  /** The engine's words as JSON text (EngineVocabulary). */
  vocabulary(): string;
}

export interface ModuleOptions {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
  onAbort?: (what: unknown) => void;
}

export default function createBbbModule(options?: ModuleOptions): Promise<BbbModule>;
