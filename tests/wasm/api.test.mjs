// The engine's JavaScript API (web/dist-engine/bbb-engine.mjs, assembled by
// `npm run build:engine`) in Node: the same JSON as the CLI byte for byte,
// every kind of input it takes, errors as data, and every report it gives
// valid against the published schema (docs/report.schema.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Ajv2020 from 'ajv/dist/2020.js';
import { examplesDir, repo } from './engine.mjs';

const apiDir = join(repo, 'web/dist-engine');
const cli = process.env.BBB_CLI ?? join(repo, 'build/native-release/bbb');
const skipCli = existsSync(cli) || process.env.BBB_REQUIRE_CLI === '1' ? false : `${cli} is not built`;
const { createEngine, CHUNK_BYTES, feedFile, FEEDING_ORDER } = await import(join(apiDir, 'bbb-engine.mjs'));
const engine = await createEngine();
const schema = JSON.parse(readFileSync(join(repo, 'docs/report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function assertValid(report, what) {
  const ok = validate(report);
  assert.ok(ok, `${what}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
}

const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.csv')).sort();

test('the API reads each example and gives the CLI\'s JSON byte for byte', { skip: skipCli }, async () => {
  for (const name of examples) {
    const run = spawnSync(cli, ['report', `examples/${name}`, '--as-of', '2026-09-30', '--period', 'quarter'],
      { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(run.status, 0, run.stderr);
    const result = await engine.analyse({ contracts: readFileSync(join(examplesDir, name)), names: { contracts: name } },
      { as_of: '2026-09-30' }, { period: 'quarter' });
    assert.ok(result.ok, JSON.stringify(result.error));
    assert.equal(result.text, run.stdout.trim(), name);
    assert.deepEqual(result.report, JSON.parse(run.stdout));
  }
});

test('a string, bytes, a Blob, a web stream and a Node stream give the same report', async () => {
  const text = readFileSync(join(examplesDir, 'worked-examples.csv'), 'utf8');
  const bytes = new TextEncoder().encode(text);
  const expected = (await engine.analyse({ contracts: text, names: { contracts: 'w.csv' } })).text;
  const inputs = {
    bytes,
    arrayBuffer: bytes.buffer.slice(0),
    blob: new Blob([bytes]),
    webStream: new Blob([bytes]).stream(),
    nodeStream: Readable.from([bytes.subarray(0, 7), bytes.subarray(7, 100), bytes.subarray(100)]),
  };
  for (const [kind, input] of Object.entries(inputs)) {
    const r = await engine.analyse({ contracts: input, names: { contracts: 'w.csv' } });
    assert.equal(r.text, expected, kind);
  }
});

test('a session: files in any chunking, reports for several settings without reading again', () => {
  const contracts = readFileSync(join(examplesDir, 'ex2-billed-monthly.csv'));
  const session = engine.session({ as_of: '2023-12-31' });
  assert.deepEqual(session.begin('contracts', 'ex2.csv'), { ok: true });
  for (let at = 0; at < contracts.length; at += 13) session.feed(contracts.subarray(at, at + 13));
  const end = session.end();
  assert.equal(end.ok, true);
  assert.equal(end.file.rows.accepted, 1);
  const months = session.report({});
  const years = session.report({ period: 'year' });
  assert.equal(months.report.currencies.USD.total.bookings, years.report.currencies.USD.total.bookings);
  assert.equal(years.report.currencies.USD.periods.length, 4);   // 2022..2025
  session.close();
  assert.equal(CHUNK_BYTES, 1 << 20);
});

test('feedFile, the one feeding loop: pieces with progress, a limit, a stop, the same report as analyse', async () => {
  const bytes = readFileSync(join(examplesDir, 'worked-examples.csv'));
  assert.deepEqual(FEEDING_ORDER, ['invoices', 'fulfilment', 'contracts']);
  const session = engine.session({});
  const progress = [];
  const ended = await feedFile(session, 'contracts', 'w.csv', bytes, { chunkBytes: 1000, onProgress: (p) => progress.push(p) });
  assert.equal(ended.ok, true);
  assert.equal(progress.length, Math.ceil(bytes.length / 1000));
  assert.deepEqual(progress.map((p) => p.bytesRead), progress.map((_, i) => Math.min(bytes.length, (i + 1) * 1000)));
  assert.ok(progress.every((p, i) => p.bytesTotal === bytes.length && p.heapBytes > 0 && (i === 0 || p.rowsRead >= progress[i - 1].rowsRead)));
  const text = session.report({}).text;
  session.close();
  assert.equal(text, (await engine.analyse({ contracts: bytes, names: { contracts: 'w.csv' } })).text);
  // A limit reads the first bytes only, of a Blob or a stream alike.
  for (const input of [new Blob([bytes]), new Blob([bytes]).stream()]) {
    const preview = engine.session({});
    const read = [];
    await feedFile(preview, 'contracts', 'w.csv', input, { chunkBytes: 1000, limit: 2500, onProgress: (p) => read.push(p.bytesRead) });
    assert.deepEqual(read, [1000, 2000, 2500]);
    preview.close();
  }
  // A signal stops the read before its next piece, with its reason.
  const stop = new AbortController();
  const stopped = engine.session({});
  let pieces = 0;
  await assert.rejects(feedFile(stopped, 'contracts', 'w.csv', bytes, { chunkBytes: 100, signal: stop.signal,
    onProgress: () => { if (++pieces === 3) stop.abort(new Error('stopped by the caller')); } }), /stopped by the caller/);
  assert.equal(pieces, 3);
  stopped.close();
  // begin()'s refusal is the reply.
  const wrong = engine.session({});
  assert.equal((await feedFile(wrong, 'nonsense', 'x.csv', 'a')).error.code, 'bad_kind');
  wrong.close();
});

test('errors come back as data, never thrown', async () => {
  const bad = await engine.analyse({ contracts: 'id,amount\nA,1\n' });
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.error, { code: 'missing_column',
    message: 'contracts.csv: no column for booking_date (the header has 2 columns: id, amount); name the column in the mapping settings, ' +
      'or pick the system that exported the file (the source setting: salesforce_opportunities, hubspot_deals, stripe_invoices...; ' +
      'an unknown name lists them all)' });
  const settings = await engine.analyse({ contracts: 'id,booking_date,amount\n' }, { proration: 'weekly' });
  assert.deepEqual(settings, { ok: false, error: { code: 'bad_settings', message: "setting 'proration' must be monthly or daily" } });
  const none = await engine.analyse({});
  assert.equal(none.error.code, 'no_contracts');
});

test('every report validates against docs/report.schema.json (v1)', async () => {
  const runs = [
    [{}, {}],
    [{ as_of: '2026-09-30', waterfall: true, split_by: 'region' }, { period: 'quarter', top: 2 }],
    [{ as_of: '2026-09-30', drill: { currency: 'USD', metric: 'pipeline_open', age: '181+', from: '2026-01-01', to: '2026-01-31' } }, {}],
    [{ waterfall: true, drill: { currency: 'USD', metric: 'waterfall_billed', from: '2025-01-01', to: '2025-12-31', not_billed: true } },
      { from: '2025-04-01', to: '2026-03-31', period: 'year', fiscal_start: 4 }],
  ];
  let validated = 0;
  for (const name of examples) {
    for (const [read, report] of runs) {
      if (read.split_by && !/region/.test(readFileSync(join(examplesDir, name), 'utf8').split('\n')[0])) continue;
      const r = await engine.analyse({ contracts: readFileSync(join(examplesDir, name)) }, read, report);
      assert.ok(r.ok, `${name}: ${JSON.stringify(r.error)}`);
      assertValid(r.report, `${name} ${JSON.stringify(read)}`);
      validated++;
    }
  }
  // Rejected rows, warnings, several currencies and an invoices file.
  const messy = await engine.analyse({
    invoices: 'id,invoice_date,amount\nA,2024-02-01,50.00\nZ,2024-02-01,1.00\n',
    contracts: 'id,booking_date,amount,currency\nA,2024-01-01,100.00,USD\nB,2024-01-02,abc,EUR\nC,2024-01-03,5,JPY\nA,2024-01-04,1.00,USD\n',
  });
  assertValid(messy.report, 'rejected rows');
  assert.ok(messy.report.issues.length >= 3);
  assert.ok(validated >= examples.length * 3);
  // The schema is strict: an unknown field or a float amount fails.
  const broken = structuredClone(messy.report);
  broken.currencies.USD.periods[0].bookings = 1.5;
  assert.equal(validate(broken), false);
});

test('the engine gives its vocabulary, and reads every billing, recognition and status word it names', async () => {
  const v = engine.vocabulary;
  assert.deepEqual(Object.keys(v).sort(), ['billing', 'drill_metrics', 'period', 'proration', 'recognition', 'status']);
  assert.ok(v.billing.includes('semiannual-arrears') && v.billing.includes('annual-arrears'));
  assert.ok(v.drill_metrics.includes('revenue') && v.drill_metrics.includes('pipeline_open'));
  const rows = ['id,booking_date,amount,currency,start_date,term_months,billing,recognition,status'];
  let n = 0;
  for (const billing of v.billing) rows.push(`b${++n},2024-01-01,1200.00,USD,2024-01-01,12,${billing},ratable,booked`);
  for (const recognition of v.recognition) rows.push(`r${++n},2024-01-01,1200.00,USD,2024-01-01,12,upfront,${recognition},booked`);
  for (const status of v.status) rows.push(`s${++n},2024-01-01,1200.00,USD,2024-01-01,12,upfront,ratable,${status}`);
  const result = await engine.analyse({ contracts: rows.join('\n') + '\n' });
  assert.ok(result.ok, JSON.stringify(result.error));
  const unknown = result.report.issues.filter((i) => /unknown_(billing|recognition|status)/.test(i.code));
  assert.deepEqual(unknown, []);
});
