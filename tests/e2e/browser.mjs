// One headless Chromium and one static server per test file, shared by its
// tests: the built page (web/dist) served under a sub-path. Records every
// request (to prove nothing leaves the origin), page errors, console errors
// and Content-Security-Policy violations.
//
// Needs: npm run build:web (after the wasm build), /usr/bin/chromium.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './static_server.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = join(repo, 'web/dist');
export const SHOTS = process.env.BBB_SHOTS ?? '/tmp/bbb-shots';
const CHROMIUM = process.env.BBB_CHROMIUM ?? '/usr/bin/chromium';
const SUB_PATH = '/some/sub/path/';

/**
 * @typedef {{viewport?: {width: number, height: number}, acceptDownloads?: boolean, serviceWorkers?: 'allow'|'block'}} BrowserOptions
 *   serviceWorkers: 'block' (the default) keeps the site's offline worker out of the tests that
 *   route or count requests (a precached file never reaches the network); the offline test allows it
 */

/**
 * Debian's Chromium, headless, with a fresh profile (remove profileDir after).
 * @param {BrowserOptions} [options]
 */
export async function launchChromium(options = {}) {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'bbb-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1366, height: 768 },
    acceptDownloads: options.acceptDownloads ?? true,
    serviceWorkers: options.serviceWorkers ?? 'block',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return { context, profileDir };
}

/**
 * @param {BrowserOptions} [options]
 */
export async function startBrowser(options = {}) {
  assert.ok(existsSync(join(dist, 'index.html')), `${dist}/index.html is missing: run "npm run build:web" first`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  const server = await serveStatic(dist, SUB_PATH);
  const { context, profileDir } = await launchChromium(options);
  const state = {
    server, context, profileDir,
    /** Every URL the browser asked for, from any page or worker of the context. */
    requested: /** @type {string[]} */ ([]),
    /** Page errors, console errors and CSP violations. */
    errors: /** @type {string[]} */ ([]),
    /** Console errors that a test expects (matched and removed by the test). */
    expectedErrors: /** @type {RegExp[]} */ ([]),
    /** Route overrides: (url) => a fulfil object, or undefined to continue. */
    override: /** @type {((url: string) => any)|null} */ (null),
  };
  context.on('request', (request) => state.requested.push(request.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const replaced = state.override?.(url);
    if (replaced) return route.fulfill(replaced);
    if (url.startsWith(server.origin + '/')) return route.continue();
    return route.abort('blockedbyclient');   // anything aimed at another origin is recorded above and refused here
  });
  const watched = new WeakSet();

  /** The context's page, on a fresh document (a new worker, a new engine). */
  async function openPage(path = '') {
    const page = context.pages()[0] ?? await context.newPage();
    if (!watched.has(page)) {
      watched.add(page);
      page.on('pageerror', (err) => state.errors.push('pageerror: ' + String(err)));
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (state.expectedErrors.some((re) => re.test(text))) return;
        state.errors.push('console: ' + text);
      });
      await page.exposeBinding('__bbbCspViolation', (_source, text) => state.errors.push('csp: ' + text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          // @ts-ignore: the binding exposed above
          window.__bbbCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
    }
    await page.goto(server.url + path);
    return page;
  }

  async function close() {
    await context.close();
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }

  /** Requests that left the page's origin (must be none). */
  function foreignRequests() {
    return state.requested.filter((url) => !url.startsWith(server.origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:'));
  }

  return { ...state, state, openPage, close, foreignRequests };
}

/**
 * The page's workers whose self.name is `name` (create_worker.js names them
 * 'engine', 'reading' and 'reader'; their URLs are blob: URLs).
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function workersNamed(page, name) {
  const named = [];
  for (const worker of page.workers()) {
    if ((await worker.evaluate(() => self.name).catch(() => null)) === name) named.push(worker);
  }
  return named;
}

/** Waits for a report on the page. */
export async function waitForReport(page, timeout = 60_000) {
  await page.locator('#results[data-ready="true"] section.currency').first().waitFor({ timeout });
}

/** Waits until the page is done reading and, when given, a condition holds. */
export async function settled(page, fn, arg) {
  await page.waitForFunction(() => document.querySelector('#results')?.getAttribute('aria-busy') === 'false'
    && document.querySelector('#results')?.getAttribute('data-ready') === 'true', null, { timeout: 60_000 });
  if (fn) await page.waitForFunction(fn, arg, { timeout: 60_000 });
}

/** Text of the statement cell for one currency, metric and period label. */
export function cell(page, currency, metric, period) {
  return page
    .locator(`section.currency[data-currency="${currency}"] tr[data-metric="${metric}"] td[data-period="${period}"]`)
    .textContent();
}

/** A screenshot under SHOTS. */
export function shot(page, name, options = {}) {
  return page.screenshot({ path: join(SHOTS, name + '.png'), fullPage: true, ...options });
}

/**
 * Records a page's errors, console errors and CSP violations into `errors`
 * (for pages opened outside startBrowser: a host page, a file:// page).
 * @param {import('playwright-core').Page} page
 * @param {string[]} errors
 */
export async function watchPage(page, errors) {
  page.on('pageerror', (e) => errors.push('pageerror: ' + String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => console.error(`csp: ${e.violatedDirective} blocked ${e.blockedURI}`)));
}

/**
 * A temporary folder of files served under `prefix` (a page of someone
 * else's: an intranet host, an embedder's worker) and a fresh Chromium.
 * files: {name: text, or {copy: path}}. close() removes the folder too.
 * @param {Record<string, string | {copy: string}>} files
 * @param {string} prefix
 * @param {{redirects?: Record<string, string>}} [options] as serveStatic's
 */
export async function startHost(files, prefix, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bbb-host-'));
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'string') writeFileSync(join(dir, name), content);
    else copyFileSync(content.copy, join(dir, name));
  }
  const server = await serveStatic(dir, prefix, options);
  const { context, profileDir } = await launchChromium();
  /** @type {string[]} */
  const requested = [];
  context.on('request', (r) => requested.push(r.url()));
  return {
    dir, server, context, requested,
    /** Requests that left the host's origin (its own blob: and data: URLs aside). */
    foreignRequests: () => requested.filter((u) => !u.startsWith(server.origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:')),
    async close() {
      await context.close();
      await server.close();
      rmSync(profileDir, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the upload area again when a report has folded it into its line (upload_fold.js). */
export async function showFiles(page) {
  if (await page.locator('#files-input').isHidden() && await page.locator('#upload-change').isVisible()) await page.locator('#upload-change').click();
}

/**
 * Shows the report by month (a file of more than two years opens by quarter) and waits for it.
 * @param {string} title the title of a monthly column to wait for ("2024-01-01 to 2024-01-31")
 */
export async function byMonth(page, title) {
  if (await page.locator('#period').inputValue() !== 'month') await page.locator('#period').selectOption('month');
  await page.locator(`#results[data-ready="true"] section.currency th[title="${title}"]`).first().waitFor({ state: 'attached', timeout: 60_000 });
}
