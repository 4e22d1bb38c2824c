// The ARR bridge of one period (spec 12): ARR at the start, plus new,
// expansion and reactivation, minus contraction and churn, equals ARR at the
// end. Each step is 12 × the engine's MRR figure (integer_math.js, exact),
// so the bridge holds exactly when the engine's MRR identity does. As a
// table (MRR and ARR) and as a floating-bar waterfall chart.
import { formatMinor } from '../format_minor.js';
import { times, toBigInt } from './integer_math.js';

/**
 * The steps in order: the engine's field, its drill metric, the row's name,
 * the operator of the bridge, and the definitions of its MRR and ARR figures.
 * @type {Array<{field: string, drill: string, label: string, operator: ''|'+'|'−'|'=', help: string, arrHelp: string}>}
 */
export const BRIDGE_STEPS = [
  { field: 'mrr_begin', drill: 'mrr_begin', label: 'At start', operator: '', help: 'mrr_begin', arrHelp: 'arr_begin' },
  { field: 'new', drill: 'mrr_new', label: 'New', operator: '+', help: 'mrr_new', arrHelp: 'arr_bridge' },
  { field: 'expansion', drill: 'mrr_expansion', label: 'Expansion', operator: '+', help: 'mrr_expansion', arrHelp: 'arr_bridge' },
  { field: 'reactivation', drill: 'mrr_reactivation', label: 'Reactivation', operator: '+', help: 'mrr_reactivation', arrHelp: 'arr_bridge' },
  { field: 'contraction', drill: 'mrr_contraction', label: 'Contraction', operator: '−', help: 'mrr_contraction', arrHelp: 'arr_bridge' },
  { field: 'churn', drill: 'mrr_churn', label: 'Churn', operator: '−', help: 'mrr_churn', arrHelp: 'arr_bridge' },
  { field: 'mrr_end', drill: 'mrr_end', label: 'At end', operator: '=', help: 'mrr_end', arrHelp: 'arr_end' },
];

/**
 * @typedef {{field: string, drill: string, label: string, operator: string, help: string, arrHelp: string,
 *   mrr: bigint, arr: bigint, low: bigint, high: bigint}} BridgeStep
 *   low..high: where the step's bar floats, in ARR
 */

/**
 * The bridge of one `mrr` object of the engine, or null when it has no
 * figures (null: not known; a figure missing or not an integer).
 * @param {any} mrr periods[i].mrr or total.mrr
 * @returns {{steps: BridgeStep[], holds: boolean}|null}
 */
export function arrBridge(mrr) {
  if (!mrr || typeof mrr !== 'object') return null;
  let running = 0n;
  /** @type {BridgeStep[]} */
  const steps = [];
  for (const step of BRIDGE_STEPS) {
    const value = toBigInt(mrr[step.field]);
    const arr = times(mrr[step.field], 12);
    if (value === null || arr === null) return null;
    let low = 0n;
    let high = arr;
    if (step.operator === '+') { low = running; high = running + arr; running = high; }
    else if (step.operator === '−') { low = running - arr; high = running; running = low; }
    else if (step.operator === '') running = arr;
    steps.push({ ...step, mrr: value, arr, low, high });
  }
  return { steps, holds: running === steps[steps.length - 1].arr };
}

/**
 * The bridge as a floating-bar chart spec (chart_kit.js): one bar per step,
 * the totals from zero, the movements from where the one before left ARR.
 * @param {{steps: BridgeStep[]}} bridge
 * @param {string} title
 * @param {number} digits
 * @returns {import('./view_cells.js').ChartSpec}
 */
export function bridgeChart(bridge, title, digits) {
  const colour = (s) => (s.operator === '+' ? '--series-3' : s.operator === '−' ? '--error' : '--series-1');
  return {
    key: 'arr_bridge', title, type: 'bar', unit: 'amount', digits, legend: false, allLabels: true,
    labels: bridge.steps.map((s) => (s.operator === '' ? 'Start' : s.operator === '=' ? 'End' : s.label)),
    series: [{
      label: 'ARR', colour: '--series-1', colours: bridge.steps.map(colour),
      // Floats for the canvas only: the figures themselves are in the table and the tooltips' texts.
      data: bridge.steps.map((s) => [Number(s.low), Number(s.high)]),
      texts: bridge.steps.map((s) => `${(s.operator === '+' || s.operator === '−') && s.arr !== 0n ? s.operator : ''}${formatMinor(s.arr, digits)}`),
    }],
  };
}
