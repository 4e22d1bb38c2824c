// A text input beside a column select whose list is bounded
// (column_lists.js): what is typed is matched against every column, a
// slice per task, and the matches fill a <datalist> of at most
// SUGGESTION_LIMIT names; a whole column name, entered or picked, is added
// to the select and chosen there, which fires the select's change event.
import { findColumns } from './column_lists.js';
import { el } from './statement_view.js';

/**
 * @param {HTMLSelectElement} select the bounded list the name is chosen into
 * @param {ArrayLike<string>} header every column
 * @param {{id: string, label: string}} names the input's id; what it picks, for its accessible name
 * @returns {HTMLElement} the input and its datalist, to place beside the select
 */
export function columnNameInput(select, header, names) {
  const listId = `${names.id}-list`;
  const list = el('datalist', { id: listId });
  const input = /** @type {HTMLInputElement} */ (el('input', {
    type: 'text', id: names.id, list: listId, class: 'column-name', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'or type a column name', 'aria-label': `${names.label}: type the name of any column`,
  }));
  /** @type {AbortController|null} */
  let search = null;

  input.addEventListener('input', async (event) => {
    input.setCustomValidity('');
    // A suggestion picked from the list is a choice made.
    const inputType = /** @type {InputEvent} */ (event).inputType;
    if (inputType === undefined || inputType === 'insertReplacementText') { choose(); return; }
    search?.abort();
    const current = new AbortController();
    search = current;
    const found = await findColumns(header, input.value, { signal: current.signal });
    if (found === null || search !== current) return;
    list.replaceChildren(...found.map((name) => el('option', { value: name })));
  });
  // Its own change is not a setting: only the select's is.
  input.addEventListener('change', (event) => { event.stopPropagation(); choose(); });
  input.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); choose(); } });

  function choose() {
    const name = input.value;
    if (name === '') return;
    if (Array.prototype.indexOf.call(header, name) < 0) {
      input.setCustomValidity(`No column is named "${name}".`);
      input.reportValidity();
      return;
    }
    if (![...select.options].some((option) => option.value === name)) select.append(el('option', { value: name }, name));
    select.value = name;
    input.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  const box = el('span', { class: 'column-name-box' });
  box.append(input, list);
  return box;
}
