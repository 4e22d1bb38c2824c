// The worker protocol, driven in node with a fake engine module under the
// public JS API (wasm/api/bbb-engine.mjs), as the page's worker drives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../wasm/api/bbb-engine.mjs';
import {
  createEngineHandler, describeFailure, feedingOrder, isOutOfMemory, CHUNK_BYTES,
} from '../../web/src/worker/engine_handler.js';
import { readFileSync } from 'node:fs';

const VOCABULARY = JSON.parse(readFileSync(new URL('./engine_vocabulary.json', import.meta.url), 'utf8'));
/** The fake engine's wasm memory: 64 bytes. */
const HEAP = 64;

/** The JS API's engine over a fake module (its factory given, no .wasm read). */
const engineOver = (module) => createEngine({ factory: async () => module, wasmBinary: new Uint8Array(0) });

/** A fake BbbModule that records what it was fed. */
function fakeModule(overrides = {}) {
  const log = { sessions: 0, deleted: 0, fed: [], begun: [], reports: [], expected: [] };
  const memory = new ArrayBuffer(HEAP);
  class Session {
    constructor(json) { this.settings = JSON.parse(json); log.sessions++; this.buffer = new Uint8Array(0); this.rows = 0; }
    begin(kind, name) { log.begun.push([kind, name]); this.name = name; this.fileFeeds = 0; return overrides.begin?.() ?? '{"ok":true}'; }
    expectBytes(n) { log.expected.push(n); }
    inputBuffer(n) { this.buffer = new Uint8Array(memory, 0, n); return this.buffer; }
    feed(n) { log.fed.push(Buffer.from(this.buffer.subarray(0, n)).toString('latin1')); this.rows += 1; this.fileFeeds++; return this.rows; }
    wantsMore() { return overrides.wantsMore?.(this) ?? true; }
    end() { return overrides.end?.() ?? JSON.stringify({ ok: true, file: { rows: { read: this.rows } } }); }
    report(json) {
      log.reports.push(JSON.parse(json));
      if (overrides.report) return overrides.report(json);
      return JSON.stringify({ ok: true, report: { rows: { read: this.rows }, currencies: {} } });
    }
    delete() { log.deleted++; }
  }
  return { module: { Session, version: () => '9.9.9', vocabulary: () => JSON.stringify(VOCABULARY) }, log };
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
  const handle = createEngineHandler(() => { instantiations++; return engineOver(module); }, { chunkBytes: 4 });
  const { messages, post } = collector();
  const file = new File([Buffer.from('abcdefghij')], 'c.csv');
  await handle({ id: 7, type: 'load', settings: { currency: 'EUR' }, files: [{ kind: 'contracts', file }] }, post);
  assert.deepEqual(log.fed, ['abcd', 'efgh', 'ij']);
  assert.deepEqual(log.begun, [['contracts', 'c.csv']]);
  assert.deepEqual(log.expected, [10]);  // the file's size, for duplicate detection's table
  const progress = messages.filter((m) => m.type === 'progress');
  assert.deepEqual(progress.map((m) => [m.id, m.bytesRead, m.bytesTotal, m.rowsRead]), [[7, 4, 10, 1], [7, 8, 10, 2], [7, 10, 10, 3]]);
  // The engine's wasm memory, as its input buffer's views see it.
  assert.deepEqual(progress.map((m) => m.heapBytes), [HEAP, HEAP, HEAP]);
  const reply = messages.at(-1);
  assert.deepEqual(reply, { ok: true, file_summaries: [{ rows: { read: 3 } }], type: 'reply', id: 7 });

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
  const handle = createEngineHandler(() => engineOver(module));
  const { messages, post } = collector();
  await handle({ id: 1, type: 'load', files: [{ kind: 'contracts', file: new File([], 'e.csv') }] }, post);
  assert.deepEqual(log.fed, []);
  assert.equal(messages.at(-1).ok, true);
});

test('report before any load is an error reply', async () => {
  const { module } = fakeModule();
  const handle = createEngineHandler(() => engineOver(module));
  const { messages, post } = collector();
  await handle({ id: 3, type: 'report', settings: {} }, post);
  assert.deepEqual(messages, [{ type: 'reply', id: 3, ok: false, error: { code: 'no_data', message: 'Load a contracts file first.' } }]);
});

