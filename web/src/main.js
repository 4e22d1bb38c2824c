// Page wiring: the files, the read (preview of the columns, then the whole
// files with progress and cancel), the settings, the report, drill-down and
// exports. Every number shown comes from the engine in the worker
// (worker/engine_client.js); the report is drawn by report_view.js, as the
// web component draws it; this file only moves data between views and
// engine, and holds the page's state in one object (page_state.js).
import examples from 'virtual:bbb-examples';
import { createEngineWorker } from '@bbb/create-worker';
import { registerOffline } from '@bbb/offline';
import { asOfNoteText, asOfToReadAgain, localToday } from './as_of_note.js';
import { COLUMN_LIST_LIMIT, listedColumns } from './column_lists.js';
import { columnNameInput } from './column_name_input.js';
import { exampleCards } from './example_cards.js';
import { installComparePanel } from './compare_panel.js';
import { installKeptPanel } from './kept_panel.js';
import { drillError, drillProgress, installDrillDialog, openDrill, showDrill } from './drill_dialog.js';
import { download, exportStem, reportCsv } from './export_report.js';
import { downloadDrillLines, downloadWorkbook } from './export/download_workbook.js';
import { refusalText, refusedFiles } from './file_refusal.js';
import { focusedElement, returnFocus } from './focus_return.js';
import { formatMinor } from './format_minor.js';
import { renderIssues, renderRowSummary } from './issues_view.js';
import { forgetChoices, recallChoices, rememberChoices } from './mapping_memory.js';
import { missingRequired, renderMappingPanel } from './mapping_panel.js';
import { installMetricTooltips } from './metric_tooltip.js';
import { createPageState } from './page_state.js';
import { readablePeriod } from './period_default.js';
import { controlValues, keptText, restoreControls, sameFiles } from './report_controls.js';
import { installPrint } from './print/print_report.js';
import { ALL_VIEWS, ReportView } from './report_view.js';
import { loadSummaries } from './summary_source.js';
import { renderSummary } from './summary_view.js';
import { createUploadFold } from './upload_fold.js';
import { hasValueNotUnderstood, valuesSetting } from './value_choices.js';
import { termOffer } from './term_offer.js';
import { readUrlSettings, urlHash } from './url_state.js';
import { splitColumns } from './views/split_columns.js';
import { EngineClient } from './worker/engine_client.js';

const engine = new EngineClient({ createWorker: createEngineWorker });

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const input = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
const select = (id) => /** @type {HTMLSelectElement} */ (document.getElementById(id));
const dropZone = $('drop-zone');
const fileInput = input('file-input');
const exampleSelect = select('example-select');
const exampleButton = /** @type {HTMLButtonElement} */ ($('example-button'));
const status = $('status');
const statusText = $('status-text');
const progress = /** @type {HTMLProgressElement} */ ($('progress'));
const progressText = $('progress-text');
const cancelButton = /** @type {HTMLButtonElement} */ ($('cancel-button'));
const results = $('results');
const summaryBox = $('summary');
const reportBox = $('report');
const issuesBox = $('issues');
const columnsPanel = /** @type {HTMLDetailsElement} */ ($('columns-panel'));
const columnsBody = $('columns-body');
const settingsForm = $('settings');
const periodSelect = select('period');
const fiscalSelect = select('fiscal-start');
const splitSelect = select('split-by');
const topInput = input('top');

const EXTRA_KINDS = ['invoices', 'fulfilment'];

const state = createPageState();
const { files } = state;
const reportView = new ReportView(reportBox, {
  onDrill: (target) => drill(target),
  exportStem: () => exportStem(files.contracts?.name),
  emptyText: 'No booked contracts in these files.',
  openAtFirstActive: true,
  keepPanelStates: true,
  onShow: (currency) => { showSummary(currency); writeUrl(); },
});
const answerBox = $('answer-summary-box');
const uploadFold = createUploadFold({
  intro: $('intro'), input: $('files-input'), fold: $('upload-fold'), text: $('upload-fold-text'),
  change: /** @type {HTMLButtonElement} */ ($('upload-change')),
});
/** Each currency's summary of the report on show (summary_source.js), once the engine gave it. */
let summaries = new Map();

