// The worker protocol, driven in node with a fake engine module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngineHandler, parseEnvelope, CHUNK_BYTES } from '../../web/src/engine_handler.js';

/** A fake BbbModule that records what it was fed. */
function fakeModule(overrides = {}) {
  const log = { sessions: 0, deleted: 0, fed: [], begun: [], reports: [] };
  class Session {
    constructor(json) { this.settings = JSON.parse(json); log.sessions++; this.buffer = new Uint8Array(0); this.rows = 0; }
    begin(kind, name) { log.begun.push([kind, name]); return overrides.begin?.() ?? '{"ok":true}'; }
    inputBuffer(n) { this.buffer = new Uint8Array(n); return this.buffer; }
    feed(n) { log.fed.push(Buffer.from(this.buffer.subarray(0, n)).toString('latin1')); this.rows += 1; return this.rows; }
    end() { return JSON.stringify({ ok: true, file: { rows: { read: this.rows } } }); }
    report(json) {
      log.reports.push(JSON.parse(json));
      if (overrides.report) return overrides.report(json);
      return JSON.stringify({ ok: true, report: { rows: { read: this.rows }, currencies: {} } });
    }
    delete() { log.deleted++; }
  }
  return { module: { Session, version: () => '9.9.9' }, log };
}

function collector() {
  const messages = [];
  return { messages, post: (m) => messages.push(m) };
}

test('1 MiB chunks by default', () => {
  assert.equal(CHUNK_BYTES, 1024 * 1024);
});

test('a load reads the file in byte chunks, reports progress, then one reply', async () => {
  const { module, log } = fakeModule();
  let instantiations = 0;
  const handle = createEngineHandler(async () => { instantiations++; return module; }, { chunkBytes: 4 });
  const { messages, post } = collector();
  const file = new File([Buffer.from('abcdefghij')], 'c.csv');
  await handle({ id: 7, type: 'load', settings: { currency: 'EUR' }, files: [{ kind: 'contracts', file }] }, post);
  assert.deepEqual(log.fed, ['abcd', 'efgh', 'ij']);
  assert.deepEqual(log.begun, [['contracts', 'c.csv']]);
  const progress = messages.filter((m) => m.type === 'progress');
  assert.deepEqual(progress.map((m) => [m.id, m.bytesRead, m.bytesTotal, m.rowsRead]), [[7, 4, 10, 1], [7, 8, 10, 2], [7, 10, 10, 3]]);
  const reply = messages.at(-1);
  assert.deepEqual(reply, { ok: true, file_summaries: [{ rows: { read: 3 } }], id: 7 });

  // The session stays alive: report() asks again without reading the file.
  await handle({ id: 8, type: 'report', settings: { period: 'quarter', fiscal_start: 7 } }, post);
  await handle({ id: 9, type: 'report', settings: { period: 'year', fiscal_start: 1 } }, post);
  assert.deepEqual(log.reports, [{ period: 'quarter', fiscal_start: 7 }, { period: 'year', fiscal_start: 1 }]);
  assert.equal(log.fed.length, 3);
  assert.equal(messages.at(-1).id, 9);
  assert.equal(messages.at(-1).ok, true);
  assert.equal(instantiations, 1);

  // A second load frees the first session and instantiates nothing new.
  await handle({ id: 10, type: 'load', settings: {}, files: [{ kind: 'contracts', file }] }, post);
  assert.equal(log.sessions, 2);
  assert.equal(log.deleted, 1);
  assert.equal(instantiations, 1);
});

test('an empty file is begun and ended without feeding', async () => {
  const { module, log } = fakeModule();
  const handle = createEngineHandler(async () => module);
  const { messages, post } = collector();
  await handle({ id: 1, type: 'load', files: [{ kind: 'contracts', file: new File([], 'e.csv') }] }, post);
  assert.deepEqual(log.fed, []);
  assert.equal(messages.at(-1).ok, true);
});

test('report before any load is an error reply', async () => {
  const { module } = fakeModule();
  const handle = createEngineHandler(async () => module);
  const { messages, post } = collector();
  await handle({ id: 3, type: 'report', settings: {} }, post);
  assert.deepEqual(messages, [{ id: 3, ok: false, error: { code: 'no_data', message: 'Load a contracts file first.' } }]);
});

test('engine errors are passed through as data', async () => {
  const { module } = fakeModule({
    begin: () => '{"ok":false,"error":{"code":"bad_kind","message":"no"}}',
  });
  const handle = createEngineHandler(async () => module);
  const { messages, post } = collector();
  await handle({ id: 4, type: 'load', files: [{ kind: 'contracts', file: new File(['x'], 'a.csv') }] }, post);
  assert.deepEqual(messages.at(-1), { id: 4, ok: false, error: { code: 'bad_kind', message: 'no' } });
});

test('an engine that throws (an abort) gives an error reply and a fresh instance next time', async () => {
  let instantiations = 0;
  const handle = createEngineHandler(async () => {
    instantiations++;
    return fakeModule({ report: () => { throw new Error('RuntimeError: unreachable'); } }).module;
  });
  const { messages, post } = collector();
  await handle({ id: 1, type: 'load', files: [{ kind: 'contracts', file: new File(['x'], 'a.csv') }] }, post);
  await handle({ id: 2, type: 'report', settings: {} }, post);
  assert.equal(messages.at(-1).ok, false);
  assert.equal(messages.at(-1).error.code, 'engine_failed');
  assert.match(messages.at(-1).error.message, /unreachable/);
  await handle({ id: 3, type: 'report', settings: {} }, post);
  assert.equal(messages.at(-1).error.code, 'no_data');
  await handle({ id: 4, type: 'version' }, post);
  assert.equal(instantiations, 2);
});

test('a failed instantiation is reported and retried', async () => {
  let calls = 0;
  const handle = createEngineHandler(async () => {
    calls++;
    if (calls === 1) throw new Error('no wasm');
    return fakeModule().module;
  });
  const { messages, post } = collector();
  await handle({ id: 1, type: 'version' }, post);
  assert.equal(messages.at(-1).ok, false);
  await handle({ id: 2, type: 'version' }, post);
  assert.deepEqual(messages.at(-1), { ok: true, version: '9.9.9', id: 2 });
});

test('requests are served one at a time, in order', async () => {
  const { module } = fakeModule();
  const handle = createEngineHandler(async () => module, { chunkBytes: 1 });
  const { messages, post } = collector();
  const file = new File(['abc'], 'a.csv');
  const done = [
    handle({ id: 1, type: 'load', files: [{ kind: 'contracts', file }] }, post),
    handle({ id: 2, type: 'report', settings: {} }, post),
  ];
  await Promise.all(done);
  const replies = messages.filter((m) => m.type !== 'progress');
  assert.deepEqual(replies.map((m) => [m.id, m.ok]), [[1, true], [2, true]]);
});

test('unknown requests and unparsable engine text are errors', async () => {
  const handle = createEngineHandler(async () => fakeModule().module);
  const { messages, post } = collector();
  await handle({ id: 5, type: 'explode' }, post);
  assert.equal(messages.at(-1).error.code, 'unknown_request');
  assert.equal(parseEnvelope('not json').error.code, 'bad_engine_reply');
  assert.equal(parseEnvelope('[1]').ok, false);
  assert.deepEqual(parseEnvelope('{"ok":true,"x":1}'), { ok: true, x: 1 });
});
