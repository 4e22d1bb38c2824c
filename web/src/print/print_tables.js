// The tables a printout shows, in one shape for the statement and every
// view's tables: a label column, then columns, rows of display texts as
// the screen shows them (statement_model.js, views/*_model.js). No figure
// is made here; a row's texts are the screen's.

/**
 * @typedef {{text: string, negative?: boolean, zero?: boolean, heat?: number, plain?: boolean}} PrintCell
 *   plain: text (a name, a date), set left as on screen
 * @typedef {{label: string, operator?: string, strong?: boolean, indent?: boolean, group?: boolean, cells: PrintCell[]}} PrintRow
 *   group: a group's title row (no cells)
 * @typedef {{label: string, total?: boolean}} PrintColumn
 * @typedef {{key: string, caption: string, corner: string, columns: PrintColumn[], rows: PrintRow[], heat?: boolean,
 *   note?: string}} PrintTable
 */

/**
 * A currency's statement as a print table: its groups' titles as rows.
 * @param {import('../statement_model.js').Statement} statement
 * @returns {PrintTable}
 */
export function statementTable(statement) {
  /** @type {PrintRow[]} */
  const rows = [];
  for (const group of statement.groups) {
    if (group.rows.length === 0) continue;
    rows.push({ label: group.title, group: true, cells: [] });
    for (const row of group.rows) {
      rows.push({
        label: row.label, operator: row.operator, strong: row.strong, indent: row.indent,
        cells: row.cells.map((c) => ({ text: c.text, negative: c.negative, zero: c.zero })),
      });
    }
  }
  return {
    key: 'statement', caption: `${statement.currency} statement`, corner: '',
    columns: statement.columns.map((c) => ({ label: c.label, total: c.total })), rows,
  };
}

/**
 * A view's table as a print table.
 * @param {import('../views/view_cells.js').TableModel} table
 * @returns {PrintTable}
 */
export function viewTable(table) {
  return {
    key: table.key, caption: table.caption, corner: table.corner, heat: table.heat, note: table.note,
    columns: table.columns.map((c) => ({ label: c.label, total: c.total })),
    rows: table.rows.map((row) => ({
      label: row.label, operator: row.operator, strong: row.strong || row.total,
      cells: row.cells.map((c) => ({
        // An empty heat-map cell reads better than a column of zeros, as on screen.
        text: table.heat && c.zero && c.heat !== undefined ? '' : c.text, negative: c.negative, zero: c.zero, heat: c.heat,
        plain: c.plain,
      })),
    })),
  };
}

/**
 * Each column's texts (its header, then its cells), for its width.
 * @param {PrintTable} table
 * @returns {string[][]}
 */
export function columnTexts(table) {
  return table.columns.map((column, i) => [column.label, ...table.rows.map((row) => row.cells[i]?.text ?? '')]);
}

/**
 * The label column's texts, an operator counting as two characters.
 * @param {PrintTable} table
 */
export function labelTexts(table) {
  return [table.corner, ...table.rows.map((row) => (row.operator !== undefined ? '= ' : '') + (row.indent ? '  ' : '') + row.label)];
}
