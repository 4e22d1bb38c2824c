// End-to-end accessibility: axe-core (npm, run from node_modules inside the
// page: no request leaves the origin, and the page's CSP stays as it is,
// since page.evaluate is not an inline script) on every view, the drill
// dialog, the mapping panel, the lab and the glossary, in light and dark:
// no serious or critical violation. Then the points axe does not settle:
// buttons named by their visible words, the heat maps' text contrast from
// the rendered colours, where focus goes after Enter on "Try an example",
// and the tab stops from the top of the page to the first chart.
//
// A new view is checked once it is in VIEWS (view_tabs.js); a new dialog or
// page: add it to SCREENS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { shot, startBrowser, settled } from './browser.mjs';
import { VIEWS } from '../../web/src/views/view_tabs.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = /** @type {const} */ (['light', 'dark']);

/** What axe looks at besides the views: [name, page path, how to bring it on screen]. */
const SCREENS = [
  ['drill dialog', '', async (page) => {
    if (await page.locator('#drill-dialog[open]').count() > 0) return;
    await page.locator('.view-tabs [data-view="statement"]').click();
    await page.locator('section.currency[data-currency="USD"] tr[data-metric="bookings"] td[data-drill]').first().click();
    await page.locator('#drill-dialog :is(.drill-total, .drill-error)').waitFor({ timeout: 30_000 });
  }],
  ['mapping panel', '', async (page) => {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(/** @type {HTMLDialogElement} */ (document.getElementById('drill-dialog'))).open);
    await page.evaluate(() => { /** @type {HTMLDetailsElement} */ (document.getElementById('columns-panel')).open = true; });
    await page.locator('#columns-body table, #columns-body select').first().waitFor();
  }],
  ['lab', 'lab.html', (page) => page.locator('.lab-table td').first().waitFor({ timeout: 30_000 })],
  ['glossary', 'glossary.html', (page) => page.locator('dl dt').first().waitFor()],
];

let b;
let page;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

/**
 * Serious and critical violations of axe on the page as it is, as readable
 * lines. Dark mode changes only colours, so there only the colour rules run
 * (each full run of axe costs ~2 s here: the file stays well under a minute).
 * @param {{colours?: boolean, within?: string}} [options] within: a selector, else the whole document
 */
async function axeViolations({ colours = false, within } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  // A scheme change fades the drop zone's background: axe would read a colour half way.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const violations = await page.evaluate(async ({ colours, within }) => {
    const options = { resultTypes: ['violations'], ...(colours ? { runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } } : {}) };
    // @ts-ignore: axe-core, evaluated above
    const result = await window.axe.run(within ? { include: [[within]] } : document, options);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, { colours, within });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(', ')}`);
}

async function scheme(name) {
  await page.emulateMedia({ colorScheme: name });
  await page.waitForFunction((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, name === 'dark');
}

async function showView(key) {
  await page.locator(`.view-tabs [role="tab"][data-view="${key}"]`).click();
  const panel = key === 'statement' ? 'section.currency[data-currency="USD"]' : `section.view-panel[data-currency="USD"][data-view="${key}"]`;
  await page.locator(`${panel}:not([hidden]) h2`).waitFor();
}

test('axe: no serious or critical violation on any view, the drill dialog, the mapping panel, the lab or the glossary, light and dark', { timeout: 120_000 }, async () => {
  page = await b.openPage();
  await page.locator('#example-select').selectOption('sales-pipeline.csv');
  await page.locator('#example-button').click();
  await settled(page);
  // By year, split by region: every kind of table and chart of each view (its segments too), in few cells.
  await page.locator('#period').selectOption('year');
  await settled(page);
  await page.locator('#split-by').selectOption('region');
  await settled(page);
  const found = [];
  const keys = VIEWS.map((v) => v.key);
  assert.ok(keys.length >= 8, `views: ${keys.join(', ')}`);
  for (const s of SCHEMES) {
    await scheme(s);
    for (const key of keys) {
      await showView(key);
      // The whole page with the first view; then the report only, the rest of the page being the same.
      const within = key === keys[0] ? undefined : '#report';
      for (const line of await axeViolations({ colours: s === 'dark', within })) found.push(`${s} ${key}: ${line}`);
    }
  }
  for (const [name, path, open] of SCREENS) {
    if (path) await b.openPage(path);
    for (const s of SCHEMES) {
      await scheme(s);
      if (s === 'light' || path === '') await open(page);   // a page's screen stays open across the scheme change
      for (const line of await axeViolations({ colours: s === 'dark' })) found.push(`${s} ${name}: ${line}`);
    }
  }
  assert.deepEqual(found, []);
});

/** The WCAG contrast ratio of two CSS colours as computed (rgb(), rgba() or color(srgb ...)). */
function contrast(a, b) {
  const channels = (css) => {
    const numbers = css.match(/[\d.]+/g)?.map(Number) ?? [];
    return css.startsWith('color(') ? numbers.slice(0, 3) : numbers.slice(0, 3).map((n) => n / 255);
  };
  const luminance = (css) => {
    const [r, g, bl] = channels(css).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

test('the heat maps\' text (waterfall and cohorts, steps 1 to 6) is at least 4.5:1 on its cell, light and dark', { timeout: 60_000 }, async () => {
  for (const s of SCHEMES) {
    await scheme(s);
    await b.openPage();   // a fresh page for each scheme: the colours are the scheme's from the first paint
    await page.locator('#example-select').selectOption('sales-pipeline.csv');
    await page.locator('#example-button').click();
    await settled(page);
    const steps = new Set();
    for (const key of ['waterfall', 'recurring']) {
      await showView(key);
      const cells = await page.locator(`section.view-panel[data-view="${key}"]:not([hidden]) table.heat td[class*="heat-"]`).evaluateAll((tds) => tds
        .filter((td) => td.textContent?.trim())
        .map((td) => ({
          step: /heat-(\d)/.exec(td.className)?.[1],
          text: td.textContent,
          background: getComputedStyle(td).backgroundColor,
          color: getComputedStyle(td.querySelector('button') ?? td).color,
        })));
      for (const cell of cells) {
        steps.add(cell.step);
        const ratio = contrast(cell.color, cell.background);
        assert.ok(ratio >= 4.5, `${s} ${key} heat-${cell.step} "${cell.text}": ${cell.color} on ${cell.background} is ${ratio.toFixed(2)}:1`);
      }
    }
    assert.deepEqual([...steps].sort(), ['1', '2', '3', '4', '5', '6'], `${s}: every heat step is on show`);
    await showView('waterfall');
    await shot(page, `a11y-waterfall-${s}`, { fullPage: false });
  }
  await scheme('light');
});

test('each "Save PNG" and "Export CSV" button\'s accessible name holds its visible words', { timeout: 60_000 }, async () => {
  for (const key of ['statement', 'forward', 'recurring']) {
    await showView(key);
    for (const words of ['Save PNG', 'Export CSV']) {
      const visible = await page.locator('button:visible', { hasText: words }).count();
      // getByRole matches the accessible name as the browser computes it (aria-label over the text).
      const named = await page.getByRole('button', { name: words }).filter({ visible: true }).count();
      assert.equal(named, visible, `${key}: ${visible} buttons say "${words}", ${named} are named so`);
      if (key !== 'statement' || words === 'Save PNG') assert.ok(visible > 0, `${key}: no "${words}" button on show`);
    }
  }
});

test('Enter on "Try an example" puts focus at the start of the report, not on the body', { timeout: 60_000 }, async () => {
  page = await b.openPage();
  await page.locator('#example-button').focus();
  await page.keyboard.press('Enter');
  await settled(page);
  const focus = await page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a?.tagName, id: a?.id, inReport: !!a?.closest('#results'), visible: !!a && a.getClientRects().length > 0 };
  });
  assert.notEqual(focus.tag, 'BODY', 'focus dropped to the body');
  assert.ok(focus.inReport && focus.visible, `focus is on ${focus.tag}#${focus.id}, not in the report on show`);
  // Not ahead of the report: the next Tab goes on from there into the report's own controls.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('#results')), 'Tab from there leaves the report');
});

