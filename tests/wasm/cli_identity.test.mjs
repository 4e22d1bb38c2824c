// The native CLI and the wasm module give the same report, byte for byte
// (METRICS.md §9): wasm's envelope is {"ok":true,"report":<CLI stdout>}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { examplesDir, readExample, repo, runSession } from './engine.mjs';

const cli = process.env.BBB_CLI ?? join(repo, 'build/native-release/bbb');
const skip = existsSync(cli) ? false
  : `${cli} is not built (cmake --preset native-release && cmake --build --preset native-release)`;

const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => f.endsWith('.csv')).sort() : [];

for (const name of examples.length ? examples : ['worked-examples.csv']) {
  test(`CLI and wasm agree byte for byte on examples/${name}`, { skip }, async () => {
    // The same file name both ways, as the README runs it: from the repo root.
    const fileName = `examples/${name}`;
    const run = spawnSync(cli, ['report', fileName], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.ok(run.stdout.trim().length > 0, `no report on stdout (exit ${run.status}): ${run.stderr}`);
    const { report } = await runSession(readExample(name), { chunkSize: 64 * 1024, fileName });
    const stdout = run.stdout;
    assert.equal(report, '{"ok":true,"report":' + stdout.trim() + '}');
  });
}
