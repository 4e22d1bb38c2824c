// The values list under "Columns and formats" (value_choices.js): per
// status, type, billing, recognition and interval column, a compact table
// of its values (rows, amount, what the engine reads each as), the values
// not understood marked, and for each value a select (a deal type: a text
// box with suggestions) that gives it an engine word for all its rows at
// once. Text through textContent only.
import { el } from './statement_view.js';
import { takesFreeText, valueColumns, wordsFor } from './value_choices.js';

/** A blank cell is listed as such, not as an empty string. */
const shownValue = (value) => (value === '' ? '(blank)' : value);

/**
 * @param {any} summary the engine's file summary
 * @param {import('./mapping_memory.js').ColumnChoices} current the choices the file was read with
 * @param {{vocabulary: any, digits: Record<string, number>, idPrefix: string, fileName?: string,
 *   onValue: (field: string, value: string, word: string) => void}} options
 *   fileName: said in each heading when the panel lists the values of more than one file
 * @returns {HTMLElement|null} null when the file has no such column
 */
export function renderValuesList(summary, current, options) {
  const columns = valueColumns(summary, current, options.digits);
  if (columns.length === 0) return null;
  const box = el('div', { class: 'values-lists' });
  const notUnderstood = columns.reduce((n, c) => n + c.notUnderstood, 0);
  const intro = el('p', { class: notUnderstood > 0 ? 'mapping-alert values-alert' : 'muted values-intro' });
  intro.textContent = notUnderstood > 0
    ? `${notUnderstood === 1 ? 'One value is' : `${notUnderstood} values are`} not understood: ${notUnderstood === 1 ? 'its' : 'their'} rows are rejected. Choose what ${notUnderstood === 1 ? 'it means' : 'each means'} below: the files are read again, and your choice is remembered for files with this header.`
    : 'What each value of these columns is read as. Choose another word to read all the rows of a value differently.';
  box.append(intro);
  columns.forEach((column, c) => {
    const section = el('section', { class: 'values-list', 'data-field': column.field });
    const headingId = `${options.idPrefix}-${column.field}-${c}`;
    const heading = el('h3', { id: headingId });
    heading.append(document.createTextNode(`${column.label} values`));
    heading.append(el('span', { class: 'values-column' }, ` · column “${column.column}”${options.fileName ? ` of ${options.fileName}` : ''}`));
    section.append(heading);
    const scroller = el('div', { class: 'table-scroll values-scroll' });
    const table = el('table', { class: 'values-table', 'aria-labelledby': headingId });
    const head = el('tr');
    for (const [label, cls] of [['Value', ''], ['Rows', 'num'], ['Amount', 'num'], ['Reads as', '']]) head.append(el('th', { scope: 'col', class: cls }, label));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const tbody = el('tbody');
    column.rows.forEach((row, r) => {
      const tr = el('tr', { 'data-value': row.value, 'data-reads-as': row.readsAs ?? '' });
      if (!row.understood) tr.classList.add('not-understood');
      if (row.mapped) tr.classList.add('mapped');
      const valueCell = el('th', { scope: 'row', class: row.value === '' ? 'value blank' : 'value' }, shownValue(row.value));
      tr.append(valueCell);
      tr.append(el('td', { class: 'num', 'data-label': row.rows === 1 ? 'row' : 'rows' }, row.rowsText));
      tr.append(el('td', { class: 'num amount' }, row.amounts || '—'));
      const td = el('td', { class: 'reads-as' });
      const cellBox = el('div', { class: 'reads-as-box' });
      const id = `${headingId}-v${r}`;
      const label = el('label', { for: id, class: 'visually-hidden' }, `Read ${column.label.toLowerCase()} “${shownValue(row.value)}” as`);
      cellBox.append(label, wordControl(column.field, row, id, options));
      if (!row.understood) cellBox.append(el('span', { class: 'value-flag' }, 'not understood'));
      else if (row.mapped) cellBox.append(el('span', { class: 'value-flag chosen' }, 'your choice'));
      td.append(cellBox);
      tr.append(td);
      tbody.append(tr);
    });
    table.append(tbody);
    scroller.append(table);
    section.append(scroller);
    if (column.otherValues > 0) {
      section.append(el('p', { class: 'muted values-more' },
        `And ${column.otherValues} more values in ${column.otherRows} rows, not listed: give them a word in the file, or map the common ones above.`));
    }
    box.append(section);
  });
  return box;
}

/**
 * The select (or, for a deal type, a text box with the engine's type words
 * suggested) that gives a value its word; a change applies at once.
 */
function wordControl(field, row, id, options) {
  const words = wordsFor(field, options.vocabulary);
  const apply = (word) => { if (word !== row.chosen) options.onValue(field, row.value, word); };
  if (takesFreeText(field)) {
    const listId = `${id}-words`;
    const input = /** @type {HTMLInputElement} */ (el('input', {
      type: 'text', id, list: listId, class: 'value-word', autocomplete: 'off', spellcheck: 'false',
      placeholder: row.readsAs ?? 'not understood',
    }));
    input.value = row.chosen;
    const list = el('datalist', { id: listId });
    for (const word of words) list.append(el('option', { value: word }));
    input.addEventListener('change', () => apply(input.value.trim()));
    const span = el('span', { class: 'value-word-box' });
    span.append(input, list);
    return span;
  }
  const select = /** @type {HTMLSelectElement} */ (el('select', { id, class: 'value-word' }));
  const first = row.mapped ? 'as the engine reads it' : row.understood ? `${row.readsAs} (as read)` : '— choose a word —';
  select.append(el('option', { value: '' }, first));
  for (const word of words) select.append(el('option', { value: word }, word));
  if (row.chosen && !words.includes(row.chosen)) select.append(el('option', { value: row.chosen }, row.chosen));
  select.value = row.chosen;
  select.addEventListener('change', () => apply(select.value));
  return select;
}
