// Recurring revenue (spec 12): the engine's `mrr` figures of each period as
// the ARR bridge of a chosen period (arr_bridge.js), MRR and customers over
// the periods with their movements, retention ratios, the cohorts as a heat
// map (cohort_heat.js), and the same figures per segment when split. Every
// figure is the engine's; the bridge's × 12 and the cohort shares are
// presentation, on exact integers. A report whose MRR is not known
// (invoices alone) says so, and one without recurring lines says that.
import { isZeroMinor } from '../format_minor.js';
import { UNKNOWN_TITLE } from '../statement_model.js';
import { BRIDGE_STEPS, arrBridge, bridgeChart } from './arr_bridge.js';
import { COHORT_MEASURES, cohortTable } from './cohort_heat.js';
import { segmentRows } from './segments_model.js';
import {
  amount, blank, chartValue, count, drillCell, kpi, multiple, periodOptions, pickPeriod, rate, unknown,
} from './view_cells.js';

/** The money figures of an `mrr` object, with their drill metric and definition. */
export const MRR_ROWS = [
  { field: 'mrr_begin', label: 'MRR (start)', operator: '', drill: 'mrr_begin' },
  { field: 'new', label: 'New', operator: '+', drill: 'mrr_new' },
  { field: 'expansion', label: 'Expansion', operator: '+', drill: 'mrr_expansion' },
  { field: 'reactivation', label: 'Reactivation', operator: '+', drill: 'mrr_reactivation' },
  { field: 'contraction', label: 'Contraction', operator: '−', drill: 'mrr_contraction' },
  { field: 'churn', label: 'Churn', operator: '−', drill: 'mrr_churn' },
  { field: 'mrr_end', label: 'MRR (end)', operator: '=', drill: 'mrr_end', strong: true },
];
/** The counts, as a roll-forward of their own. */
export const CUSTOMER_ROWS = [
  { field: 'customers_begin', label: 'Customers (start)', operator: '' },
  { field: 'new_customers', label: 'New customers', operator: '+' },
  { field: 'reactivated_customers', label: 'Reactivated', operator: '+' },
  { field: 'churned_customers', label: 'Churned', operator: '−' },
  { field: 'customers_end', label: 'Customers (end)', operator: '=', strong: true },
];
/** The ratios: percentages, and the quick ratio as a multiple. */
export const RATIO_ROWS = [
  { field: 'nrr', label: 'Net revenue retention', cell: rate },
  { field: 'grr', label: 'Gross revenue retention', cell: rate },
  { field: 'logo_churn', label: 'Logo churn', cell: rate },
  { field: 'quick_ratio', label: 'Quick ratio', cell: multiple },
];
const MONEY_FIELDS = ['mrr_begin', 'mrr_end', 'arr_end', 'new', 'expansion', 'contraction', 'churn', 'reactivation'];
const COUNT_FIELDS = CUSTOMER_ROWS.map((r) => r.field);

/** Whose definition a figure shows: the drill metric's, else the field's. */
const helpOf = (row) => row.drill ?? row.field;

/**
 * What the engine said of recurring revenue: 'absent' (an engine without
 * it), 'unknown' (null: invoices alone), 'none' (every figure 0, no
 * cohort) or 'some'.
 */
export function mrrStatus(data) {
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  const figures = [...periods.map((p) => p?.mrr), data?.total?.mrr];
  if (figures.every((m) => m === undefined)) return 'absent';
  const known = figures.filter((m) => m && typeof m === 'object');
  if (known.length === 0) return 'unknown';
  const zero = known.every((m) => MONEY_FIELDS.every((f) => m[f] == null || isZeroMinor(m[f])) &&
    COUNT_FIELDS.every((f) => m[f] == null || isZeroMinor(m[f])));
  return zero && !(data?.cohorts?.length > 0) ? 'none' : 'some';
}

/**
 * The bridge's default period: the one holding the report's as-of date
 * (today on the page, unless changed) when it has MRR at its start or end,
 * else the last one ending with MRR.
 */
export function defaultBridgePeriod(data) {
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  const asOf = data?.forward?.as_of ?? data?.pipeline?.as_of ?? data?.orders?.as_of;
  // ISO dates compare as strings.
  const holding = typeof asOf === 'string' ? periods.findIndex((p) => p.start <= asOf && asOf <= p.end) : -1;
  const m = periods[holding]?.mrr;
  const active = m && [m.mrr_begin, m.mrr_end].some((v) => v != null && !isZeroMinor(v));
  return active ? String(holding) : lastRecurringPeriod(periods);
}

/** The last period ending with MRR, else the last. */
export function lastRecurringPeriod(periods) {
  for (let i = periods.length - 1; i >= 0; i--) {
    const end = periods[i]?.mrr?.mrr_end;
    if (end != null && !isZeroMinor(end)) return String(i);
  }
  return String(Math.max(0, periods.length - 1));
}

