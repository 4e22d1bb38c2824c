import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forgetChoices, headerKey, recallChoices, rememberChoices } from '../../web/src/mapping_memory.js';
import { describeDateOrder, missingRequired, REQUIRED } from '../../web/src/mapping_panel.js';
import { readmeTitles, listExamples } from '../../web/examples_manifest.js';
import { rejectedValueTexts } from '../../web/src/issues_view.js';

function memoryStorage() {
  const map = new Map();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, String(v)), removeItem: (k) => map.delete(k), map };
}

test('choices are remembered per header, in order', () => {
  const storage = /** @type {any} */ (memoryStorage());
  rememberChoices(['TCV', 'Close'], { mapping: { amount: 'TCV' }, date_order: 'dmy' }, storage);
  assert.deepEqual(recallChoices(['TCV', 'Close'], storage), { mapping: { amount: 'TCV' }, date_order: 'dmy' });
  assert.equal(recallChoices(['Close', 'TCV'], storage), null);
  assert.notEqual(headerKey(['a,b']), headerKey(['a', 'b']));
  forgetChoices(['TCV', 'Close'], storage);
  assert.equal(recallChoices(['TCV', 'Close'], storage), null);
  storage.setItem(headerKey(['x']), 'not json');
  assert.equal(recallChoices(['x'], storage), null);
  assert.equal(recallChoices(['x'], null), null);
});

test('required fields without a column are named', () => {
  assert.deepEqual(REQUIRED, ['booking_date', 'amount']);  // no id column: each row is a line (spec 11)
  assert.deepEqual(missingRequired({ mapping: { id: 'ID', amount: 'TCV' } }), ['booking_date']);
  assert.deepEqual(missingRequired({}), ['booking_date', 'amount']);
  assert.equal(describeDateOrder({ order: 'dmy', source: 'assumed' }), 'day/month/year (assumed: every date was ambiguous)');
});

test('each date notation the engine reports is labelled as written', () => {
  assert.equal(describeDateOrder({ order: 'mdy', source: 'iso' }), 'year-month-day (YYYY-MM-DD)');
  assert.equal(describeDateOrder({ order: 'mdy', source: 'iso' }, true), 'year-month-day (date cells, or YYYY-MM-DD)');
  assert.equal(describeDateOrder({ order: 'dmy', source: 'dots' }), 'day.month.year (DD.MM.YYYY)');
  assert.equal(describeDateOrder({ order: 'mdy', source: 'detected' }), 'month/day/year (detected from the values)');
  assert.equal(describeDateOrder({ order: 'dmy', source: 'assumed' }), 'day/month/year (assumed: every date was ambiguous)');
  assert.equal(describeDateOrder({ order: 'mdy', source: 'empty' }), 'no dates in the first rows');
});

test('example titles come from the examples README table', () => {
  assert.deepEqual(readmeTitles('| file | what |\n| --- | --- |\n| `a.csv` | one `x` thing | more |\n| `set/` | a set | |\n'),
    { 'a.csv': 'one x thing', set: 'a set' });
  const sets = listExamples(new URL('../../examples', import.meta.url).pathname);
  assert.ok(sets.some((s) => s.id === 'worked-examples.csv' && s.files[0].kind === 'contracts'));
  assert.ok(sets.every((s) => s.title.length > 0));
});

test('rejected value per currency uses the report digits, else says minor units', () => {
  assert.deepEqual(rejectedValueTexts({ USD: 12345, KWD: 5 }, { USD: { minor_digits: 2 } }), ['USD 123.45', 'KWD 5 (minor units)']);
  assert.deepEqual(rejectedValueTexts({ KWD: 5 }, {}, { KWD: 3 }), ['KWD 0.005']);
});

test('the source profile the engine chose is said in one sentence, and not for the generic shape', async () => {
  const { sourceSentence } = await import('../../web/src/mapping_panel.js');
  assert.equal(sourceSentence({ profile: 'hubspot_deals', name: 'HubSpot deals export', reason: 'the header has Record ID, Deal Name and Deal Stage' }),
    'Read as a HubSpot deals export — the header has Record ID, Deal Name and Deal Stage');
  assert.equal(sourceSentence({ profile: 'generic', name: 'contract lines', reason: 'x' }), '');
  assert.equal(sourceSentence(undefined), '');
});