// The settings in the address (url_state.js): on the controls now, the
// view and currency at the first report, a split once a file has that column.
const fromUrl = readUrlSettings(location.hash, ALL_VIEWS);
let splitFromUrl = '';
/** A currency tab named by the address or a kept analysis: the first report opens on it, not on the first tab. */
let tabChosen = false;
/** The address's settings on the controls and the report view (a kept analysis's link: over its own). */
function applyUrlSettings() {
  for (const [name, value] of Object.entries(fromUrl)) {
    const control = /** @type {HTMLInputElement|null} */ (settingsForm.querySelector(`[name="${name}"]`));
    if (control && name !== 'split_by') control.value = value;
  }
  if (fromUrl.view) reportView.view = fromUrl.view;
  if (fromUrl.tab) { reportView.currency = fromUrl.tab; tabChosen = true; }
  if (fromUrl.split_by) splitFromUrl = fromUrl.split_by;
}

applyUrlSettings();
/** Set while the analysis the address names is opened. */
let openingFromUrl = false;
/** The kept analysis on show (kept_panel.js), named in the address; '' for files dropped. */
let keptId = '';

/** The split the address asked for, once a file that has the column is read (its first read only). */
function takeSplitFromUrl(summary) {
  if (!splitFromUrl) return;
  const wanted = splitFromUrl;
  splitFromUrl = '';
  if (!splitColumns(summary).includes(wanted)) return;
  if (![...splitSelect.options].some((o) => o.value === wanted)) splitSelect.append(new Option(wanted, wanted));
  splitSelect.value = wanted;
}

/** The report's settings, view and currency into the address (never the data); only once a report is shown. */
function writeUrl() {
  if (!state.report) return;
  const hash = urlHash({ ...controlValues(settingsForm), view: reportView.view, tab: reportView.currency, kept: keptId });
  if (hash !== location.hash) history.replaceState(null, '', hash || location.pathname + location.search);
}

const comparePanel = installComparePanel({
  engine,
  contracts: () => files.contracts,
  sheet: () => state.sheets.contracts,
  readSettings: () => readSettings(),
  preferredCurrency: () => input('currency').value.trim().toUpperCase() || 'USD',
});

const keptPanel = installKeptPanel({
  busy: () => state.busy,
  current: () => files.contracts ? {
    name: files.contracts.name,
    files: fileSet(),
    settings: { controls: controlValues(settingsForm), view: reportView.view, tab: reportView.currency, choices: state.choices },
  } : null,
  open: ({ meta, files: kept }) => openKeptAnalysis(meta, kept),
});

/** A kept analysis: its files and settings as they were kept, then read. */
function openKeptAnalysis(meta, kept) {
  if (state.busy) return;
  const of = (kind) => kept.find((k) => k.kind === kind);
  for (const kind of EXTRA_KINDS) setExtra(kind, of(kind)?.file ?? null, false);
  files.contracts = of('contracts')?.file ?? null;
  state.sheets = Object.fromEntries(kept.filter((k) => k.sheet).map((k) => [k.kind, k.sheet]));
  state.choices = meta.settings?.choices ?? {};
  state.choicesFromUser = true;   // the kept choices, not those remembered for the header
  const controls = meta.settings?.controls ?? {};
  restoreControls(settingsForm, controls);
  splitSelect.value = '';
  splitFromUrl = typeof controls.split_by === 'string' ? controls.split_by : '';
  if (meta.settings?.view) reportView.view = meta.settings.view;
  if (meta.settings?.tab) { reportView.currency = meta.settings.tab; tabChosen = true; }
  keptId = meta.id;
  if (openingFromUrl) applyUrlSettings();
  openingFromUrl = false;
  startRead();
}

// ------------------------------------------------------------ status ----

/** @param {string} [code] the engine's error code, for an embedder or a test */
function showStatus(text, kind = 'info', code = '') {
  status.hidden = false;
  status.dataset.kind = kind;
  status.dataset.code = code;
  statusText.textContent = text;
}

function clearStatus() {
  status.hidden = true;
  status.dataset.kind = '';
  status.dataset.code = '';
  statusText.textContent = '';
  showProgress(false);
}

function showProgress(on) {
  progress.hidden = !on;
  cancelButton.hidden = !on;
  if (!on) progressText.textContent = '';
}

