// Presentation of an amount given in integer minor units (cents).
//
// This is digit manipulation on the decimal string the engine produced, not
// arithmetic: the page never divides, multiplies or rounds money (STYLE.md
// §1, §2). 1234567 with 2 minor digits -> "12,345.67".

/**
 * @typedef {object} FormatOptions
 * @property {'parens'|'minus'} [negative] how a negative amount is shown:
 *   "(12,345.67)" (default, statement style) or "-12,345.67".
 * @property {string} [group] thousands separator, default ",".
 * @property {string} [point] decimal separator, default ".".
 */

/**
 * Formats an integer amount of minor units with `minorDigits` fraction digits.
 * Accepts a safe integer number, a bigint, or a string of an optional "-"
 * followed by digits. Anything else is returned as String(value) unchanged,
 * so an unexpected engine value is shown rather than hidden.
 *
 * @param {number|bigint|string} minor
 * @param {number} minorDigits 0..9, from the engine's currency table
 * @param {FormatOptions} [options]
 * @returns {string}
 */
export function formatMinor(minor, minorDigits, options = {}) {
  const { negative = 'parens', group = ',', point = '.' } = options;
  const text = toIntegerText(minor);
  if (text === null || !Number.isInteger(minorDigits) || minorDigits < 0 || minorDigits > 9) {
    return String(minor);
  }
  const isNegative = text.startsWith('-');
  let digits = isNegative ? text.slice(1) : text;
  digits = digits.replace(/^0+(?=\d)/, '');                  // "007" -> "7"
  digits = digits.padStart(minorDigits + 1, '0');            // "7" -> "007" for 2 digits
  const whole = digits.slice(0, digits.length - minorDigits);
  const fraction = digits.slice(digits.length - minorDigits);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = minorDigits > 0 ? grouped + point + fraction : grouped;
  const isZero = /^0+$/.test(digits);
  if (!isNegative || isZero) return body;
  return negative === 'minus' ? '-' + body : '(' + body + ')';
}

/**
 * True when the amount is zero (string test on its digits, no arithmetic).
 * @param {number|bigint|string} minor
 */
export function isZeroMinor(minor) {
  const text = toIntegerText(minor);
  return text !== null && /^-?0+$/.test(text);
}

/** @returns {string|null} "-123" style text, or null when not an integer. */
function toIntegerText(value) {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? String(value) : null;
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
  return null;
}
