// Which periods go on which printed page: a wide table is cut into blocks
// of whole columns, each as wide as a landscape page holds beside the
// repeated label column. Widths are in characters of the print font (ch),
// so this is plain arithmetic on text lengths, testable without a browser.

/** Block sizes tried first, so that a page holds a year, half a year, a quarter... */
const PREFERRED = { month: [12, 6, 4, 3], quarter: [8, 4], year: [] };
/** Padding of a printed cell, both sides, in ch. */
export const CELL_PADDING_CH = 2;
/** The label column is cut to this many ch (its text wraps past it). */
export const LABEL_MAX_CH = 34;

/**
 * The width of a text in ch (the width of a digit): a digit is one, a
 * capital 1.2, a lower-case letter or a space 0.8, a thousands or decimal
 * separator half, as in the usual proportional fonts.
 * @param {string} text
 */
export function textWidth(text) {
  let width = 0;
  for (const ch of text) width += ch === ',' || ch === '.' || ch === "'" ? 0.5 : /[a-z ]/.test(ch) ? 0.8 : /[A-Z]/.test(ch) ? 1.2 : 1;
  return width;
}

/**
 * The width of a column in ch: its widest text and the padding, rounded up.
 * @param {string[]} texts the header and every cell of the column
 */
export function columnWidth(texts) {
  let widest = 0;
  for (const text of texts) widest = Math.max(widest, textWidth(text));
  return Math.ceil(widest) + CELL_PADDING_CH;
}

/**
 * The label column's width in ch: its widest label and one for the bold of
 * group titles, at most LABEL_MAX_CH (longer labels wrap).
 * @param {string[]} labels
 */
export function labelWidth(labels) {
  return Math.min(columnWidth(labels) + 1, LABEL_MAX_CH + CELL_PADDING_CH);
}

/**
 * Cuts the columns into page blocks: [first, end) index pairs, in order,
 * every column in exactly one block, at least one column a block. A block
 * takes as many columns as fit in `pageWidth` beside the label column;
 * a block that does not reach the end is cut back to a preferred size for
 * the period (12 months a page, ...) when that still fills three quarters
 * of what fits. So the last column (the Total) closes the last block when
 * it fits there, else it has a page of its own.
 * @param {number[]} widths each column's width, ch
 * @param {number} label the label column's width, ch
 * @param {number} pageWidth the printable width of a page, ch
 * @param {string} [period] month, quarter or year (the preferred sizes)
 * @returns {Array<[number, number]>}
 */
export function pageBlocks(widths, label, pageWidth, period = 'month') {
  const room = pageWidth - label;
  /** @type {Array<[number, number]>} */
  const blocks = [];
  for (let first = 0; first < widths.length;) {
    let count = 0;
    for (let width = 0; first + count < widths.length && (count === 0 || width + widths[first + count] <= room); count++) {
      width += widths[first + count];
    }
    if (first + count < widths.length) {
      const preferred = (PREFERRED[period] ?? []).find((n) => n <= count && n * 4 >= count * 3);
      if (preferred) count = preferred;
    }
    blocks.push([first, first + count]);
    first += count;
  }
  return blocks;
}
