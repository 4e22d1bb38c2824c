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

// Every view has something to show, in few cells (each axe run costs ~1 s of CPU per thousand
// elements): subscriptions (recurring, waterfall), orders delivered and not, open and lost deals,
// a cancellation, three regions to split by; as of 2025-09-30, by quarter.
const ALL_VIEWS_CSV = `id,customer,rep,region,type,status,created_date,booking_date,amount,currency,start_date,term_months,recognition,delivery_date,billing,cancel_date
S-1,Acme,Ana,NA,new,won,2024-11-01,2025-01-15,12000.00,USD,2025-01-15,12,ratable,,annual,
S-2,Acme,Ana,NA,expansion,won,2025-03-01,2025-04-01,6000.00,USD,2025-04-01,12,ratable,,quarterly,
S-3,Bolt,Ben,EMEA,new,won,2024-12-01,2025-02-01,24000.00,USD,2025-02-01,24,ratable,,monthly,
S-4,Cato,Ben,APAC,new,won,2025-02-01,2025-05-01,18000.00,USD,2025-05-01,12,ratable,,annual,2025-08-31
O-1,Bolt,Ana,EMEA,new,won,2025-01-10,2025-03-10,9000.00,USD,,,point,2025-06-30,on-delivery,
O-2,Gale,Ben,NA,new,won,2025-02-10,2025-07-01,4000.00,USD,,,point,,on-delivery,
P-1,Dune,Ana,APAC,new,open,2025-06-01,,30000.00,USD,,12,,,,
P-2,Echo,Ben,NA,expansion,open,2025-03-15,,15000.00,USD,,12,,,,
L-1,Fox,Ana,EMEA,new,lost,2025-01-20,2025-04-20,20000.00,USD,,,,,,
`;

let b;
let page;
before(async () => { b = await startBrowser(); });
after(async () => { await b?.close(); });

const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Serious and critical violations of axe on the page as it is, as readable
 * lines. `rules`: 'colours' (only the colour rules: all a scheme changes),
 * 'structure' (all but them), else all.
 * @param {{rules?: 'colours'|'structure'|'all', within?: string}} [options] within: a selector, else the whole document
 */
async function axeViolations({ rules = 'all', within } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  // A scheme change fades the drop zone's background: axe would read a colour half way.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const violations = await page.evaluate(async ({ rules, within, colourRules }) => {
    const options = { resultTypes: ['violations'] };
    if (rules === 'colours') options.runOnly = { type: 'rule', values: colourRules };
    if (rules === 'structure') options.rules = Object.fromEntries(colourRules.map((id) => [id, { enabled: false }]));
    // @ts-ignore: axe-core, evaluated above
    const result = await window.axe.run(within ? { include: [[within]] } : document, options);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, { rules, within, colourRules: COLOUR_RULES });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(', ')}`);
}

/** The tables on show that are not exactly one tab stop (grid_keys.js), as readable lines. */
async function tablesNotOneStop(where) {
  const counts = await page.locator('table:visible').evaluateAll((tables) => tables
    .filter((t) => !t.closest('#columns-body, #issues, #drill-body'))   // short lists of controls or lines, no labels to tab through
    .map((t) => ({ name: t.querySelector('caption')?.textContent ?? t.className, stops: [...t.querySelectorAll('*')].filter((e) => /** @type {HTMLElement} */ (e).tabIndex >= 0).length })));
  return counts.filter((c) => c.stops !== 1).map((c) => `${where}: the table "${c.name}" is ${c.stops} tab stops`);
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
  // Set before the first read (the settings are hidden until a file is read).
  await page.evaluate(() => {
    /** @type {HTMLInputElement} */ (document.getElementById('as-of')).value = '2025-09-30';
    /** @type {HTMLSelectElement} */ (document.getElementById('period')).value = 'quarter';
  });
  await page.locator('#file-input').setInputFiles({ name: 'all-views.csv', mimeType: 'text/csv', buffer: Buffer.from(ALL_VIEWS_CSV) });
  await settled(page);
  await page.locator('#split-by').selectOption('region');   // the segments view, and every view's segment tables
  await settled(page);
  const found = [];
  const keys = VIEWS.map((v) => v.key);
  assert.ok(keys.length >= 8, `views: ${keys.join(', ')}`);
  for (const s of SCHEMES) {
    await scheme(s);
    for (const key of keys) {
      await showView(key);   // drawn the first time it is shown (and again after a scheme change)
      if (s === 'dark') continue;
      if (await page.locator('#report :is(section.view-panel, section.currency):visible table').count() === 0) found.push(`${key} view: no table to check`);
      found.push(...await tablesNotOneStop(`${key} view`));
      // The whole page with the first view; then the report only, the rest of the page being the same.
      for (const line of await axeViolations({ rules: 'structure', within: key === keys[0] ? undefined : '#report' })) found.push(`${key}: ${line}`);
    }
    // The colours, of every view at once: the panels shown together, one axe run (each costs ~1 s of CPU).
    await page.evaluate(() => {
      for (const n of document.querySelectorAll('#report :is(section.view-panel, section.currency, .charts)')) /** @type {HTMLElement} */ (n).hidden = false;
    });
    for (const line of await axeViolations({ rules: 'colours' })) found.push(`${s} every view: ${line}`);
    await showView(keys[0]);
  }
  for (const [name, path, open] of SCREENS) {
    if (path) await b.openPage(path);
    for (const s of SCHEMES) {
      await scheme(s);
      if (s === 'light' || path === '') await open(page);   // a page's screen stays open across the scheme change
      if (s === 'light') found.push(...await tablesNotOneStop(name));
      for (const line of await axeViolations({ rules: s === 'dark' ? 'colours' : 'all' })) found.push(`${s} ${name}: ${line}`);
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
    page = await b.openPage();
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
  if (await page.locator('.view-tabs').count() === 0) {
    await page.locator('#example-select').selectOption('sales-pipeline.csv');
    await page.locator('#example-button').click();
    await settled(page);
  }
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
  // Before: 45 label stops in the statement alone. Now the page's own controls and the summary's cards are the rest (a date input is 3 stops).
  assert.ok(stops.length <= 50, `${stops.length} tab stops to the first chart: ${stops.join(' ')}`);
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
