// The "Columns and formats" panel: what the engine detected in the contracts
// file (field -> column, date order per date column and why, decimal
// separator, delimiter, encoding), as selects the user can change before
// the file is read again. The page only passes the choices to the engine
// as read settings; it reads nothing itself. A wide header's lists are
// bounded, with a name input for the other columns (column_lists.js).
import { COLUMN_LIST_LIMIT, listedColumns, wideHeaderNotice } from './column_lists.js';
import { columnNameInput } from './column_name_input.js';
import { sourceOptions, sourceSentence } from './source_choice.js';
import { el } from './statement_view.js';
import { withValueWord } from './value_choices.js';
import { renderValuesList } from './values_view.js';

export { sourceSentence };

/**
 * The contract fields, in the order shown; `required` ones must have a column
 * (a file with no id column reads each row as its own line, spec 11).
 * @type {Array<[string, string, boolean?]>}
 */
export const FIELDS = [
  ['id', 'Line id'], ['customer', 'Customer'], ['booking_date', 'Booking date', true], ['amount', 'Amount', true],
  ['currency', 'Currency'], ['start_date', 'Start date'], ['end_date', 'End date'], ['term_months', 'Term (months)'],
  ['recognition', 'Recognition'], ['delivery_date', 'Delivery date'], ['billing', 'Billing'], ['billing_start', 'Billing start'],
  ['type', 'Type'], ['status', 'Status'], ['cancel_date', 'Cancel date'], ['created_date', 'Created date'], ['probability', 'Probability (%)'],
];
export const REQUIRED = FIELDS.filter((f) => f[2]).map((f) => f[0]);

const FORMATS = {
  date_order: [['auto', 'Detect'], ['ymd', 'Year-month-day'], ['mdy', 'Month/day/year'], ['dmy', 'Day/month/year']],
  decimal: [['auto', 'Detect'], ['.', 'Point: 1,234.56'], [',', 'Comma: 1.234,56']],
  delimiter: [['auto', 'Detect'], [',', 'Comma ,'], [';', 'Semicolon ;'], ['\t', 'Tab'], ['|', 'Bar |']],
  encoding: [['auto', 'Detect'], ['utf-8', 'UTF-8'], ['utf-16le', 'UTF-16 LE'], ['utf-16be', 'UTF-16 BE'], ['windows-1252', 'Windows-1252']],
};
const FORMAT_LABELS = { date_order: 'Ambiguous dates are', decimal: 'Decimal separator', delimiter: 'Delimiter', encoding: 'Encoding' };
const ORDER_TEXT = { ymd: 'year-month-day', mdy: 'month/day/year', dmy: 'day/month/year' };
const SOURCE_TEXT = {
  iso: 'ISO dates', detected: 'detected from the values', setting: 'from the setting', assumed: 'assumed: every date was ambiguous',
};

/** Required fields the engine found no column for. */
export function missingRequired(summary) {
  // A file the engine read as another kind (an invoices export alone, subscriptions) needs other
  // columns: the engine says whether it found them (summary.readable and its missing_column issue).
  if (summary?.kind && summary.kind !== 'contracts') return [];
  const mapping = summary?.mapping ?? {};
  return REQUIRED.filter((field) => !mapping[field]);
}

/**
 * "day/month/year (detected from the values)" for one date column, as the
 * engine's sample showed it written (an .xlsx's date cells reach it as YYYY-MM-DD).
 */
export function describeDateOrder(entry, workbook = false) {
  if (!entry) return '';
  if (entry.source === 'iso') return workbook ? 'year-month-day (date cells, or YYYY-MM-DD)' : 'year-month-day (YYYY-MM-DD)';
  if (entry.source === 'dots') return 'day.month.year (DD.MM.YYYY)';
  if (entry.source === 'empty') return 'no dates in the first rows';
  const order = ORDER_TEXT[entry.order] ?? entry.order ?? '';
  const source = SOURCE_TEXT[entry.source] ?? entry.source ?? '';
  return source ? `${order} (${source})` : order;
}

