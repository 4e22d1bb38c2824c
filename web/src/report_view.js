// Turns the engine's report (METRICS.md §9) into tables. Amounts are shown
// exactly as the engine gave them, only formatted (format_minor.js); nothing
// here adds, rounds or re-buckets. All text goes in through textContent.
import { formatMinor, isZeroMinor } from './format_minor.js';

/** Rows of the statement, in order, grouped. Keys are the engine's field names. */
export const METRIC_GROUPS = [
  {
    title: 'In the period',
    metrics: [
      ['bookings', 'Bookings'],
      ['acv_bookings', 'ACV bookings'],
      ['cancellations', 'Cancellations'],
      ['revenue', 'Revenue'],
      ['billings', 'Billings'],
    ],
  },
  {
    title: 'Balances',
    metrics: [
      ['backlog_begin', 'Backlog (begin)'],
      ['backlog_end', 'Backlog (end)'],
      ['deferred_revenue_end', 'Deferred revenue'],
      ['unbilled_receivable_end', 'Unbilled receivable'],
      ['billed_backlog_end', 'Billed backlog'],
      ['unbilled_backlog_end', 'Unbilled backlog'],
      ['crpo_end', 'cRPO (next 12 months)'],
      ['unscheduled_backlog_end', 'Unscheduled backlog'],
    ],
  },
];

/** Most issues drawn in the table; the count above it is always the full one. */
export const MAX_ISSUE_ROWS = 1000;

/**
 * One amount cell. The engine may give a plain integer of minor units or,
 * later, {minor, display}; a display string from the engine wins.
 * @returns {{text: string, zero: boolean, negative: boolean}}
 */
export function amountCell(value, minorDigits) {
  if (value && typeof value === 'object') {
    const minor = value.minor;
    const text = typeof value.display === 'string' ? value.display : formatMinor(minor, minorDigits);
    return { text, zero: isZeroMinor(minor), negative: isNegativeMinor(minor) };
  }
  if (value === undefined || value === null) return { text: '', zero: false, negative: false };
  return { text: formatMinor(value, minorDigits), zero: isZeroMinor(value), negative: isNegativeMinor(value) };
}

function isNegativeMinor(minor) {
  return /^-\d*[1-9]/.test(String(minor));
}

/**
 * The table for one currency: periods as columns, metrics as rows.
 * @param {string} currency ISO code
 * @param {{minor_digits: number, periods: Array<Record<string, any>>}} data
 */
export function buildCurrencyTable(currency, data) {
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  const digits = data?.minor_digits;
  const columns = periods.map((p) => ({
    label: String(p.period ?? ''),
    title: p.start && p.end ? `${p.start} to ${p.end}` : '',
  }));
  const groups = METRIC_GROUPS.map((group) => ({
    title: group.title,
    rows: group.metrics.map(([key, label]) => ({
      key,
      label,
      cells: periods.map((p) => amountCell(p[key], digits)),
    })),
  }));
  return { currency, minorDigits: digits, columns, groups };
}

/** Currencies in the engine's order. */
export function currencyTables(report) {
  const currencies = report?.currencies && typeof report.currencies === 'object' ? report.currencies : {};
  return Object.entries(currencies).map(([code, data]) => buildCurrencyTable(code, data));
}

// ---------------------------------------------------------------- DOM ----

