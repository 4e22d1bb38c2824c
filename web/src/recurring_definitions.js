// The definitions of the recurring revenue figures (METRICS.md §12), part of
// METRIC_DEFINITIONS (metric_definitions.js): the recurring view's names,
// the drill-down's formulas and the glossary read them from there. Keys are
// the engine's drill metrics (mrr_new...) where it has one, else its field.
//
// p and n = a customer's MRR at the month end before and after a month;
// e = a month end; A = a line's amount, T = its term in months.

/** @type {Record<string, import('./metric_definitions.js').MetricDefinition>} */
export const RECURRING_DEFINITIONS = {
  mrr_end: {
    label: 'MRR (end)',
    definition: 'Monthly recurring revenue at the last month end of the period: each booked ratable line counts its amount per month of its term (a subscription: per month of its billing interval), rounded down, at every month end it runs on (started, booked and not cancelled by then, not yet ended). Point lines count none. Per currency, summed over customers.',
    formula: 'Σ floor(A / T) over booked ratable lines with start ≤ e ≤ end, booked ≤ e, not cancelled by e; a subscription of k months floor(A / k), of w weeks floor(A × 12 / 52 / w), of d days floor(A × 12 / 365 / d)',
  },
  mrr_begin: {
    label: 'MRR (start)',
    definition: 'Monthly recurring revenue at the month end before the period starts: the MRR (end) of the period before.',
    formula: 'MRR at the month end before P starts',
  },
  arr_end: {
    label: 'ARR (end)',
    definition: 'Annual recurring revenue: twelve times the MRR at the period end. Its drill-down lists the lines running then, each at twelve times its MRR.',
    formula: 'ARR = 12 × MRR (end)',
  },
  arr_begin: {
    label: 'ARR (start)',
    definition: 'Annual recurring revenue at the month end before the period starts: twelve times that MRR. Its drill-down lists the lines behind the MRR.',
    formula: 'ARR = 12 × MRR (start)',
  },
  arr_bridge: {
    label: 'ARR bridge',
    definition: 'How ARR moves in the period, customer by customer: new, expansion and reactivation add to it, contraction and churn take from it. It holds exactly; a quarter or a year sums its months\' movements. Each step is twelve times the MRR movement, whose lines its drill-down lists.',
    formula: 'end = start + new + expansion + reactivation − contraction − churn; ARR = 12 × MRR',
  },
  mrr_new: {
    label: 'New MRR',
    definition: 'The MRR of customers that start paying: no MRR at the month end before and never any before.',
    formula: 'n when p = 0 and the customer never had MRR before',
  },
  mrr_expansion: {
    label: 'Expansion',
    definition: 'The MRR added by customers that had MRR and have more: an upgrade, an added line.',
    formula: 'n − p when n > p > 0',
  },
  mrr_contraction: {
    label: 'Contraction',
    definition: 'The MRR lost by customers that still have MRR, but less: a downgrade, a line ended.',
    formula: 'p − n when p > n > 0',
  },
  mrr_churn: {
    label: 'Churn',
    definition: 'The MRR lost by customers whose MRR falls to zero: everything they had.',
    formula: 'p when p > 0 and n = 0',
  },
  mrr_reactivation: {
    label: 'Reactivation',
    definition: 'The MRR of customers that come back: none at the month end before, some earlier.',
    formula: 'n when p = 0 and the customer had MRR before',
  },
  customers_begin: {
    label: 'Customers (start)',
    definition: 'Customers with MRR at the month end before the period starts. A line without a customer is its own customer.',
    formula: 'count of customers with MRR > 0 at the month end before P',
  },
  customers_end: {
    label: 'Customers (end)',
    definition: 'Customers with MRR at the last month end of the period. A line without a customer is its own customer.',
    formula: 'count of customers with MRR > 0 at the end of P',
  },
  new_customers: {
    label: 'New customers',
    definition: 'Customers whose first MRR is in the period.',
    formula: 'count of customers with p = 0, n > 0 and no MRR before',
  },
  reactivated_customers: {
    label: 'Reactivated customers',
    definition: 'Customers that had MRR before, none at the month end before, and MRR again in the period.',
    formula: 'count of customers with p = 0, n > 0 and MRR before',
  },
  churned_customers: {
    label: 'Churned customers',
    definition: 'Customers whose MRR falls to zero in the period.',
    formula: 'count of customers with p > 0 and n = 0',
  },
  nrr: {
    label: 'Net revenue retention',
    definition: 'The MRR now of the customers that had MRR twelve months before the period end, against their MRR then: expansion raises it, contraction and churn lower it, new customers do not count. Blank when none had MRR then.',
    formula: 'Σ MRR(e) / Σ MRR(e − 12 months) over customers with MRR at e − 12 months',
  },
  grr: {
    label: 'Gross revenue retention',
    definition: 'As net revenue retention, but a customer counts at most the MRR it had twelve months before: only contraction and churn lower it, never above 100%. Blank when none had MRR then.',
    formula: 'Σ min(MRR(e), MRR(e − 12 months)) / Σ MRR(e − 12 months) over the same customers',
  },
  logo_churn: {
    label: 'Logo churn',
    definition: 'The share of the customers at the period start that churned in it. Blank when there were none.',
    formula: 'churned customers / customers (start)',
  },
  quick_ratio: {
    label: 'Quick ratio',
    definition: 'MRR gained per unit of MRR lost in the period: above 1 recurring revenue grows. Blank when nothing was lost.',
    formula: '(new + expansion + reactivation) / (contraction + churn)',
  },
  mrr_cohorts: {
    label: 'Cohorts',
    definition: 'Customers grouped by the month of their first MRR; for each month since (month 0 is that month), the share of the cohort\'s customers still with MRR, or the share of its starting MRR they hold now (above 100% when expansion outweighs contraction and churn).',
    formula: 'customers[k] / customers[0]; MRR[k] / MRR[0]',
  },
  recurring_segments: {
    label: 'Recurring revenue by segment',
    definition: 'The MRR figures of the period per segment, each from the segment\'s own lines; the Total row is the unsplit report, as the engine gave it.',
    formula: 'per segment: end = start + new + expansion + reactivation − contraction − churn',
  },
};