const MB = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** "12.3" megabytes of a byte count, for the progress line (file sizes, not money). */
const megabytes = (bytes) => MB.format(bytes / 1e6);

function onProgress(p) {
  if (state.nextContracts) return;   // the status says that this read is being stopped
  progress.value = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 1;
  const which = p.fileCount > 1 ? ` (file ${p.fileIndex + 1} of ${p.fileCount})` : '';
  statusText.textContent = `Reading ${p.fileName}${which}…`;
  progressText.textContent = `${formatMinor(p.rowsRead, 0)} rows · ${megabytes(p.bytesRead)} of ${megabytes(p.bytesTotal)} MB`;
  progressText.dataset.rows = String(p.rowsRead);
  // For an embedder or a bench watching memory while a big file streams.
  if (p.heapBytes !== undefined) progressText.dataset.engineHeapBytes = String(p.heapBytes);
}

function setBusy(value) {
  state.busy = value;
  for (const control of [exampleButton, exampleSelect, fileInput, input('invoices-input'), input('fulfilment-input')]) control.disabled = value;
  for (const control of settingsForm.querySelectorAll('input, select')) /** @type {HTMLInputElement} */ (control).disabled = value;
  for (const control of columnsBody.querySelectorAll('button, select, input')) /** @type {HTMLInputElement} */ (control).disabled = value;
  if (!value) fiscalSelect.disabled = periodSelect.value === 'month';
  dropZone.classList.toggle('busy', value);
  results.setAttribute('aria-busy', String(value));
}

/** The engine's sentence for an error; never empty. */
function reasonOf(error) {
  return error?.message || `the engine gave no reason (${error?.code || 'no code'})`;
}

function forgetReport() {
  state.report = null;
  state.shown = null;
  summaries = new Map();
  answerBox.replaceChildren();
  uploadFold.unfold();   // no report on show: the files stay in view
  reportView.clear();
  enableExports(false);
}

/** The exports and print act on the report on show: off while there is none. */
function enableExports(on) {
  for (const id of ['export-xlsx', 'export-csv', 'export-json', 'print-button']) /** @type {HTMLButtonElement} */ ($(id)).disabled = !on;
}

function hideResults() {
  results.hidden = true;
  results.dataset.ready = 'false';
  forgetReport();
}

/**
 * A report or a read that failed (too large, out of memory, the engine
 * stopped, cancelled). The report on show stays if it is of the same
 * files, its controls put back, and the status says so; otherwise no
 * figures are shown: figures never disagree with the controls.
 * @param {{code: string, message: string}} error
 * @param {string} doing what was being done, for the message when no report stays
 * @param {boolean} reread the failed request read the files again, so the live session is not the report's
 */
function refuse(error, doing, reread) {
  showProgress(false);
  const cancelled = error?.code === 'cancelled';
  if (state.report && state.shown && sameFiles(state.shown.files, files)) {
    restoreControls(settingsForm, state.shown.controls);
    fiscalSelect.disabled = periodSelect.value === 'month';
    // The next change reads the files again, with the controls put back.
    if (reread) state.sessionGeneration = -1;
    showStatus(keptText(state.shown.controls.period, reasonOf(error)), cancelled ? 'info' : 'error', error?.code);
  } else if (cancelled) {
    hideResults();
    showStatus('Reading was cancelled. Choose a file to start again.', 'info', error.code);
  } else if (state.sessionGeneration === engine.generation) {
    showNoReport(error);
  } else {
    hideResults();
    showStatus(`Could not ${doing}: ${reasonOf(error)}`, 'error', error?.code);
  }
}

/** The files are read but no report could be made of them: no figures, and the settings to choose another. */
function showNoReport(error) {
  forgetReport();
  summaryBox.replaceChildren(renderRowSummary(state.loadedSummaries));
  const note = document.createElement('p');
  note.className = 'muted no-report';
  note.textContent = 'No report is shown for these settings: choose others above.';
  reportBox.replaceChildren(note);
  issuesBox.replaceChildren();
  renderColumns();
  results.hidden = false;
  results.dataset.ready = 'refused';
  showStatus(`Could not make the report: ${reasonOf(error)}`, 'error', error?.code);
}

