// One report on screen: the view tabs, the currency tabs, each currency's
// statement with its charts (drawn when needed: lazy_statements.js) and the
// panels of the other views (each drawn the first time it is shown). The
// page (main.js) and <bbb-report> (component/bbb_report.js) both show a
// report through it, so that they show it the same way. It renders what the
// engine gave, through textContent only; no finance here.
import { renderCharts } from './chart_view.js';
import { renderCurrencyTabs, selectCurrency } from './currency_tabs.js';
import { downloadViewCsv, saveChartPng } from './export_report.js';
import { LazyStatements } from './lazy_statements.js';
import { currencyStatements, firstActiveColumn } from './statement_model.js';
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
 * @property {(currency: string, view: string) => void} [onShow] told the currency and view on show after each change
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
   * @param {{drillMetrics?: Iterable<string>, views?: string[]}} [options]
   *   drillMetrics: the engine's (vocabulary.drill_metrics); views: the tabs offered (default all)
   */
  show(report, { drillMetrics = [], views = ALL_VIEWS } = {}) {
    this.clear();
    if (!this.options_.keepPanelStates) this.panelStates_.clear();
    this.report_ = report;
    this.views_ = views;
    this.statements = currencyStatements(report, drillMetrics);
    const codes = this.statements.map((s) => s.currency);
    if (!codes.includes(this.currency)) this.currency = codes[0] ?? '';
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

  /** Lets the report on show go: its charts and panels are freed, nothing more is drawn of it. */
  clear() {
    this.lazyStatements_.forget();
    for (const charts of this.charts_) charts.destroy();
    this.charts_ = [];
    for (const panel of this.panels_.values()) panel.destroy();
    this.panels_ = new Map();
  }

  /** A currency's statement and charts, in place of `anchor`. */
  drawStatement_(code, anchor) {
    const statement = this.statements.find((s) => s.currency === code);
    if (!statement || !this.report_) return;
    const section = renderStatementSection(statement, { onDrill: this.options_.onDrill });
    section.hidden = this.view !== 'statement' || code !== this.currency;
    /** @type {ChildNode} */ (anchor).replaceWith(section);
    // Mounted before they are made: Chart.js sees a canvas in a shadow root only if it is there from the start.
    this.charts_.push(renderCharts(code, this.report_.currencies[code], saveChartPng, (box) => { box.hidden = section.hidden; section.after(box); }));
  }

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
