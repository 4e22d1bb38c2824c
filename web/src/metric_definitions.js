// Every metric's name, definition and formula, as docs/metrics.md states
// them. The one place for these texts: the statement's row headers, the
// charts, the drill-down and the CSV export all read them from here.
//
// A = a line's amount, b = booking date, c = cancel date, R(d) = revenue
// recognised through day d, billed(d) = invoiced through d, P = the period.

/** @typedef {{label: string, definition: string, formula: string}} MetricDefinition */

/** @type {Record<string, MetricDefinition>} */
export const METRIC_DEFINITIONS = {
  bookings: {
    label: 'Bookings',
    definition: 'The full contract value (TCV) of lines booked in the period, including lines cancelled later.',
    formula: 'Σ A of booked lines with booking date b in P',
  },
  acv_bookings: {
    label: 'ACV bookings',
    definition: 'Bookings at annual contract value: a contract longer than 12 months counts one year of its value.',
    formula: 'Σ floor(A × 12 / T) when the term T > 12 months, else A',
  },
  bookings_recurring: {
    label: 'Recurring',
    definition: 'Bookings of ratable lines (revenue spread over a term).',
    formula: 'Σ A of ratable lines booked in P',
  },
  bookings_one_time: {
    label: 'One-time',
    definition: 'Bookings of point lines (revenue on delivery).',
    formula: 'Σ A of point lines booked in P',
  },
  bookings_by_type: {
    label: 'By type',
    definition: 'Bookings split by the file\'s type column, as written (empty = unspecified).',
    formula: 'Σ A of lines booked in P, per type',
  },
  bookings_count: {
    label: 'Lines booked',
    definition: 'How many lines were booked in the period.',
    formula: 'count of booked lines with b in P',
  },
  cancellations: {
    label: 'Cancellations',
    definition: 'The backlog that a cancellation removed: what was still to be recognised on the cancel date.',
    formula: 'Σ A − R(c − 1) of lines with cancel date c in P',
  },
  cancellations_count: {
    label: 'Lines cancelled',
    definition: 'How many lines were cancelled in the period.',
    formula: 'count of lines with c in P',
  },
  revenue: {
    label: 'Revenue',
    definition: 'Revenue recognised in the period: ratable lines day by day over their term, point lines on delivery.',
    formula: 'Σ R(end) − R(start − 1)',
  },
  billings: {
    label: 'Billings',
    definition: 'Invoices and credit notes dated in the period: generated from the billing terms, from the invoices file, and cancellation true-ups.',
    formula: 'Σ invoice amounts dated in P',
  },
  backlog_begin: {
    label: 'Backlog (begin)',
    definition: 'Contracted revenue not yet recognised, on the day before the period starts (remaining performance obligations).',
    formula: 'backlog_end of the day before P starts',
  },
  backlog_end: {
    label: 'Backlog (end)',
    definition: 'Contracted revenue not yet recognised at the end of the period (remaining performance obligations).',
    formula: 'Σ A − R(end) over booked lines not cancelled by end',
  },
  deferred_revenue_end: {
    label: 'Deferred revenue',
    definition: 'Billed but not yet recognised, at the end of the period (a liability).',
    formula: 'Σ max(0, billed(end) − R(end)) over all booked lines',
  },
  unbilled_receivable_end: {
    label: 'Unbilled receivable',
    definition: 'Recognised but not yet billed, at the end of the period (a contract asset).',
    formula: 'Σ max(0, R(end) − billed(end)) over all booked lines',
  },
  billed_backlog_end: {
    label: 'Billed backlog',
    definition: 'The part of the backlog already invoiced.',
    formula: 'Σ max(0, min(billed(end), A) − R(end)) over lines in backlog',
  },
  unbilled_backlog_end: {
    label: 'Unbilled backlog',
    definition: 'The part of the backlog not yet invoiced.',
    formula: 'backlog_end − billed_backlog_end',
  },
  crpo_end: {
    label: 'cRPO (next 12 months)',
    definition: 'Current remaining performance obligations: the backlog scheduled to be recognised in the next 12 months.',
    formula: 'Σ R′(E) − R′(end), E = last day of the month 12 months after end',
  },
  later_backlog_end: {
    label: 'Later than 12 months',
    definition: 'The backlog scheduled after the next 12 months.',
    formula: 'backlog_end − crpo_end − unscheduled_backlog_end',
  },
  unscheduled_backlog_end: {
    label: 'Unscheduled backlog',
    definition: 'The backlog no schedule places yet: point lines without a delivery date, the part of a fulfilment line no row reaches.',
    formula: 'Σ unscheduled amounts of lines in backlog',
  },
  book_to_bill: {
    label: 'Book-to-bill',
    definition: 'Bookings per unit billed: above 1 the backlog of billing grows.',
    formula: 'bookings / billings (blank when billings are 0)',
  },
  book_to_revenue: {
    label: 'Book-to-revenue',
    definition: 'Bookings per unit of revenue: above 1 the backlog grows.',
    formula: 'bookings / revenue (blank when revenue is 0)',
  },
  backlog_months: {
    label: 'Backlog months',
    definition: 'How many months of revenue the backlog holds, at the pace of the last three months.',
    formula: 'backlog_end / (revenue of the 3 months ending at end / 3)',
  },
  period_over_period: {
    label: 'vs previous period',
    definition: 'Change against the previous period.',
    formula: '(x − x_prev) / x_prev (blank when the base is 0)',
  },
  year_over_year: {
    label: 'vs a year before',
    definition: 'Change against the same months a year before.',
    formula: '(x − x_year_before) / x_year_before (blank when the base is 0)',
  },
  rollforward: {
    label: 'Backlog roll-forward',
    definition: 'How the backlog moves in a period; it holds exactly in every period.',
    formula: 'backlog_begin + bookings − revenue − cancellations = backlog_end',
  },
};

/** The label of a metric key, or the key itself. */
export function metricLabel(key) {
  return METRIC_DEFINITIONS[key]?.label ?? key;
}

/** "Definition. Formula: …" for a title attribute or a CSV note. */
export function metricExplanation(key) {
  const d = METRIC_DEFINITIONS[key];
  return d ? `${d.definition} Formula: ${d.formula}` : '';
}
