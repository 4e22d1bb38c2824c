// The report's settings in the address: written and read back, and read
// strictly (unknown keys, bad values, malformed escapes dropped, never an error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readUrlSettings, urlHash } from '../../web/src/url_state.js';

const VIEWS = ['statement', 'forward', 'pipeline'];

test('settings written to the fragment read back the same', () => {
  const settings = { period: 'quarter', fiscal_start: '7', from: '2024-01-01', to: '2025-12-31', as_of: '2024-12-31',
    top: '5', proration: 'daily', currency: 'EUR', split_by: 'Sales region & team', view: 'pipeline', tab: 'USD' };
  const hash = urlHash(settings);
  assert.match(hash, /^#period=quarter&fiscal_start=7&/);
  assert.deepEqual(readUrlSettings(hash, VIEWS), settings);
});

test('empty values are left out, and no settings make no fragment', () => {
  assert.equal(urlHash({ period: 'month', from: '', to: undefined }), '#period=month');
  assert.equal(urlHash({}), '');
});

test('what the page does not offer is dropped without a word', () => {
  const read = readUrlSettings('#period=decade&fiscal_start=13&from=2023-02-29&to=2024-02-29&top=0&proration=hourly' +
    '&currency=usd&view=secret&tab=EURO&constructor=1&__proto__=x&unknown=1&as_of=%E0%A4%A&split_by=%3Cimg%20src%3Dx%3E', VIEWS);
  // Only a real date and a column name (set as a select's value, never rendered) pass.
  assert.deepEqual(read, { to: '2024-02-29', split_by: '<img src=x>' });
  assert.deepEqual(readUrlSettings('#lab=abc', VIEWS), {});
  assert.deepEqual(readUrlSettings('', VIEWS), {});
  assert.deepEqual(readUrlSettings('#=&&==&period', VIEWS), {});
  assert.deepEqual(readUrlSettings('#period=year&period=month', VIEWS), { period: 'year' });
  assert.deepEqual(readUrlSettings('#' + 'x'.repeat(5000), VIEWS), {});
});
