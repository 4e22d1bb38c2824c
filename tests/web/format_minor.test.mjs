import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMinor, isZeroMinor } from '../../web/src/format_minor.js';

test('two minor digits, grouping', () => {
  assert.equal(formatMinor(1234567, 2), '12,345.67');
  assert.equal(formatMinor(1200000, 2), '12,000.00');
  assert.equal(formatMinor(875000000, 2), '8,750,000.00');
  assert.equal(formatMinor(100, 2), '1.00');
  assert.equal(formatMinor(99999, 2), '999.99');
  assert.equal(formatMinor(100000, 2), '1,000.00');
});

test('amounts smaller than one major unit are zero-padded', () => {
  assert.equal(formatMinor(0, 2), '0.00');
  assert.equal(formatMinor(5, 2), '0.05');
  assert.equal(formatMinor(50, 2), '0.50');
  assert.equal(formatMinor(7, 3), '0.007');
});

test('zero and three minor digits', () => {
  assert.equal(formatMinor(1234567, 0), '1,234,567');
  assert.equal(formatMinor(0, 0), '0');
  assert.equal(formatMinor(1234567, 3), '1,234.567');
});

test('negative amounts: parentheses by default, minus on request', () => {
  assert.equal(formatMinor(-1234567, 2), '(12,345.67)');
  assert.equal(formatMinor(-5, 2), '(0.05)');
  assert.equal(formatMinor(-1234567, 2, { negative: 'minus' }), '-12,345.67');
  assert.equal(formatMinor('-0', 2), '0.00');
});

test('the largest exact JS integer keeps every digit', () => {
  assert.equal(formatMinor(Number.MAX_SAFE_INTEGER, 2), '90,071,992,547,409.91');
  assert.equal(formatMinor(-Number.MAX_SAFE_INTEGER, 2), '(90,071,992,547,409.91)');
  assert.equal(formatMinor(123456789012345678901234567890n, 2), '1,234,567,890,123,456,789,012,345,678.90');
  assert.equal(formatMinor('000123', 2), '1.23');
});

test('separators can be changed', () => {
  assert.equal(formatMinor(1234567, 2, { group: '.', point: ',' }), '12.345,67');
  assert.equal(formatMinor(123456789, 2, { group: '\u202f' }), '1\u202f234\u202f567.89');
});

test('values that are not integers are shown as they are, never guessed', () => {
  assert.equal(formatMinor(12.5, 2), '12.5');
  assert.equal(formatMinor(2 ** 60, 2), String(2 ** 60));
  assert.equal(formatMinor('12.34', 2), '12.34');
  assert.equal(formatMinor(null, 2), 'null');
  assert.equal(formatMinor(100, -1), '100');
  assert.equal(formatMinor(100, 1.5), '100');
});

test('isZeroMinor', () => {
  assert.equal(isZeroMinor(0), true);
  assert.equal(isZeroMinor('-000'), true);
  assert.equal(isZeroMinor(1), false);
  assert.equal(isZeroMinor(0n), true);
  assert.equal(isZeroMinor(0.5), false);
});
