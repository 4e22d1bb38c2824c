// LazyStatements: where each currency's statement goes is kept in order, the
// one on show is drawn at once and once, the others one a task after it,
// all of them before printing, and none of a report that is gone.
import test from 'node:test';
import assert from 'node:assert/strict';
import { LazyStatements } from '../../web/src/lazy_statements.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const drawn = [];
  const parent = { children: [], append(node) { this.children.push(node); } };
  const lazy = new LazyStatements((code, anchor) => drawn.push([code, anchor.code]), (code) => ({ code }));
  return { drawn, parent, lazy };
}

test('places an anchor for each currency, in order, and draws one once, in place of its own', () => {
  const { drawn, parent, lazy } = setup();
  lazy.place(parent, ['EUR', 'GBP', 'USD']);
  assert.deepEqual(parent.children.map((a) => a.code), ['EUR', 'GBP', 'USD']);
  lazy.draw('GBP');
  lazy.draw('GBP');
  lazy.draw('CHF');  // never placed
  assert.deepEqual(drawn, [['GBP', 'GBP']]);
  assert.deepEqual(lazy.waiting, ['EUR', 'USD']);
});

test('the rest are drawn in order, one a task', async () => {
  const { drawn, parent, lazy } = setup();
  lazy.place(parent, ['EUR', 'GBP', 'USD']);
  lazy.draw('USD');
  lazy.drawRestLater();
  assert.deepEqual(drawn.map(([c]) => c), ['USD'], 'nothing more in the same task');
  await tick();
  assert.deepEqual(drawn.map(([c]) => c), ['USD', 'EUR']);
  await tick();
  assert.deepEqual(drawn.map(([c]) => c), ['USD', 'EUR', 'GBP']);
  await tick();
  assert.deepEqual(lazy.waiting, []);
  assert.equal(drawn.length, 3);
});

test('drawAll draws every one left at once, as print needs', () => {
  const { drawn, parent, lazy } = setup();
  lazy.place(parent, ['EUR', 'GBP', 'USD']);
  lazy.draw('EUR');
  lazy.drawAll();
  assert.deepEqual(drawn.map(([c]) => c), ['EUR', 'GBP', 'USD']);
});

test('a report that is gone draws nothing more: forget, or the next report placed', async () => {
  const { drawn, parent, lazy } = setup();
  lazy.place(parent, ['EUR', 'GBP']);
  lazy.drawRestLater();
  lazy.forget();
  await tick();
  await tick();
  assert.deepEqual(drawn, []);
  lazy.place(parent, ['EUR', 'GBP']);
  lazy.drawRestLater();
  lazy.place(parent, ['USD']);  // a new report before the first's were drawn
  await tick();
  await tick();
  assert.deepEqual(drawn, []);
  lazy.draw('USD');
  assert.deepEqual(drawn, [['USD', 'USD']]);
});
