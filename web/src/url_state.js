// The report's settings in the page's address (its fragment, never sent to
// a server): period, fiscal start, range, as-of, split, top segments,
// proration, default currency, the view and the currency on show, so that
// a link or a reload opens the same view once the same file is read. Never
// the data. Read strictly: a key this page does not know, or a value that
// is not one it offers, is dropped without a word, and nothing read here is
// ever rendered (the values only set form controls).
import { decodeOr } from './safe_decode.js';

/** The settings a fragment can carry, with the values each may take. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isDate = (v) => {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};
const inRange = (lo, hi) => (v) => /^\d{1,3}$/.test(v) && Number(v) >= lo && Number(v) <= hi;
const CURRENCY = (v) => /^[A-Z]{3}$/.test(v);

/** @type {Record<string, (value: string, views: string[]) => boolean>} */
const CHECKS = {
  period: (v) => v === 'month' || v === 'quarter' || v === 'year',
  fiscal_start: inRange(1, 12),
  from: isDate,
  to: isDate,
  as_of: isDate,
  top: inRange(1, 200),
  proration: (v) => v === 'monthly' || v === 'daily',
  currency: CURRENCY,
  // A column's name: checked against the file's columns when it is read (split_by is a select's option).
  split_by: (v) => v.length > 0 && v.length <= 200 && !/[\u0000-\u001f]/.test(v),
  view: (v, views) => views.includes(v),
  tab: CURRENCY,
  // An analysis kept on this device (kept_store.js ids): opened at once when it is there.
  kept: (v) => /^[a-z0-9-]{1,40}$/.test(v),
};

/** The keys, in the order written. */
export const URL_KEYS = Object.freeze(Object.keys(CHECKS));

/**
 * The settings a fragment (location.hash) carries, those that pass their check only.
 * @param {string} hash "#period=quarter&view=pipeline", with or without the "#"
 * @param {string[]} views the view keys the page offers
 * @returns {Record<string, string>}
 */
export function readUrlSettings(hash, views) {
  const out = /** @type {Record<string, string>} */ ({});
  const text = String(hash ?? '').replace(/^#/, '');
  if (!text || text.length > 4000) return out;
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    // A malformed escape drops its pair (decodeOr's fallback, a key no check has).
    const key = decodeOr(part.slice(0, eq).replace(/\+/g, ' '), '');
    const value = decodeOr(part.slice(eq + 1).replace(/\+/g, ' '), '\u0000');
    if (!Object.hasOwn(CHECKS, key) || Object.hasOwn(out, key)) continue;
    if (CHECKS[key](value, views)) out[key] = value;
  }
  return out;
}

/**
 * The fragment for these settings (empty values left out), "#" included; "" when there are none.
 * @param {Record<string, string|undefined>} settings
 */
export function urlHash(settings) {
  const params = new URLSearchParams();
  for (const key of URL_KEYS) {
    const value = settings[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text ? `#${text}` : '';
}
