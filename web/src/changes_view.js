// The Changes view: the engine's comparison of an earlier export with the
// contracts file on show, per currency a table of what was added, removed,
// won, lost, changed or moved, each category's lines listed on demand.
// Text only (textContent): ids and names from the files are never HTML.
import { el } from './statement_view.js';
import { changeCurrencies, changeNotes, changeRows, changeSummary } from './views/changes_model.js';

/**
 * @param {any} changes the engine's comparison
 * @param {{preferred?: string, onRows: (currency: string, kind: string) => void}} options
 * @returns {HTMLElement}
 */
export function renderChanges(changes, options) {
  const box = el('div', { class: 'changes' });
  const [before, after] = changes?.files ?? [];
  box.append(el('p', { class: 'changes-files' }, `From ${before?.name ?? 'the earlier export'} to ${after?.name ?? 'this export'}, lines matched by id.`));
  for (const note of changeNotes(changes)) box.append(el('p', { class: 'muted changes-note' }, note));
  const currencies = changeCurrencies(changes, options.preferred);
  if (currencies.length === 0) box.append(el('p', { class: 'muted' }, 'Neither export has a line to compare.'));
  for (const currency of currencies) box.append(currencySection(changes, currency, options.onRows));
  return box;
}

function currencySection(changes, currency, onRows) {
  const s = changeSummary(changes, currency);
  const section = el('section', { class: 'changes-currency', 'data-currency': currency, 'aria-label': `Changes in ${currency}` });
  section.append(el('h3', {}, currency));
  section.append(el('p', { class: 'changes-bridge' }, `Before: ${s.before}. Now: ${s.after}. Unchanged: ${s.unchanged}.`));
  const table = el('table', { class: 'changes-table' });
  table.append(el('caption', { class: 'visually-hidden' }, `What changed in ${currency}`));
  const head = el('tr');
  for (const [text, cls] of [['Change', ''], ['Lines', 'num'], ['Value', 'num'], ['', '']]) head.append(el('th', { scope: 'col', ...(cls ? { class: cls } : {}) }, text));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const tbody = el('tbody');
  for (const row of s.rows) {
    const tr = el('tr', { 'data-kind': row.kind });
    const name = el('th', { scope: 'row', title: row.help }, row.label);
    tr.append(name, el('td', { class: 'num', 'data-count': String(row.countRaw) }, row.count), el('td', { class: 'num' }, row.value));
    const action = el('td');
    if (row.countRaw > 0) {
      // Short on screen; its name, which holds the visible word, says which lines.
      const button = el('button', { type: 'button', class: 'small secondary' }, 'List');
      button.append(el('span', { class: 'visually-hidden' }, ` the lines: ${row.label}`));
      button.addEventListener('click', () => onRows(currency, row.kind));
      action.append(button);
    }
    tr.append(action);
    tbody.append(tr);
  }
  table.append(tbody);
  // Scrolls inside its box on a narrow screen; focusable, so a keyboard can scroll it.
  const scroll = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `What changed in ${currency}` });
  scroll.append(table);
  section.append(scroll);
  return section;
}

/**
 * The lines of one category, with a button that saves them as CSV.
 * @param {any} changes @param {string} currency @param {string} kind
 * @param {() => void} onCsv
 */
export function renderChangeRows(changes, currency, kind, onCsv) {
  const { heading, note, rows } = changeRows(changes, currency, kind);
  const box = el('section', { class: 'change-rows', 'aria-label': heading, 'data-kind': kind, 'data-currency': currency });
  const title = el('h3', { tabindex: '-1' }, heading);
  const csv = el('button', { type: 'button', class: 'small secondary' }, 'Export these lines as CSV');
  csv.addEventListener('click', onCsv);
  box.append(title, csv);
  if (note) box.append(el('p', { class: 'muted' }, note));
  const table = el('table', { class: 'changes-lines' });
  const head = el('tr');
  for (const [text, cls] of [['Id', ''], ['Customer', ''], ['Before', ''], ['Now', ''], ['Value', 'num'], ['File lines', '']]) head.append(el('th', { scope: 'col', ...(cls ? { class: cls } : {}) }, text));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const tbody = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    tr.append(el('td', {}, r.id), el('td', {}, r.customer), el('td', {}, r.before), el('td', {}, r.after), el('td', { class: 'num' }, r.value), el('td', { class: 'muted' }, r.line));
    tbody.append(tr);
  }
  table.append(tbody);
  // Focusable, so that a keyboard can scroll a long list.
  const scroll = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${heading}: lines` });
  scroll.append(table);
  box.append(scroll);
  return box;
}
