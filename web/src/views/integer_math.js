// The two sums the recurring view draws on its own, both presentation of
// the engine's figures: ARR steps as 12 × its MRR figures, and the share of
// a cohort kept (part / whole) for the heat map. On BigInt, so that no
// amount passes through a float; the engine's integers in, exact integers
// (or digit strings) out.
import { formatMinor } from '../format_minor.js';

/** An engine integer (safe number, bigint or digit string) as a BigInt; null for anything else. */
export function toBigInt(value) {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  return null;
}

/** value × k, exactly; null when value is not an integer. @param {number} k a small integer */
export function times(value, k) {
  const v = toBigInt(value);
  return v === null ? null : v * BigInt(k);
}

/**
 * part / whole rounded half up to `places` decimals, as a BigInt of
 * 10^-places units (whole > 0, part ≥ 0); null otherwise.
 * @param {number} places
 */
function scaled(part, whole, places) {
  const p = toBigInt(part);
  const w = toBigInt(whole);
  if (p === null || w === null || w <= 0n || p < 0n) return null;
  const unit = 10n ** BigInt(places);
  return (2n * p * unit + w) / (2n * w);
}

/** Heat steps of a heat-map table (0 = none). */
export const HEAT_STEPS = 6;

/**
 * The heat step of part against whole: ceil(part / whole × steps), at least 1
 * for any positive part and at most `steps`; 0 when part is not positive or
 * whole is not, or either is not an integer. Exact, on BigInt.
 * @param {number} [steps]
 */
export function heatStep(part, whole, steps = HEAT_STEPS) {
  const p = toBigInt(part);
  const w = toBigInt(whole);
  if (p === null || w === null || p <= 0n || w <= 0n) return 0;
  const k = BigInt(steps);
  const step = (p * k + w - 1n) / w;
  return Number(step > k ? k : step);
}

/**
 * The share part / whole for a heat-map cell: its text as a percentage with
 * one decimal ("91.7%"), its raw value with four decimals ("0.9167"), and its
 * heat step 0..steps (ceil(share × steps), capped; 0 only for a share of 0).
 * Null when the whole is not positive.
 * @param {number} steps
 * @returns {{text: string, raw: string, zero: boolean, heat: number}|null}
 */
export function share(part, whole, steps) {
  const permille = scaled(part, whole, 3);
  const raw = scaled(part, whole, 4);
  if (permille === null || raw === null) return null;
  return {
    text: `${formatMinor(permille, 1)}%`,
    raw: formatMinor(raw, 4, { group: '' }),
    zero: toBigInt(part) === 0n,
    heat: heatStep(part, whole, steps),
  };
}
