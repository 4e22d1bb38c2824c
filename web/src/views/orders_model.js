// Orders (spec 6): point lines booked and not yet delivered as of the date,
// by age since booking, those older than 90 days, the oldest ones listed,
// and the lead time (booking to delivery) of the lines delivered per period.
import { amount, chartValue, count, days, drillCell, kpi, text } from './view_cells.js';
import { segmentRows } from './segments_model.js';

/**
 * @param {string} currency
 * @param {any} data the currency's report
 * @returns {import('./view_cells.js').ViewModel}
 */
export function ordersModel(currency, data) {
  const model = { key: 'orders', title: 'Orders', kpis: [], charts: [], tables: [] };
  const orders = data?.orders;
  if (!orders) return { ...model, empty: 'The engine gave no orders for this report.' };
  const digits = data?.minor_digits ?? 2;
  const periods = Array.isArray(data?.periods) ? data.periods : [];
  model.intro = `Orders are lines recognised on delivery. Undelivered: booked on or before ${orders.as_of}, ` +
    'neither delivered nor cancelled by then, aged from the booking date.';
  model.kpis.push(
    kpi('undelivered_count', 'Undelivered orders', 'undelivered', count(orders.undelivered?.count)),
    kpi('undelivered_value', 'Undelivered value', 'undelivered', amount(orders.undelivered?.value, digits)),
    kpi('older_count', 'Older than 90 days', 'older_than_90_days', count(orders.older_than_90_days?.count)),
    kpi('older_value', 'Value older than 90 days', 'older_than_90_days', amount(orders.older_than_90_days?.value, digits)),
  );
  const buckets = Array.isArray(orders.age_buckets) ? orders.age_buckets : [];
  // Undelivered values drill: the engine lists the open orders behind them.
  const asOf = { start: orders.as_of, end: orders.as_of };
  const undelivered = (value, label, extra) => drillCell(amount(value, digits), 'orders_undelivered', label, asOf, extra, 'undelivered');
  const older = (value, extra) => drillCell(amount(value, digits), 'orders_older_than_90_days', 'Older than 90 days', asOf, extra, 'older_than_90_days');
  model.charts.push({
    key: 'orders_age', title: `Undelivered orders by age at ${orders.as_of}`, type: 'bar', unit: 'amount', digits,
    labels: buckets.map((b) => `${b.days} days`),
    series: [{ label: 'Undelivered value', colour: '--series-2', data: buckets.map((b) => chartValue(b.value)) }],
  });
  model.tables.push({
    key: 'orders_age', caption: `${currency} undelivered orders by age at ${orders.as_of}`, corner: 'Age', help: 'undelivered',
    columns: [{ label: 'Orders' }, { label: 'Value' }],
    rows: [
      ...buckets.map((b) => ({ key: `age.${b.days}`, label: `${b.days} days`,
        cells: [count(b.count), undelivered(b.value, `${b.days} days`, { age: String(b.days) })] })),
      { key: 'older', label: 'Older than 90 days', help: 'older_than_90_days',
        cells: [count(orders.older_than_90_days?.count), older(orders.older_than_90_days?.value, {})] },
      { key: 'total', label: 'Undelivered', help: 'undelivered', total: true, strong: true,
        cells: [count(orders.undelivered?.count), undelivered(orders.undelivered?.value, 'Undelivered', {})] },
    ],
  });
  const oldest = Array.isArray(orders.oldest) ? orders.oldest : [];
  model.tables.push({
    key: 'orders_oldest', caption: `${currency} oldest undelivered orders at ${orders.as_of}`, corner: 'Order id', help: 'oldest_orders',
    note: oldest.length === 0 ? 'No undelivered orders.' : `The ${oldest.length} oldest, earliest booking first.`,
    columns: [{ label: 'Customer' }, { label: 'File line' }, { label: 'Booked' }, { label: 'Age (days)' }, { label: 'Amount' }],
    rows: oldest.map((o, i) => ({ key: `oldest.${i}`, label: String(o.id ?? ''),
      cells: [text(o.customer), count(o.line), text(o.booking_date), count(o.age_days), amount(o.amount, digits)] })),
  });
  model.tables.push({
    key: 'orders_periods', caption: `${currency} orders delivered and lead time per period`, corner: 'Period',
    columns: [{ label: 'Delivered', help: 'delivered' }, { label: 'Delivered value', help: 'delivered' },
      { label: 'Lead time (days)', help: 'lead_time_days' }],
    rows: periods.map((p, i) => ({ key: `period.${i}`, label: String(p.period),
      cells: [count(p.sales?.delivered?.count), amount(p.sales?.delivered?.value, digits), days(p.sales?.lead_time_days)] })),
  });
  const segments = data?.segments;
  if (segments?.values?.length) {
    model.tables.push({
      key: 'orders_segments', caption: `${currency} undelivered orders by ${segments.by}`, corner: segments.by, help: 'segments',
      columns: [{ label: 'Undelivered', help: 'undelivered' }, { label: 'Value', help: 'undelivered' },
        { label: 'Older than 90 days', help: 'older_than_90_days' }, { label: 'Value older than 90 days', help: 'older_than_90_days' }],
      rows: segmentRows(segments, data, (d, extra) => [count(d?.orders?.undelivered?.count),
        undelivered(d?.orders?.undelivered?.value, 'Undelivered', extra),
        count(d?.orders?.older_than_90_days?.count), older(d?.orders?.older_than_90_days?.value, extra)]),
    });
  }
  return model;
}
