// Remembers the column mapping and formats a user chose, per header: the
// next file with the same header is read with them. Kept in localStorage
// (this browser only); a storage that fails is ignored.

const PREFIX = 'bbb:columns:';
/** Wider headers are keyed by their width and a hash of their names: a million names would not fit in storage. */
const KEY_NAMES_LIMIT = 256;
/** Keys already made, by header array: hashing a million names takes ~0.1 s. */
const keys = new WeakMap();

/** The storage key of a header (its column names, in order). @param {string[]} header */
export function headerKey(header) {
  const names = header ?? [];
  let key = keys.get(names);
  if (key === undefined) {
    key = PREFIX + (names.length <= KEY_NAMES_LIMIT ? JSON.stringify(names) : `${names.length} columns #${hashNames(names)}`);
    keys.set(names, key);
  }
  return key;
}

/** A 53-bit hash of names in order (cyrb53's two lanes, a separator after each name). @param {string[]} names */
function hashNames(names) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const name of names) {
    const text = String(name);
    // 0x10000 after each name, a code no character has: ['ab'] and ['a', 'b'] differ.
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 0x10000;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * @typedef {{mapping?: Record<string, string>, date_order?: string, decimal?: string,
 *   delimiter?: string, encoding?: string, source?: string,
 *   values?: Record<string, Record<string, string>>}} ColumnChoices
 *   source: the source profile the user chose (the read setting `source`);
 *   values: per field, a value as written -> the engine word the user gave it (the read setting `values`)
 */

/** @param {string[]} header @param {Storage|null} [storage] @returns {ColumnChoices|null} */
export function recallChoices(header, storage = safeStorage()) {
  try {
    const text = storage?.getItem(headerKey(header));
    const value = text ? JSON.parse(text) : null;
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** @param {string[]} header @param {ColumnChoices} choices @param {Storage|null} [storage] */
export function rememberChoices(header, choices, storage = safeStorage()) {
  try { storage?.setItem(headerKey(header), JSON.stringify(choices)); } catch { /* full or disabled */ }
}

/** @param {string[]} header @param {Storage|null} [storage] */
export function forgetChoices(header, storage = safeStorage()) {
  try { storage?.removeItem(headerKey(header)); } catch { /* disabled */ }
}

function safeStorage() {
  try { return globalThis.localStorage ?? null; } catch { return null; }
}