const EMPTY = {
  absent: 'The engine gave no recurring revenue (MRR) for this report.',
  unknown: `MRR and ARR are ${UNKNOWN_TITLE}: they come from booked ratable lines and subscriptions in a contracts file, ` +
    'and an invoices file says what was billed, not what recurs. Add the contracts or subscriptions file to see them.',
  none: 'No recurring revenue: MRR comes from booked ratable lines and subscriptions, and this report has none.',
};

/**
 * @param {string} currency
 * @param {any} data the currency's report
 * @param {{period?: string, cohort?: string}} [state] the bridge's period (an index or 'total') and the cohort measure
 * @returns {import('./view_cells.js').ViewModel}
 */
export function recurringModel(currency, data, state = {}) {
  const model = { key: 'recurring', title: 'Recurring revenue', kpis: [], charts: [], tables: [] };
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  if (periods.length === 0) return { ...model, empty: 'No periods to show.' };
  const status = mrrStatus(data);
  if (status !== 'some') return { ...model, empty: EMPTY[status] };
  const digits = data?.minor_digits ?? 2;
  const asked = Number(state.period);
  const value = state.period === 'total' || (Number.isInteger(asked) && asked >= 0 && asked < periods.length)
    ? String(state.period) : defaultBridgePeriod(data);
  const chosen = pickPeriod(data, value);
  const label = value === 'total' ? 'Total' : String(chosen?.period ?? '');
  const mrr = chosen?.mrr;
  const cohorts = Array.isArray(data?.cohorts) ? data.cohorts : [];
  const measure = state.cohort === 'customers' ? 'customers' : 'mrr';
  model.pickers = [{ key: 'period', label: 'Bridge of', options: periodOptions(periods, true), value }];
  if (cohorts.length > 0) model.pickers.push({ key: 'cohort', label: 'Cohorts by', options: COHORT_MEASURES, value: measure });
  model.intro = 'Monthly recurring revenue (MRR): each booked ratable line counts its amount per month of its term ' +
    '(a subscription: per month of its billing interval) at every month end it runs on; ARR is 12 × MRR. The bridge shows how ARR moved in ' +
    `${value === 'total' ? 'the whole range' : label}: new customers, expansion and reactivation add, contraction and churn take away. ` +
    'Click a money figure for the lines behind it.';

  const known = mrr && typeof mrr === 'object';
  const figure = (field, cell) => (mrr === null ? unknown() : known ? cell(mrr[field]) : blank());
  model.kpis.push(
    kpi('arr_end', `ARR, end of ${label}`, 'arr_end', figure('arr_end', (v) => amount(v, digits))),
    kpi('mrr_end', `MRR, end of ${label}`, 'mrr_end', figure('mrr_end', (v) => amount(v, digits))),
    kpi('customers_end', `Customers, end of ${label}`, 'customers_end', figure('customers_end', count)),
    ...RATIO_ROWS.map((r) => kpi(r.field, `${r.label}, ${label}`, r.field, figure(r.field, r.cell))),
  );

  const bridge = arrBridge(mrr);
  // A bridge of nothing but zeros is said by its table; as a chart it would be an empty frame.
  if (bridge && bridge.steps.some((step) => step.arr !== 0n)) model.charts.push(bridgeChart(bridge, `ARR bridge, ${label}`, digits));
  const labels = periods.map((p) => String(p.period));
  model.charts.push({ key: 'mrr_trend', title: 'MRR at period end', type: 'line', unit: 'amount', digits, labels,
    series: [{ label: 'MRR (end)', colour: '--series-1', data: periods.map((p) => chartValue(p.mrr?.mrr_end)) }] });
  model.charts.push({ key: 'customers_trend', title: 'Customers', type: 'bar', unit: 'count', digits: 0, labels,
    series: [
      { label: 'Customers (end)', colour: '--series-1', data: periods.map((p) => chartValue(p.mrr?.customers_end)) },
      { label: 'New', colour: '--series-3', data: periods.map((p) => chartValue(p.mrr?.new_customers)) },
      { label: 'Churned', colour: '--series-2', data: periods.map((p) => chartValue(p.mrr?.churned_customers)) },
    ] });
  if (periods.some((p) => ['nrr', 'grr', 'logo_churn'].some((f) => typeof p.mrr?.[f] === 'number'))) {
    model.charts.push({ key: 'retention', title: 'Retention', type: 'line', unit: 'percent', digits, labels,
      series: [
        { label: 'Net revenue retention', colour: '--series-1', data: periods.map((p) => chartValue(p.mrr?.nrr)) },
        { label: 'Gross revenue retention', colour: '--series-3', data: periods.map((p) => chartValue(p.mrr?.grr)) },
        { label: 'Logo churn', colour: '--series-2', data: periods.map((p) => chartValue(p.mrr?.logo_churn)) },
      ] });
  }

  if (bridge || mrr === null) model.tables.push(bridgeTable(currency, label, chosen, bridge, digits));
  const columnsData = data?.total ? [...periods, data.total] : periods;
  const columns = columnsData.map((p, i) => (i === periods.length ? { label: 'Total', total: true, title: `${p.start} to ${p.end}` }
    : { label: String(p.period), title: `${p.start} to ${p.end}` }));
  const cellOf = (p, read) => (p?.mrr === null ? unknown() : p?.mrr ? read(p.mrr) : blank());
  model.tables.push({
    key: 'recurring_mrr', caption: `${currency} MRR and its movements per period`, corner: 'MRR', help: 'arr_bridge', columns,
    rows: [
      ...MRR_ROWS.map((r) => ({ key: r.field, label: r.label, help: helpOf(r), operator: r.operator, strong: r.strong,
        cells: columnsData.map((p) => cellOf(p, (m) => drillCell(amount(m[r.field], digits), r.drill, r.label, p, {}, helpOf(r)))) })),
      { key: 'arr_end', label: 'ARR (end)', help: 'arr_end',
        cells: columnsData.map((p) => cellOf(p, (m) => drillCell(amount(m.arr_end, digits), 'arr_end', 'ARR (end)', p, {}, 'arr_end'))) },
    ],
  });
  model.tables.push({
    key: 'recurring_customers', caption: `${currency} customers with MRR per period`, corner: 'Customers', columns,
    rows: CUSTOMER_ROWS.map((r) => ({ key: r.field, label: r.label, help: r.field, operator: r.operator, strong: r.strong,
      cells: columnsData.map((p) => cellOf(p, (m) => count(m[r.field]))) })),
  });
  model.tables.push({
    key: 'recurring_ratios', caption: `${currency} retention and quick ratio per period`, corner: 'Ratio', columns,
    note: 'Retention compares each period end with twelve months before it; blank where no customer had MRR then. ' +
      'Logo churn and the quick ratio are blank where their base is 0.',
    rows: RATIO_ROWS.map((r) => ({ key: r.field, label: r.label, help: r.field,
      cells: columnsData.map((p) => cellOf(p, (m) => r.cell(m[r.field]))) })),
  });
  const cohortModel = cohortTable(currency, cohorts, measure, digits);
  if (cohortModel) model.tables.push(cohortModel);
  const segments = data?.segments;
  if (segments?.values?.length) model.tables.push(segmentTable(currency, data, segments, value, label, digits));
  return model;
}

