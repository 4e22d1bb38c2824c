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

/**
 * Index of the first period in which any metric is not zero, or 0: where the
 * table opens when it is wider than the page. A string test on the engine's
 * values, not arithmetic.
 */
export function firstActiveColumn(table) {
  for (let i = 0; i < table.columns.length; i++) {
    if (table.groups.some((g) => g.rows.some((r) => r.cells[i] && r.cells[i].text !== '' && !r.cells[i].zero))) return i;
  }
  return 0;
}

/** Currencies in the engine's order. */
export function currencyTables(report) {
  const currencies = report?.currencies && typeof report.currencies === 'object' ? report.currencies : {};
  return Object.entries(currencies).map(([code, data]) => buildCurrencyTable(code, data));
}

// ---------------------------------------------------------------- DOM ----

/**
 * Tabs that show one currency's section at a time.
 * @param {string[]} currencies
 * @param {string} selected
 * @param {(currency: string) => void} onSelect
 */
export function renderCurrencyTabs(currencies, selected, onSelect) {
  const bar = el('div', { class: 'currency-tabs', role: 'tablist', 'aria-label': 'Currency' });
  for (const code of currencies) {
    const tab = el('button', {
      type: 'button', role: 'tab', id: `tab-${code}`, 'aria-controls': `currency-${code}`,
      'aria-selected': String(code === selected), 'data-currency': code,
    }, code);
    tab.tabIndex = code === selected ? 0 : -1;
    tab.addEventListener('click', () => onSelect(code));
    tab.addEventListener('keydown', (event) => {
      const i = currencies.indexOf(code);
      const next = event.key === 'ArrowRight' ? currencies[(i + 1) % currencies.length]
        : event.key === 'ArrowLeft' ? currencies[(i - 1 + currencies.length) % currencies.length] : null;
      if (next) {
        event.preventDefault();
        onSelect(next);
        /** @type {HTMLElement|null} */ (bar.querySelector(`[data-currency="${next}"]`))?.focus();
      }
    });
    bar.append(tab);
  }
  return bar;
}

/** Marks `selected` in the tabs and shows only its section. */
export function selectCurrency(container, selected) {
  for (const tab of container.querySelectorAll('.currency-tabs [role="tab"]')) {
    const on = tab.getAttribute('data-currency') === selected;
    tab.setAttribute('aria-selected', String(on));
    /** @type {HTMLElement} */ (tab).tabIndex = on ? 0 : -1;
  }
  for (const section of container.querySelectorAll('section.currency')) {
    /** @type {HTMLElement} */ (section).hidden = section.getAttribute('data-currency') !== selected;
  }
}

/** Scrolls a visible currency section so that its first active period is in view. */
export function scrollToColumn(section, columnIndex) {
  const scroller = /** @type {HTMLElement|null} */ (section.querySelector('.table-scroll'));
  const first = /** @type {HTMLElement|null} */ (section.querySelector('tbody tr[data-metric] td'));
  const target = /** @type {HTMLElement|null} */ (section.querySelectorAll('tbody tr[data-metric]')[0]?.children[columnIndex + 1] ?? null);
  if (!scroller || !first || !target) return;
  scroller.scrollLeft = target.offsetLeft - first.offsetLeft;
}

/** @param {string} tag @param {Record<string,string>} [attrs] @param {string} [text] */
function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One <section> per currency with its statement table. */
export function renderCurrencySection(table) {
  const section = el('section', {
    class: 'currency', id: `currency-${table.currency}`, role: 'tabpanel',
    'aria-labelledby': `tab-${table.currency}`, 'data-currency': table.currency,
  });
  const heading = el('h2', {}, table.currency);
  if (table.columns.length > 0) {
    const range = `${table.columns[0].label} to ${table.columns[table.columns.length - 1].label}`;
    heading.append(el('span', { class: 'range' }, range));
  }
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
  const corner = el('th', { scope: 'col', class: 'metric' });
  corner.append(el('span', { class: 'visually-hidden' }, 'Metric'));
  headRow.append(corner);
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
    const count = rows?.[key] ?? 0;
    part.append(el('strong', { 'data-count': key, 'data-value': String(count) }, formatMinor(count, 0)));
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
    : more > 0 ? `Issues (${formatMinor(list.length, 0)} listed, ${formatMinor(more, 0)} more not listed)`
      : `Issues (${list.length})`;
  section.append(el('h2', {}, heading));
  if (list.length === 0) return section;
  if (list.length > MAX_ISSUE_ROWS) {
    section.append(el('p', { class: 'muted' }, `Showing the first ${formatMinor(MAX_ISSUE_ROWS, 0)} of ${formatMinor(list.length, 0)} listed issues.`));
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
