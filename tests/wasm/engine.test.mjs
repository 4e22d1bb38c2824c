// The wasm engine under node: chunking never changes a number, the spec's
// worked examples (METRICS.md §8) come out exact, and bad input is data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, periodOf, readExample, runSession } from './engine.mjs';

const MONTH = { period: 'month', fiscal_start: 1 };

test('the module loads and names its version', async () => {
  const M = await loadEngine();
  assert.equal(typeof M.version(), 'string');
  assert.ok(M.version().length > 0);
});

test('the report is the same text whatever the chunk size', { timeout: 300_000 }, async () => {
  const bytes = readExample();
  const whole = await runSession(bytes, { chunkSize: bytes.length || 1, reportSettings: MONTH });
  assert.equal(JSON.parse(whole.report).ok, true, whole.report.slice(0, 500));
  for (const chunkSize of [1, 7, 64 * 1024]) {
    const chunked = await runSession(bytes, { chunkSize, reportSettings: MONTH });
    assert.equal(chunked.end, whole.end, `end, chunks of ${chunkSize}`);
    assert.equal(chunked.report, whole.report, `report, chunks of ${chunkSize}`);
    // feed() counts rows read so far: never decreasing.
    for (let i = 1; i < chunked.rowsAfterFeed.length; i++) {
      assert.ok(chunked.rowsAfterFeed[i] >= chunked.rowsAfterFeed[i - 1], `rows went down at chunk ${i}`);
    }
  }
});

test('worked example 1: 12,000.00 annual prepaid (USD)', async () => {
  const { report: text } = await runSession(readExample(), { chunkSize: 7, reportSettings: MONTH });
  const { ok, report } = JSON.parse(text);
  assert.equal(ok, true);
  assert.equal(report.currencies.USD.minor_digits, 2);
  const jan = periodOf(report, 'USD', '2024-01');
  assert.ok(jan, 'no USD 2024-01 period');
  assert.equal(jan.start, '2024-01-01');
  assert.equal(jan.end, '2024-01-31');
  assert.equal(jan.bookings, 1200000);
  assert.equal(jan.billings, 1200000);
  assert.equal(jan.revenue, 100000);
  assert.equal(jan.deferred_revenue_end, 1100000);
  assert.equal(jan.backlog_end, 1100000);
  for (const month of ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']) {
    assert.equal(periodOf(report, 'USD', `2024-${month}`)?.revenue, 100000, `revenue 2024-${month}`);
  }
  const dec = periodOf(report, 'USD', '2024-12');
  assert.equal(dec.deferred_revenue_end, 0);
  assert.equal(dec.backlog_end, 0);
});

test('worked example 2: 9,000,000.00 over 36 months billed monthly (EUR)', async () => {
  const { report: text } = await runSession(readExample(), { chunkSize: 64 * 1024, reportSettings: MONTH });
  const { ok, report } = JSON.parse(text);
  assert.equal(ok, true);
  const jan = periodOf(report, 'EUR', '2022-01');
  assert.ok(jan, 'no EUR 2022-01 period');
  assert.equal(jan.bookings, 900000000);
  assert.equal(jan.backlog_end, 900000000);
  assert.equal(jan.billings, 0);
  const feb = periodOf(report, 'EUR', '2022-02');
  assert.equal(feb.billings, 25000000);
  assert.equal(feb.revenue, 25000000);
  assert.equal(feb.backlog_end, 875000000);
});

test('worked example 3: 100 undelivered orders of 500.00 (GBP)', async () => {
  const { report: text } = await runSession(readExample(), { chunkSize: 1, reportSettings: MONTH });
  const { ok, report } = JSON.parse(text);
  assert.equal(ok, true);
  const feb = periodOf(report, 'GBP', '2024-02');
  assert.ok(feb, 'no GBP 2024-02 period');
  assert.equal(feb.bookings, 5000000);
  assert.equal(feb.revenue, 0);
  assert.equal(feb.backlog_end, 5000000);
  assert.equal(feb.unscheduled_backlog_end, 5000000);
  assert.equal(feb.crpo_end, 0);
});

test('the identities of METRICS.md §4 hold in every period', async () => {
  const { report: text } = await runSession(readExample(), { reportSettings: MONTH });
  const { report } = JSON.parse(text);
  for (const [currency, { periods }] of Object.entries(report.currencies)) {
    let previous = null;
    for (const p of periods) {
      const where = `${currency} ${p.period}`;
      assert.equal(p.backlog_end, p.backlog_begin + p.bookings - p.revenue - p.cancellations, `roll-forward ${where}`);
      assert.equal(p.backlog_end, p.billed_backlog_end + p.unbilled_backlog_end, `billed split ${where}`);
      if (previous) {
        assert.equal(p.backlog_begin, previous.backlog_end, `continuity ${where}`);
        assert.equal(
          p.deferred_revenue_end - p.unbilled_receivable_end,
          previous.deferred_revenue_end - previous.unbilled_receivable_end + p.billings - p.revenue,
          `deferred roll-forward ${where}`);
      }
      previous = p;
    }
  }
});

test('bad input comes back as data, never as an exception', async () => {
  const junk = new Uint8Array(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 17) & 0xff;
  for (const chunkSize of [1, 1000, 4096]) {
    const run = await runSession(junk, { chunkSize, reportSettings: MONTH });
    for (const text of [run.end, run.report]) {
      const value = JSON.parse(text);
      assert.equal(typeof value.ok, 'boolean');
      if (!value.ok) assert.equal(typeof value.error?.code, 'string');
    }
    const report = JSON.parse(run.report);
    if (report.ok) {
      const { rows, issues } = report.report;
      assert.ok(issues.length > 0 || rows.rejected > 0 || rows.read === 0, 'junk was accepted without a word');
      assert.equal(rows.accepted, 0);
    }
  }
});

test('invalid settings are an error reply', async () => {
  const M = await loadEngine();
  const session = new M.Session('{}');
  try {
    const bad = JSON.parse(session.report('{not json'));
    assert.equal(bad.ok, false);
    assert.equal(typeof bad.error.code, 'string');
    const badPeriod = JSON.parse(session.report(JSON.stringify({ period: 'fortnight' })));
    assert.equal(badPeriod.ok, false);
    const badKind = JSON.parse(session.begin('nonsense', 'x.csv'));
    assert.equal(badKind.ok, false);
  } finally {
    session.delete();
  }
});
