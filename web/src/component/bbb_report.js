// <bbb-report>: the report as a custom element for an intranet page, with
// one script tag (web/dist-component/bbb-report.js: the engine, its worker
// and the styles inlined). Everything renders inside a shadow root whose
// :host resets what the host page would pass down, so the host's CSS cannot
// reach in and the element's CSS cannot leak out.
//
//   <script type="module" src="bbb-report.js"></script>
//   <bbb-report src="/finance/contracts.csv" period="quarter" fiscal-start="4"
//               currency="EUR" as-of="2026-09-30" views="statement,forward,waterfall"></bbb-report>
//
// Attributes: src (a URL on the page's own origin), period, fiscal-start,
// from, to, top (instant), currency, as-of, split-by, proration (read the
// file again), views (which tabs, comma-separated; default all). From
// script: element.load(fileOrBlob, {invoices, fulfilment}). Events:
// 'bbb-report' (detail: the engine's report JSON) and 'bbb-error' (detail:
// {code, message}). No finance here: the engine computes, this renders.
import pageCss from '../style.css?inline';
import { renderCharts, setStyleRoot } from '../chart_view.js';
import { renderCurrencyTabs, selectCurrency } from '../currency_tabs.js';
import { createEngineWorker } from '../create_worker_inline.js';
import { EngineClient } from '../engine_client.js';
import { downloadViewCsv, exportStem, saveChartPng } from '../export_report.js';
import { LazyStatements } from '../lazy_statements.js';
import { decodeOr } from '../safe_decode.js';
import { currencyStatements } from '../statement_model.js';
import { renderStatementSection } from '../statement_view.js';
import { VIEW_MODELS } from '../views/view_registry.js';
import { renderViewPanel } from '../views/view_panel.js';
import { VIEWS, renderViewTabs, showPanels } from '../views/view_tabs.js';

