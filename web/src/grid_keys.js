// A table as one tab stop whose cells are reached with the arrow keys (the
// WAI-ARIA grid pattern): the statement's forty labelled rows were forty tab
// stops before its charts, a waterfall's heat map six hundred.
//
// A cell's focus target is the definition label in it ([data-help]), else
// its button, else the cell itself; the target last moved to holds the one
// tab stop (roving tabindex). Cells get a tabindex only when moved to, so a
// statement of thousands of cells costs nothing until it is used.

/** Keys that move, as [rows, columns]; Home/End go to the row's ends, with Ctrl to the grid's. */
const MOVES = {
  ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1],
  PageUp: [-10, 0], PageDown: [10, 0], Home: [0, -Infinity], End: [0, Infinity],
};

/**
 * The element focused for a cell.
 * @param {HTMLTableCellElement} cell
 * @returns {HTMLElement}
 */
export function focusTarget(cell) {
  return /** @type {HTMLElement|null} */ (cell.querySelector('[data-help], button')) ?? cell;
}

/** The first column a cell covers, counting the colspans before it. @param {HTMLTableCellElement} cell */
function columnOf(cell) {
  let column = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) column += /** @type {HTMLTableCellElement} */ (c).colSpan;
  return column;
}

/** The cell of `row` that covers `column`, else its last. @param {HTMLTableRowElement} row */
function cellAt(row, column) {
  let start = 0;
  for (const cell of row.cells) {
    if (column < start + cell.colSpan) return cell;
    start += cell.colSpan;
  }
  return row.cells[row.cells.length - 1];
}

/**
 * Scrolls a cell out from under its row's sticky label and its table's
 * sticky header, which scrollIntoView counts as showing it.
 * @param {HTMLTableCellElement} cell
 */
function uncover(cell) {
  const scroller = /** @type {HTMLElement|null} */ (cell.closest('.table-scroll'));
  const row = /** @type {HTMLTableRowElement} */ (cell.parentElement);
  const label = row.cells[0];
  if (!scroller) return;
  const box = cell.getBoundingClientRect();
  if (label !== cell && getComputedStyle(label).position === 'sticky') {
    const covered = label.getBoundingClientRect().right - box.left;
    if (covered > 0) scroller.scrollLeft -= covered;
  }
  const head = /** @type {HTMLTableElement} */ (cell.closest('table')).tHead?.rows[0]?.cells[0];
  if (head && row.parentElement?.tagName !== 'THEAD' && getComputedStyle(head).position === 'sticky') {
    const covered = head.getBoundingClientRect().bottom - box.top;
    if (covered > 0) scroller.scrollTop -= covered;
  }
}

/**
 * Makes `table` a grid: role="grid", one tab stop (on `first`, else the first
 * figure of its body), arrow keys, Page Up/Down, Home/End (Ctrl: the grid's
 * corners) move between cells. The labels and buttons in it leave the tab
 * order; a click on one moves the tab stop there.
 * @param {HTMLTableElement} table
 * @param {HTMLTableCellElement|null} [first]
 */
export function installGridKeys(table, first) {
  table.setAttribute('role', 'grid');
  for (const node of table.querySelectorAll('[data-help], button')) /** @type {HTMLElement} */ (node).tabIndex = -1;
  const body = table.tBodies[0];
  const start = first ?? /** @type {HTMLTableCellElement|null} */ (body?.querySelector('td') ?? body?.querySelector('th') ?? null);
  if (!start) return;
  let current = focusTarget(start);
  current.tabIndex = 0;
  const moveTo = (cell) => {
    const target = focusTarget(cell);
    if (target !== current) {
      current.tabIndex = -1;
      target.tabIndex = 0;
      current = target;
    }
    target.focus();
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    uncover(cell);
  };
  table.addEventListener('focusin', (event) => {
    // A click (or a test's focus()) on another cell moves the tab stop there too.
    const cell = /** @type {HTMLTableCellElement|null} */ (/** @type {Element} */ (event.target).closest('td, th'));
    if (!cell || cell.closest('table') !== table || focusTarget(cell) !== event.target || event.target === current) return;
    current.tabIndex = -1;
    current = /** @type {HTMLElement} */ (event.target);
    current.tabIndex = 0;
  });
  table.addEventListener('keydown', (event) => {
    const move = MOVES[event.key];
    if (!move || event.altKey || event.metaKey) return;
    const cell = /** @type {HTMLTableCellElement|null} */ (/** @type {Element} */ (event.target).closest('td, th'));
    if (!cell || cell.closest('table') !== table) return;
    event.preventDefault();
    const rows = [...table.rows];
    const row = /** @type {HTMLTableRowElement} */ (cell.parentElement);
    if (event.ctrlKey && (event.key === 'Home' || event.key === 'End')) {
      const edge = event.key === 'Home' ? rows[0] : rows[rows.length - 1];
      moveTo(edge.cells[event.key === 'Home' ? 0 : edge.cells.length - 1]);
      return;
    }
    const [dr, dc] = move;
    if (dr !== 0) {
      const r = Math.max(0, Math.min(rows.length - 1, rows.indexOf(row) + dr));
      moveTo(cellAt(rows[r], columnOf(cell)));
    } else {
      const i = Math.max(0, Math.min(row.cells.length - 1, cell.cellIndex + dc));
      moveTo(row.cells[i]);
    }
  });
}
