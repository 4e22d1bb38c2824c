// Page wiring: file input, drag and drop, the example, report settings.
// Every number shown comes from the engine in the worker (engine_client.js).
import { EngineClient } from './engine_client.js';
import { formatMinor } from './format_minor.js';
import {
  currencyTables, firstActiveColumn, renderCurrencySection, renderCurrencyTabs, renderIssues, renderRowSummary,
  scrollToColumn, selectCurrency,
} from './report_view.js';
import exampleUrl from '@bbb/examples/worked-examples.csv?url';

const engine = new EngineClient();

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const dropZone = $('drop-zone');
const fileInput = /** @type {HTMLInputElement} */ ($('file-input'));
const exampleButton = /** @type {HTMLButtonElement} */ ($('example-button'));
const status = $('status');
const statusText = $('status-text');
const progress = /** @type {HTMLProgressElement} */ ($('progress'));
const results = $('results');
const summary = $('summary');
const reportBox = $('report');
const issuesBox = $('issues');
const periodSelect = /** @type {HTMLSelectElement} */ ($('period'));
const fiscalSelect = /** @type {HTMLSelectElement} */ ($('fiscal-start'));
const settingsForm = $('report-settings');

/** The settings every session is read with (METRICS.md §1: default currency). */
const READ_SETTINGS = { currency: 'USD' };

let loadedFileName = '';
let reportToken = 0;
let busy = false;
/** The currency on show; kept across period changes. */
let selectedCurrency = '';
/** First active column per currency, for the table's opening scroll. */
let openingColumn = new Map();

// ------------------------------------------------------------ status ----

function showStatus(text, kind = 'info') {
  status.hidden = false;
  status.dataset.kind = kind;
  statusText.textContent = text;
}

function clearStatus() {
  status.hidden = true;
  status.dataset.kind = '';
  statusText.textContent = '';
  progress.hidden = true;
}

/**
 * The one place where an engine reply with ok:false becomes a visible error.
 * @param {import('./engine_client.js').Reply} reply
 * @param {string} doing what the page was trying to do, for the message
 * @returns {reply is import('./engine_client.js').OkReply} whether the reply was ok
 */
function accept(reply, doing) {
  if (reply && reply.ok) return true;
  const error = reply?.error ?? {};
  const code = error.code ? ` (${error.code})` : '';
  showStatus(`Could not ${doing}: ${error.message ?? 'unknown error'}${code}`, 'error');
  progress.hidden = true;
  return false;
}

function setBusy(value) {
  busy = value;
  exampleButton.disabled = value;
  fileInput.disabled = value;
  dropZone.classList.toggle('busy', value);
}

// ------------------------------------------------------------ actions ----

/** @param {File} file */
async function loadFile(file) {
  if (busy) return;
  setBusy(true);
  showStatus(`Reading ${file.name}…`);
  progress.hidden = false;
  progress.value = 0;
  try {
    const reply = await engine.load(READ_SETTINGS, [{ kind: 'contracts', file }], (p) => {
      progress.value = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 1;   // progress bar only
      showStatus(`Reading ${p.fileName}… ${formatMinor(p.rowsRead, 0)} rows`);
    });
    if (!accept(reply, `read ${file.name}`)) {
      // The worker dropped the previous session: its report must not stay on screen.
      loadedFileName = '';
      results.hidden = true;
      results.dataset.ready = 'false';
      return;
    }
    loadedFileName = file.name;
    await refreshReport();
  } finally {
    setBusy(false);
  }
}

function reportSettings() {
  return { period: periodSelect.value, fiscal_start: Number(fiscalSelect.value) };
}

async function refreshReport() {
  const token = ++reportToken;
  const reply = await engine.report(reportSettings());
  if (token !== reportToken) return;            // a newer request is on its way
  if (!accept(reply, 'make the report')) return;
  clearStatus();
  renderReport(reply.report);
}

function renderReport(report) {
  summary.replaceChildren(renderRowSummary(report?.rows, loadedFileName));
  const tables = currencyTables(report);
  const codes = tables.map((t) => t.currency);
  if (!codes.includes(selectedCurrency)) selectedCurrency = codes[0] ?? '';
  openingColumn = new Map(tables.map((t) => [t.currency, firstActiveColumn(t)]));
  const nodes = tables.map(renderCurrencySection);
  if (codes.length > 1) nodes.unshift(renderCurrencyTabs(codes, selectedCurrency, showCurrency));
  if (nodes.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'muted';
    empty.textContent = 'No booked contracts in this file.';
    nodes.push(empty);
  }
  reportBox.replaceChildren(...nodes);
  issuesBox.replaceChildren(renderIssues(report?.issues, report?.issues_unlisted));
  fiscalSelect.disabled = periodSelect.value === 'month';
  results.hidden = false;
  showCurrency(selectedCurrency);
  results.dataset.ready = 'true';
}

/** Shows one currency's table, opened at its first period with activity. */
function showCurrency(code) {
  selectedCurrency = code;
  selectCurrency(reportBox, code);
  const section = reportBox.querySelector(`section.currency[data-currency="${CSS.escape(code)}"]`);
  if (section) scrollToColumn(section, openingColumn.get(code) ?? 0);
}

async function loadExample() {
  if (busy) return;
  showStatus('Fetching the example…');
  let file;
  try {
    const response = await fetch(exampleUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    file = new File([await response.blob()], 'worked-examples.csv', { type: 'text/csv' });
  } catch (err) {
    accept({ ok: false, error: { code: 'example_unavailable', message: String(err?.message ?? err) } }, 'load the example');
    return;
  }
  await loadFile(file);
}

// ------------------------------------------------------------ events ----

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) loadFile(file);
  fileInput.value = '';     // choosing the same file again reloads it
});

exampleButton.addEventListener('click', loadExample);

for (const type of ['dragenter', 'dragover']) {
  dropZone.addEventListener(type, (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
}
for (const type of ['dragleave', 'dragend']) {
  dropZone.addEventListener(type, () => dropZone.classList.remove('dragging'));
}
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  const file = event.dataTransfer?.files?.[0];
  if (file) loadFile(file);
});
// A file dropped next to the zone must not make the browser navigate away.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

settingsForm.addEventListener('change', () => {
  fiscalSelect.disabled = periodSelect.value === 'month';
  if (loadedFileName && !busy) refreshReport();
});
settingsForm.addEventListener('submit', (event) => event.preventDefault());
