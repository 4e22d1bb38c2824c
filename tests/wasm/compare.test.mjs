// `bbb compare` and the JS API's compare() give the same changes, byte for
// byte, on the hand-worked case and on the examples' pipeline against a
// changed copy of it; the API refuses what it cannot compare, as data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApiEngine, repo } from './engine.mjs';

const cli = process.env.BBB_CLI ?? join(repo, 'build/native-release/bbb');
const skip = existsSync(cli) || process.env.BBB_REQUIRE_CLI === '1' ? false : `${cli} is not built`;
const caseDir = join(repo, 'tests/cases/compare_two_exports');

/** The CLI's changes JSON for two paths, run in their folder (the CLI names files by base name). */
function cliChanges(dir, before, after, extra = []) {
  const run = spawnSync(cli, ['compare', before, after, ...extra], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

test('the hand-worked case: the CLI and the API agree byte for byte', { skip }, async () => {
  const engine = await loadApiEngine();
  const files = { before: readFileSync(join(caseDir, 'before.csv')), after: readFileSync(join(caseDir, 'after.csv')),
    names: { before: 'before.csv', after: 'after.csv' } };
  const reply = await engine.compare(files, {}, {});
  assert.ok(reply.ok, JSON.stringify(reply));
  assert.equal(reply.text, cliChanges(caseDir, 'before.csv', 'after.csv'));
  assert.equal(reply.changes.currencies.USD.changes.slipped.rows[0].id, 'D3');
});

test('the sales pipeline against a copy a week on: the CLI and the API agree byte for byte', { skip }, async () => {
  const engine = await loadApiEngine();
  const text = readFileSync(join(repo, 'examples/sales-pipeline.csv'), 'utf8');
  const lines = text.trimEnd().split('\n');
  // A week on: the last rows dropped, a row's amount doubled, a new deal.
  const header = lines[0].split(',');
  const amountAt = header.findIndex((h) => /amount/i.test(h));
  const changed = lines.slice(0, -3).map((line, i) => {
    if (i !== 5) return line;
    const cells = line.split(',');
    cells[amountAt] = String(Number(cells[amountAt]) * 2);
    return cells.join(',');
  });
  const dir = mkdtempSync(join(tmpdir(), 'bbb-compare-'));
  writeFileSync(join(dir, 'last-week.csv'), text);
  writeFileSync(join(dir, 'this-week.csv'), changed.join('\n') + '\n');
  const reply = await engine.compare({ before: text, after: changed.join('\n') + '\n',
    names: { before: 'last-week.csv', after: 'this-week.csv' } }, {}, { limit: 0 });
  assert.ok(reply.ok, JSON.stringify(reply));
  assert.equal(reply.text, cliChanges(dir, 'last-week.csv', 'this-week.csv', ['--limit', '0']));
  const removed = Object.values(reply.changes.currencies).reduce((n, c) => n + c.changes.removed.count, 0);
  assert.equal(removed, 3);
});

test('what cannot be compared is said as data', async () => {
  const engine = await loadApiEngine();
  const noAfter = await engine.compare({ before: 'id,booking_date,amount\nA,2024-01-31,1\n' }, {}, {});
  assert.equal(noAfter.ok, false);
  assert.equal(noAfter.error.code, 'no_file');
  const badSettings = await engine.compare({ before: 'id,booking_date,amount\nA,2024-01-31,1\n', after: 'id,booking_date,amount\n' }, {}, { limt: 1 });
  assert.equal(badSettings.ok, false);
  assert.equal(badSettings.error.code, 'bad_settings');
  const plain = [engine.session({}), engine.session({})];
  const refused = plain[0].compareWith(plain[1], {});
  assert.equal(refused.error.code, 'not_snapshot');
  plain.forEach((s) => s.close());
});
