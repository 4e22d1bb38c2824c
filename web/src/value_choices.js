// The values list of "Columns and formats" (spec 11): per status, type,
// billing, recognition and interval column, its distinct values as the
// engine counted them (files[].values), what each reads as, and the user's
// choice of an engine word for a value, which becomes the read setting
// `values` ({"status": {"Verbal commit": "open"}}) and is remembered with
// the column mapping (mapping_memory.js). The engine decides what a value
// means; the page only passes the user's words on. No arithmetic on amounts.
import { formatMinor } from './format_minor.js';

/** The fields whose values can be given a word, as the engine names them, with their labels. */
export const VALUE_FIELDS = /** @type {const} */ ({
  status: 'Status', type: 'Type', billing: 'Billing', recognition: 'Recognition', interval: 'Interval',
});

/**
 * Words for fields the engine's vocabulary does not list (it lists status,
 * billing and recognition): the subscription interval units, and the deal
 * types the engine names (a type may also be any other text).
 */
const OTHER_WORDS = { interval: ['day', 'week', 'month', 'year'], type: ['new', 'expansion', 'renewal', 'contraction'] };

/**
 * The engine words a value of `field` can be given: the engine's own
 * (vocabulary.status, .billing, .recognition), else the fixed lists above.
 * @param {string} field
 * @param {{status?: string[], billing?: string[], recognition?: string[]} | null | undefined} vocabulary
 * @returns {string[]}
 */
export function wordsFor(field, vocabulary) {
  const own = vocabulary?.[field];
  if (Array.isArray(own) && own.length > 0) return own.map(String);
  return OTHER_WORDS[field] ?? [];
}

/** True when a value of this field may be given any text, not only a listed word (a deal type). */
export function takesFreeText(field) {
  return field === 'type';
}

/**
 * The choices with `value` of `field` read as `word` (an empty word removes
 * the user's reading: the engine's vocabulary decides again). A new object;
 * `choices` is left as it was.
 * @param {import('./mapping_memory.js').ColumnChoices} choices
 * @param {string} field @param {string} value @param {string} word
 * @returns {import('./mapping_memory.js').ColumnChoices}
 */
export function withValueWord(choices, field, value, word) {
  /** @type {Record<string, Record<string, string>>} */
  const values = {};
  for (const [f, words] of Object.entries(choices?.values ?? {})) values[f] = { ...words };
  const text = String(word ?? '').trim();
  if (text) {
    values[field] = { ...(values[field] ?? {}), [value]: text };
  } else if (values[field]) {
    delete values[field][value];
    if (Object.keys(values[field]).length === 0) delete values[field];
  }
  const next = { ...(choices ?? {}) };
  if (Object.keys(values).length > 0) next.values = values;
  else delete next.values;
  return next;
}

/**
 * The read setting `values` of the choices, or undefined when there is none.
 * @param {import('./mapping_memory.js').ColumnChoices} choices
 * @returns {Record<string, Record<string, string>> | undefined}
 */
export function valuesSetting(choices) {
  /** @type {Record<string, Record<string, string>>} */
  const out = {};
  for (const [field, words] of Object.entries(choices?.values ?? {})) {
    if (!(field in VALUE_FIELDS) || !words || typeof words !== 'object') continue;
    const kept = Object.entries(words).filter(([, w]) => typeof w === 'string' && w !== '');
    if (kept.length > 0) out[field] = Object.fromEntries(kept);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * "USD 1,200.00 · EUR 300.00": a value's amounts per currency, with each
 * currency's digits when known, else in minor units, said so.
 * @param {Record<string, number>} amounts {CUR: minor units}
 * @param {Record<string, number>} digits minor digits by currency
 */
export function amountsText(amounts, digits) {
  const parts = Object.entries(amounts ?? {}).map(([code, minor]) => {
    const d = digits?.[code];
    return Number.isInteger(d) ? `${code} ${formatMinor(minor, d)}` : `${code} ${formatMinor(minor, 0)} (minor units)`;
  });
  return parts.join(' · ');
}

/**
 * @typedef {{value: string, rows: number, rowsText: string, amounts: string, readsAs: string|null,
 *   understood: boolean, mapped: boolean, chosen: string}} ValueRow
 *   readsAs: the engine's reading (null: not understood, its rows are rejected);
 *   chosen: the word the user gave it ('' when none)
 * @typedef {{field: string, label: string, column: string, rows: ValueRow[], otherValues: number, otherRows: number,
 *   notUnderstood: number}} ValueColumn
 */

/**
 * The values list of one file summary, for the panel.
 * @param {any} summary the engine's file summary (report.files[i])
 * @param {import('./mapping_memory.js').ColumnChoices} choices the choices the file was read with
 * @param {Record<string, number>} digits minor digits by currency (report.minor_digits)
 * @returns {ValueColumn[]}
 */
export function valueColumns(summary, choices, digits) {
  const columns = Array.isArray(summary?.values) ? summary.values : [];
  return columns.filter((c) => c && typeof c === 'object' && c.field in VALUE_FIELDS).map((c) => {
    const chosenWords = choices?.values?.[c.field] ?? {};
    const rows = (Array.isArray(c.values) ? c.values : []).map((v) => {
      const value = String(v?.value ?? '');
      const readsAs = typeof v?.reads_as === 'string' && v.reads_as !== '' ? v.reads_as : null;
      const count = Number.isSafeInteger(v?.rows) ? v.rows : 0;
      return {
        value, rows: count, rowsText: formatMinor(count, 0), amounts: amountsText(v?.amounts, digits),
        readsAs, understood: readsAs !== null, mapped: v?.mapped === true,
        chosen: typeof chosenWords[value] === 'string' ? chosenWords[value] : '',
      };
    });
    return {
      field: c.field, label: VALUE_FIELDS[c.field], column: String(c.column ?? ''), rows,
      otherValues: Number.isSafeInteger(c.other_values) ? c.other_values : 0,
      otherRows: Number.isSafeInteger(c.other_rows) ? c.other_rows : 0,
      notUnderstood: rows.filter((r) => !r.understood).length,
    };
  });
}

/** True when a file has a value the engine did not understand (its rows are rejected). @param {any[]} files report.files */
export function hasValueNotUnderstood(files) {
  return (Array.isArray(files) ? files : []).some((f) => (Array.isArray(f?.values) ? f.values : [])
    .some((c) => c?.field in VALUE_FIELDS && (Array.isArray(c?.values) ? c.values : []).some((v) => v && v.reads_as == null)));
}
