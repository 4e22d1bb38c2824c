// The running header of a printed report: what it shows (view, currency),
// from which files and with which settings, as the engine echoed them in
// the report (its `settings` and `files`), so that every printed page says
// what it is. Text only; nothing is computed.
import { formatMinor } from '../format_minor.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const PERIOD_WORDS = { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };

/**
 * The files of the report: "contracts: deals.csv (2,000 rows)".
 * @param {Array<Record<string, any>>|undefined} files the report's files[]
 */
export function filesText(files) {
  const parts = (files ?? []).map((f) => {
    const read = f?.rows?.read;
    const rows = typeof read === 'number' ? ` (${formatMinor(read, 0)} rows)` : '';
    return `${f?.kind ?? 'file'}: ${f?.name ?? ''}${rows}`;
  });
  return parts.length > 0 ? parts.join(' · ') : 'no file';
}

/**
 * The settings of the report, in the words of the page's controls.
 * @param {Record<string, any>|undefined} settings the report's settings
 * @returns {string[]} one "Name: value" a setting
 */
export function settingsParts(settings) {
  const s = settings ?? {};
  const period = PERIOD_WORDS[s.period] ?? String(s.period ?? '');
  const fiscal = s.period && s.period !== 'month' && s.fiscal_start ? ` (fiscal year from ${MONTHS[s.fiscal_start - 1] ?? s.fiscal_start})` : '';
  const range = s.from || s.to ? `${s.from ?? 'first period'} to ${s.to ?? 'last period'}` : 'all periods';
  return [
    `Period: ${period}${fiscal}`,
    `Range: ${range}`,
    `As of: ${s.as_of ?? 'none'}`,
    `Proration: ${s.proration ?? ''}`,
    `Split by: ${s.split_by ? `${s.split_by} (top ${s.top ?? ''})` : 'none'}`,
    `Default currency: ${s.currency ?? ''}`,
  ];
}

/**
 * The header's lines: a title, the files, the settings.
 * @param {Record<string, any>} report the engine's report
 * @param {string} viewTitle "Statement", "Forward"...
 * @param {string} currency the currency of the page
 * @returns {{title: string, files: string, settings: string}}
 */
export function runningHeader(report, viewTitle, currency) {
  return {
    title: `Bookings, Billings & Backlog · ${viewTitle} · ${currency}`,
    files: `Files: ${filesText(report?.files)}`,
    settings: settingsParts(report?.settings).join(' · '),
  };
}