test('the keyboard reaches the first chart in few tab stops: the statement is one, its labels reached by the arrows', { timeout: 60_000 }, async () => {
  // From the top of the page (its first link), Tab by Tab to the first chart's button.
  await page.locator('.site-nav a').first().focus();
  const stops = ['site-nav'];
  let where = '';
  while (where !== 'chart' && stops.length < 120) {
    await page.keyboard.press('Tab');
    where = await page.evaluate(() => {
      const a = /** @type {HTMLElement} */ (document.activeElement);
      if (a.closest('.charts')) return 'chart';
      if (a.closest('table.statement')) return 'statement';
      return a.closest('#report') ? 'report' : a.id || a.tagName;
    });
    stops.push(where);
  }
  assert.equal(where, 'chart', `Tab never reached a chart: ${stops.join(' ')}`);
  assert.equal(stops.filter((s) => s === 'statement').length, 1, `the statement is not one tab stop: ${stops.join(' ')}`);
  // Before: 45 label stops in the statement alone. The page's own controls are the rest (a date input is 3 stops).
  assert.ok(stops.length <= 40, `${stops.length} tab stops to the first chart: ${stops.join(' ')}`);
  // Shift+Tab back into the statement, then the arrows: left of a figure is its row's label, with its definition.
  await page.keyboard.press('Shift+Tab');
  const figure = await page.evaluate(() => document.activeElement?.matches('td[data-drill]'));
  assert.ok(figure, 'the statement\'s tab stop is a figure');
  await page.keyboard.press('Home');
  const label = await page.evaluate(() => ({ help: document.activeElement?.getAttribute('data-help'), text: document.activeElement?.textContent }));
  assert.ok(label.help, `Home went to ${label.text}, not to a row's label`);
  await page.locator('#metric-tip').waitFor({ state: 'visible' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.evaluate(() => document.activeElement?.matches('table.statement td')), 'ArrowRight from a label goes to a figure');
  await shot(page, 'a11y-statement-grid-focus', { fullPage: false });
  // The tab stop stays where the arrows left it: Tab leaves, Shift+Tab comes back to the same cell.
  const cell = await page.evaluate(() => document.activeElement?.getAttribute('data-period') + '|' + document.activeElement?.parentElement?.getAttribute('data-metric'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-period') + '|' + document.activeElement?.parentElement?.getAttribute('data-metric')), cell);
});

test('no request left the page origin, and no error or CSP violation was reported', () => {
  assert.deepEqual(b.foreignRequests(), []);
  assert.deepEqual(b.errors, []);
});
