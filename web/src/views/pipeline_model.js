// Pipeline (spec 6): the open pipeline as of the date (count, value, average
// deal size and age, age buckets), the win rate, sales cycle and velocity of
// a chosen period, the same per period in a small table, and the pipeline by
// segment when the report is split. Every figure is the engine's.
import { amount, chartValue, count, days, drillCell, kpi, perDay, pickPeriod, periodOptions, rate } from './view_cells.js';
import { segmentLabel, segmentRows } from './segments_model.js';

/** The default period: the last one in which deals closed, else the last. */
export function lastClosingPeriod(periods) {
  for (let i = periods.length - 1; i >= 0; i--) {
    const s = periods[i]?.sales;
    if (s && (s.won > 0 || s.lost > 0)) return String(i);
  }
  return String(Math.max(0, periods.length - 1));
}

/**
 * @param {string} currency
 * @param {any} data the currency's report
 * @param {{period?: string}} [state]
 * @returns {import('./view_cells.js').ViewModel}
 */
export function pipelineModel(currency, data, state = {}) {
  const model = { key: 'pipeline', title: 'Pipeline', kpis: [], charts: [], tables: [] };
  const pipeline = data?.pipeline;
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  if (!pipeline) return { ...model, empty: 'The engine gave no pipeline for this report.' };
  const digits = data?.minor_digits ?? 2;
  const value = state.period ?? lastClosingPeriod(periods);
  const chosen = pickPeriod(data, value);
  const sales = chosen?.sales ?? {};
  model.picker = { label: 'Win rate and cycle of', options: periodOptions(periods, false), value };
  model.intro = `Open deals (status open, pipeline or pending) as of ${pipeline.as_of}; win rate, sales cycle and velocity ` +
    `of ${chosen?.period ?? 'the chosen period'}. Deals closed in a period are the won and lost rows whose booking date falls in it.`;
  model.kpis.push(
    kpi('open_count', 'Open deals', 'open_count', count(pipeline.open_count)),
    kpi('open_value', 'Open value', 'open_value', amount(pipeline.open_value, digits)),
    kpi('average_deal_size', 'Average deal size', 'average_deal_size', amount(pipeline.average_deal_size, digits)),
    kpi('average_age_days', 'Average age (days)', 'average_age_days', days(pipeline.average_age_days)),
    kpi('win_rate', `Win rate, ${chosen?.period ?? ''}`, 'win_rate', rate(sales.win_rate)),
    kpi('average_sales_cycle_days', `Sales cycle (days), ${chosen?.period ?? ''}`, 'average_sales_cycle_days', days(sales.average_sales_cycle_days)),
    kpi('sales_velocity_per_day', `Velocity, ${chosen?.period ?? ''}`, 'sales_velocity_per_day', perDay(sales.sales_velocity_per_day, digits)),
  );
  const buckets = Array.isArray(pipeline.age_buckets) ? pipeline.age_buckets : [];
  model.charts.push({
    key: 'pipeline_age', title: `Open pipeline by age at ${pipeline.as_of}`, type: 'bar', unit: 'amount', digits,
    labels: buckets.map((b) => `${b.days} days`),
    series: [{ label: 'Open value', colour: '--series-1', data: buckets.map((b) => chartValue(b.value)) }],
  });
  // Open values drill: the engine lists the open deals (of an age bucket).
  const asOf = { start: pipeline.as_of, end: pipeline.as_of };
  const openCell = (value, label, extra, help = 'open_value') =>
    drillCell(amount(value, digits), 'pipeline_open', label, asOf, extra, help);
  const bucketRows = buckets.map((b) => ({ key: `age.${b.days}`, label: `${b.days} days`,
    cells: [count(b.count), openCell(b.value, `${b.days} days`, { age: String(b.days) }, 'age_buckets')] }));
  if (pipeline.no_created_date && pipeline.no_created_date.count > 0) {
    bucketRows.push({ key: 'age.none', label: 'No created date', help: 'no_created_date',
      cells: [count(pipeline.no_created_date.count), openCell(pipeline.no_created_date.value, 'No created date', { age: 'none' }, 'no_created_date')] });
  }
  bucketRows.push({ key: 'total', label: 'Open pipeline', help: 'open_value', total: true, strong: true,
    cells: [count(pipeline.open_count), openCell(pipeline.open_value, 'Open pipeline', {})] });
  model.tables.push({ key: 'pipeline_age', caption: `${currency} open pipeline by age at ${pipeline.as_of}`, corner: 'Age',
    help: 'age_buckets', columns: [{ label: 'Deals', help: 'open_count' }, { label: 'Value', help: 'open_value' }], rows: bucketRows });
  model.tables.push({
    key: 'pipeline_periods', caption: `${currency} deals closed, win rate and velocity per period`, corner: 'Period',
    columns: [
      { label: 'Won', help: 'won' }, { label: 'Lost', help: 'lost' }, { label: 'Won value', help: 'won_value' },
      { label: 'Lost value', help: 'lost_value' }, { label: 'Win rate', help: 'win_rate' },
      { label: 'Sales cycle (days)', help: 'average_sales_cycle_days' }, { label: 'Open at end', help: 'open_pipeline_end' },
      { label: 'Velocity per day', help: 'sales_velocity_per_day' },
    ],
    rows: periods.map((p, i) => {
      const s = p.sales ?? {};
      return { key: `period.${i}`, label: String(p.period), cells: [count(s.won), count(s.lost), amount(s.won_value, digits),
        amount(s.lost_value, digits), rate(s.win_rate), days(s.average_sales_cycle_days), amount(s.open_pipeline_end?.value, digits),
        amount(s.sales_velocity_per_day, digits)] };
    }),
  });
  const segments = data?.segments;
  if (segments?.values?.length) {
    model.charts.push({
      key: 'pipeline_segments', title: `Open pipeline by ${segments.by}`, type: 'bar', unit: 'amount', digits,
      labels: segments.values.map((v) => segmentLabel(v.value)),
      series: [{ label: 'Open value', colour: '--series-4', data: segments.values.map((v) => chartValue(v.pipeline?.open_value)) }],
    });
    model.tables.push({
      key: 'pipeline_segments', caption: `${currency} open pipeline by ${segments.by}`, corner: segments.by, help: 'segments',
      columns: [{ label: 'Open deals', help: 'open_count' }, { label: 'Open value', help: 'open_value' },
        { label: 'Average deal size', help: 'average_deal_size' }, { label: 'Average age (days)', help: 'average_age_days' },
        { label: `Win rate, ${chosen?.period ?? ''}`, help: 'win_rate' }, { label: `Velocity, ${chosen?.period ?? ''}`, help: 'sales_velocity_per_day' }],
      rows: segmentRows(segments, data, (d, extra) => {
        const s = (value === 'total' ? d?.total : d?.periods?.[Number(value)])?.sales ?? {};
        return [count(d?.pipeline?.open_count), openCell(d?.pipeline?.open_value, 'Open value', extra), amount(d?.pipeline?.average_deal_size, digits),
          days(d?.pipeline?.average_age_days), rate(s.win_rate), amount(s.sales_velocity_per_day, digits)];
      }),
    });
  }
  return model;
}
