// The rejected rows and warnings: the row counts, the rejected value per
// currency, the counts by code, and the listed issues with their raw row.
// All text goes in through textContent.
import { formatMinor } from './format_minor.js';
import { el } from './statement_view.js';

/** Most issues drawn in the table; the counts above it are always the full ones. */
export const MAX_ISSUE_ROWS = 1000;

/** "Rows read 12 · accepted 11 · rejected 1" with the file names. */
export function renderRowSummary(rows, fileNames) {
  const p = el('p', { class: 'row-summary' });
  for (const name of fileNames ?? []) if (name) p.append(el('span', { class: 'file-name' }, name));
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
 * The rejected value per currency, formatted with the currency's digits when
 * the report has that currency; else shown as minor units, said so.
 * @param {Record<string, number>} rejectedValue {CUR: minor units}
 * @param {Record<string, {minor_digits: number}>} currencies the report's currencies
 * @param {Record<string, number>} [digits] minor digits known otherwise
 */
export function rejectedValueTexts(rejectedValue, currencies, digits = {}) {
  return Object.entries(rejectedValue ?? {}).map(([code, minor]) => {
    const d = currencies?.[code]?.minor_digits ?? digits[code];
    return Number.isInteger(d) ? `${code} ${formatMinor(minor, d)}` : `${code} ${formatMinor(minor, 0)} (minor units)`;
  });
}

/** Currencies of the rejected value whose digits the report does not give. */
/**
 * The whole panel.
 * @param {any} report the engine's report
 * @param {Record<string, number>} [digits] minor digits of each currency (the report's minor_digits)
 */
export function renderIssues(report, digits = {}) {
  const list = Array.isArray(report?.issues) ? report.issues : [];
  const unlisted = Number.isSafeInteger(report?.issues_unlisted) && report.issues_unlisted > 0 ? report.issues_unlisted : 0;
  const counts = report?.issue_counts && typeof report.issue_counts === 'object' ? report.issue_counts : {};
  const rows = report?.rows ?? {};
  const section = el('section', { class: 'issues', 'aria-labelledby': 'issues-heading' });
  const heading = list.length === 0 && unlisted === 0 ? 'Rejected rows and warnings: none'
    : unlisted > 0 ? `Rejected rows and warnings (${formatMinor(list.length, 0)} listed, ${formatMinor(unlisted, 0)} more not listed)`
      : `Rejected rows and warnings (${formatMinor(list.length, 0)})`;
  section.append(el('h2', { id: 'issues-heading' }, heading));

  const facts = el('dl', { class: 'issue-facts' });
  const fact = (term, value, attrs = {}) => {
    const div = el('div');
    div.append(el('dt', {}, term), el('dd', attrs, value));
    facts.append(div);
  };
  fact('Rows read', formatMinor(rows.read ?? 0, 0));
  fact('Accepted', formatMinor(rows.accepted ?? 0, 0));
  fact('Rejected', formatMinor(rows.rejected ?? 0, 0), { 'data-rejected': String(rows.rejected ?? 0) });
  const values = rejectedValueTexts(rows.rejected_value, report?.currencies, digits);
  fact('Rejected value', values.length ? values.join(' · ') : '—', { class: 'rejected-value' });
  section.append(facts);

  const codes = Object.entries(counts);
  if (codes.length > 0) {
    const ul = el('ul', { class: 'issue-counts', 'aria-label': 'Issues by code' });
    for (const [code, n] of codes) {
      const li = el('li', { 'data-code': code });
      li.append(el('code', {}, code), document.createTextNode(' '), el('strong', {}, formatMinor(n, 0)));
      ul.append(li);
    }
    section.append(ul);
  }
  if (list.length === 0) return section;
  if (list.length > MAX_ISSUE_ROWS) {
    section.append(el('p', { class: 'muted' }, `Showing the first ${formatMinor(MAX_ISSUE_ROWS, 0)} of ${formatMinor(list.length, 0)} listed issues.`));
  }
  const files = new Set(list.map((i) => i?.file ?? ''));
  const withFile = files.size > 1;
  const scroller = el('div', { class: 'table-scroll issues-scroll', role: 'region', 'aria-label': 'Issues', tabindex: '0' });
  const t = el('table', { class: 'issues-table' });
  const head = el('tr');
  const headings = [...(withFile ? [['File', '']] : []), ['Line', 'num'], ['Column', ''], ['Severity', ''], ['Code', ''], ['Reason', ''], ['Row as read', 'raw']];
  for (const [label, cls] of headings) head.append(el('th', { scope: 'col', class: cls }, label));
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const tbody = el('tbody');
  for (const issue of list.slice(0, MAX_ISSUE_ROWS)) {
    const severity = String(issue?.severity ?? '');
    const tr = el('tr', { class: `severity-${severity.replace(/[^a-z]/gi, '')}` });
    const text = (v) => (v == null ? '' : String(v));
    if (withFile) tr.append(el('td', {}, text(issue?.file)));
    tr.append(el('td', { class: 'num' }, issue?.line ? String(issue.line) : ''));
    tr.append(el('td', {}, text(issue?.column)));
    tr.append(el('td', { class: 'severity' }, severity));
    tr.append(el('td', { class: 'code' }, text(issue?.code)));
    const reason = el('td', { class: 'reason' }, text(issue?.message));
    if (issue?.value != null && issue.value !== '') {
      reason.append(document.createTextNode(' '));
      reason.append(el('span', { class: 'value' }, `(value: ${issue.value})`));
    }
    tr.append(reason);
    const raw = text(issue?.raw);
    const rawCell = el('td', { class: 'raw' });
    if (raw) rawCell.append(el('code', { title: raw }, raw));
    tr.append(rawCell);
    tbody.append(tr);
  }
  t.append(tbody);
  scroller.append(t);
  section.append(scroller);
  return section;
}
