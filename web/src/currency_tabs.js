// Tabs that show one currency's section at a time (WAI-ARIA tabs: arrow
// keys move between tabs, one tab stop).

/**
 * @param {string[]} currencies
 * @param {string} selected
 * @param {(currency: string) => void} onSelect
 */
export function renderCurrencyTabs(currencies, selected, onSelect) {
  const bar = document.createElement('div');
  bar.className = 'currency-tabs';
  bar.setAttribute('role', 'tablist');
  bar.setAttribute('aria-label', 'Currency');
  for (const code of currencies) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.id = `tab-${code}`;
    tab.setAttribute('aria-controls', `currency-${code}`);
    tab.setAttribute('aria-selected', String(code === selected));
    tab.dataset.currency = code;
    tab.textContent = code;
    tab.tabIndex = code === selected ? 0 : -1;
    tab.addEventListener('click', () => onSelect(code));
    tab.addEventListener('keydown', (event) => {
      const i = currencies.indexOf(code);
      const next = event.key === 'ArrowRight' ? currencies[(i + 1) % currencies.length]
        : event.key === 'ArrowLeft' ? currencies[(i - 1 + currencies.length) % currencies.length] : null;
      if (next) {
        event.preventDefault();
        onSelect(next);
        /** @type {HTMLElement|null} */ (bar.querySelector(`[data-currency="${next}"]`))?.focus();
      }
    });
    bar.append(tab);
  }
  return bar;
}

/** Marks `selected` in the tabs and shows only its sections (statement, charts). */
export function selectCurrency(container, selected) {
  for (const tab of container.querySelectorAll('.currency-tabs [role="tab"]')) {
    const on = tab.getAttribute('data-currency') === selected;
    tab.setAttribute('aria-selected', String(on));
    /** @type {HTMLElement} */ (tab).tabIndex = on ? 0 : -1;
  }
  for (const section of container.querySelectorAll('[data-currency]:not([role="tab"])')) {
    if (section.closest('.currency-tabs')) continue;
    if (!section.matches('section.currency, .charts')) continue;
    /** @type {HTMLElement} */ (section).hidden = section.getAttribute('data-currency') !== selected;
  }
}
