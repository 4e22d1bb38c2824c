// A malformed percent-encoding (a hand-cut link: glossary.html#%E0%A4%A)
// gives the fallback instead of throwing a URIError (safe_decode.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeOr } from '../../web/src/safe_decode.js';

test('a malformed escape gives the fallback; a good one decodes', () => {
  for (const bad of ['%E0%A4%A', '%', '%zz', 'a%E0b', '%C0%80x']) assert.equal(decodeOr(bad, ''), '', bad);
  assert.equal(decodeOr('%E0%A4%A', 'raw'), 'raw');
  assert.equal(decodeOr('deferred%5Frevenue%5Fend', ''), 'deferred_revenue_end');
  assert.equal(decodeOr('%E0%A4%A4', ''), 'त');
  assert.equal(decodeOr('', 'x'), '');
});