/** The first names of a long list, then how many more. */
function namesText(names, shown = 20) {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${new Intl.NumberFormat('en-US').format(names.length - shown)} more`;
}

function delimiterName(d) {
  return d === '\t' ? 'tab' : d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '|' ? 'bar' : JSON.stringify(d ?? '');
}

/**
 * @param {any} summary the engine's file summary of the contracts file
 * @param {import('./mapping_memory.js').ColumnChoices} current the choices the file was read with
 * @param {{onApply: (choices: import('./mapping_memory.js').ColumnChoices) => void, onReset: () => void, remembered: boolean,
 *   files?: any[], vocabulary?: any, digits?: Record<string, number>, sheets?: Record<string, string>,
 *   onSheet?: (kind: string, sheet: string) => void}} actions
 *   files: every file's summary (the values lists and sheet pickers of each); vocabulary: the engine's
 *   words; digits: minor digits by currency (report.minor_digits); onSheet: read a workbook's other sheet
 */
export function renderMappingPanel(summary, current, actions) {
  const box = el('div', { class: 'mapping' });
  const missing = missingRequired(summary);
  if (missing.length > 0) {
    const names = missing.map((f) => FIELDS.find((x) => x[0] === f)?.[1] ?? f);
    // A workbook's other sheet may be the one that holds the data.
    const otherSheets = (summary?.workbook?.sheets?.length ?? 0) > 1
      ? ` Or read another sheet of the workbook (it has ${summary.workbook.sheets.length}: "Sheet of" below).` : '';
    box.append(el('p', { class: 'mapping-alert', role: 'alert' },
      `No column was found for: ${names.join(', ')}. Pick the column that holds each one below, then press "Apply and re-read".${otherSheets}`));
  }
  box.append(renderSourceLine(summary, current, actions));
  const files = Array.isArray(actions.files) && actions.files.length > 0 ? actions.files.filter(Boolean) : [summary];
  const sheets = renderSheetPickers(files, actions);
  if (sheets) box.append(sheets);
  const assumed = Object.entries(summary?.date_order ?? {}).filter(([, v]) => v?.source === 'assumed').map(([k]) => k);
  if (assumed.length > 0) {
    box.append(el('p', { class: 'mapping-note' },
      `Every date in ${assumed.join(', ')} could be read either way; ${describeDateOrder(summary.date_order[assumed[0]])}. Check "Ambiguous dates are" below.`));
  }
  const facts = el('p', { class: 'file-facts' });
  const fact = (label, value) => { const s = el('span'); s.append(document.createTextNode(label + ' '), el('strong', {}, value)); facts.append(s); };
  if (summary?.workbook) {
    fact('Workbook sheet', String(summary.workbook.sheet ?? ''));  // no encoding or delimiter: the engine reads the cells
  } else {
    fact('Encoding', `${summary?.encoding ?? '?'}${summary?.bom ? ' with BOM' : ''}`);
    fact('Delimiter', delimiterName(summary?.delimiter));
  }
  fact('Decimal separator', `${summary?.decimal?.separator ?? '?'}${summary?.decimal?.source ? ` (${summary.decimal.source})` : ''}`);
  if (Array.isArray(summary?.dimensions) && summary.dimensions.length) fact('Other columns (dimensions)', namesText(summary.dimensions));
  box.append(facts);
  // Each file's values (a status, type, billing... column): what the engine reads each as, to change in one step.
  const named = files.filter((f) => Array.isArray(f?.values) && f.values.length > 0);
  named.forEach((f, i) => {
    const list = renderValuesList(f, current, {
      vocabulary: actions.vocabulary, digits: actions.digits ?? {}, idPrefix: `values-${i}`,
      fileName: named.length > 1 ? String(f.name || f.kind || '') : undefined,
      onValue: (field, value, word) => actions.onApply(withValueWord(current, field, value, word)),
    });
    if (list) box.append(list);
  });
  const header = Array.isArray(summary?.header) ? summary.header : [];
  const notice = wideHeaderNotice(header.length);
  if (notice) box.append(el('p', { class: 'mapping-note wide-header' }, notice));

  const form = el('form', { class: 'mapping-form', 'aria-label': 'Columns' });
  const table = el('table', { class: 'mapping-table' });
  const head = el('tr');
  for (const h of ['Field', 'Column in the file', 'Dates read as']) head.append(el('th', { scope: 'col' }, h));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const tbody = el('tbody');
  // One bounded list for every field: the mapped columns first, then the header's.
  const listed = listedColumns(header, FIELDS.map(([field]) => summary?.mapping?.[field]));
  const wide = header.length > COLUMN_LIST_LIMIT;
  for (const [field, label, required] of FIELDS) {
    const tr = el('tr', { 'data-field': field });
    if (required && missing.includes(field)) tr.classList.add('missing');
    const th = el('th', { scope: 'row' });
    const id = `map-${field}`;
    const lab = el('label', { for: id }, label);
    th.append(lab);
    if (required) th.append(el('span', { class: 'required' }, ' required'));
    tr.append(th);
    const select = /** @type {HTMLSelectElement} */ (el('select', { id, name: field }));
    select.append(el('option', { value: '' }, '— not in the file —'));
    for (const column of listed) select.append(el('option', { value: column }, column));
    select.value = summary?.mapping?.[field] ?? '';
    const td = el('td');
    td.append(select);
    if (wide) td.append(columnNameInput(select, header, { id: `${id}-name`, label }));
    tr.append(td);
    tr.append(el('td', { class: 'date-order' }, describeDateOrder(summary?.date_order?.[field], Boolean(summary?.workbook))));
    tbody.append(tr);
  }
  table.append(tbody);
  form.append(table);

  const formats = el('div', { class: 'format-choices' });
  for (const [name, options] of Object.entries(FORMATS)) {
    // A workbook's cells have no delimiter or encoding to choose.
    if (summary?.workbook && (name === 'delimiter' || name === 'encoding')) continue;
    const label = el('label', {}, FORMAT_LABELS[name] + ' ');
    const select = /** @type {HTMLSelectElement} */ (el('select', { name, id: `format-${name}` }));
    for (const [value, text] of options) select.append(el('option', { value }, text));
    select.value = current?.[name] ?? 'auto';
    label.append(select);
    formats.append(label);
  }
  form.append(formats);

  const buttons = el('div', { class: 'mapping-actions' });
  const apply = el('button', { type: 'submit', class: 'primary', id: 'mapping-apply' }, 'Apply and re-read');
  const reset = el('button', { type: 'button', class: 'secondary', id: 'mapping-reset' }, 'Back to detected');
  buttons.append(apply, reset);
  buttons.append(el('span', { class: 'muted' }, actions.remembered
    ? 'Your choices for files with this header are remembered in this browser.'
    : 'What you apply is remembered in this browser for files with the same header.'));
  form.append(buttons);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    /** @type {Record<string, string>} */
    const mapping = {};
    for (const [field] of FIELDS) mapping[field] = String(data.get(field) ?? '');
    /** @type {Record<string, any>} */
    const choices = { mapping };
    for (const name of Object.keys(FORMATS)) choices[name] = String(data.get(name) ?? current?.[name] ?? 'auto');
    // The profile and the values' words chosen before are kept: they have controls of their own.
    if (current?.source) choices.source = current.source;
    if (current?.values) choices.values = current.values;
    actions.onApply(choices);
  });
  reset.addEventListener('click', () => actions.onReset());
  box.append(form);
  return box;
}

/**
 * "Read as a HubSpot deals export — the header has …", and a select of the
 * profiles to read the file as instead: a choice reads the files again at
 * once, without the column mapping (each profile names its own columns).
 */
function renderSourceLine(summary, current, actions) {
  const line = el('div', { class: 'mapping-source-line' });
  const sentence = sourceSentence(summary?.source);
  line.append(el('p', { class: 'mapping-source' }, sentence || 'Read as contract lines (the generic columns).'));
  const label = el('label', { class: 'source-choice', for: 'source-profile' }, 'Read the file as ');
  const select = /** @type {HTMLSelectElement} */ (el('select', { id: 'source-profile', name: 'source' }));
  for (const option of sourceOptions(actions.vocabulary, summary?.source)) select.append(el('option', { value: option.value }, option.label));
  select.value = current?.source ?? '';
  select.addEventListener('change', () => {
    const choices = { ...(current ?? {}) };
    delete choices.mapping;
    if (select.value) choices.source = select.value;
    else delete choices.source;
    actions.onApply(choices);
  });
  label.append(select);
  line.append(label);
  return line;
}

/** A sheet select for each workbook of more than one sheet (files[].workbook); a choice reads it again. */
function renderSheetPickers(files, actions) {
  const books = files.filter((f) => Array.isArray(f?.workbook?.sheets) && f.workbook.sheets.length > 1);
  if (books.length === 0) return null;
  const box = el('div', { class: 'sheet-choices' });
  for (const f of books) {
    const kind = String(f.kind ?? 'contracts');
    const id = `sheet-${kind}`;
    const label = el('label', { for: id }, `Sheet of ${f.name || kind} `);
    const select = /** @type {HTMLSelectElement} */ (el('select', { id, 'data-file': kind }));
    for (const sheet of f.workbook.sheets) select.append(el('option', { value: String(sheet) }, String(sheet)));
    select.value = String(actions.sheets?.[kind] ?? f.workbook.sheet ?? f.workbook.sheets[0]);
    select.addEventListener('change', () => actions.onSheet?.(kind, select.value));
    label.append(select);
    box.append(label);
  }
  return box;
}
