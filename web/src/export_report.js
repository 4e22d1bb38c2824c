// Downloads: the statements as CSV, the engine's report as JSON, a chart as
// PNG. A CSV cell that a spreadsheet would run as a formula (it begins with
// = + - @, a tab or a carriage return) is prefixed with an apostrophe;
// plain decimal numbers such as -1234.56 stay numbers.
import { formatMinor } from './format_minor.js';
import { segmentChoice } from './statement_segments.js';

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Neutralises a formula-like cell and quotes it per RFC 4180 when needed. */
export function csvCell(value) {
  let text = value == null ? '' : String(value);
  if (!NUMBER.test(text) && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** A plain decimal string of an amount in minor units: 123456 with 2 digits -> "1234.56" (digits, not arithmetic). */
export function plainAmount(minor, digits) {
  if (minor == null) return '';
  return formatMinor(minor, digits, { group: '', negative: 'minus' });
}

/** The raw value of a statement row in one period or total (engine data), as CSV text. */
function rawValue(rowKey, kind, p, digits) {
  if (!p) return '';
  if (rowKey.startsWith('bookings_by_type.')) return p.bookings_by_type ? plainAmount(p.bookings_by_type[rowKey.slice(17)] ?? 0, digits) : '';
  if (rowKey.startsWith('growth.')) {
    const [, field, which] = rowKey.split('.');
    const v = p.growth?.[field]?.[which];
    return typeof v === 'number' ? String(v) : '';
  }
  const v = p[rowKey];
  if (kind === 'amount') return plainAmount(v, digits);
  return v == null ? '' : String(v);
}

/**
 * The figures a statement shows: the currency's, or the segment's on show
 * (statement.segment), as the engine gave them.
 * @param {any} report the engine's report
 * @param {import('./statement_model.js').Statement} s
 */
export function statementData(report, s) {
  const data = report?.currencies?.[s.currency] ?? {};
  return s.segment ? segmentChoice(data, s.segment.key).data ?? {} : data;
}

/**
 * Each row of a statement with its raw values, one a column (periods, then
 * Total): plain decimals for amounts, the engine's numbers for ratios, the
 * cell's own text for a figure not known; and its label, the roll-forward's
 * operator after it (a leading "+" would be neutralised in a CSV).
 * @param {import('./statement_model.js').Statement} s
 * @param {any} data statementData()
 */
export function statementRawRows(s, data) {
  const columnsData = [...(data?.periods ?? []), ...(data?.total ? [data.total] : [])];
  const out = [];
  for (const group of s.groups) {
    for (const row of group.rows) {
      const label = row.operator ? `${row.label} (${row.operator})` : row.label;
      // A figure the engine gave as null (not known from invoices alone) is said so, never 0 or blank.
      const values = columnsData.map((p, i) => (row.cells[i]?.unknown ? row.cells[i].text : rawValue(row.key, row.kind, p, s.minorDigits)));
      out.push({ group, row, label, values });
    }
  }
  return out;
}

/**
 * The report as CSV: per currency a header row of periods, then the rows of
 * its statement (currency, section, metric, label, periods..., total). When
 * the report is split, a segment column follows the currency: the segment
 * on show (Total: the unsplit report).
 * @param {any} report the engine's report
 * @param {import('./statement_model.js').Statement[]} statements
 */
export function reportCsv(report, statements) {
  const lines = [];
  for (const s of statements) {
    const segment = s.segment ? [s.segment.label] : [];
    lines.push(['currency', ...(s.segment ? ['segment'] : []), 'section', 'metric', 'label', ...s.columns.map((c) => c.label)].map(csvCell).join(','));
    for (const { group, row, label, values } of statementRawRows(s, statementData(report, s))) {
      lines.push([s.currency, ...segment, group.title, row.key, label, ...values].map(csvCell).join(','));
    }
    lines.push('');
  }
  return lines.join('\r\n');
}

/** Saves a Blob under a file name through an object URL and <a download>. */
export function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name stem from the contracts file: "sales 2024.csv" -> "sales-2024". */
export function exportStem(fileName) {
  const stem = String(fileName ?? 'report').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return stem || 'report';
}

/**
 * The tables of one view as CSV: per table a title line, a header row and its
 * rows, the raw values (plain decimals, the engine's ratios), formula-safe.
 * @param {string} currency
 * @param {string} view the view's key
 * @param {import('./views/view_cells.js').TableModel[]} tables
 */
export function tablesCsv(currency, view, tables) {
  const lines = [];
  for (const t of tables) {
    lines.push(['currency', 'view', 'table', t.corner, ...t.columns.map((c) => c.label)].map(csvCell).join(','));
    for (const row of t.rows) {
      // A roll-forward's operator goes after the name, as in the statement's CSV: a leading "+" would be neutralised.
      const label = row.operator ? `${row.label} (${row.operator})` : row.label;
      lines.push([currency, view, t.key, label, ...row.cells.map((c) => c.raw)].map(csvCell).join(','));
    }
    lines.push('');
  }
  return lines.join('\r\n');
}

/** Saves a chart (Chart.js) as a PNG file. @param {{canvas: HTMLCanvasElement}} chart @param {string} fileName */
export function saveChartPng(chart, fileName) {
  chart.canvas.toBlob((blob) => { if (blob) download(blob, fileName); }, 'image/png');
}

/**
 * Saves the tables of one view as CSV (with a BOM, for spreadsheets), named
 * STEM-VIEW-CURRENCY.csv.
 * @param {string} stem exportStem() of the contracts file
 * @param {string} currency
 * @param {string} view
 * @param {import('./views/view_cells.js').TableModel[]} tables
 */
export function downloadViewCsv(stem, currency, view, tables) {
  download(new Blob(['\ufeff' + tablesCsv(currency, view, tables)], { type: 'text/csv;charset=utf-8' }), `${stem}-${view}-${currency}.csv`);
}
