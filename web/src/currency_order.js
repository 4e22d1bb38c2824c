// The order of a report's currency tabs: the default currency first (the
// one rows without a currency are read in), then the others by how many
// lines they booked (a count, comparable across currencies, where amounts
// are not), then by code. The report opens on the first.

/**
 * @param {Record<string, any>} report the engine's report
 * @returns {string[]} the currency codes of report.currencies, in tab order
 */
export function currencyOrder(report) {
  const currencies = report?.currencies && typeof report.currencies === 'object' ? report.currencies : {};
  const preferred = String(report?.settings?.currency ?? '');
  const lines = (code) => {
    const total = currencies[code]?.total;
    const n = Number(total?.bookings_count ?? 0);
    return Number.isFinite(n) ? n : 0;
  };
  return Object.keys(currencies).sort((a, b) => (
    Number(b === preferred) - Number(a === preferred) || lines(b) - lines(a) || (a < b ? -1 : a > b ? 1 : 0)));
}