/**
 * The bridge as a table: its steps, in MRR and in ARR.
 * @returns {import('./view_cells.js').TableModel}
 */
function bridgeTable(currency, label, chosen, bridge, digits) {
  const range = chosen ?? {};
  return {
    key: 'recurring_bridge', caption: `${currency} ARR bridge, ${label}`, corner: label, help: 'arr_bridge',
    columns: [{ label: 'MRR', help: 'mrr_end' }, { label: 'ARR', help: 'arr_end' }],
    // Without a bridge the period's MRR is not known (null): every step says so.
    rows: (bridge?.steps ?? BRIDGE_STEPS).map((s) => ({
      key: s.field, label: s.label, help: s.help, operator: s.operator, strong: s.operator === '=',
      cells: 'arr' in s
        ? [drillCell(amount(s.mrr, digits), s.drill, `${s.label}, ${label}`, range, {}, s.help),
          drillCell(amount(s.arr, digits), s.drill, `${s.label}, ${label}`, range, {}, s.arrHelp)]
        : [unknown(), unknown()],
    })),
  };
}

/**
 * The chosen period's MRR figures per segment, and the unsplit Total.
 * @returns {import('./view_cells.js').TableModel}
 */
function segmentTable(currency, data, segments, value, label, digits) {
  const pick = (d) => (value === 'total' ? d?.total : d?.periods?.[Number(value)]);
  const chosen = pickPeriod(data, value) ?? {};
  const fields = [...MRR_ROWS, { field: 'arr_end', label: 'ARR (end)', drill: 'arr_end', help: 'arr_end' },
    { field: 'customers_end', label: 'Customers (end)' }];
  return {
    key: 'recurring_segments', caption: `${currency} MRR by ${segments.by}, ${label}`, corner: segments.by, help: 'recurring_segments',
    columns: fields.map((f) => ({ label: f.label, help: f.help ?? helpOf(f) })),
    rows: segmentRows(segments, data, (d, extra) => {
      const m = pick(d)?.mrr;
      return fields.map((f) => {
        if (m === null) return unknown();
        if (!m) return blank();
        if (!f.drill) return count(m[f.field]);
        return drillCell(amount(m[f.field], digits), f.drill, `${f.label}, ${label}`, chosen, extra, f.help ?? helpOf(f));
      });
    }),
  };
}
