// Which columns a column list offers, and the search for the rest. A header
// can hold a million columns: a select of each one per field, built on the
// main thread, froze the page for minutes (100,000 columns: 27 s). Each
// list shows at most COLUMN_LIST_LIMIT names, the columns the engine mapped
// first, then the header's in order; any other is picked by typing its name
// (column_name_input.js), matched here a slice of names per task, so the
// page answers between slices however wide the header. No DOM here.

/** The most columns a list shows. */
export const COLUMN_LIST_LIMIT = 500;
/** The most names suggested for what is typed. */
export const SUGGESTION_LIMIT = 50;
/** Names matched per task: 20,000 short names take ~2-4 ms. */
export const SEARCH_SLICE = 20_000;

const COUNT = new Intl.NumberFormat('en-US');

/**
 * The columns a list shows, each once: a header of at most `limit` columns
 * in its order; a wider one's `first` (the engine's mapped columns), then
 * the header's in order, up to `limit`.
 * @param {ArrayLike<string>} header
 * @param {Array<string|null|undefined>} [first]
 * @param {number} [limit]
 * @returns {string[]}
 */
export function listedColumns(header, first = [], limit = COLUMN_LIST_LIMIT) {
  const count = header?.length ?? 0;
  const listed = [];
  const seen = new Set();
  const add = (name) => {
    const text = String(name);
    if (seen.has(text)) return;
    seen.add(text);
    listed.push(text);
  };
  if (count > limit) for (const name of first) if (name && listed.length < limit) add(name);
  for (let i = 0; i < count && listed.length < limit; i++) add(header[i]);
  return listed;
}

/**
 * What the panel says when the lists do not show every column; '' when they do.
 * @param {number} count the header's columns
 * @param {number} [limit]
 */
export function wideHeaderNotice(count, limit = COLUMN_LIST_LIMIT) {
  if (!(count > limit)) return '';
  return `This file has ${COUNT.format(count)} columns; the lists show the first ${COUNT.format(limit)}: type a column's name to pick another.`;
}

/** Waits for the next task, so that the page can answer input and paint. */
export const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

/**
 * Up to `limit` columns whose name holds `query`, in any case: the name
 * itself first, then names that start with it, then the others, each in
 * header order. `slice` names are matched per task; an aborted search
 * resolves null.
 * @param {ArrayLike<string>} header
 * @param {string} query
 * @param {{limit?: number, slice?: number, signal?: AbortSignal, pause?: () => Promise<void>}} [options]
 * @returns {Promise<string[]|null>}
 */
export async function findColumns(header, query, options = {}) {
  const { limit = SUGGESTION_LIMIT, slice = SEARCH_SLICE, signal, pause = nextTask } = options;
  if (query === '') return listedColumns(header, [], limit);
  const wanted = query.toLowerCase();
  let exact = null;
  const starts = [];
  const holds = [];
  const count = header?.length ?? 0;
  for (let from = 0; from < count; from += slice) {
    if (from > 0) await pause();
    if (signal?.aborted) return null;
    const to = Math.min(from + slice, count);
    for (let i = from; i < to; i++) {
      const name = String(header[i]);
      if (name === query && exact === null) { exact = name; continue; }
      const lower = name.toLowerCase();
      if (lower.startsWith(wanted)) { if (starts.length < limit) starts.push(name); } else if (holds.length < limit && lower.includes(wanted)) holds.push(name);
    }
    // Enough names that start with it, and the name itself: the rest would only come after them.
    if (starts.length >= limit && exact !== null) break;
  }
  if (signal?.aborted) return null;
  return [...(exact === null ? [] : [exact]), ...starts, ...holds].slice(0, limit);
}
