// The Changes view's model: the engine's comparison of two exports
// (changes of bbb compare, docs/metrics.md "Changes between two exports")
// as tables of text. Presentation only: every count and value is the
// engine's, formatted; nothing here adds or compares amounts.
import { formatMinor } from '../format_minor.js';
import { csvCell, plainAmount } from '../export_report.js';

/** The engine's categories, in its order, as a reader names them. */
export const CHANGE_LABELS = Object.freeze({
  added: 'Added',
  removed: 'Removed',
  won: 'Won',
  lost: 'Lost',
  status_changed: 'Other status change',
  amount_changed: 'Amount changed',
  slipped: 'Slipped (close date later)',
  pulled_in: 'Pulled in (close date earlier)',
});

/** What each category holds, for the row's title and the rows' heading. */
export const CHANGE_HELP = Object.freeze({
  added: 'Lines whose id is only in the later export (or whose currency changed). Value: the amount now.',
  removed: 'Lines whose id is only in the earlier export (or whose currency changed). Value: the amount before.',
  won: 'Open or lost before, booked now. Value: the amount now.',
  lost: 'Lost now, not lost before. Value: the amount now.',
  status_changed: 'Any other change of status (booked to cancelled, lost to open...). Value: the amount now.',
  amount_changed: 'Same id, another amount. Value: now minus before.',
  slipped: 'The close date is later than before. Value: the amount now.',
  pulled_in: 'The close date is earlier than before. Value: the amount now.',
});

/** The currencies compared, the default currency first, then by the engine's order. */
export function changeCurrencies(changes, preferred = '') {
  const all = Object.keys(changes?.currencies ?? {});
  return preferred && all.includes(preferred) ? [preferred, ...all.filter((c) => c !== preferred)] : all;
}

/** The minor digits of a currency, as the engine gave them. */
const digitsOf = (changes, currency) => changes?.minor_digits?.[currency] ?? 2;

/**
 * The summary table of one currency: a row per category (count, value), and
 * the bridge from the earlier export's total to the later one's.
 * @returns {{rows: Array<{kind: string, label: string, help: string, count: string, value: string, countRaw: number}>,
 *   before: string, after: string, unchanged: string}}
 */
export function changeSummary(changes, currency) {
  const c = changes?.currencies?.[currency];
  const digits = digitsOf(changes, currency);
  const money = (v) => formatMinor(v ?? 0, digits, { negative: 'minus' });
  const rows = Object.keys(CHANGE_LABELS).filter((k) => c?.changes?.[k]).map((kind) => {
    const k = c.changes[kind];
    const value = kind === 'amount_changed' && (k.count ?? 0) > 0
      ? `${money(k.value)} (up ${money(k.increase)}, down ${money(k.decrease)})` : money(k.value);
    return { kind, label: CHANGE_LABELS[kind], help: CHANGE_HELP[kind], count: formatMinor(k.count ?? 0, 0), value, countRaw: k.count ?? 0 };
  });
  const lines = (n) => `${formatMinor(n ?? 0, 0)} line${n === 1 ? '' : 's'}`;
  return {
    rows,
    before: `${lines(c?.before?.count)}, ${currency} ${money(c?.before?.value)}`,
    after: `${lines(c?.after?.count)}, ${currency} ${money(c?.after?.value)}`,
    unchanged: lines(c?.unchanged),
  };
}

/** One side of a row as text: "open · 2024-03-31 · 1,000.00", or "—" where the line is absent. */
function sideText(side, changes) {
  if (!side) return '—';
  const amount = formatMinor(side.amount ?? 0, digitsOf(changes, side.currency), { negative: 'minus' });
  return [side.status, side.close ?? 'no date', `${side.currency} ${amount}`].join(' · ');
}

/**
 * The rows of one category: id, customer, each export's line, the value.
 * @returns {{heading: string, note: string, rows: Array<{id: string, customer: string, before: string, after: string,
 *   value: string, line: string}>}}
 */
export function changeRows(changes, currency, kind) {
  const k = changes?.currencies?.[currency]?.changes?.[kind];
  const digits = digitsOf(changes, currency);
  const rows = (k?.rows ?? []).map((r) => ({
    id: String(r.id ?? ''),
    customer: String(r.customer ?? ''),
    before: sideText(r.before, changes),
    after: sideText(r.after, changes),
    value: formatMinor(r.value ?? 0, digits, { negative: 'minus' }),
    line: [r.before ? `before ${r.before.line}` : '', r.after ? `now ${r.after.line}` : ''].filter(Boolean).join(', '),
  }));
  const count = k?.count ?? 0;
  const note = count > rows.length ? `The ${formatMinor(rows.length, 0)} largest of ${formatMinor(count, 0)} lines are listed.` : '';
  return { heading: `${CHANGE_LABELS[kind] ?? kind} · ${currency}`, note, rows };
}

/**
 * The rows of one category as CSV (raw values, formula-safe like every export):
 * currency, change, id, customer, then each export's line, status, close and amount, and the value.
 */
export function changeRowsCsv(changes, currency, kind) {
  const k = changes?.currencies?.[currency]?.changes?.[kind];
  const digits = digitsOf(changes, currency);
  const side = (s) => s ? [s.line, s.status, s.close ?? '', s.currency, plainAmount(s.amount, digitsOf(changes, s.currency))] : ['', '', '', '', ''];
  const lines = [['currency', 'change', 'id', 'customer', 'before_line', 'before_status', 'before_close', 'before_currency', 'before_amount',
    'after_line', 'after_status', 'after_close', 'after_currency', 'after_amount', 'value'].join(',')];
  for (const r of k?.rows ?? []) {
    lines.push([currency, kind, r.id, r.customer, ...side(r.before), ...side(r.after), plainAmount(r.value, digits)].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** What each export could not compare: rows with no id, ids on two rows. */
export function changeNotes(changes) {
  const notes = [];
  for (const f of changes?.files ?? []) {
    const which = f.role === 'before' ? 'The earlier export' : 'The later export';
    if (f.missing_id > 0) notes.push(`${which} (${f.name}) has ${formatMinor(f.missing_id, 0)} row${f.missing_id === 1 ? '' : 's'} with no id: not compared.`);
    if (f.duplicate_id > 0) {
      const ids = (f.duplicate_ids ?? []).slice(0, 5).join(', ');
      notes.push(`${which} (${f.name}) uses ${formatMinor(f.duplicate_ids?.length ?? 0, 0)} id${f.duplicate_ids?.length === 1 ? '' : 's'} on more than one row (${ids}${(f.duplicate_ids?.length ?? 0) > 5 ? ', …' : ''}): their lines are compared in no category.`);
    }
  }
  return notes;
}
