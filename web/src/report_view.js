// One report on screen: the view tabs, the currency tabs, each currency's
// statement with its charts (drawn when needed: lazy_statements.js) and the
// panels of the other views (each drawn the first time it is shown). The
// page (main.js) and <bbb-report> (component/bbb_report.js) both show a
// report through it, so that they show it the same way. It renders what the
// engine gave, through textContent only; no finance here.
import { renderCharts } from './chart_view.js';
import { renderCurrencyTabs, selectCurrency } from './currency_tabs.js';
import { downloadViewCsv, exportStem, saveChartPng } from './export_report.js';
import { currencyOrder } from './currency_order.js';
import { LazyStatements } from './lazy_statements.js';
import { buildStatement, firstActiveColumn } from './statement_model.js';
import { TOTAL, segmentChoice } from './statement_segments.js';
import { renderSegmentPicker } from './segment_picker.js';
import { el, renderStatementSection, scrollToColumn } from './statement_view.js';
import { VIEW_MODELS } from './views/view_registry.js';
import { renderViewPanel } from './views/view_panel.js';
import { VIEWS, renderViewTabs, showPanels } from './views/view_tabs.js';

/** Every view, in the order of the tabs. */
export const ALL_VIEWS = VIEWS.map((v) => v.key);

/**
 * @typedef {object} ReportViewOptions
 * @property {() => string} exportStem the start of an exported file's name (export_report.js exportStem)
 * @property {string} emptyText said when the report has no currency (no booked contract)
 * @property {(target: import('./statement_view.js').DrillTarget) => void} [onDrill] asks for the
 *   lines behind a figure; without it, figures are not drilled
 * @property {boolean} [openAtFirstActive] a statement wider than its box opens at its first active period
 * @property {boolean} [keepPanelStates] a panel's choices (its period...) are kept for the next report
 * @property {(currency: string, view: string) => void} [onShow] told the currency and view on show, whenever they change
 */

export class ReportView {
  /**
   * @param {HTMLElement} box what the report is drawn in (its children are the view's)
   * @param {ReportViewOptions} options
   */
  constructor(box, options) {
    this.box_ = box;
    this.options_ = options;
    /** The currency on show. */
    this.currency = '';
    /** The view on show (a key of VIEWS). */
    this.view = 'statement';
    /** The segment the statements show when the report is split (statement_segments.js key; Total: ''). */
    this.segment = TOTAL;
    /** The split_by of the report on show: a new split starts at Total. */
    this.segmentBy_ = '';
    /** @type {{drillMetrics?: Iterable<string>, views?: string[]}} */
    this.showOptions_ = {};
    /** The statement of each currency of the report on show (statement_model.js). @type {import('./statement_model.js').Statement[]} */
    this.statements = [];
    /** @type {Record<string, any>|null} */
    this.report_ = null;
    this.views_ = ALL_VIEWS;
    this.lazyStatements_ = new LazyStatements((code, anchor) => this.drawStatement_(code, anchor));
    /** Where each currency's statement opens: its first active period. @type {Map<string, number>} */
    this.openingColumn_ = new Map();
    /** @type {Array<{destroy: () => void}>} */
    this.charts_ = [];
    /** The panels drawn so far, by "currency|view". @type {Map<string, {element: HTMLElement, draw: () => void, destroy: () => void}>} */
    this.panels_ = new Map();
    /** Each panel's choices, by "currency|view". @type {Map<string, Record<string, string>>} */
    this.panelStates_ = new Map();
  }

  /**
   * Shows a report in the box, in place of any before it. The box must be
   * on show: charts and the statement's opening period are measured.
   * @param {Record<string, any>} report the engine's report
   * @param {{drillMetrics?: Iterable<string>, views?: string[], openFirst?: boolean}} [options]
   *   drillMetrics: the engine's (vocabulary.drill_metrics); views: the tabs offered (default all);
   *   openFirst: open on the first currency (new files), not the one on show
   */
  show(report, { drillMetrics = [], views = ALL_VIEWS, openFirst = false } = {}) {
    const same = report === this.report_;
    this.clear();
    // A report shown again (another segment) keeps its panels' choices.
    if (!this.options_.keepPanelStates && !same) this.panelStates_.clear();
    this.report_ = report;
    this.views_ = views;
    this.showOptions_ = { drillMetrics, views };
    const by = String(report?.settings?.split_by ?? '');
    if (by !== this.segmentBy_) this.segment = TOTAL;
    this.segmentBy_ = by;
    // The default currency's tab first, then the largest (currency_order.js); the report opens on the first.
    const order = currencyOrder(report);
    this.statements = this.segmentStatements_(report, drillMetrics).sort((a, b) => order.indexOf(a.currency) - order.indexOf(b.currency));
    const codes = this.statements.map((s) => s.currency);
    if (!codes.includes(this.currency) || openFirst) this.currency = codes[0] ?? '';
    if (!views.includes(this.view)) this.view = views[0];
    this.openingColumn_ = new Map(this.statements.map((s) => [s.currency, firstActiveColumn(s)]));
    if (codes.length === 0) {
      this.box_.replaceChildren(el('p', { class: 'muted' }, this.options_.emptyText));
      return;
    }
    const nodes = [];
    if (views.length > 1) nodes.push(renderViewTabs(this.view, (view) => this.showView(view), views));
    if (codes.length > 1) nodes.push(renderCurrencyTabs(codes, this.currency, (code) => this.showCurrency(code)));
    this.box_.replaceChildren(...nodes);
    if (views.includes('statement')) this.lazyStatements_.place(this.box_, codes);
    this.showCurrency(this.currency);
  }