test('engine errors are passed through as data', async () => {
  const { module } = fakeModule({
    begin: () => '{"ok":false,"error":{"code":"bad_kind","message":"no"}}',
  });
  const handle = createEngineHandler(() => engineOver(module));
  const { messages, post } = collector();
  await handle({ id: 4, type: 'load', files: [{ kind: 'contracts', file: new File(['x'], 'a.csv') }] }, post);
  assert.deepEqual(messages.at(-1), { type: 'reply', id: 4, ok: false, error: { code: 'bad_kind', message: 'no' } });
});

test('an engine that throws (an abort) gives an error reply and a fresh instance next time', async () => {
  let instantiations = 0;
  const handle = createEngineHandler(() => {
    instantiations++;
    return engineOver(fakeModule({ report: () => { throw new Error('RuntimeError: unreachable'); } }).module);
  });
  const { messages, post } = collector();
  await handle({ id: 1, type: 'load', files: [{ kind: 'contracts', file: new File(['x'], 'a.csv') }] }, post);
  await handle({ id: 2, type: 'report', settings: {} }, post);
  assert.equal(messages.at(-1).ok, false);
  assert.equal(messages.at(-1).error.code, 'engine_failed');
  assert.match(messages.at(-1).error.message, /unreachable/);
  await handle({ id: 3, type: 'report', settings: {} }, post);
  assert.equal(messages.at(-1).error.code, 'no_data');
  await handle({ id: 4, type: 'engine' }, post);
  assert.equal(instantiations, 2);
});

test('a failed instantiation is reported and retried', async () => {
  let calls = 0;
  const handle = createEngineHandler(async () => {
    calls++;
    if (calls === 1) throw new Error('no wasm');
    return engineOver(fakeModule().module);
  });
  const { messages, post } = collector();
  await handle({ id: 1, type: 'engine' }, post);
  assert.equal(messages.at(-1).ok, false);
  await handle({ id: 2, type: 'engine' }, post);
  assert.deepEqual(messages.at(-1), { ok: true, version: '9.9.9', vocabulary: VOCABULARY, type: 'reply', id: 2 });
});

test('requests are served one at a time, in order', async () => {
  const { module } = fakeModule();
  const handle = createEngineHandler(() => engineOver(module), { chunkBytes: 1 });
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
  const handle = createEngineHandler(() => engineOver(fakeModule().module));
  const { messages, post } = collector();
  await handle({ id: 5, type: 'explode' }, post);
  assert.equal(messages.at(-1).error.code, 'unknown_request');
  for (const text of ['not json', '[1]']) {
    const garbled = createEngineHandler(() => engineOver(fakeModule({ begin: () => text }).module));
    await garbled({ id: 6, type: 'load', files: [{ kind: 'contracts', file: new File(['x'], 'a.csv') }] }, post);
    assert.equal(messages.at(-1).error.code, 'bad_engine_reply', text);
  }
});

test('invoices and fulfilment are fed before the contracts file', async () => {
  const { module, log } = fakeModule();
  const handle = createEngineHandler(() => engineOver(module));
  const { messages, post } = collector();
  await handle({ id: 1, type: 'load', files: [
    { kind: 'contracts', file: new File(['c'], 'c.csv') },
    { kind: 'fulfilment', file: new File(['f'], 'f.csv') },
    { kind: 'invoices', file: new File(['i'], 'i.csv') },
  ] }, post);
  assert.deepEqual(log.begun.map(([kind]) => kind), ['invoices', 'fulfilment', 'contracts']);
  assert.deepEqual(feedingOrder([{ kind: 'contracts' }, { kind: 'invoices' }]).map((f) => f.kind), ['invoices', 'contracts']);
  const progress = messages.filter((m) => m.type === 'progress');
  assert.deepEqual(progress.map((m) => [m.kind, m.fileIndex, m.fileCount]), [['invoices', 0, 3], ['fulfilment', 1, 3], ['contracts', 2, 3]]);
});

