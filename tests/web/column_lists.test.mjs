// The bounded column lists of a wide header (column_lists.js): what a list
// shows, the notice, the search for any other column a slice at a time;
// and the storage key of a wide header (mapping_memory.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLUMN_LIST_LIMIT, findColumns, listedColumns, SUGGESTION_LIMIT, wideHeaderNotice } from '../../web/src/column_lists.js';
import { headerKey } from '../../web/src/mapping_memory.js';
import { splitColumns } from '../../web/src/views/split_columns.js';

const wide = (n) => ['id', 'booking_date', 'amount', ...Array.from({ length: n - 3 }, (_, i) => `extra_column_${i + 4}`)];

test('a list shows at most 500 columns: of a wider header, the mapped ones first, then the header in order, each once', () => {
  const header = wide(1_000_000);
  const listed = listedColumns(header, ['amount', null, 'extra_column_999999', '', 'amount']);
  assert.equal(COLUMN_LIST_LIMIT, 500);
  assert.equal(listed.length, 500);
  assert.deepEqual(listed.slice(0, 5), ['amount', 'extra_column_999999', 'id', 'booking_date', 'extra_column_4']);
  assert.equal(new Set(listed).size, 500);
  assert.deepEqual(listedColumns(['a', 'b', 'a'], ['b']), ['a', 'b'], 'a narrow header: all of it, in its order');
  assert.deepEqual(listedColumns(header, [], 3), ['id', 'booking_date', 'amount']);
  assert.deepEqual(listedColumns(header, ['extra_column_9'], 3), ['extra_column_9', 'id', 'booking_date']);
});

test('past 500 columns the panel says how many and how to pick another', () => {
  assert.equal(wideHeaderNotice(1_000_000), "This file has 1,000,000 columns; the lists show the first 500: type a column's name to pick another.");
  assert.equal(wideHeaderNotice(500), '');
  assert.equal(wideHeaderNotice(0), '');
});

test('a typed name finds its column among a million, a slice per task: the name, then those starting with it, then the rest', async () => {
  const header = wide(1_000_000);
  let pauses = 0;
  const pause = async () => { pauses++; };
  const found = await findColumns(header, 'extra_column_99999', { pause });
  assert.deepEqual(found.slice(0, 3), ['extra_column_99999', 'extra_column_999990', 'extra_column_999991']);
  assert.equal(found.length, 11);
  assert.equal(pauses, 49, 'one pause between each slice of 20,000');
  const holding = await findColumns(header, 'COLUMN_1234', { pause });
  assert.ok(holding.length === SUGGESTION_LIMIT && holding.every((n) => n.includes('column_1234')), holding.join(' '));
  assert.deepEqual(await findColumns(['net amount', 'Amount due', 'amount', 'x'], 'amount', { pause }), ['amount', 'Amount due', 'net amount']);
  assert.deepEqual(await findColumns(header, '', { pause }), header.slice(0, SUGGESTION_LIMIT));
  assert.deepEqual(await findColumns(header, 'nothing like it', { pause }), []);
});

test('a search is dropped when a newer one starts (its signal aborts)', async () => {
  const controller = new AbortController();
  let pauses = 0;
  const pause = async () => { if (++pauses === 3) controller.abort(); };
  assert.equal(await findColumns(wide(1_000_000), 'extra', { pause, signal: controller.signal }), null);
  assert.equal(pauses, 3, 'it stopped at the next slice');
});

test('a wide header is remembered under a short key that still tells headers apart', () => {
  const header = wide(1_000_000);
  const key = headerKey(header);
  assert.ok(key.length < 100, key);
  assert.equal(headerKey(wide(1_000_000)), key, 'the same names, the same key');
  const renamed = wide(1_000_000);
  renamed[500_000] = 'renamed';
  assert.notEqual(headerKey(renamed), key);
  assert.notEqual(headerKey([...Array(300).fill('x'), 'ab', 'c']), headerKey([...Array(300).fill('x'), 'a', 'bc']));
  assert.equal(headerKey(['a', 'b']), 'bbb:columns:["a","b"]', 'a narrow header keeps its key');
});

test('the split columns of a million dimensions come at once, the mapped ones after', () => {
  const dimensions = wide(1_000_000).slice(3);
  const t0 = performance.now();
  const columns = splitColumns({ dimensions, mapping: { customer: 'Account', type: 'extra_column_4', status: 'Account' } });
  assert.ok(performance.now() - t0 < 200, `${performance.now() - t0} ms`);
  assert.equal(columns.length, dimensions.length + 1);
  assert.equal(columns.at(-1), 'Account');
});
