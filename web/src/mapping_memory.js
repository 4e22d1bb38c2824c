// Remembers the column mapping and formats a user chose, per header: the
// next file with the same header is read with them. Kept in localStorage
// (this browser only); a storage that fails is ignored.

const PREFIX = 'bbb:columns:';

/** The storage key of a header (its column names, in order). @param {string[]} header */
export function headerKey(header) {
  return PREFIX + JSON.stringify(header ?? []);
}

/**
 * @typedef {{mapping?: Record<string, string>, date_order?: string, decimal?: string,
 *   delimiter?: string, encoding?: string}} ColumnChoices
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
