// End-to-end: the engine's JavaScript API (web/dist-engine/, from `npm run
// build:engine`) in a browser module worker, as an embedder would use it:
// the report it gives for an example is the CLI's JSON, byte for byte.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repo, startHost } from './browser.mjs';

const engineDir = join(repo, 'web/dist-engine');
const cli = join(repo, 'build/native-release/bbb');
const WORKER = `
  import { createEngine } from './engine/bbb-engine.mjs';
  self.onmessage = async () => {
    const engine = await createEngine();
    const file = await (await fetch('sales-pipeline.csv')).blob();
    const r = await engine.analyse({ contracts: file, names: { contracts: 'sales-pipeline.csv' } },
      { as_of: '2026-09-30' }, { period: 'quarter' });
    self.postMessage(r.ok ? { text: r.text, version: engine.version } : { error: r.error });
  };`;
let host;

before(async () => {
  assert.ok(existsSync(join(engineDir, 'bbb-engine.mjs')), 'web/dist-engine is missing: run "npm run build:engine" first');
  host = await startHost({ 'worker.js': WORKER, 'sales-pipeline.csv': { copy: join(repo, 'examples/sales-pipeline.csv') },
    'index.html': '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>api</title>' }, '/api/');
  cpSync(engineDir, join(host.dir, 'engine'), { recursive: true });
});
after(async () => { await host?.close(); });

test('the JavaScript API in a browser worker gives the CLI\'s JSON', { timeout: 120_000 }, async () => {
  const page = await host.context.newPage();
  await page.goto(host.server.url);
  const reply = await page.evaluate(() => new Promise((resolve) => {
    const w = new Worker('worker.js', { type: 'module' });
    w.onmessage = (e) => resolve(e.data);
    w.onerror = (e) => resolve({ error: String(e.message) });
    w.postMessage('go');
  }));
  assert.equal(reply.error, undefined, JSON.stringify(reply.error));
  const run = spawnSync(cli, ['report', 'sales-pipeline.csv', '--as-of', '2026-09-30', '--period', 'quarter'],
    { cwd: host.dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(reply.text, run.stdout.trim());
  assert.match(reply.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(host.foreignRequests(), []);
});