/** Files the engine cannot read (not text, empty, a column missing): said as the CLI says it; no report, no mapping panel. */
function showRefused(refusals) {
  hideResults();
  columnsPanel.open = false;
  columnsBody.replaceChildren();
  showStatus(refusalText(refusals), 'error', refusals[0]?.code);
}

// ------------------------------------------------------------ settings ----

/** Settings fixed for a read: they need the files read again. */
function readSettings() {
  const settings = { currency: input('currency').value.trim().toUpperCase() || 'USD', proration: select('proration').value };
  // Without a date from the user: as of today, or the engine's default for these files once it said it.
  const today = localToday();
  settings.today = today;
  const engineDefault = state.defaultAsOf && sameFiles(state.defaultAsOf.files, files) ? state.defaultAsOf.date : '';
  settings.as_of = input('as-of').value || engineDefault || today;
  const term = input('default-term');
  if (term.value && term.checkValidity()) settings.default_term = Number(term.value);
  if (splitSelect.value) settings.split_by = splitSelect.value;
  // The waterfall costs about a quarter more reading time: asked always, so
  // its view opens at once (docs/web.md).
  settings.waterfall = true;
  for (const name of ['date_order', 'decimal', 'delimiter', 'encoding']) {
    if (state.choices[name] && state.choices[name] !== 'auto') settings[name] = state.choices[name];
  }
  if (state.choices.mapping && Object.keys(state.choices.mapping).length > 0) settings.mapping = state.choices.mapping;
  // The export the user said the file is, and the words given to values no vocabulary knows (spec 11).
  if (state.choices.source) settings.source = state.choices.source;
  const values = valuesSetting(state.choices);
  if (values) settings.values = values;
  return settings;
}

/** Settings of the report itself: the live session answers them at once. */
function reportSettings() {
  const settings = { period: periodSelect.value, fiscal_start: Number(fiscalSelect.value) };
  if (input('range-from').value) settings.from = input('range-from').value;
  if (input('range-to').value) settings.to = input('range-to').value;
  if (topInput.value && topInput.checkValidity()) settings.top = Number(topInput.value);
  return settings;
}

/** @returns {import('./worker/protocol.js').FileEntry[]} */
function fileSet() {
  // A workbook's sheet, when the user picked one (else the engine reads the first).
  return Object.entries(files).filter(([, file]) => file).map(([kind, file]) => ({
    kind: /** @type {any} */ (kind), file, ...(state.sheets[kind] ? { sheet: state.sheets[kind] } : {}),
  }));
}

// ------------------------------------------------------------ reading ----

/** A new contracts file: forget the choices of the previous one, then read. */
function setContracts(file) {
  if (state.busy) {
    replaceRead(file);
    return;
  }
  files.contracts = file;
  keptId = '';
  delete state.sheets.contracts;
  splitSelect.value = '';
  state.choices = {};
  state.choicesFromUser = false;
  state.newContracts = true;
  startRead();
}

/**
 * A file dropped while another is read: that read is cancelled and this
 * file read instead, once it has stopped (the last one dropped wins); the
 * status says so at once.
 */
function replaceRead(file) {
  state.stoppedName = files.contracts?.name ?? '';
  state.nextContracts = file;
  state.reportToken++;   // a report on its way for the file being replaced is not shown
  showStatus(`Stopping the read of ${state.stoppedName} to read ${file.name} instead…`);
  engine.cancel();
}

