// Booked lines read as one-time because they carry no term (the engine's
// rows.no_term): said with their count and value, and a default term offered
// (the source profile's, docs/metrics.md "A line with no term"), never applied unasked.
import { formatMinor } from './format_minor.js';

/**
 * The sentence, and the months to offer, or null when no line lacks a term.
 * @param {any} report the engine's report
 * @returns {{text: string, months: number}|null}
 */
export function termOffer(report) {
  const noTerm = report?.rows?.no_term;
  if (!noTerm || Object.keys(noTerm).length === 0) return null;
  const digits = report?.minor_digits ?? {};
  // Per currency, as the engine counted them: currencies are never added together.
  const parts = Object.entries(noTerm).map(([currency, tally]) =>
    `${tally.count === 1 ? '1 booked line' : `${tally.count.toLocaleString('en-US')} booked lines`} of ${currency} ${formatMinor(String(tally.value), digits[currency] ?? 2)}`);
  const source = (report?.files ?? []).find((f) => f?.kind === 'contracts')?.source;
  const months = source?.offered_term_months ?? 12;
  const why = source?.offered_term_months ? ` ${source.name} deals carry no term.` : '';
  return {
    text: `${parts.join(', ')}: no term, end or delivery date, so read as one-time, with no revenue until delivered.${why}`,
    months,
  };
}
