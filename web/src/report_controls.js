// The settings controls of the report on show. When a new report or read
// is refused (too large, out of memory, the engine stopped), the controls
// are put back to these values: the page never shows figures that do not
// match its controls, and the user keeps a working report.

/**
 * @typedef {{name: string, value: string}} Control
 * @typedef {{querySelectorAll: (selector: string) => Iterable<any>}} ControlForm
 */

const NAMED = 'input[name], select[name]';

/**
 * Each named control of the form and its value.
 * @param {ControlForm} form
 * @returns {Record<string, string>}
 */
export function controlValues(form) {
  const values = /** @type {Record<string, string>} */ ({});
  for (const control of form.querySelectorAll(NAMED)) values[control.name] = control.value;
  return values;
}

/**
 * Puts back values taken by controlValues.
 * @param {ControlForm} form
 * @param {Record<string, string>} values
 * @returns {string[]} the names of the controls that changed
 */
export function restoreControls(form, values) {
  const changed = [];
  for (const control of form.querySelectorAll(NAMED)) {
    if (!(control.name in values) || control.value === values[control.name]) continue;
    control.value = values[control.name];
    changed.push(control.name);
  }
  return changed;
}

/** Whether two sets of files ({contracts, invoices, fulfilment}) are the same File objects. */
export function sameFiles(a, b) {
  return ['contracts', 'invoices', 'fulfilment'].every((kind) => (a?.[kind] ?? null) === (b?.[kind] ?? null));
}

const PERIOD_WORDS = { month: 'monthly', quarter: 'quarterly', year: 'yearly' };

/** "Kept the monthly report: <the engine's reason>", the reason's sentence continued in lower case. */
export function keptText(period, reason) {
  const word = PERIOD_WORDS[period] ?? '';
  const text = /^[A-Z][a-z]/.test(reason) ? reason[0].toLowerCase() + reason.slice(1) : reason;
  return `Kept the ${word ? word + ' ' : ''}report: ${text}`;
}