/** Previews the columns, then reads every file into a new session and shows the report. */
async function startRead() {
  if (state.busy || !files.contracts) return;
  const contracts = files.contracts;
  const focusBefore = focusedElement();
  setBusy(true);
  // Until the load ends, the live session is not of these files and settings (a load frees it first).
  state.sessionGeneration = -1;
  try {
    const stopped = state.stoppedName ? `Stopped reading ${state.stoppedName}. ` : '';
    state.stoppedName = '';
    showStatus(`${stopped}Looking at the columns of ${contracts.name}…`);
    let preview = await engine.preview(readSettings(), contracts, state.sheets.contracts);
    if (state.nextContracts) return;
    if (!preview.ok) { refuse(preview.error, `read ${contracts.name}`, true); return; }
    if (!state.choicesFromUser) {
      const remembered = recallChoices(preview.file?.header);
      if (remembered) {
        state.choices = remembered;
        preview = await engine.preview(readSettings(), contracts, state.sheets.contracts);
        if (state.nextContracts) return;
        if (!preview.ok) { refuse(preview.error, `read ${contracts.name}`, true); return; }
      }
    }
    // Not text, or empty: the engine's reason; a missing column is for the columns panel.
    const refusals = refusedFiles([preview.file], preview.issues).filter((r) => r.code !== 'missing_column');
    if (refusals.length > 0) { showRefused(refusals); return; }
    const missing = missingRequired(preview.file);
    if (missing.length > 0 || preview.file?.readable === false) {
      // The values list offers the engine's words.
      state.vocabulary = state.vocabulary ?? await engine.vocabulary() ?? null;
      if (state.nextContracts) return;
      showColumnsNeeded(preview.file, missing);
      return;
    }
    takeSplitFromUrl(preview.file);
    showStatus(`Reading ${contracts.name}…`);
    showProgress(true);
    progress.value = 0;
    // Twice at most: read as of today, then as of the engine's default when the data ends earlier.
    for (let pass = 0; pass < 2; pass++) {
      const reply = await engine.load(readSettings(), fileSet(), onProgress);
      if (state.nextContracts) return;
      if (!reply.ok) { refuse(reply.error, `read ${contracts.name}`, true); return; }
      state.sessionGeneration = engine.generation;
      state.newFiles = true;
      state.loadedSummaries = reply.file_summaries ?? [];
      state.contractsSummary = (reply.file_summaries ?? []).find((s) => s?.kind === 'contracts') ?? reply.file_summaries?.at(-1) ?? null;
      showProgress(false);
      if (await refreshReport(true, pass === 0) !== 'again') break;
      showStatus(`Reading ${contracts.name} as of ${state.defaultAsOf?.date}, the last day of the data…`);
      showProgress(true);
    }
  } finally {
    setBusy(false);
    // A new file's report takes focus at its start; else focus goes back to the control that had it.
    if (!state.nextContracts) returnFocus(focusBefore, state.newContracts && results.dataset.ready === 'true' ? summaryBox : null);
    state.newContracts = false;
    readNextContracts();
  }
}

/** Reads the file that came while the last read ran, if one did. */
function readNextContracts() {
  const next = state.nextContracts;
  if (!next) return;
  state.nextContracts = null;
  setContracts(next);
}

/** The file lacks a required column: no report, the columns panel says what is needed. */
function showColumnsNeeded(summary, missing) {
  state.contractsSummary = summary;
  forgetReport();
  reportBox.replaceChildren();
  issuesBox.replaceChildren();
  // Only the file's name: the preview read its first bytes, so it has no counts to give.
  summaryBox.replaceChildren(renderRowSummary([{ kind: 'contracts', name: files.contracts?.name }]));
  renderColumns();
  columnsPanel.open = true;
  results.hidden = false;
  results.dataset.ready = 'columns';
  showStatus(`${files.contracts?.name} has no column for ${missing.join(', ') || 'a required field'}: choose it under "Columns and formats".`, 'error');
  /** @type {HTMLElement|null} */ (columnsBody.querySelector('tr.missing select'))?.focus();
}

function renderColumns() {
  if (!state.contractsSummary) { columnsBody.replaceChildren(); return; }
  const header = state.contractsSummary.header;
  columnsBody.replaceChildren(renderMappingPanel(state.contractsSummary, state.choices, {
    remembered: recallChoices(header) !== null,
    files: state.report?.files ?? (state.loadedSummaries.length > 0 ? state.loadedSummaries : [state.contractsSummary]),
    vocabulary: state.vocabulary,
    digits: state.report?.minor_digits ?? {},
    sheets: state.sheets,
    onSheet: (kind, sheet) => {
      if (state.busy) return;
      state.sheets[kind] = sheet;
      startRead();
    },
    onApply: (chosen) => {
      state.choices = chosen;
      state.choicesFromUser = true;
      rememberChoices(header, chosen);
      startRead();
    },
    onReset: () => {
      forgetChoices(header);
      state.choices = {};
      state.choicesFromUser = true;
      startRead();
    },
  }));
}

/**
 * @param {boolean} [fresh] the files were just read
 * @param {boolean} [mayReadAgain] a report read as of another date than the engine's default is not shown: 'again'
 */
