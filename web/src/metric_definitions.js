// Every metric's name, definition and formula, as docs/metrics.md states
// them. The one place for these texts: the statement's row headers, the
// charts, the drill-down and the CSV export all read them from here.
//
// A = a line's amount, b = booking date, c = cancel date, R(d) = revenue
// recognised through day d, billed(d) = invoiced through d, P = the period.
// The recurring revenue figures (MRR, ARR, retention) are in
// recurring_definitions.js.
import { RECURRING_DEFINITIONS } from './recurring_definitions.js';

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
    definition: 'How many months of revenue the backlog holds, at the pace of the last three months (of the one or two the report has in its first months); blank before any revenue.',
    formula: 'backlog_end / (revenue of the n months ending at end / n), n = 3 or the months since the report starts',
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
  // ---- looking forward (METRICS.md §5; A = the as-of date, R'(d) = revenue scheduled through d) ----
  forward_revenue: {
    label: 'Scheduled revenue',
    definition: 'Revenue the backlog at the as-of date is scheduled to recognise in the period (the 36 months after it).',
    formula: "Σ R'(end) − R'(max(start − 1, A)) over lines in backlog at A",
  },
  forward_billings: {
    label: 'Scheduled billings',
    definition: 'Invoices the lines in backlog at the as-of date are scheduled to send in the period.',
    formula: 'Σ scheduled invoices dated in P and after A',
  },
  revenue_later: {
    label: 'Later',
    definition: 'Revenue of the backlog scheduled after the 36 months shown (and billings scheduled then, in the billings row).',
    formula: "Σ A_line − R'(A + 36 months) of scheduled amounts",
  },
  forward_unscheduled: {
    label: 'Unscheduled',
    definition: 'The part of the backlog no schedule places yet: point lines without a delivery date, fulfilment not reached.',
    formula: 'Σ unscheduled amounts of lines in backlog at A',
  },
  forward_backlog: {
    label: 'Backlog at the as-of date',
    definition: 'Contracted revenue not yet recognised at the as-of date; the scheduled periods, later and unscheduled add up to it.',
    formula: "Σ A_line − R'(A) = Σ scheduled revenue + later + unscheduled",
  },
  waterfall: {
    label: 'Waterfall',
    definition: 'Revenue by the period its lines were booked in (or its invoices were issued in: rows) and the period it is recognised in (columns). ' +
      'By billing period, a line\'s revenue is matched to its invoices oldest first.',
    formula: 'booked row: Σ cells + cancelled + still in backlog = bookings; billed row: Σ cells + not yet recognised = billings; column: Σ cells = revenue',
  },
  waterfall_not_recognised: {
    label: 'Not yet recognised',
    definition: 'What the row\'s invoices bill that is not yet earned at the end of the range (net of the credit notes issued in the row\'s period).',
    formula: 'billings − recognised before − Σ cells',
  },
  waterfall_before: {
    label: 'Recognised before the range',
    definition: 'Revenue of the row recognised before the report\'s first period (a range set with From).',
    formula: 'Σ revenue of the row before the first period',
  },
  // ---- sales backlog and pipeline (METRICS.md §6) ----
  open_count: {
    label: 'Open deals',
    definition: 'Deals open on the as-of date: open rows (status open, pipeline or pending) created by then (rows without a created date always count), and deals won or lost since that were created by then.',
    formula: 'count of open rows with created_date ≤ A + won and lost rows with created_date ≤ A < close date',
  },
  open_value: {
    label: 'Open value',
    definition: 'The total amount of the open deals.',
    formula: 'Σ A of the deals open at A',
  },
  average_deal_size: {
    label: 'Average deal size',
    definition: 'Open value per open deal, rounded down to the minor unit.',
    formula: 'floor(open_value / open_count)',
  },
  average_age_days: {
    label: 'Average age',
    definition: 'Mean days since creation of the open deals that have a created date.',
    formula: 'mean of A − created_date',
  },
  age_buckets: {
    label: 'Age buckets',
    definition: 'Open deals by days since creation: 0-30, 31-60, 61-90, 91-180, 181+; deals without a created date apart.',
    formula: 'count and Σ A per bucket of A − created_date',
  },
  no_created_date: {
    label: 'No created date',
    definition: 'Open deals without a created date: counted in the pipeline, not aged.',
    formula: 'count and Σ A of open rows without created_date',
  },
  won: {
    label: 'Won',
    definition: 'Lines closed won in the period: booked lines by booking date (the close date), even if cancelled later.',
    formula: 'count of booked lines with b in P',
  },
  lost: {
    label: 'Lost',
    definition: 'Lost rows whose booking date (the close date) is in the period.',
    formula: 'count of lost rows with b in P',
  },
  won_value: {
    label: 'Won value',
    definition: 'The amount of the lines won in the period.',
    formula: 'Σ A of booked lines with b in P',
  },
  lost_value: {
    label: 'Lost value',
    definition: 'The amount of the deals lost in the period.',
    formula: 'Σ A of lost rows with b in P',
  },
  win_rate: {
    label: 'Win rate',
    definition: 'Share of the deals closed in the period that were won; blank when none closed.',
    formula: 'won / (won + lost)',
  },
  average_sales_cycle_days: {
    label: 'Average sales cycle',
    definition: 'Mean days from creation to close of the lines won in the period that have a created date; a line created after it closed is left out (its row carries a warning).',
    formula: 'mean of booking_date − created_date over won lines with created_date ≤ booking_date',
  },
  open_pipeline_end: {
    label: 'Open at period end',
    definition: 'The deals open on the last day of the period: created by then and not yet won or lost, whatever became of them since.',
    formula: 'open rows created ≤ e (or with no created date) + won and lost rows with created ≤ e < close date',
  },
  sales_velocity_per_day: {
    label: 'Sales velocity',
    definition: 'Value the pipeline is expected to close per day: open deals × average deal size × win rate ÷ average sales cycle.',
    formula: 'floor(open_value × won × cycles / ((won + lost) × cycle_days))',
  },
  delivered: {
    label: 'Delivered',
    definition: 'Point lines (orders) delivered in the period, and their amount.',
    formula: 'count and Σ A of point lines with max(delivery_date, booking_date) in P',
  },
  lead_time_days: {
    label: 'Lead time',
    definition: 'Mean days from booking to delivery of the orders delivered in the period; a delivery dated before its booking counts as delivered on the booking date (lead time 0), when its revenue is recognised.',
    formula: 'mean of max(delivery_date, booking_date) − booking_date',
  },
  undelivered: {
    label: 'Undelivered orders',
    definition: 'Point lines booked on or before the as-of date, neither delivered nor cancelled by then, by age since booking.',
    formula: 'count and Σ A, age = A − booking_date',
  },
  older_than_90_days: {
    label: 'Older than 90 days',
    definition: 'Undelivered orders booked more than 90 days before the as-of date.',
    formula: 'count and Σ A with A − booking_date > 90',
  },
  oldest_orders: {
    label: 'Oldest undelivered orders',
    definition: 'The 20 undelivered orders booked earliest, with their file line.',
    formula: 'undelivered orders by booking_date, first 20',
  },
  trailing_bookings: {
    label: 'Bookings, 12 months',
    definition: 'Bookings of the twelve months ending with the period.',
    formula: 'Σ bookings of the 12 months ending at end',
  },
  trailing_billings: {
    label: 'Billings, 12 months',
    definition: 'Billings of the twelve months ending with the period.',
    formula: 'Σ billings of the 12 months ending at end',
  },
  trailing_revenue: {
    label: 'Revenue, 12 months',
    definition: 'Revenue of the twelve months ending with the period.',
    formula: 'Σ revenue of the 12 months ending at end',
  },
  segments: {
    label: 'Segments',
    definition: 'The report split by one column: the largest values by bookings over the range one by one, the rest merged into one; the Total row is the unsplit report, which the segments add up to exactly.',
    formula: 'Σ segments = unsplit report',
  },
  rollforward: {
    label: 'Backlog roll-forward',
    definition: 'How the backlog moves in a period; it holds exactly in every period.',
    formula: 'backlog_begin + bookings − revenue − cancellations = backlog_end',
  },
  ...RECURRING_DEFINITIONS,
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
