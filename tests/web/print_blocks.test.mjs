// Which periods go on which printed page (web/src/print/print_blocks.js),
// against blocks worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnWidth, labelWidth, pageBlocks, textWidth } from '../../web/src/print/print_blocks.js';

test('a separator counts half a digit, a lower-case letter 0.8, a capital 1.2, a column its widest text and two of padding', () => {
  assert.equal(textWidth('1,234,567.89'), 10.5);   // 9 digits, 3 separators
  assert.ok(Math.abs(textWidth('Q1 total') - 7) < 1e-9);   // Q 1.2, 1 one; the space and "total": 6 x 0.8
  assert.equal(labelWidth(['LATAM']), 9);   // 6 ch, 2 of padding, 1 for bold
  assert.equal(columnWidth(['2024-01', '1,234,567.89', '0.00']), 13);   // ceil(10.5) + 2
  assert.equal(labelWidth(['Revenue', 'X'.repeat(60)]), 36);   // cut at 34, plus padding
});

test('60 months and a Total: a year a page when twelve fit, the Total on the last page', () => {
  // room 150 - 30 = 120; 120 / 9 = 13 fit; 12 fills 12/13 of the page: a year a page.
  // The Total (12) joins the last year: 12 x 9 + 12 = 120 fits.
  const widths = [...Array(60).fill(9), 12];
  assert.deepEqual(pageBlocks(widths, 30, 150, 'month'), [[0, 12], [12, 24], [24, 36], [36, 48], [48, 61]]);
  // A Total of 13 does not (121): a page of its own.
  widths[60] = 13;
  assert.deepEqual(pageBlocks(widths, 30, 150, 'month').slice(-2), [[48, 60], [60, 61]]);
});

test('a preferred size that would leave a quarter of the page empty is not used', () => {
  // room 100 - 34 = 66; 66 / 6 = 11 fit; 6 would fill 6/11 of it: 11 a page.
  const widths = Array(30).fill(6);
  assert.deepEqual(pageBlocks(widths, 34, 100, 'month'), [[0, 11], [11, 22], [22, 30]]);
  // Years have no preferred size: as many as fit.
  assert.deepEqual(pageBlocks(Array(5).fill(20), 20, 100, 'year'), [[0, 4], [4, 5]]);
});

test('a Total too wide to sit beside the last periods gets a page of its own', () => {
  // room 50 - 10 = 40; periods 10 wide: 4 fit; last block [4, 6) is 10 + 35 = 45 > 40.
  assert.deepEqual(pageBlocks([10, 10, 10, 10, 10, 35], 10, 50, 'year'), [[0, 4], [4, 5], [5, 6]]);
});

test('every column is in exactly one block, each block fits, at least one column a block', () => {
  for (const [count, width, label, page] of [[140, 14, 36, 141], [7, 200, 36, 141], [1, 5, 10, 50], [2000, 12, 30, 150]]) {
    const widths = Array.from({ length: count }, (_, i) => width + (i % 3));
    const blocks = pageBlocks(widths, label, page, 'quarter');
    assert.equal(blocks[0][0], 0);
    assert.equal(blocks.at(-1)[1], count);
    for (let i = 0; i < blocks.length; i++) {
      const [first, end] = blocks[i];
      assert.ok(end > first, `block ${i} is empty`);
      if (i > 0) assert.equal(first, blocks[i - 1][1], 'blocks follow each other');
      const total = widths.slice(first, end).reduce((a, b) => a + b, 0);
      assert.ok(end - first === 1 || total <= page - label, `block ${i} (${first}-${end}) is ${total} ch wide on ${page - label}`);
    }
  }
});