async function refreshReport(fresh = false, mayReadAgain = false) {
  if (!fresh && state.sessionGeneration !== engine.generation) {
    // The worker was replaced since the files were read: read them again.
    await startRead();
    return;
  }
  const token = ++state.reportToken;
  const controls = controlValues(settingsForm);
  // The engine's words come with the first report (asked once, kept by the client).
  const [reply, vocabulary] = await Promise.all([engine.report(reportSettings()), engine.vocabulary()]);
  if (token !== state.reportToken) return;            // a newer request is on its way
  state.vocabulary = vocabulary ?? state.vocabulary;
  if (!reply.ok) { refuse(reply.error, 'make the report', fresh); return; }
  // A file the engine could not read is said, as the CLI says it, and no report shown.
  const refusals = refusedFiles(reply.report?.files, reply.report?.issues);
  if (refusals.length > 0) { showRefused(refusals); return; }
  const readAgain = mayReadAgain ? asOfToReadAgain(reply.report, input('as-of').value) : null;
  if (readAgain) {
    state.defaultAsOf = { date: readAgain, files: { ...files } };
    return 'again';
  }
  // More than two years by month read as quarters, unless the user chose the period.
  const readable = state.periodFromUser ? null : readablePeriod(reply.report);
  if (readable) {
    periodSelect.value = readable;
    fiscalSelect.disabled = false;
    await refreshReport(fresh);
    return;
  }
  clearStatus();
  state.shown = { controls, files: { ...files } };
  renderReport(reply.report);
  if (fresh) comparePanel.contractsChanged();
}

// ------------------------------------------------------------ report ----

function renderReport(report) {
  state.report = report;
  enableExports(true);
  summaryBox.replaceChildren(renderRowSummary(report?.files));
  showAsOfNote(report);
  showTermOffer(report);
  renderSplitOptions(report?.settings?.split_by ?? '');
  issuesBox.replaceChildren(renderIssues(report, report.minor_digits));
  renderColumns();
  if ((report?.issue_counts?.missing_column ?? 0) > 0) columnsPanel.open = true;
  // A value no vocabulary knows rejects its rows: the values list, where one choice reads them all, is opened.
  if (hasValueNotUnderstood(report?.files)) columnsPanel.open = true;
  fiscalSelect.disabled = periodSelect.value === 'month';
  results.hidden = false;
  // The figures a drill-down lists are the engine's words (its vocabulary).
  const openFirst = state.newFiles && !tabChosen;
  state.newFiles = false;
  tabChosen = false;
  summaries = new Map();
  answerBox.replaceChildren();
  reportView.show(report, { drillMetrics: state.vocabulary?.drill_metrics ?? [], openFirst });
  results.dataset.ready = 'true';
  const fileRows = (report?.files ?? []).map((f) => ({ kind: f?.kind, name: f?.name, rows: f?.rows }));
  if (uploadFold.fold(fileRows, (n) => formatMinor(n, 0))) answerBox.focus();
  requestSummaries(report);
  writeUrl();
}

/** Asks the engine for the summary's figures of the report on show, then shows the currency on show. */
async function requestSummaries(report) {
  const token = state.reportToken;
  answerBox.dataset.ready = 'false';
  const found = await loadSummaries((settings) => engine.report(settings), report, reportSettings());
  if (token !== state.reportToken || state.report !== report) return;   // a newer report is on show
  summaries = found;
  showSummary(reportView.currency);
  answerBox.dataset.ready = 'true';
}

/** The summary of a currency, in place of the one on show (none when no period has ended by the as-of date). */
function showSummary(currency) {
  const summary = summaries.get(currency);
  if (!summary) {
    answerBox.replaceChildren();
    return;
  }
  if (answerBox.firstElementChild?.getAttribute('data-currency') === currency) return;
  const drillable = new Set(state.vocabulary?.drill_metrics ?? []);
  answerBox.replaceChildren(renderSummary(summary, {
    drillable,
    onView: (view) => reportView.showView(view),
    onDrill: (card, target) => drill({
      currency, metric: target.metric, label: card.label, text: '',
      column: { label: target.label, title: '', start: target.start, end: target.end, total: false },
    }),
  }));
}

