// Row counts per file, each named as the user dropped it. The report's
// top-level `rows` counts only the contracts file, so every count the page
// shows comes from the engine's per-file `files[].rows`, with its file.

/**
 * @typedef {{kind: string, name: string, counted: boolean, read: number, accepted: number, rejected: number,
 *   rejectedValue: Record<string, number>, skipped: number, skippedKinds: string[]}} FileRows
 *   counted: false when the summary has no counts (a preview: only its first bytes were read)
 */

/** Shown in this order, the contracts first (the engine reads them last). */
const KIND_ORDER = { contracts: 0, invoices: 1, fulfilment: 2 };

const count = (n) => (Number.isSafeInteger(n) && n >= 0 ? n : 0);

/**
 * @param {any[]} files the engine's file summaries (report.files or a load's file_summaries)
 * @returns {FileRows[]}
 */
export function fileRows(files) {
  return (Array.isArray(files) ? files : []).filter((f) => f && typeof f === 'object').map((f) => ({
    kind: String(f.kind ?? ''),
    name: String(f.name || f.kind || ''),
    counted: !!f.rows,
    read: count(f.rows?.read),
    accepted: count(f.rows?.accepted),
    rejected: count(f.rows?.rejected),
    rejectedValue: f.rows?.rejected_value && typeof f.rows.rejected_value === 'object' ? f.rows.rejected_value : {},
    // Lines that are not data (totals, footers): apart from the rows read.
    skipped: (Array.isArray(f.rows?.skipped) ? f.rows.skipped : []).reduce((n, s) => n + count(s?.count), 0),
    // Their kinds as the engine names them ("footer 3", "void 2"), in the order first seen.
    skippedKinds: (Array.isArray(f.rows?.skipped) ? f.rows.skipped : []).filter((s) => count(s?.count) > 0)
      .map((s) => `${String(s.kind ?? '')} ${count(s.count)}`),
  })).sort((a, b) => (KIND_ORDER[a.kind] ?? 3) - (KIND_ORDER[b.kind] ?? 3));
}

/** The name of an issue's file (its `file` is the kind): the name of the file of that kind, else the kind. */
export function issueFileName(issue, files) {
  const kind = issue?.file == null ? '' : String(issue.file);
  const file = (Array.isArray(files) ? files : []).find((f) => f?.kind === kind);
  return String(file?.name || kind);
}
