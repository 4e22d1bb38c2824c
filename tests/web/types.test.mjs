// Keeps wasm/bbb.d.ts and the page's JSDoc types under tsc (checkJs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

test('tsc accepts wasm/bbb.d.ts and web/src', { timeout: 120_000 }, () => {
  const run = spawnSync(process.execPath, [tsc, '-p', join(repo, 'web/jsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
