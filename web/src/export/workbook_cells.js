// Cells of an exported workbook from the page's figures: each kind of figure
// (an amount in a currency, a count, a share, a multiple, days) as a number
// cell with its spreadsheet number format; anything else as text. The number
// is the figure's exact decimal text (export_report.js plainAmount for money),
// never recomputed.
import { NUMBER_TEXT } from './xlsx_writer.js';

/** The number format of an amount with `digits` minor digits (ISO 4217): "#,##0.00;(#,##0.00)", negatives in brackets as on the page. */
export function amountFormat(digits) {
  const n = Number.isInteger(digits) && digits > 0 && digits <= 9 ? digits : 0;
  const body = n > 0 ? `#,##0.${'0'.repeat(n)}` : '#,##0';
  return `${body};(${body})`;
}

/** Formats of the other kinds of figure (statement_model.js CellKind, view_cells.js kind). */
export const FORMATS = {
  count: '#,##0',
  percent: '0.0%',
  growth: '+0.0%;-0.0%;0.0%',
  ratio: '0.00"×"',
  multiple: '0.00"×"',
  months: '#,##0.0',
  days: '#,##0.0',
};

/**
 * A cell of a figure: a number cell when its raw text is a number, else its
 * text (a figure not known, "—", stays text).
 * @param {string} raw the figure's plain text (CSV text)
 * @param {string} kind amount, count, percent, growth, ratio, multiple, months or days
 * @param {number} digits the currency's minor digits, for an amount
 * @param {boolean} [bold]
 * @returns {import('./xlsx_writer.js').Cell}
 */
export function figureCell(raw, kind, digits, bold = false) {
  const text = raw == null ? '' : String(raw);
  if (text === '') return null;
  if (!NUMBER_TEXT.test(text)) return { text, bold };
  const format = kind === 'amount' ? amountFormat(digits) : FORMATS[kind] ?? '';
  return { number: text, format, bold };
}

/** A text cell, or null for an empty one. @returns {import('./xlsx_writer.js').Cell} */
export function textCell(value, bold = false) {
  const text = value == null ? '' : String(value);
  return text === '' && !bold ? null : { text, bold };
}
