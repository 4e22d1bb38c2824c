// The rejected rows and warnings: the row counts and the rejected value
// per currency of each file, the counts by code, and the listed issues
// with their file and raw row. Every count and every issue names its file
// (file_rows.js). All text goes in through textContent.
import { fileRows, issueFileName } from './file_rows.js';
import { formatMinor } from './format_minor.js';
import { sourceSentence } from './source_choice.js';
import { el } from './statement_view.js';

/** Most issues drawn in the table; the counts above it are always the full ones. */
export const MAX_ISSUE_ROWS = 1000;

/**
 * One line per file: "con.csv contracts: rows read 12, accepted 11,
 * rejected 1". A file read only in part (a preview) shows its name alone.
 * @param {any[]} files the engine's file summaries (report.files)
 */
export function renderRowSummary(files) {
  const p = el('p', { class: 'row-summary' });
  const sources = new Map((Array.isArray(files) ? files : []).filter((f) => f?.source).map((f) => [String(f.kind ?? ''), f.source]));
  for (const f of fileRows(files)) {
    const part = el('span', { class: 'file-rows', 'data-file': f.kind });
    part.append(el('span', { class: 'file-name' }, f.name));
    if (f.kind && f.kind !== f.name) part.append(document.createTextNode(' '), el('span', { class: 'file-kind' }, f.kind));
    if (f.counted) {
      for (const [key, label] of [['read', ': rows read'], ['accepted', ', accepted'], ['rejected', ', rejected']]) {
        part.append(document.createTextNode(label + ' '));
        part.append(el('strong', { 'data-count': key, 'data-value': String(f[key]) }, formatMinor(f[key], 0)));
      }
      if (f.skipped > 0) {
        part.append(document.createTextNode('; lines that are not data skipped '));
        part.append(el('strong', { 'data-count': 'skipped', 'data-value': String(f.skipped) }, formatMinor(f.skipped, 0)));
        if (f.skippedKinds.length > 0) part.append(document.createTextNode(` (${f.skippedKinds.join(', ')})`));
      }
    }
    // Which export the engine read it as, and why (spec 11).
    const source = sourceSentence(sources.get(f.kind));
    if (source) part.append(document.createTextNode(' · '), el('span', { class: 'file-source' }, source));
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

/**
 * Rows read, accepted and rejected, and the rejected value, per file.
 * @param {any[]} files the report's files
 * @param {Record<string, {minor_digits: number}>} currencies the report's currencies
 * @param {Record<string, number>} digits minor digits known otherwise
 */
function renderFileRows(files, currencies, digits) {
  const t = el('table', { class: 'file-rows-table' });
  t.append(el('caption', { class: 'visually-hidden' }, 'Rows by file'));
  const head = el('tr');
  for (const [label, cls] of [['File', ''], ['Rows read', 'num'], ['Accepted', 'num'], ['Rejected', 'num'], ['Rejected value', '']]) {
    head.append(el('th', { scope: 'col', class: cls }, label));
  }
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const tbody = el('tbody');
  for (const f of fileRows(files)) {
    const tr = el('tr', { 'data-file': f.kind });
    const name = el('th', { scope: 'row' }, f.name);
    if (f.kind && f.kind !== f.name) name.append(document.createTextNode(' '), el('span', { class: 'file-kind' }, f.kind));
    tr.append(name);
    tr.append(el('td', { class: 'num' }, formatMinor(f.read, 0)));
    tr.append(el('td', { class: 'num' }, formatMinor(f.accepted, 0)));
    tr.append(el('td', { class: 'num', 'data-rejected': String(f.rejected) }, formatMinor(f.rejected, 0)));
    const values = rejectedValueTexts(f.rejectedValue, currencies, digits);
    tr.append(el('td', { class: 'rejected-value' }, values.length ? values.join(' · ') : '—'));
    tbody.append(tr);
  }
  t.append(tbody);
  return t;
}

/**
 * The whole panel.
 * @param {any} report the engine's report
 * @param {Record<string, number>} [digits] minor digits of each currency (the report's minor_digits)
 */
export function renderIssues(report, digits = {}) {
  const list = Array.isArray(report?.issues) ? report.issues : [];
  const unlisted = Number.isSafeInteger(report?.issues_unlisted) && report.issues_unlisted > 0 ? report.issues_unlisted : 0;
  const counts = report?.issue_counts && typeof report.issue_counts === 'object' ? report.issue_counts : {};
  const section = el('section', { class: 'issues', 'aria-labelledby': 'issues-heading' });
  const heading = list.length === 0 && unlisted === 0 ? 'Rejected rows and warnings: none'
    : unlisted > 0 ? `Rejected rows and warnings (${formatMinor(list.length, 0)} listed, ${formatMinor(unlisted, 0)} more not listed)`
      : `Rejected rows and warnings (${formatMinor(list.length, 0)})`;
  section.append(el('h2', { id: 'issues-heading' }, heading));

  // In a scroll box of its own: on a phone the table is wider than the screen.
  const fileRows = el('div', { class: 'file-rows-scroll' });
  fileRows.append(renderFileRows(report?.files, report?.currencies, digits));
  section.append(fileRows);

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
  const scroller = el('div', { class: 'table-scroll issues-scroll', role: 'region', 'aria-label': 'Issues', tabindex: '0' });
  const t = el('table', { class: 'issues-table' });
  const head = el('tr');
  const headings = [['File', 'issue-file'], ['Line', 'num'], ['Column', ''], ['Severity', ''], ['Code', ''], ['Reason', ''], ['Row as read', 'raw']];
  for (const [label, cls] of headings) head.append(el('th', { scope: 'col', class: cls }, label));
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const tbody = el('tbody');
  for (const issue of list.slice(0, MAX_ISSUE_ROWS)) {
    const severity = String(issue?.severity ?? '');
    const tr = el('tr', { class: `severity-${severity.replace(/[^a-z]/gi, '')}` });
    const text = (v) => (v == null ? '' : String(v));
    tr.append(el('td', { class: 'issue-file', 'data-kind': text(issue?.file) }, issueFileName(issue, report?.files)));
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
