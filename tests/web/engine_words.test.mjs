// The few choices the pages write in their HTML (period, proration) and
// the words the page says of them are the engine's words (its vocabulary,
// engine_vocabulary.json, which tests/wasm/vocabulary.test.mjs keeps equal
// to the built engine's): a word the engine drops or renames fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { keptText } from '../../web/src/report_controls.js';

const vocabulary = JSON.parse(readFileSync(new URL('./engine_vocabulary.json', import.meta.url), 'utf8'));
const html = (name) => readFileSync(new URL(`../../web/${name}`, import.meta.url), 'utf8');

/** The option values of the <select id="..."> of a page. */
function optionsOf(page, id) {
  const select = new RegExp(`<select id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(page);
  assert.ok(select, `no select #${id}`);
  return [...select[1].matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
}

test('the report page offers the engine\'s periods and prorations, all of them', () => {
  const page = html('index.html');
  assert.deepEqual(optionsOf(page, 'period'), vocabulary.period);
  assert.deepEqual(optionsOf(page, 'proration'), vocabulary.proration);
});

test('the lab offers engine words only (a month or quarter table)', () => {
  const page = html('lab.html');
  for (const value of optionsOf(page, 'lab-period')) assert.ok(vocabulary.period.includes(value), value);
  assert.deepEqual(optionsOf(page, 'lab-proration'), vocabulary.proration);
});

test('each period the engine knows has its word in "Kept the ... report"', () => {
  for (const period of vocabulary.period) assert.match(keptText(period, 'why'), /^Kept the \w+ly report: why$/, period);
});
