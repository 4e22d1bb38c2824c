// The glossary page: every definition of metric_definitions.js (the same
// texts as the report's tooltips), one anchor per metric, so that the
// report's "What is this?" links land on the right entry.
import { METRIC_DEFINITIONS } from '../metric_definitions.js';
import { decodeOr } from '../safe_decode.js';
import { registerOffline } from '../offline/register_offline.js';

const list = /** @type {HTMLElement} */ (document.getElementById('glossary'));
for (const [key, def] of Object.entries(METRIC_DEFINITIONS)) {
  const dt = document.createElement('dt');
  dt.id = key;
  const link = document.createElement('a');
  link.href = `#${key}`;
  link.textContent = def.label;
  dt.append(link);
  const dd = document.createElement('dd');
  const p = document.createElement('p');
  p.textContent = def.definition;
  dd.append(p);
  if (def.formula) {
    const code = document.createElement('code');
    code.textContent = def.formula;
    dd.append(code);
  }
  list.append(dt, dd);
}
// A malformed hash is no hash.
const target = decodeOr(location.hash.slice(1), '');
if (target) document.getElementById(target)?.scrollIntoView();

// Offline after a first visit, as the report page (offline/register_offline.js).
registerOffline();
