// The native CLI and the wasm module give the same report, byte for byte
// (METRICS.md §9): wasm's envelope is {"ok":true,"report":<CLI stdout>}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { examplesDir, readExample, repo, runSession } from './engine.mjs';

const cli = process.env.BBB_CLI ?? join(repo, 'build/native-release/bbb');
const missing = `${cli} is not built (cmake --preset native-release && cmake --build --preset native-release)`;
// BBB_REQUIRE_CLI=1 (for CI) turns the skip into a failure.
const required = process.env.BBB_REQUIRE_CLI === '1';
const skip = existsSync(cli) || required ? false : missing;

const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => f.endsWith('.csv')).sort() : [];

for (const name of examples.length ? examples : ['worked-examples.csv']) {
  test(`CLI and wasm agree byte for byte on examples/${name}`, { skip }, async () => {
    assert.ok(existsSync(cli), missing);
    // The same file name both ways, as the README runs it: from the repo root.
    const fileName = relative(repo, join(examplesDir, name));   // examples/<name>
    // The CLI's own as-of default (the last day of the data, before a pinned today), then the
    // same read settings given to a wasm session: a session reads as it is told, the CLI decides.
    const today = '2030-01-01';
    const run = spawnSync(cli, ['report', fileName, '--today', today], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.ok(run.stdout.trim().length > 0, `no report on stdout (exit ${run.status}): ${run.stderr}`);
    const asOf = JSON.parse(run.stdout).settings.as_of;
    // The CLI names a file by its base name, and so does the page (File.name).
    const { report } = await runSession(readExample(name),
      { chunkSize: 64 * 1024, fileName: name, readSettings: { as_of: asOf, today } });
    assertSameText(report, '{"ok":true,"report":' + run.stdout.trim() + '}');
  });
}

/** Equal strings, or a failure that shows where they part (not 100 kB of JSON). */
function assertSameText(actual, expected) {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (text) => JSON.stringify(text.slice(Math.max(0, i - 80), i + 80));
  assert.fail(`wasm and CLI differ at character ${i} (lengths ${actual.length} and ${expected.length}):\n` +
    `  wasm: ${around(actual)}\n  cli:  ${around(expected)}`);
}
