// The columns the report can be split by: the contracts file's dimension
// columns (any column the engine does not map to a field), then the columns
// mapped to customer, type and status, as the engine's file summary names them.

/** @param {any} summary the engine's summary of the contracts file @returns {string[]} */
export function splitColumns(summary) {
  const columns = [];
  for (const name of summary?.dimensions ?? []) if (!columns.includes(name)) columns.push(String(name));
  for (const field of ['customer', 'type', 'status']) {
    const name = summary?.mapping?.[field];
    if (name && !columns.includes(name)) columns.push(String(name));
  }
  return columns;
}