/** "As of 2024-12-31, the last day of the data; change" beside the As of field when the engine chose the date. */
function showAsOfNote(report) {
  const text = asOfNoteText(report, input('as-of').value);
  $('as-of-note-text').textContent = text;
  $('as-of-note').hidden = !text;
}

/** Lines read as one-time for want of a term: said, and a default term offered. */
function showTermOffer(report) {
  const offer = input('default-term').value ? null : termOffer(report);
  $('term-offer').hidden = !offer;
  if (!offer) return;
  $('term-offer-text').textContent = offer.text;
  $('term-offer-apply').textContent = `Read them over ${offer.months} months`;
  $('term-offer-apply').dataset.months = String(offer.months);
}

/** The "Split by" choices: the contracts file's columns that can split the report (bounded, column_lists.js). */
function renderSplitOptions(current) {
  const columns = splitColumns(state.contractsSummary);
  const listed = listedColumns(columns);
  if (current && !listed.includes(current)) listed.push(current);
  const none = document.createElement('option');
  none.value = '';
  none.textContent = 'none';
  splitSelect.replaceChildren(none, ...listed.map((name) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    return option;
  }));
  splitSelect.value = current;
  document.getElementById('split-by-name-box')?.remove();
  if (columns.length > COLUMN_LIST_LIMIT) {
    const box = columnNameInput(splitSelect, columns, { id: 'split-by-name', label: 'Split by' });
    box.id = 'split-by-name-box';
    splitSelect.after(box);
  }
}

// ------------------------------------------------------------ drill-down ----

/** @param {import('./statement_view.js').DrillTarget} target */
async function drill(target) {
  if (state.busy || !files.contracts) return;
  const { currency, metric, column, label } = target;
  const where = column.total ? `${column.start} to ${column.end}` : `${column.label} (${column.start} to ${column.end})`;
  openDrill(`${label} · ${currency} · ${column.total ? 'Total' : column.label}`, `Listing the lines behind ${label}, ${where}…`);
  const settings = { ...readSettings(), drill: { currency, metric, from: column.start, to: column.end, limit: 200, ...(target.extra ?? {}) } };
  const reply = await engine.drill(settings, fileSet(), reportSettings(), drillProgress);
  if (!reply.ok) {
    const unsupported = reply.error?.code === 'no_drill' || /drill/.test(reply.error?.message ?? '');
    drillError(unsupported ? 'This version of the engine cannot list the lines behind a figure yet.'
      : `Could not list the lines: ${reply.error?.message ?? 'unknown error'}`);
    return;
  }
  const digits = state.report?.currencies?.[currency]?.minor_digits ?? 2;
  showDrill(reply.drill, digits, target.help ?? metric, {
    // The whole list, not only the lines shown: asked again of the engine when it holds more.
    onExport: (format) => downloadDrillLines(format, reply.drill, { digits, label, stem: exportStem(files.contracts?.name),
      more: (limit) => engine.drill({ ...settings, drill: { ...settings.drill, limit } }, fileSet(), reportSettings(), () => {}) }),
  });
}

// ------------------------------------------------------------ exports ----

$('export-csv').addEventListener('click', () => {
  if (!state.report) return;
  const text = '\ufeff' + reportCsv(state.report, reportView.statements);
  download(new Blob([text], { type: 'text/csv;charset=utf-8' }), `${exportStem(files.contracts?.name)}-${periodSelect.value}.csv`);
});
$('export-xlsx').addEventListener('click', () => {
  if (!state.report) return;
  downloadWorkbook(state.report, reportView, `${exportStem(files.contracts?.name)}-${periodSelect.value}.xlsx`);
});
$('export-json').addEventListener('click', () => {
  if (!state.report) return;
  download(new Blob([JSON.stringify(state.report, null, 2)], { type: 'application/json' }), `${exportStem(files.contracts?.name)}-${periodSelect.value}.json`);
});
$('print-button').addEventListener('click', () => window.print());

// ------------------------------------------------------------ examples ----

for (const set of examples) {
  const option = document.createElement('option');
  option.value = set.id;
  option.textContent = `${set.id.replace(/\.csv$/, '')}: ${set.title}`;
  exampleSelect.append(option);
}
exampleSelect.value = examples.find((s) => s.id === 'worked-examples.csv')?.id ?? examples[0]?.id ?? '';
$('intro-examples').replaceChildren(...exampleCards(examples, (id) => {
  exampleSelect.value = id;
  loadExample();
}));

