// The statement's segment picker, shown when the report is split: Total
// (the unsplit report) first, then the currency's segments as the engine
// lists them, the merged rest last. Text through textContent only.
import { segmentChoices } from './statement_segments.js';
import { el } from './statement_view.js';

/**
 * @param {string} currency
 * @param {any} data the currency's report (with its segments)
 * @param {{key: string, by: string}} shown the segment on show
 * @param {(key: string) => void} onChoose
 */
export function renderSegmentPicker(currency, data, shown, onChoose) {
  const id = `segment-${currency}`;
  const box = el('div', { class: 'segment-picker' });
  const label = el('label', { for: id }, `Segment (${shown.by})`);
  const select = /** @type {HTMLSelectElement} */ (el('select', { id, 'data-segment-picker': currency }));
  for (const choice of segmentChoices(data)) select.append(el('option', { value: choice.key }, choice.label));
  select.value = shown.key;
  select.addEventListener('change', () => onChoose(select.value));
  box.append(label, select);
  return box;
}
