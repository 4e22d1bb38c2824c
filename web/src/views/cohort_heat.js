// The cohort table of the recurring view (spec 12) as a heat map: a row per
// cohort (the customers whose first MRR is in one month), the cohort's size
// and starting MRR, then a column per month since its start holding the
// share kept: of its customers still with MRR, or of its starting MRR.
// The shares are presentation (integer_math.js, exact); the counts and
// amounts are the engine's.
import { amount, blank, count } from './view_cells.js';
import { HEAT_STEPS, share } from './integer_math.js';
import { formatMinor } from '../format_minor.js';

/** What the shares are of: 'mrr' (starting MRR kept) or 'customers' (customers still with MRR). */
export const COHORT_MEASURES = [
  { value: 'mrr', label: 'Share of starting MRR kept' },
  { value: 'customers', label: 'Share of customers kept' },
];

/**
 * The heat-map table of the cohorts, or null when there are none.
 * @param {string} currency
 * @param {any[]} cohorts the engine's currencies[C].cohorts
 * @param {'mrr'|'customers'} measure
 * @param {number} digits the currency's minor digits
 * @returns {import('./view_cells.js').TableModel|null}
 */
export function cohortTable(currency, cohorts, measure, digits) {
  const rows = (Array.isArray(cohorts) ? cohorts : []).filter((c) => Array.isArray(c?.customers) && Array.isArray(c?.mrr));
  if (rows.length === 0) return null;
  const months = Math.max(...rows.map((c) => Math.max(c.customers.length, c.mrr.length)));
  const ofMrr = measure !== 'customers';
  /** @type {import('./view_cells.js').ViewColumn[]} */
  const columns = [
    { label: 'Customers', help: 'new_customers', total: true, title: 'Customers whose first MRR is in the month' },
    { label: 'MRR at start', help: 'mrr_cohorts', total: true, title: 'Their MRR at the end of that month' },
    ...Array.from({ length: months }, (_, k) => ({ label: `Month ${k}`, title: k === 0 ? 'The start month' : `${k} month${k === 1 ? '' : 's'} after the start month` })),
  ];
  return {
    key: 'recurring_cohorts',
    caption: `${currency} cohorts by month of first MRR: ${ofMrr ? 'share of starting MRR kept' : 'share of customers kept'}`,
    corner: 'First MRR in', help: 'mrr_cohorts', heat: true,
    note: ofMrr
      ? 'Each cell: the cohort\'s MRR that month as a share of its MRR in month 0; above 100% when expansion outweighs contraction and churn.'
      : 'Each cell: the share of the cohort\'s customers that still have MRR that month.',
    columns,
    rows: rows.map((c) => ({
      key: `cohort.${c.start}`, label: String(c.start),
      cells: [count(c.customers[0]), amount(c.mrr[0], digits),
        ...Array.from({ length: months }, (_, k) => shareCell(ofMrr ? c.mrr : c.customers, k, ofMrr, digits))],
    })),
  };
}

/** @returns {import('./view_cells.js').ViewCell} */
function shareCell(values, k, ofMrr, digits) {
  if (k >= values.length) return blank();
  const kept = share(values[k], values[0], HEAT_STEPS);
  if (!kept) return blank();
  const part = ofMrr ? formatMinor(values[k], digits) : formatMinor(values[k], 0);
  const whole = ofMrr ? formatMinor(values[0], digits) : formatMinor(values[0], 0);
  // A share of 0 is a figure here (the whole cohort gone), not an empty cell: zero stays false.
  return { text: kept.text, raw: kept.raw, heat: kept.heat, kind: 'percent',
    title: ofMrr ? `MRR ${part} of ${whole}` : `${part} of ${whole} customers` };
}