async function loadExample() {
  if (state.busy) return;
  const set = examples.find((s) => s.id === exampleSelect.value);
  if (!set) return;
  showStatus('Fetching the example…');
  const fetched = {};
  try {
    for (const f of set.files) {
      const response = await fetch(f.url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      fetched[f.kind] = new File([await response.blob()], f.name, { type: 'text/csv' });
    }
  } catch (err) {
    showStatus(`Could not load the example: ${String(err?.message ?? err)}`, 'error', 'example_unavailable');
    return;
  }
  for (const kind of EXTRA_KINDS) setExtra(kind, fetched[kind] ?? null, false);
  setContracts(fetched.contracts);
}

// ------------------------------------------------------------ events ----

/** Sets or clears an optional file; re-reads when a contracts file is loaded. */
function setExtra(kind, file, reread = true) {
  files[kind] = file;
  delete state.sheets[kind];
  $(`${kind}-name`).textContent = file ? file.name : 'none';
  $(`${kind}-remove`).hidden = !file;
  if (reread && files.contracts) startRead();
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) setContracts(file);
  fileInput.value = '';     // choosing the same file again reloads it
});
for (const kind of EXTRA_KINDS) {
  const picker = input(`${kind}-input`);
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file) setExtra(kind, file);
    picker.value = '';
  });
  $(`${kind}-remove`).addEventListener('click', () => { if (!state.busy) setExtra(kind, null); });
}

exampleButton.addEventListener('click', loadExample);
cancelButton.addEventListener('click', () => engine.cancel());

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
  if (file) setContracts(file);
});
// A file dropped next to the zone must not make the browser navigate away.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

const READ_FIELDS = new Set(['proration', 'currency', 'as_of', 'split_by', 'default_term']);
settingsForm.addEventListener('change', (event) => {
  const name = /** @type {HTMLInputElement} */ (event.target).name;
  if (name === 'period') state.periodFromUser = true;
  fiscalSelect.disabled = periodSelect.value === 'month';
  if (state.busy || !files.contracts) return;
  if (READ_FIELDS.has(name)) {
    if (name === 'currency' && !input('currency').checkValidity()) return;
    if (name === 'default_term' && !input('default-term').checkValidity()) return;
    startRead();
  } else if (state.report || results.dataset.ready === 'refused') {
    if (name === 'top' && !topInput.checkValidity()) return;
    refreshReport();
  }
});
settingsForm.addEventListener('submit', (event) => event.preventDefault());

engine.onRestart = (reason) => {
  if (!state.busy) showStatus(`${reason} A fresh engine is ready; the report on screen is kept and the files will be read again when needed.`, 'error');
};

// Print: the view on show for every currency, cut to the page, built before printing (print/print_report.js).
installPrint(() => reportView.printSource());
// The charts take their colours from the page's: redraw them when the scheme changes.
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  if (state.report && results.dataset.ready === 'true') renderReport(state.report);
});

// The engine's default as-of date, into the field to change it from there.
$('as-of-change').addEventListener('click', () => {
  input('as-of').value = state.report?.settings?.as_of ?? '';
  $('as-of-note').hidden = true;
  input('as-of').focus();
});
// The offered default term: set, and the files read with it.
$('term-offer-apply').addEventListener('click', () => {
  input('default-term').value = $('term-offer-apply').dataset.months ?? '';
  input('default-term').dispatchEvent(new Event('change', { bubbles: true }));
});

installMetricTooltips();
installDrillDialog(() => {});
// Offline after this first visit, and installable (offline/register_offline.js).
registerOffline();
// A link to an analysis kept on this device opens it at once (it was kept when the user asked).
if (fromUrl.kept) {
  openingFromUrl = true;
  keptPanel.openById(fromUrl.kept).finally(() => { openingFromUrl = false; });
}

// The engine's worker starts, and instantiates its wasm, once the page is
// idle, not when the first file is picked: in headless Chromium the first
// file's preview waited 0.2-0.23 s for it, against 0.08-0.1 s with the
// engine started (as long as reading 10k rows).
(window.requestIdleCallback ?? ((f) => setTimeout(f, 200)))(() => { engine.vocabulary(); });