/** The page's stylesheet, scoped to the shadow root: its :root variables belong to :host. */
const HOST_CSS = `
:host { all: initial !important; display: block !important; contain: content; }
:host([hidden]) { display: none !important; }
.bbb { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--fg); background: var(--bg); padding: 12px 16px; text-align: left; }
.bbb-status { margin: 8px 0; color: var(--muted); }
.bbb-status[data-kind="error"] { color: var(--error); }
`;
// rem is the host page's root font size, which a shadow root cannot shield:
// the page's rem (15px) becomes pixels.
const SHEET_TEXT = pageCss.replaceAll(':root', ':host')
  .replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${Math.round(Number(n) * 15 * 100) / 100}px`) + HOST_CSS;

const READ_ATTRIBUTES = ['currency', 'as-of', 'split-by', 'proration'];
const REPORT_ATTRIBUTES = ['period', 'fiscal-start', 'from', 'to', 'top'];

let sheet = /** @type {CSSStyleSheet|null} */ (null);
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SHEET_TEXT);
  }
  return sheet;
}

export class BbbReport extends HTMLElement {
  static get observedAttributes() { return ['src', 'views', ...READ_ATTRIBUTES, ...REPORT_ATTRIBUTES]; }

  constructor() {
    super();
    this.root_ = this.attachShadow({ mode: 'open' });
    this.root_.adoptedStyleSheets = [styleSheet()];
    this.box_ = document.createElement('div');
    this.box_.className = 'bbb';
    this.status_ = document.createElement('p');
    this.status_.className = 'bbb-status';
    this.status_.setAttribute('role', 'status');
    this.body_ = document.createElement('div');
    this.box_.append(this.status_, this.body_);
    this.root_.append(this.box_);
    this.engine_ = new EngineClient({ createWorker: createEngineWorker });
    /** @type {{kind: string, file: File}[]} */
    this.files_ = [];
    this.report_ = null;
    this.view_ = 'statement';
    this.currency_ = '';
    this.cleanups_ = [];
    this.loadedSrc_ = null;
    /** Each currency's statement and charts, drawn when needed (lazy_statements.js). */
    this.statements_ = new LazyStatements((code, anchor) => this.drawStatement_(code, anchor));
    /** The report's statements by currency, as render_() last made them. @type {Map<string, any>} */
    this.statementModels_ = new Map();
  }

  connectedCallback() {
    setStyleRoot(this);
    const src = this.getAttribute('src');
    if (src && src !== this.loadedSrc_) this.loadUrl_(src);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'src') { if (after) this.loadUrl_(after); return; }
    if (this.files_.length === 0) return;
    if (READ_ATTRIBUTES.includes(name)) this.read_();
    else if (REPORT_ATTRIBUTES.includes(name)) this.refresh_();
    else if (name === 'views') this.render_();
  }

  /**
   * Reads a contracts File or Blob (and optionally invoices and fulfilment files).
   * @param {Blob} contracts
   * @param {{invoices?: Blob, fulfilment?: Blob}} [extra]
   */
  async load(contracts, extra = {}) {
    const asFile = (blob, name) => (blob instanceof File ? blob : new File([blob], name, { type: blob.type }));
    this.files_ = [{ kind: 'contracts', file: asFile(contracts, 'contracts.csv') }];
    if (extra.invoices) this.files_.push({ kind: 'invoices', file: asFile(extra.invoices, 'invoices.csv') });
    if (extra.fulfilment) this.files_.push({ kind: 'fulfilment', file: asFile(extra.fulfilment, 'fulfilment.csv') });
    return this.read_();
  }

  /** The last report the engine gave, as JSON (null before the first). */
  get report() { return this.report_; }

  async loadUrl_(src) {
    this.loadedSrc_ = src;
    let url;
    try { url = new URL(src, document.baseURI); } catch { return this.fail_('bad_src', `"${src}" is not a URL`); }
    // The file stays on the page's own origin: nothing is fetched from elsewhere.
    if (url.origin !== location.origin) return this.fail_('foreign_src', `src must be on this page's origin (${location.origin}), not ${url.origin}`);
    this.say_(`Fetching ${url.pathname}…`);
    let blob;
    try {
      // No redirect is followed: where one leads cannot be checked before it is asked for.
      const response = await fetch(url, { credentials: 'same-origin', redirect: 'manual' });
      if (response.type === 'opaqueredirect' || response.redirected || (response.url && new URL(response.url).origin !== location.origin)) {
        return this.fail_('redirected_src', `${url.pathname} redirects elsewhere: src must name the file itself, on this page's origin (${location.origin})`);
      }
      if (!response.ok) return this.fail_('fetch_failed', `${url.pathname}: HTTP ${response.status}`);
      blob = await response.blob();
    } catch (err) {
      return this.fail_('fetch_failed', `${url.pathname}: ${String(err?.message ?? err)}`);
    }
    const last = url.pathname.split('/').pop() || 'contracts.csv';
    const name = decodeOr(last, last);
    return this.load(new File([blob], name, { type: blob.type }));
  }

  readSettings_() {
    const s = {};
    const currency = this.getAttribute('currency');
    if (currency) s.currency = currency.toUpperCase();
    const asOf = this.getAttribute('as-of');
    if (asOf) s.as_of = asOf;
    const split = this.getAttribute('split-by');
    if (split) s.split_by = split;
    const proration = this.getAttribute('proration');
    if (proration) s.proration = proration;
    if (this.views_().includes('waterfall')) s.waterfall = true;
    return s;
  }

  reportSettings_() {
    const s = {};
    const period = this.getAttribute('period');
    if (period) s.period = period;
    const fiscal = Number(this.getAttribute('fiscal-start'));
    if (Number.isInteger(fiscal) && fiscal >= 1 && fiscal <= 12) s.fiscal_start = fiscal;
    for (const key of ['from', 'to']) if (this.getAttribute(key)) s[key] = this.getAttribute(key);
    const top = Number(this.getAttribute('top'));
    if (Number.isInteger(top) && top > 0) s.top = top;
    return s;
  }

  views_() {
    const asked = (this.getAttribute('views') ?? '').split(',').map((v) => v.trim()).filter(Boolean);
    const known = VIEWS.map((v) => v.key);
    const chosen = asked.filter((v) => known.includes(v));
    return chosen.length > 0 ? chosen : known;
  }

  async read_() {
    const name = this.files_[0]?.file?.name ?? 'the file';
    this.say_(`Reading ${name}…`);
    const reply = await this.engine_.load(this.readSettings_(), this.files_, (p) => {
      if (p.bytesTotal) this.say_(`Reading ${p.fileName}: ${Math.floor((100 * p.bytesRead) / p.bytesTotal)}%`);
    });
    if (!reply.ok) return this.fail_(reply.error.code, reply.error.message);
    return this.refresh_();
  }

  async refresh_() {
    const reply = await this.engine_.report(this.reportSettings_());
    if (!reply.ok) return this.fail_(reply.error.code, reply.error.message);
    this.report_ = reply.report;
    // A file that cannot be read at all says why; rejected rows are counted, the first one named.
    const unreadable = (reply.report.files ?? []).find((f) => !f.readable);
    if (unreadable) {
      const why = (reply.report.issues ?? []).find((i) => i.line === 0 && i.severity === 'error' && i.file === unreadable.kind);
      this.render_();
      return this.fail_(why?.code ?? 'unreadable_file', `${unreadable.name}: ${why?.message ?? 'cannot be read'}`);
    }
    const rejected = reply.report.rows?.rejected ?? 0;
    const first = (reply.report.issues ?? []).find((i) => i.severity === 'error' && i.line > 0);
    this.say_(rejected === 0 ? '' : `${rejected} row${rejected === 1 ? '' : 's'} rejected` +
      (first ? `; the first: ${first.file} line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.message}` : ''),
    rejected === 0 ? 'info' : 'error');
    this.render_();
    this.dispatchEvent(new CustomEvent('bbb-report', { detail: reply.report }));
    return reply.report;
  }

  say_(text, kind = 'info') {
    this.status_.textContent = text;
    this.status_.dataset.kind = kind;
    this.status_.hidden = text === '';
  }

  fail_(code, message) {
    this.say_(message, 'error');
    this.dispatchEvent(new CustomEvent('bbb-error', { detail: { code, message } }));
    return null;
  }

  render_() {
    for (const c of this.cleanups_) c();
    this.cleanups_ = [];
    this.statements_.forget();
    /** Panels not drawn yet, by "currency|view": each is drawn the first time it is shown. */
    this.pending_ = new Map();
    const report = this.report_;
    if (!report) return;
    const statements = currencyStatements(report);
    const codes = statements.map((s) => s.currency);
    if (!codes.includes(this.currency_)) this.currency_ = codes[0] ?? '';
    const views = this.views_();
    if (!views.includes(this.view_)) this.view_ = views[0];
    const nodes = [];
    if (codes.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'muted';
      empty.textContent = 'No booked contracts in this file.';
      this.body_.replaceChildren(empty);
      return;
    }
    if (views.length > 1) nodes.push(renderViewTabs(this.view_, (v) => { this.view_ = v; this.show_(); }, views));
    if (codes.length > 1) nodes.push(renderCurrencyTabs(codes, this.currency_, (c) => { this.currency_ = c; this.show_(); }));
    this.body_.replaceChildren(...nodes);
    const stem = exportStem(this.files_[0]?.file?.name);
    const onSave = saveChartPng;
    const onExport = (code) => (view, tables) => downloadViewCsv(stem, code, view, tables);
    // The one on show is drawn by show_(), the others in the tasks after it.
    this.statementModels_ = new Map(statements.map((s) => [s.currency, s]));
    if (views.includes('statement')) this.statements_.place(this.body_, codes);
    for (const code of codes) {
      for (const view of views) {
        const build = VIEW_MODELS[view];
        if (!build) continue;
        const data = report.currencies[code];
        const panel = renderViewPanel(code, view, (s) => build(code, data, s), { onSave, onExport: onExport(code) });
        panel.element.hidden = true;
        this.body_.append(panel.element);
        this.cleanups_.push(() => panel.destroy());
        this.pending_.set(`${code}|${view}`, panel);
      }
    }
    this.show_();
  }

  /** A currency's statement and charts, in place of `anchor`. */
  drawStatement_(code, anchor) {
    const statement = this.statementModels_.get(code);
    if (!statement || !this.report_) return;
    const section = renderStatementSection(statement, {});
    section.hidden = this.view_ !== 'statement' || code !== this.currency_;
    /** @type {ChildNode} */ (anchor).replaceWith(section);
    // Mounted before it is made: Chart.js sees a canvas in a shadow root only if it is there from the start.
    const charts = renderCharts(code, this.report_.currencies[code], saveChartPng, (box) => { box.hidden = section.hidden; section.after(box); });
    this.cleanups_.push(() => charts.destroy());
  }

  show_() {
    this.statements_.draw(this.currency_);
    selectCurrency(this.body_, this.currency_);
    const key = `${this.currency_}|${this.view_}`;
    const panel = this.pending_?.get(key);
    if (panel) {
      this.pending_.delete(key);
      panel.element.hidden = false;   // Chart.js measures the canvas: draw once it is shown
      panel.draw();
    }
    showPanels(this.body_, this.currency_, this.view_);
    this.statements_.drawRestLater();
  }
}

if (!customElements.get('bbb-report')) customElements.define('bbb-report', BbbReport);