test('a preview reads only the first bytes in a throwaway session', async () => {
  const { module, log } = fakeModule();
  const handle = createEngineHandler(() => engineOver(module), { chunkBytes: 4 });
  const { messages, post } = collector();
  await handle({ id: 1, type: 'load', files: [{ kind: 'contracts', file: new File(['abc'], 'a.csv') }] }, post);
  await handle({ id: 2, type: 'preview', settings: {}, file: new File(['0123456789'], 'p.csv'), bytes: 6 }, post);
  assert.equal(messages.at(-1).ok, true);
  assert.deepEqual(log.fed.slice(1), ['0123', '45']);
  assert.equal(log.deleted, 1, 'the scratch session is freed');
  await handle({ id: 3, type: 'report', settings: {} }, post);
  assert.equal(messages.at(-1).ok, true, 'the live session survives a preview');
  assert.equal(messages.filter((m) => m.id === 2 && m.type === 'progress').length, 0);
});

test('a cancel stops the read before its next chunk and drops the half-read session', async () => {
  const { module, log } = fakeModule();
  const handle = createEngineHandler(() => engineOver(module), { chunkBytes: 1 });
  const messages = [];
  let running;
  const post = (m) => {
    messages.push(m);
    if (m.type === 'progress' && m.bytesRead === 2) handle({ type: 'cancel' }, post);
  };
  running = handle({ id: 1, type: 'load', files: [{ kind: 'contracts', file: new File(['abcdef'], 'a.csv') }] }, post);
  await running;
  assert.deepEqual(messages.at(-1), { ok: false, error: { code: 'cancelled', message: 'Reading was cancelled.' }, type: 'reply', id: 1 });
  assert.equal(log.fed.length, 2);
  await handle({ id: 2, type: 'report', settings: {} }, post);
  assert.equal(messages.at(-1).error.code, 'no_data');
  // The next read is not cancelled by the old request.
  await handle({ id: 3, type: 'load', files: [{ kind: 'contracts', file: new File(['xy'], 'b.csv') }] }, post);
  assert.equal(messages.at(-1).ok, true);
});

test('a drill reads the files into a separate session and keeps the live one', async () => {
  const drill = { currency: 'USD', metric: 'revenue', value: 5, count: 1, lines: [] };
  const { module, log } = fakeModule({ report: (json) => JSON.stringify({ ok: true, report: { drill, json } }) });
  const handle = createEngineHandler(() => engineOver(module));
  const { messages, post } = collector();
  const files = [{ kind: 'contracts', file: new File(['abc'], 'a.csv') }];
  await handle({ id: 1, type: 'load', settings: {}, files }, post);
  await handle({ id: 2, type: 'drill', settings: { drill: { metric: 'revenue' } }, files, report_settings: { period: 'quarter' } }, post);
  assert.deepEqual(messages.at(-1), { ok: true, drill, type: 'reply', id: 2 });
  assert.deepEqual(log.reports.at(-1), { period: 'quarter' });
  assert.equal(log.sessions, 2);
  assert.equal(log.deleted, 1);
  await handle({ id: 3, type: 'report', settings: {} }, post);
  assert.equal(messages.at(-1).ok, true);
});

test('a drill on an engine without drill support says so', async () => {
  const { module } = fakeModule();
  const handle = createEngineHandler(() => engineOver(module));
  const { messages, post } = collector();
  await handle({ id: 1, type: 'drill', settings: {}, files: [{ kind: 'contracts', file: new File(['a'], 'a.csv') }] }, post);
  assert.equal(messages.at(-1).error.code, 'no_drill');
});

test('an out-of-memory abort is described in plain words', () => {
  assert.ok(isOutOfMemory('Aborted(OOM)'));
  assert.ok(isOutOfMemory('Cannot enlarge memory arrays to size 2147483648 bytes'));
  assert.match(describeFailure(new Error('Aborted(OOM)')), /ran out of memory/);
  assert.match(describeFailure(new Error('unreachable')), /^The engine stopped: unreachable$/);
});