  /** Shows one currency in the view on show; the others' statements are drawn in the tasks after. */
  showCurrency(code) {
    this.currency = code;
    this.lazyStatements_.draw(code);
    selectCurrency(this.box_, code);
    this.ensurePanel_(code, this.view);
    showPanels(this.box_, code, this.view);
    if (this.options_.openAtFirstActive && this.view === 'statement') {
      const section = this.box_.querySelector(`section.currency[data-currency="${CSS.escape(code)}"]`);
      if (section) scrollToColumn(section, this.openingColumn_.get(code) ?? 0);
    }
    this.lazyStatements_.drawRestLater();
    this.options_.onShow?.(this.currency, this.view);
  }

  showView(view) {
    this.view = view;
    this.showCurrency(this.currency);
  }

  /** Draws every currency's statement now (before printing: print shows them all). */
  drawAll() {
    this.lazyStatements_.drawAll();
  }

  /** What is on show, for the printout (print/print_report.js); null without a report. */
  printSource() {
    if (!this.report_ || this.statements.length === 0) return null;
    return {
      report: this.report_, statements: this.statements, view: this.view, currency: this.currency, box: this.box_,
      panelState: (code, view) => ({ ...(this.panelStates_.get(`${code}|${view}`) ?? {}) }),
    };
  }

  /** Lets the report on show go: its charts and panels are freed, nothing more is drawn of it. */
  clear() {
    this.lazyStatements_.forget();
    for (const charts of this.charts_) charts.destroy();
    this.charts_ = [];
    for (const panel of this.panels_.values()) panel.destroy();
    this.panels_ = new Map();
  }

  /**
   * Each currency's statement of the segment on show (its Total when the
   * currency has no such segment), in the engine's currency order.
   */
  segmentStatements_(report, drillMetrics) {
    const currencies = report?.currencies && typeof report.currencies === 'object' ? report.currencies : {};
    return Object.entries(currencies).map(([code, data]) => {
      if (!data?.segments?.values?.length) return buildStatement(code, data, drillMetrics);
      const choice = segmentChoice(data, this.segment);
      const statement = buildStatement(code, choice.data, drillMetrics);
      statement.segment = { key: choice.key, label: choice.label, by: String(data.segments.by ?? ''), filter: choice.filter };
      return statement;
    });
  }

  /** Shows the statements of another segment (statement_segments.js key). */
  showSegment(key) {
    this.segment = key;
    if (this.report_) this.show(this.report_, this.showOptions_);
  }

  /** A currency's statement and charts, in place of `anchor`. */
  drawStatement_(code, anchor) {
    const statement = this.statements.find((s) => s.currency === code);
    if (!statement || !this.report_) return;
    const section = renderStatementSection(statement, { onDrill: this.options_.onDrill });
    const data = this.report_.currencies[code];
    if (statement.segment) {
      section.querySelector('h2')?.after(renderSegmentPicker(code, data, statement.segment, (key) => {
        this.showSegment(key);
        /** @type {HTMLElement|null} */ (this.box_.querySelector(`select[data-segment-picker="${CSS.escape(code)}"]`))?.focus();
      }));
    }
    section.hidden = this.view !== 'statement' || code !== this.currency;
    /** @type {ChildNode} */ (anchor).replaceWith(section);
    // The charts follow the segment on show, and so do their PNGs' names.
    const shown = statement.segment ? segmentChoice(data, statement.segment.key).data : data;
    const onSave = (chart, name) => saveChartPng(chart, statement.segment?.key ? segmentFileName(name, statement.segment.label) : name);
    // Mounted before they are made: Chart.js sees a canvas in a shadow root only if it is there from the start.
    const subject = statement.segment?.key ? `${code}, ${statement.segment.by} ${statement.segment.label}` : code;
    this.charts_.push(renderCharts(code, shown, onSave, (box) => { box.hidden = section.hidden; section.after(box); }, subject));
  }

  /** A view's panel choices as on screen (its period, its measure...), for an export. */
  panelState(code, view) {
    return { ...(this.panelStates_.get(`${code}|${view}`) ?? {}) };
  }

  /** The views offered, in the order of the tabs. */
  get views() { return this.views_; }

  /** Draws the panel of a view for a currency the first time it is shown. */
  ensurePanel_(code, view) {
    const build = VIEW_MODELS[view];
    const key = `${code}|${view}`;
    const data = this.report_?.currencies?.[code];
    if (!build || this.panels_.has(key) || !data) return;
    const periods = data.periods?.length ?? 0;
    // A saved period past the new report's periods is dropped; other choices stay.
    const state = { ...(this.panelStates_.get(key) ?? {}) };
    if (state.period !== undefined && state.period !== 'total' && !(Number(state.period) < periods)) delete state.period;
    const panel = renderViewPanel(code, view, (s) => build(code, data, s), {
      state,
      onState: (s) => this.panelStates_.set(key, s),
      onDrill: this.options_.onDrill,
      onSave: saveChartPng,
      onExport: (name, tables) => downloadViewCsv(this.options_.exportStem(), code, name, tables),
    });
    this.box_.append(panel.element);
    // Shown before it is drawn: Chart.js measures the canvas.
    panel.element.hidden = false;
    panel.draw();
    this.panels_.set(key, panel);
  }
}

/** "bbb-USD-flows.png" of segment "North" -> "bbb-USD-North-flows.png". */
function segmentFileName(name, label) {
  return name.replace(/^(bbb-[^-]+-)/, `$1${exportStem(label)}-`);
}
