// The engine's report seen as the peers' workload (../shared/bench/README.md
// "Workload"), for the agreement check. Browser-safe.
//
// bookings: the engine's monthly bookings per currency, which follow the same
// rule as the workload's (booked rows, whole amount in the booking month):
// compared to the cent, month by month. revenue and backlog: the engine
// prorates a ratable line over its days (a line starting on the 15th spills
// into a 13th month) where the workload splits it in equal calendar months,
// so month by month they differ; what must agree is each currency's total
// revenue through the end and its closing backlog (bookings - revenue), which
// both rules reach once every scheduled line is fully recognised. Those two
// totals are the cross-check.
export function engineWorkloadView(report) {
  const r = report.report ?? report;
  const currencies = {};
  for (const code of Object.keys(r.currencies).sort()) {
    currencies[code] = r.currencies[code].periods.map((p) => ({
      period: p.period, bookings: p.bookings, revenue: p.revenue, backlog_end: p.backlog_end,
    }));
  }
  return { rows: { read: r.rows.read, accepted: r.rows.accepted, rejected: r.rows.rejected }, currencies };
}

// Compares an engine view with a peer's workload result. Returns
// { ok, bookings_months, problems: [...] }.
export function compareWithWorkload(view, workload) {
  const problems = [];
  let months = 0;
  const codes = new Set([...Object.keys(view.currencies), ...Object.keys(workload.currencies)]);
  for (const code of [...codes].sort()) {
    const e = new Map((view.currencies[code] || []).map((p) => [p.period, p]));
    const w = workload.currencies[code] || [];
    const wByMonth = new Map(w.map((p) => [p.period, p]));
    for (const [period, p] of e) if (p.bookings !== 0 && !wByMonth.has(period)) problems.push(`${code} ${period}: engine books ${p.bookings}, workload has no such month`);
    let bookings = 0, revenue = 0;
    for (const p of w) {
      bookings += p.bookings; revenue += p.revenue;
      const got = e.get(p.period)?.bookings ?? 0;
      months++;
      if (got !== p.bookings) problems.push(`${code} ${p.period}: bookings engine ${got} workload ${p.bookings}`);
    }
    const ev = view.currencies[code] || [];
    const engineRevenue = ev.reduce((s, p) => s + p.revenue, 0);
    const engineBacklog = ev.length ? ev[ev.length - 1].backlog_end : 0;
    const workloadBacklog = w.length ? w[w.length - 1].backlog_end : 0;
    if (engineRevenue !== revenue) problems.push(`${code}: total revenue engine ${engineRevenue} workload ${revenue}`);
    if (engineBacklog !== workloadBacklog) problems.push(`${code}: closing backlog engine ${engineBacklog} workload ${workloadBacklog}`);
  }
  if (view.rows.rejected !== 0) problems.push(`engine rejected ${view.rows.rejected} rows`);
  if (view.rows.read !== workload.rows.read) problems.push(`rows read: engine ${view.rows.read} workload ${workload.rows.read}`);
  return { ok: problems.length === 0, bookings_months: months, problems };
}
