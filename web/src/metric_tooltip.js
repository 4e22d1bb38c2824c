// One floating tooltip for every element with data-help="metric key": shown
// on hover and on keyboard focus, hidden on Escape, blur and mouse leave.
// The text comes from metric_definitions.js; screen readers get the same
// text through aria-describedby (see helpLabel).
import { METRIC_DEFINITIONS } from './metric_definitions.js';

let tip = /** @type {HTMLElement|null} */ (null);
let describedCount = 0;
/** The name whose definition is on show. @type {HTMLElement|null} */
let current = null;

function tipElement() {
  if (!tip) {
    tip = document.createElement('div');
    tip.className = 'metric-tip';
    tip.setAttribute('role', 'tooltip');
    tip.id = 'metric-tip';
    tip.hidden = true;
    document.body.append(tip);
  }
  return tip;
}

/**
 * A focusable metric name whose definition shows on hover and focus.
 * @param {string} text the visible name
 * @param {string} key a key of METRIC_DEFINITIONS
 * @returns {HTMLElement}
 */
export function helpLabel(text, key) {
  const span = document.createElement('span');
  span.className = 'metric-name';
  span.textContent = text;
  const def = METRIC_DEFINITIONS[key];
  if (!def) return span;
  span.tabIndex = 0;
  span.dataset.help = key;
  const description = document.createElement('span');
  description.id = `help-${++describedCount}`;
  description.className = 'visually-hidden';
  description.textContent = `${def.definition} Formula: ${def.formula}`;
  span.setAttribute('aria-describedby', description.id);
  const wrap = document.createElement('span');
  wrap.append(span, description);
  return wrap;
}

function show(target) {
  const def = METRIC_DEFINITIONS[target.dataset.help ?? ''];
  if (!def) return;
  const box = tipElement();
  const title = document.createElement('strong');
  title.textContent = def.label;
  const body = document.createElement('span');
  body.textContent = def.definition;
  const formula = document.createElement('code');
  formula.textContent = def.formula;
  box.replaceChildren(title, body, formula);
  box.hidden = false;
  current = target;
  const r = target.getBoundingClientRect();
  const width = box.offsetWidth;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
  const below = r.bottom + 6 + box.offsetHeight < window.innerHeight;
  box.style.left = `${left}px`;
  box.style.top = `${below ? r.bottom + 6 : Math.max(8, r.top - box.offsetHeight - 6)}px`;
}

function hide() {
  if (tip) tip.hidden = true;
  current = null;
}

/** A scroll moves the tip with its name, and hides it when the name leaves the screen. */
function follow() {
  if (!current) return;
  const r = current.getBoundingClientRect();
  if (!current.isConnected || r.bottom < 0 || r.top > window.innerHeight) hide();
  else show(current);
}

/** Installs the listeners once for the whole document. */
export function installMetricTooltips() {
  const helpTarget = (event) => /** @type {HTMLElement|null} */ (/** @type {Element} */ (event.target)?.closest?.('[data-help]'));
  document.addEventListener('mouseover', (event) => { const t = helpTarget(event); if (t) show(t); });
  document.addEventListener('mouseout', (event) => { if (helpTarget(event)) hide(); });
  document.addEventListener('focusin', (event) => { const t = helpTarget(event); if (t) show(t); else hide(); });
  document.addEventListener('focusout', (event) => { if (helpTarget(event)) hide(); });
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape') hide(); });
  window.addEventListener('scroll', follow, { passive: true, capture: true });
}