/** @param {string} tag @param {Record<string,string>} [attrs] @param {string} [text] */
function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One <section> per currency with its statement table. */
export function renderCurrencySection(table) {
  const section = el('section', { class: 'currency', 'data-currency': table.currency });
  const heading = el('h2', {}, table.currency);
  section.append(heading);
  if (table.columns.length === 0) {
    section.append(el('p', { class: 'muted' }, 'No periods to show.'));
    return section;
  }
  const scroller = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${table.currency} report` });
  const t = el('table', { class: 'statement' });
  t.append(el('caption', { class: 'visually-hidden' }, `${table.currency} amounts by period`));
  const thead = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', { scope: 'col', class: 'metric' }, table.currency));
  for (const column of table.columns) {
    const th = el('th', { scope: 'col' }, column.label);
    if (column.title) th.title = column.title;
    headRow.append(th);
  }
  thead.append(headRow);
  t.append(thead);
  for (const group of table.groups) {
    const tbody = el('tbody');
    const groupRow = el('tr', { class: 'group' });
    groupRow.append(el('th', { scope: 'rowgroup', class: 'metric' }, group.title));
    groupRow.append(el('td', { colspan: String(table.columns.length) }));
    tbody.append(groupRow);
    for (const row of group.rows) {
      const tr = el('tr', { 'data-metric': row.key });
      tr.append(el('th', { scope: 'row', class: 'metric' }, row.label));
      row.cells.forEach((cell, i) => {
        const td = el('td', { 'data-period': table.columns[i].label }, cell.text);
        if (cell.zero) td.classList.add('zero');
        if (cell.negative) td.classList.add('negative');
        tr.append(td);
      });
      tbody.append(tr);
    }
    t.append(tbody);
  }
  scroller.append(t);
  section.append(scroller);
  return section;
}

/** "Rows read 12 · accepted 11 · rejected 1" as definition-like parts. */
export function renderRowSummary(rows, fileName) {
  const p = el('p', { class: 'row-summary' });
  if (fileName) {
    p.append(el('span', { class: 'file-name' }, fileName));
  }
  for (const [key, label] of [['read', 'Rows read'], ['accepted', 'accepted'], ['rejected', 'rejected']]) {
    const part = el('span', { class: `count count-${key}` });
    part.append(document.createTextNode(label + ' '));
    part.append(el('strong', { 'data-count': key }, String(rows?.[key] ?? 0)));
    p.append(part);
  }
  return p;
}

/**
 * The issues table (line, column, severity, code, message).
 * @param {Array<Record<string, any>>} issues as listed by the engine
 * @param {number} [unlisted] issues the engine counted but did not list
 */
export function renderIssues(issues, unlisted = 0) {
  const list = Array.isArray(issues) ? issues : [];
  const more = Number.isSafeInteger(unlisted) && unlisted > 0 ? unlisted : 0;
  const section = el('section', { class: 'issues' });
  const heading = list.length === 0 && more === 0 ? 'No issues'
    : more > 0 ? `Issues (${list.length} listed, ${more.toLocaleString('en-US')} more not listed)`
      : `Issues (${list.length})`;
  section.append(el('h2', {}, heading));
  if (list.length === 0) return section;
  if (list.length > MAX_ISSUE_ROWS) {
    section.append(el('p', { class: 'muted' }, `Showing the first ${MAX_ISSUE_ROWS} of ${list.length} listed issues.`));
  }
  const scroller = el('div', { class: 'table-scroll issues-scroll' });
  const t = el('table', { class: 'issues-table' });
  const head = el('tr');
  for (const [label, cls] of [['Line', 'num'], ['Column', ''], ['Severity', ''], ['Code', ''], ['Message', '']]) {
    head.append(el('th', { scope: 'col', class: cls }, label));
  }
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const tbody = el('tbody');
  for (const issue of list.slice(0, MAX_ISSUE_ROWS)) {
    const severity = String(issue?.severity ?? '');
    const tr = el('tr', { class: `severity-${severity.replace(/[^a-z]/gi, '')}` });
    tr.append(el('td', { class: 'num' }, issue?.line == null ? '' : String(issue.line)));
    tr.append(el('td', {}, issue?.column == null ? '' : String(issue.column)));
    tr.append(el('td', { class: 'severity' }, severity));
    tr.append(el('td', { class: 'code' }, issue?.code == null ? '' : String(issue.code)));
    tr.append(el('td', {}, issue?.message == null ? '' : String(issue.message)));
    tbody.append(tr);
  }
  t.append(tbody);
  scroller.append(t);
  section.append(scroller);
  return section;
}
