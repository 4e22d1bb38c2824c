// A file the engine could not read at all (not text, empty, a column it
// needs missing), said as the CLI says it: "a.png: this file is a PNG
// image, not a CSV file". The reason is the engine's file-level error;
// the page only picks it out and names the file.

/**
 * @typedef {{kind: string, name: string, code: string, message: string, text: string}} Refusal
 *   text: the file's name, then the engine's reason
 */

/** The file-level errors among the engine's issues (line 0: the whole file). */
export function fileErrors(issues) {
  return (Array.isArray(issues) ? issues : []).filter((i) => i?.line === 0 && i?.severity === 'error');
}

/**
 * Each file the engine could not read, with the engine's reason.
 * @param {any[]} files the engine's file summaries (report.files, or a preview's file)
 * @param {any[]} issues the engine's issues; a file-level error names its file's kind
 * @returns {Refusal[]}
 */
export function refusedFiles(files, issues) {
  const errors = fileErrors(issues);
  return (Array.isArray(files) ? files : []).filter((f) => f && f.readable === false).map((f) => {
    const why = errors.find((i) => i.file === f.kind);
    const name = f.name || f.kind || 'the file';
    const message = why?.message ?? 'cannot be read';
    return { kind: f.kind, name, code: why?.code ?? 'unreadable_file', message, text: `${name}: ${message}` };
  });
}

/** One line for the status: each refused file and its reason. */
export function refusalText(refusals) {
  return refusals.map((r) => r.text).join(' · ');
}
