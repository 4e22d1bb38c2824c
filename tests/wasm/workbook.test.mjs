// Workbooks (.xlsx) through the engine's JavaScript API in Node: the same
// JSON as the CLI byte for byte, as bytes and as a Blob, in any chunking;
// the files no reader reads refused in one sentence, as data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './engine.mjs';

const apiDir = join(repo, 'web/dist-engine');
const cli = process.env.BBB_CLI ?? join(repo, 'build/native-release/bbb');
const skipCli = existsSync(cli) || process.env.BBB_REQUIRE_CLI === '1' ? false : `${cli} is not built`;
const { createEngine, feedFile } = await import(join(apiDir, 'bbb-engine.mjs'));
const engine = await createEngine();
const fixtures = join(repo, 'tests/fixtures/xlsx');

function cliReport(file, args = []) {
  const run = spawnSync(cli, ['report', join(fixtures, file), '--as-of', '2024-06-30', ...args],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
  return run;
}

test('a workbook gives the CLI\'s JSON byte for byte, from bytes or a Blob, whichever sheet', { skip: skipCli }, async () => {
  for (const [file, sheet] of [['date1904.xlsx', ''], ['opportunities.xlsx', 'Opportunities']]) {
    const run = cliReport(file, sheet ? ['--sheet', sheet] : []);
    assert.equal(run.status, 0, run.stderr);
    const bytes = readFileSync(join(fixtures, file));
    for (const input of [bytes, new Blob([bytes])]) {
      const result = await engine.analyse({ contracts: input, names: { contracts: file }, sheets: { contracts: sheet } },
        { as_of: '2024-06-30' });
      assert.ok(result.ok, JSON.stringify(result.error));
      assert.equal(result.text, run.stdout.trim(), file);
    }
  }
});

test('a workbook fed in pieces of 1 byte to 64 KiB gives the same report', async () => {
  const bytes = readFileSync(join(fixtures, 'opportunities.xlsx'));
  let expected;
  for (const chunkBytes of [1, 7, 4096, 65536]) {
    const session = engine.session({ as_of: '2024-06-30' });
    const ended = await feedFile(session, 'contracts', 'opportunities.xlsx', bytes, { chunkBytes, sheet: 'Opportunities' });
    assert.ok(ended.ok && ended.file.readable, JSON.stringify(ended));
    assert.deepEqual(ended.file.workbook, { sheet: 'Opportunities', sheets: ['Summary', 'Opportunities'] });
    const text = session.report({}).text;
    session.close?.();
    expected ??= text;
    assert.equal(text, expected, `chunks of ${chunkBytes}`);
  }
  assert.match(expected, /"bookings":/);
});

test('the sheet a user names is read, and a sheet that is not there is a sentence', async () => {
  const bytes = readFileSync(join(fixtures, 'opportunities.xlsx'));
  const result = await engine.analyse({ contracts: bytes, names: { contracts: 'o.xlsx' }, sheets: { contracts: 'Nope' } });
  assert.equal(result.ok, false);
  assert.match(result.error.message, /the workbook has no sheet 'Nope' \(its sheets: Summary, Opportunities\)/);
});

test('an .xls, a password-protected workbook, a .numbers file and a damaged zip are each one sentence', async () => {
  const cases = [
    ['encrypted.xlsx', readFileSync(join(fixtures, 'encrypted.xlsx')), /password-protected workbook/],
    ['old.xls', Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(600)]), /Excel 97-2003 workbook \(\.xls\)/],
    ['numbers.numbers', readFileSync(join(fixtures, 'numbers.numbers')), /Apple Numbers/],
    ['cut.xlsx', readFileSync(join(fixtures, 'opportunities.xlsx')).subarray(0, 3000), /zip|damaged|cut short/],
  ];
  for (const [name, bytes, message] of cases) {
    const result = await engine.analyse({ contracts: bytes, names: { contracts: name } });
    assert.equal(result.ok, false, name);
    assert.match(result.error.message, message, name);
  }
});

test('a deflated part that does not inflate is a sentence, not an exception', async () => {
  const bytes = new Uint8Array(readFileSync(join(fixtures, 'opportunities.xlsx')));
  // Damage the middle of the first deflated entry's data (the first local header is at 0).
  const nameLength = bytes[26] | (bytes[27] << 8), extraLength = bytes[28] | (bytes[29] << 8);
  const data = 30 + nameLength + extraLength;
  for (let i = data; i < data + 40; i++) bytes[i] = 0xFF;
  const result = await engine.analyse({ contracts: bytes, names: { contracts: 'damaged.xlsx' } });
  assert.equal(result.ok, false);
  assert.match(result.error.message, /damaged|inflate/);
});
