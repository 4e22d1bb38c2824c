// The Changes view's model on the engine's comparison of the hand-worked
// case (tests/cases/compare_two_exports, whose figures are worked by hand in
// its expected.json): text as a reader sees it, the default currency first,
// the CSV of a category's lines formula-safe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { changeCurrencies, changeNotes, changeRows, changeRowsCsv, changeSummary } from '../../web/src/views/changes_model.js';

const changes = JSON.parse(readFileSync(new URL('../cases/compare_two_exports/golden/report.json', import.meta.url), 'utf8'));

test('the default currency comes first, then the engine order', () => {
  assert.deepEqual(changeCurrencies(changes, 'USD'), ['USD', 'EUR']);
  assert.deepEqual(changeCurrencies(changes, 'GBP'), ['EUR', 'USD']);
});

test('the summary of a currency: each category, and the two exports it bridges', () => {
  const s = changeSummary(changes, 'USD');
  const byKind = Object.fromEntries(s.rows.map((r) => [r.kind, r]));
  assert.equal(byKind.added.count, '2');
  assert.equal(byKind.added.value, '2,100.00');
  assert.equal(byKind.won.value, '1,000.00');
  assert.equal(byKind.amount_changed.value, '450.00 (up 500.00, down -50.00)');
  assert.equal(byKind.slipped.label, 'Slipped (close date later)');
  assert.equal(s.before, '7 lines, USD 5,000.00');
  assert.equal(s.after, '8 lines, USD 7,250.00');
  assert.equal(s.unchanged, '1 line');
});

test('the rows of a category: each export\'s line side by side', () => {
  const { rows, note } = changeRows(changes, 'USD', 'slipped');
  assert.equal(note, '');
  assert.deepEqual(rows[0], { id: 'D3', customer: 'Gamma', before: 'open · 2024-03-31 · USD 2,000.00',
    after: 'open · 2024-04-30 · USD 2,500.00', value: '2,500.00', line: 'before 4, now 4' });
  const moved = changeRows(changes, 'USD', 'added').rows.find((r) => r.id === 'D7');
  assert.equal(moved.before, 'open · 2024-03-31 · EUR 900.00');
});

test('what could not be compared is said', () => {
  const notes = changeNotes(changes);
  assert.match(notes.join(' '), /1 row with no id/);
  assert.match(notes.join(' '), /uses 1 id on more than one row \(D9\)/);
});

test('a category\'s lines as CSV: raw decimals, a formula-like id neutralised', () => {
  const hostile = structuredClone(changes);
  hostile.currencies.USD.changes.removed.rows[0].id = '=HYPERLINK("x")';
  const csv = changeRowsCsv(hostile, 'USD', 'removed');
  const [header, line] = csv.split('\r\n');
  assert.match(header, /^currency,change,id,customer,before_line/);
  assert.equal(line, `USD,removed,"'=HYPERLINK(""x"")",Delta,5,open,2024-04-30,USD,300.00,,,,,,300.00`);
});