test('a file the engine refuses from its first block is read no further', async () => {
  // The engine decides a binary file from its first block: after one feed it wants no more.
  const { module, log } = fakeModule({ wantsMore: (session) => !(session.name === 'zeros.csv' && session.fileFeeds >= 1) });
  const handle = createEngineHandler(() => engineOver(module), { chunkBytes: 4 });
  const { messages, post } = collector();
  const file = new File([Buffer.alloc(64)], 'zeros.csv');
  await handle({ id: 1, type: 'load', files: [{ kind: 'invoices', file }, { kind: 'contracts', file: new File(['abcdef'], 'c.csv') }] }, post);
  assert.deepEqual(log.fed, ['\0\0\0\0', 'abcd', 'ef'], 'fed past the refused block');
  const progress = messages.filter((m) => m.type === 'progress');
  assert.deepEqual(progress.map((m) => [m.kind, m.bytesRead]), [['invoices', 4], ['contracts', 4], ['contracts', 6]]);
  assert.equal(messages.at(-1).ok, true);
  // A preview too.
  log.fed.length = 0;
  await handle({ id: 2, type: 'preview', settings: {}, file, bytes: 64 }, post);
  assert.deepEqual(log.fed, ['\0\0\0\0']);
});

test('a preview of a file the engine cannot read comes with the engine\'s reason', async () => {
  const why = { file: 'contracts', line: 0, column: '', severity: 'error', code: 'not_text', message: 'this file is a PNG image, not a CSV file' };
  const warning = { file: 'contracts', line: 0, column: '', severity: 'warning', code: 'assumed_windows_1252', message: 'w' };
  const { module } = fakeModule({
    end: () => JSON.stringify({ ok: true, file: { kind: 'contracts', name: 'a.png', readable: false } }),
    report: () => JSON.stringify({ ok: true, report: { issues: [warning, why], currencies: {} } }),
  });
  const handle = createEngineHandler(() => engineOver(module));
  const { messages, post } = collector();
  await handle({ id: 1, type: 'preview', settings: {}, file: new File(['x'], 'a.png') }, post);
  assert.deepEqual(messages.at(-1).issues, [why]);
  // A readable file's preview asks for no report.
  const readable = fakeModule();
  const handle2 = createEngineHandler(() => engineOver(readable.module));
  await handle2({ id: 2, type: 'preview', settings: {}, file: new File(['x'], 'a.csv') }, post);
  assert.equal(messages.at(-1).issues, undefined);
  assert.deepEqual(readable.log.reports, []);
});

test('an abort without a reason is still said in words', () => {
  assert.match(describeFailure(''), /^The engine stopped without saying why\./);
  assert.match(describeFailure(new Error('')), /^The engine stopped without saying why\./);
  assert.match(describeFailure('Aborted()'), /^The engine stopped without saying why\./);
  assert.match(describeFailure('out of memory'), /^The engine ran out of memory on this file/);
});

test('a compare reads each export into a session of its own with snapshot: true, then asks the engine to match them', async () => {
  const { module, log } = fakeModule();
  const compared = [];
  module.compare = (before, after, json) => {
    compared.push([before.name, before.settings, after.name, JSON.parse(json)]);
    return JSON.stringify({ ok: true, changes: { currencies: {} } });
  };
  const handle = createEngineHandler(() => engineOver(module), { chunkBytes: 4 });
  const { messages, post } = collector();
  const before = { kind: 'contracts', file: new File([Buffer.from('id,x\n')], 'last-week.csv') };
  const after = { kind: 'contracts', file: new File([Buffer.from('id,y\n')], 'this-week.csv') };
  await handle({ id: 3, type: 'compare', settings: { currency: 'EUR' }, before, after, compare_settings: { limit: 5 } }, post);
  assert.deepEqual(compared, [['last-week.csv', { currency: 'EUR', snapshot: true }, 'this-week.csv', { limit: 5 }]]);
  assert.deepEqual(log.begun, [['contracts', 'last-week.csv'], ['contracts', 'this-week.csv']]);
  assert.equal(log.deleted, 2, 'both sessions are freed');
  const reply = messages.find((m) => m.type === 'reply');
  assert.deepEqual(reply, { ok: true, changes: { currencies: {} }, type: 'reply', id: 3 });
  assert.deepEqual(messages.filter((m) => m.type === 'progress').map((m) => m.fileIndex), [0, 0, 1, 1]);
});
