// The view tabs above the report (WAI-ARIA tabs: one tab stop, arrow keys,
// Home/End): Statement, Forward, Waterfall, Pipeline, Orders, Trends,
// Recurring, Segments. Each view has a panel per currency; showPanels shows
// the one of the selected currency and view.

export const VIEWS = [
  { key: 'statement', label: 'Statement' },
  { key: 'forward', label: 'Forward' },
  { key: 'waterfall', label: 'Waterfall' },
  { key: 'pipeline', label: 'Pipeline' },
  { key: 'orders', label: 'Orders' },
  { key: 'trends', label: 'Trends' },
  { key: 'recurring', label: 'Recurring' },
  { key: 'segments', label: 'Segments' },
];

/**
 * @param {string} selected
 * @param {(view: string) => void} onSelect
 * @param {string[]} [only] the views to offer (default: all)
 */
export function renderViewTabs(selected, onSelect, only) {
  const bar = document.createElement('div');
  bar.className = 'view-tabs';
  bar.setAttribute('role', 'tablist');
  bar.setAttribute('aria-label', 'View');
  const offered = only ? VIEWS.filter((v) => only.includes(v.key)) : VIEWS;
  const keys = offered.map((v) => v.key);
  for (const view of offered) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.id = `view-tab-${view.key}`;
    tab.dataset.view = view.key;
    tab.textContent = view.label;
    tab.setAttribute('aria-selected', String(view.key === selected));
    tab.tabIndex = view.key === selected ? 0 : -1;
    tab.addEventListener('click', () => onSelect(view.key));
    tab.addEventListener('keydown', (event) => {
      const i = keys.indexOf(view.key);
      const moves = { ArrowRight: (i + 1) % keys.length, ArrowLeft: (i - 1 + keys.length) % keys.length, Home: 0, End: keys.length - 1 };
      const next = moves[event.key];
      if (next === undefined) return;
      event.preventDefault();
      onSelect(keys[next]);
      /** @type {HTMLElement|null} */ (bar.querySelector(`[data-view="${keys[next]}"]`))?.focus();
    });
    bar.append(tab);
  }
  return bar;
}

/**
 * Marks the selected view tab and shows only the panels of `currency` and
 * `view` (the statement view is the statement section and its charts).
 * @param {HTMLElement} container
 */
export function showPanels(container, currency, view) {
  for (const tab of container.querySelectorAll('.view-tabs [role="tab"]')) {
    const on = tab.getAttribute('data-view') === view;
    tab.setAttribute('aria-selected', String(on));
    tab.setAttribute('aria-controls', view === 'statement' ? `currency-${currency}` : `view-${currency}-${view}`);
    /** @type {HTMLElement} */ (tab).tabIndex = on ? 0 : -1;
  }
  for (const node of container.querySelectorAll('section.currency, .charts')) {
    /** @type {HTMLElement} */ (node).hidden = view !== 'statement' || node.getAttribute('data-currency') !== currency;
  }
  for (const node of container.querySelectorAll('section.view-panel')) {
    /** @type {HTMLElement} */ (node).hidden = node.getAttribute('data-view') !== view || node.getAttribute('data-currency') !== currency;
  }
}
