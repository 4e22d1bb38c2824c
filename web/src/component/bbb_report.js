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
import { setStyleRoot } from '../chart_view.js';
import { exportStem } from '../export_report.js';
import { ALL_VIEWS, ReportView } from '../report_view.js';
import { decodeOr } from '../safe_decode.js';
import { createEngineWorker } from '../worker/create_worker_inline.js';
import { EngineClient } from '../worker/engine_client.js';

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
    /** @type {{kind: 'contracts'|'invoices'|'fulfilment', file: File}[]} */
    this.files_ = [];
    this.report_ = null;
    /** The engine's words (drill metrics...), with its first report. @type {import('../worker/protocol.js').EngineVocabulary|null} */
    this.vocabulary_ = null;
    this.loadedSrc_ = null;
    /** The report drawn as the page draws it (report_view.js). */
    this.reportView_ = new ReportView(this.body_, {
      exportStem: () => exportStem(this.files_[0]?.file?.name),
      emptyText: 'No booked contracts in this file.',
    });
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
    const chosen = asked.filter((v) => ALL_VIEWS.includes(v));
    return chosen.length > 0 ? chosen : ALL_VIEWS;
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
    const [reply, vocabulary] = await Promise.all([this.engine_.report(this.reportSettings_()), this.engine_.vocabulary()]);
    this.vocabulary_ = vocabulary ?? this.vocabulary_;
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
    if (!this.report_) { this.reportView_.clear(); return; }
    this.reportView_.show(this.report_, { drillMetrics: this.vocabulary_?.drill_metrics ?? [], views: this.views_() });
  }
}

if (!customElements.get('bbb-report')) customElements.define('bbb-report', BbbReport);
