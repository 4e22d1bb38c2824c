// The statement's period when the user has not chosen one: quarters when
// the files span more than two years by month (57 monthly columns with six
// on screen read badly), else months as asked.

/** More monthly periods than this read as quarters. */
export const MOST_MONTHS = 24;

/**
 * The period to show instead of the report's, or null to keep it.
 * @param {Record<string, any>} report the engine's report
 * @returns {'quarter'|null}
 */
export function readablePeriod(report) {
  if (report?.settings?.period !== 'month') return null;
  const currencies = Object.values(report?.currencies ?? {});
  return currencies.some((c) => (c?.periods?.length ?? 0) > MOST_MONTHS) ? 'quarter' : null;
}
