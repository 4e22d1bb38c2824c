// The engine's reports behind the summary (summary_model.js): the
// statement's own report when it covers every period (no From/To), else
// the same period kind over every period; and, for the twelve months
// ending with the summary's period, a yearly report whose fiscal year
// starts with their first month, so that the engine sums them and gives
// their growth over the twelve before. Report settings are instant on the
// live session: nothing is read again.
import { buildSummary, latestCompleteIndex, twelveMonthsOf } from './summary_model.js';

/**
 * @typedef {(settings: Record<string, any>) => Promise<{ok: boolean, report?: Record<string, any>, error?: any}>} AskReport
 */

/**
 * Every currency's summary, by code (a currency with no period ended by the as-of date has none).
 * @param {AskReport} ask a report of the live session
 * @param {Record<string, any>} shown the report on show
 * @param {{period: string, fiscal_start: number, from?: string, to?: string}} settings its report settings
 * @returns {Promise<Map<string, import('./summary_model.js').Summary>>}
 */
export async function loadSummaries(ask, shown, settings) {
  const whole = settings.from || settings.to
    ? (await ask({ period: settings.period, fiscal_start: settings.fiscal_start })).report
    : shown;
  const asOf = String(whole?.settings?.as_of ?? shown?.settings?.as_of ?? '');
  /** @type {Map<string, Promise<Record<string, any>|undefined>>} one yearly report per twelve months asked */
  const yearly = new Map();
  const summaries = new Map();
  for (const [code, data] of Object.entries(whole?.currencies ?? {})) {
    const periods = Array.isArray(data?.periods) ? data.periods : [];
    const ttm = twelveMonthsOf(periods[latestCompleteIndex(periods, asOf)]);
    let twelve = null;
    if (ttm) {
      const key = `${ttm.start}|${ttm.end}`;
      if (!yearly.has(key)) {
        // The month of the engine's ISO date is the fiscal year's first month.
        yearly.set(key, ask({ period: 'year', fiscal_start: Number(ttm.start.slice(5, 7)), to: ttm.end }).then((r) => (r.ok ? r.report : undefined)));
      }
      twelve = (await yearly.get(key))?.currencies?.[code] ?? null;
    }
    const summary = buildSummary(code, data, twelve, asOf);
    if (summary) summaries.set(code, summary);
  }
  return summaries;
}
