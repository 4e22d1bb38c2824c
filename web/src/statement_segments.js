// The segments a statement can show when the report is split (read setting
// split_by): Total (the unsplit report) first, then each value the engine
// reports in its order, the merged rest ("other") last. A segment's figures
// are the engine's own (currencies[C].segments.values[i], the same shape as
// the currency's); nothing here adds them up.
import { segmentFilter, segmentLabel } from './views/segments_model.js';

/** The key of the Total (unsplit) choice. */
export const TOTAL = '';

/**
 * @typedef {{key: string, label: string, filter?: string|{other_than: string[]}, data: any}} SegmentChoice
 *   key: '' for Total, 'value:V' for a value, 'other' for the merged rest; filter: the engine's drill filter
 */

/** A segment's key: stable across reports of the same split (a value's text, or the rest). */
export function segmentKey(v) {
  return v?.other ? 'other' : `value:${String(v?.value ?? '')}`;
}

/**
 * The choices of one currency's statement: Total, then its segments, the rest last.
 * @param {any} data the currency's report
 * @returns {SegmentChoice[]}
 */
export function segmentChoices(data) {
  const segments = data?.segments;
  const values = Array.isArray(segments?.values) ? segments.values : [];
  const listed = values.filter((v) => !v.other);
  const rest = values.filter((v) => v.other);
  return [
    { key: TOTAL, label: 'Total', data },
    ...[...listed, ...rest].map((v) => ({ key: segmentKey(v), label: v.other ? 'other' : segmentLabel(v.value),
      filter: segmentFilter(segments, v), data: v })),
  ];
}

/**
 * The choice of `key` in a currency, or its Total when the currency has no such segment.
 * @param {any} data the currency's report
 * @param {string} key
 */
export function segmentChoice(data, key) {
  const choices = segmentChoices(data);
  return choices.find((c) => c.key === key) ?? choices[0];
}
