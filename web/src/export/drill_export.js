// The lines behind a figure (the engine's drill) as a CSV file or a
// workbook: each line with its dates, term, billing and recognition as the
// engine read them, its amount and its contribution; the figure's total
// above, as the engine gave it. Amounts are plain decimals of the minor
// units; dates stay ISO text (YYYY-MM-DD), which every spreadsheet reads the
// same whatever its locale.
import { csvCell, plainAmount } from '../export_report.js';
import { figureCell, textCell } from './workbook_cells.js';

/**
 * The columns of a line: heading, the line's field, and what it is.
 * @type {Array<{heading: string, field: string, kind: 'text'|'count'|'amount'}>}
 */
export const DRILL_COLUMNS = [
  { heading: 'Id', field: 'id', kind: 'text' },
  { heading: 'Customer', field: 'customer', kind: 'text' },
  { heading: 'File line', field: 'line', kind: 'count' },
  { heading: 'Status', field: 'status', kind: 'text' },
  { heading: 'Type', field: 'type', kind: 'text' },
  { heading: 'Booking date', field: 'booking_date', kind: 'text' },
  { heading: 'Start', field: 'start', kind: 'text' },
  { heading: 'End', field: 'end', kind: 'text' },
  { heading: 'Term (months)', field: 'term_months', kind: 'count' },
  { heading: 'Billing', field: 'billing', kind: 'text' },
  { heading: 'Billing start', field: 'billing_start', kind: 'text' },
  { heading: 'Recognition', field: 'recognition', kind: 'text' },
  { heading: 'Delivery date', field: 'delivery_date', kind: 'text' },
  { heading: 'Cancel date', field: 'cancel_date', kind: 'text' },
  { heading: 'Line amount', field: 'amount', kind: 'amount' },
  { heading: 'Contribution', field: 'contribution', kind: 'amount' },
];

/** A line's field as plain text: an amount as its decimal, a missing one as ''. */
function rawField(line, column, digits) {
  const v = line?.[column.field];
  if (v == null) return '';
  return column.kind === 'amount' ? plainAmount(v, digits) : String(v);
}

/**
 * What the list is, in words: the figure, currency, period and segment.
 * @param {any} drill the engine's report.drill
 * @param {string} label the figure's name as on screen
 */
export function drillTitle(drill, label) {
  return `${label} · ${drill?.currency ?? ''} · ${drill?.from ?? ''} to ${drill?.to ?? ''}`;
}

/** The total line: the figure as the engine gave it, and how many lines make it. */
function totalText(drill, digits) {
  return drill?.value === null ? '' : plainAmount(drill?.value ?? 0, digits);
}

/**
 * The lines as CSV (formula-safe, export_report.js csvCell): a title row, the
 * figure's total, then a header and a row a line.
 * @param {any} drill the engine's report.drill
 * @param {number} digits the currency's minor digits
 * @param {string} label the figure's name as on screen
 */
export function drillCsv(drill, digits, label) {
  const lines = Array.isArray(drill?.lines) ? drill.lines : [];
  const out = [
    [drillTitle(drill, label)],
    ['Total', totalText(drill, digits), 'lines', String(drill?.count ?? lines.length)],
    DRILL_COLUMNS.map((c) => c.heading),
    ...lines.map((line) => DRILL_COLUMNS.map((c) => rawField(line, c, digits))),
  ];
  return out.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The lines as the one sheet of a workbook (export/xlsx_writer.js).
 * @param {any} drill
 * @param {number} digits
 * @param {string} label
 * @returns {import('./xlsx_writer.js').Sheet}
 */
export function drillSheet(drill, digits, label) {
  const lines = Array.isArray(drill?.lines) ? drill.lines : [];
  const cell = (line, c) => (c.kind === 'text' ? textCell(rawField(line, c, digits)) : figureCell(rawField(line, c, digits), c.kind, digits));
  return {
    name: 'Lines',
    rows: [
      [textCell(drillTitle(drill, label), true)],
      [textCell('Total', true), figureCell(totalText(drill, digits), 'amount', digits, true), textCell('lines'),
        figureCell(String(drill?.count ?? lines.length), 'count', 0)],
      DRILL_COLUMNS.map((c) => textCell(c.heading, true)),
      ...lines.map((line) => DRILL_COLUMNS.map((c) => cell(line, c))),
    ],
    freeze: { rows: 3, columns: 1 },
    widths: DRILL_COLUMNS.map((c) => (c.field === 'customer' ? 28 : c.kind === 'amount' ? 16 : 13)),
  };
}
