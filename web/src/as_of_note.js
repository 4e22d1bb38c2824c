// The as-of date the engine chose when the user set none (docs/metrics.md,
// "The as-of default"): which date to read with, and the sentence that says it.

/** Today's calendar date where the user is, YYYY-MM-DD: the bound of the engine's as-of default. */
export function localToday(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The date to read the files again with: the engine's as_of_default when the
 * user set no date and the report was read as of another; else null.
 * @param {any} report the engine's report
 * @param {string} userAsOf the As of field ('' when unset)
 */
export function asOfToReadAgain(report, userAsOf) {
  const suggested = report?.settings?.as_of_default?.date;
  if (userAsOf || !suggested || suggested === report?.settings?.as_of) return null;
  return suggested;
}

/**
 * "As of 2024-12-31, the last day of the data" when the date is the engine's
 * default, "" when the user set it.
 * @param {any} report
 * @param {string} userAsOf
 */
export function asOfNoteText(report, userAsOf) {
  const settings = report?.settings;
  const chosen = settings?.as_of_default;
  if (userAsOf || !chosen || chosen.date !== settings?.as_of) return '';
  return chosen.reason === 'data' ? `As of ${chosen.date}, the last day of the data` : `As of today, ${chosen.date}`;
}
