// The page side of the worker protocol, with a fake Worker: replies by id,
// progress, and the recovery from a failed worker (error event, engine
// abort, engine_failed reply, a cancel that does not stop in time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineClient } from '../../web/src/worker/engine_client.js';

class FakeWorker extends EventTarget {
  constructor() { super(); this.sent = []; this.terminated = false; }
  postMessage(message) { this.sent.push(message); }
  terminate() { this.terminated = true; }
  reply(data) { this.dispatchEvent(Object.assign(new Event('message'), { data })); }
}

function client(options = {}) {
  const workers = [];
  const engine = new EngineClient({ createWorker: () => { const w = new FakeWorker(); workers.push(w); return /** @type {any} */ (w); }, ...options });
  return { engine, workers };
}

test('replies are matched by id and progress goes to the caller', async () => {
  const { engine, workers } = client();
  const progress = [];
  const loading = engine.load({}, [], (p) => progress.push(p.bytesRead));
  const reporting = engine.report({ period: 'month' });
  const [w] = workers;
  assert.deepEqual(w.sent.map((m) => [m.id, m.type]), [[1, 'load'], [2, 'report']]);
  assert.equal(engine.reading, true);
  w.reply({ id: 1, type: 'progress', bytesRead: 10 });
  w.reply({ id: 2, ok: true, report: 'r' });
  w.reply({ id: 1, ok: true, file_summaries: [] });
  assert.deepEqual(await reporting, { id: 2, ok: true, report: 'r' });
  assert.equal((await loading).ok, true);
  assert.deepEqual(progress, [10]);
  assert.equal(engine.reading, false);
});

test('an engine abort fails the pending requests and the next request gets a fresh worker', async () => {
  const { engine, workers } = client();
  const restarts = [];
  engine.onRestart = (reason) => restarts.push(reason);
  const loading = engine.load({}, []);
  assert.equal(engine.generation, 1);
  workers[0].reply({ type: 'fatal', message: 'Aborted(OOM)' });
  const reply = await loading;
  assert.equal(reply.ok, false);
  assert.equal(reply.error.code, 'engine_failed');
  assert.match(reply.error.message, /ran out of memory/);
  assert.equal(workers[0].terminated, true);
  assert.equal(restarts.length, 1);
  assert.equal(engine.generation, 2, 'the session is gone before a new worker starts');
  const next = engine.report({});
  assert.equal(workers.length, 2);
  assert.equal(engine.generation, 3);
  workers[1].reply({ id: 2, ok: true });
  assert.equal((await next).ok, true);
});

test('a worker error event and an engine_failed reply both replace the worker', async () => {
  const { engine, workers } = client();
  const first = engine.load({}, []);
  workers[0].dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'Uncaught RuntimeError: unreachable' }));
  assert.equal((await first).error.code, 'worker_failed');
  assert.equal(workers[0].terminated, true);
  const second = engine.report({});
  workers[1].reply({ id: 2, ok: false, error: { code: 'engine_failed', message: 'The engine stopped: unreachable' } });
  assert.equal((await second).error.code, 'engine_failed');
  assert.equal(workers[1].terminated, true);
  engine.report({});
  assert.equal(workers.length, 3);
});

test('cancel asks the worker to stop, and terminates it when it does not answer in time', async () => {
  const { engine, workers } = client({ cancelGraceMs: 10 });
  const loading = engine.load({}, []);
  engine.cancel();
  assert.deepEqual(workers[0].sent.at(-1), { type: 'cancel' });
  const reply = await loading;
  assert.equal(reply.error.code, 'cancelled');
  assert.equal(workers[0].terminated, true);
});

test('a cancel the worker honours keeps the worker', async () => {
  const { engine, workers } = client({ cancelGraceMs: 10 });
  const loading = engine.load({}, []);
  engine.cancel();
  workers[0].reply({ id: 1, ok: false, error: { code: 'cancelled', message: 'Reading was cancelled.' } });
  assert.equal((await loading).error.code, 'cancelled');
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(workers[0].terminated, false);
});

test('a read asked for after a cancel (the next file) is not cut short by the cancel\'s grace time', async () => {
  const { engine, workers } = client({ cancelGraceMs: 10 });
  const loading = engine.load({}, []);
  engine.cancel();
  workers[0].reply({ id: 1, ok: false, error: { code: 'cancelled', message: 'Reading was cancelled.' } });
  assert.equal((await loading).error.code, 'cancelled');
  const next = engine.preview({}, /** @type {any} */ ({}));
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(workers[0].terminated, false, 'the worker reading the next file was terminated');
  workers[0].reply({ id: 2, ok: true, file: {} });
  assert.equal((await next).ok, true);
});

test('a workbook\'s sheet goes with its file: in a preview, and in each file entry of a load', async () => {
  const { engine, workers } = client();
  const file = /** @type {any} */ ({ name: 'deals.xlsx' });
  engine.preview({}, file, 'Deals');
  engine.preview({}, file);
  engine.load({}, [{ kind: 'contracts', file, sheet: 'Deals' }]);
  const [w] = workers;
  assert.equal(w.sent[0].sheet, 'Deals');
  assert.equal('sheet' in w.sent[1], false);
  assert.equal(w.sent[2].files[0].sheet, 'Deals');
});
