// Reading in one worker and folding in another (wasm/api/split_reading.mjs)
// with the real engine: the engine's request handler with a reading worker
// on the other end of a MessageChannel gives the summaries, progress and
// report of one worker reading alone, byte for byte. The two sides run on
// this thread here; in the page they are two workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../wasm/api/bbb-engine.mjs';
import { LINES_AHEAD, ReadingWorker, serveReading } from '../../wasm/api/split_reading.mjs';
import { loadEngineApi } from '../../wasm/load-node.mjs';
import { createEngineHandler } from '../../web/src/worker/engine_handler.js';
import { examplesDir, loadApiEngine, wasmDir } from './engine.mjs';
import { readerPair } from '../web/reader_pair.mjs';

const CHUNK = 64 << 10;  // many pieces, and so many messages, from a few megabytes

const file = (path, name = path.split('/').pop()) => new File([readFileSync(path)], name);

/** A contracts file of `n` lines made from the SaaS example's rows, each copy with ids of its own. */
function manyLines(n) {
  const [header, ...rows] = readFileSync(join(examplesDir, 'saas-company/contracts.csv'), 'utf8').trimEnd().split('\n');
  const out = [header];
  for (let k = 0; out.length <= n; k++) for (const row of rows) out.push(row.replace(/^([^,]*)/, `$1-${k}`));
  return new File([out.slice(0, n + 1).join('\n') + '\n'], 'saas-many.csv');
}

/**
 * A handler with a reading worker on the other end of a channel, and one
 * without. instantiateReading: the reading worker's engine; splitMinBytes:
 * from what size the first hands a load to it; module: the compiled engine
 * the first hands the reading worker (ReadingWorker's option).
 */
function handlers({ instantiateReading = loadApiEngine, splitMinBytes = 0, module = undefined } = {}) {
  const channel = new MessageChannel();
  const serving = serveReading(channel.port1, instantiateReading, { chunkBytes: CHUNK });
  const readingWorker = new ReadingWorker({ module });
  readingWorker.attach(channel.port2);
  const split = createEngineHandler(loadApiEngine, { chunkBytes: CHUNK, readingWorker, splitMinBytes });
  const alone = createEngineHandler(loadApiEngine, { chunkBytes: CHUNK });
  return { split, alone, readingWorker, serving, close: () => { channel.port1.close(); channel.port2.close(); } };
}

/** Sends one request; resolves with its reply and the progress before it. */
function ask(handle, message) {
  const progress = [];
  let reply = null;
  return handle(message, (m) => { if (m.type === 'progress') progress.push(m); else reply = m; }).then(() => ({ reply, progress }));
}

const until = async (condition, ms = 30_000) => {
  for (const t0 = Date.now(); !condition();) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms: ${condition}`);
    await new Promise((r) => setTimeout(r, 1));
  }
};

const project = join(examplesDir, 'project-business');
const loads = [
  { settings: {}, files: [{ kind: 'contracts', file: file(join(examplesDir, 'worked-examples.csv')) }] },
  { settings: { as_of: '2024-09-30', waterfall: true }, files: [
    { kind: 'contracts', file: file(join(project, 'contracts.csv')) },
    { kind: 'invoices', file: file(join(project, 'invoices.csv')) },
    { kind: 'fulfilment', file: file(join(project, 'fulfilment.csv')) }] },
  { settings: { split_by: 'region', as_of: '2024-06-30' }, files: [{ kind: 'contracts', file: manyLines(30000) }] },
  { settings: { currency: 'EUR', proration: 'daily' }, files: [{ kind: 'contracts', file: file(join(examplesDir, 'sales-pipeline.csv')) }] },
];

test('a load read in the reading worker gives the summaries, progress and reports of one worker alone', { timeout: 120_000 }, async () => {
  const { split, alone, readingWorker, close } = handlers();
  await until(() => readingWorker.ready);
  try {
    let id = 1;
    for (const load of loads) {
      const a = await ask(alone, { id: id++, type: 'load', ...load });
      const s = await ask(split, { id: id++, type: 'load', ...load });
      assert.equal(a.reply.ok, true, JSON.stringify(a.reply.error));
      assert.deepEqual({ ...s.reply, id: 0 }, { ...a.reply, id: 0 });
      // The same progress: every piece of every file, rows read so far.
      const seen = (p) => p.map(({ kind, fileName, fileIndex, fileCount, bytesRead, bytesTotal, rowsRead }) =>
        ({ kind, fileName, fileIndex, fileCount, bytesRead, bytesTotal, rowsRead }));
      assert.deepEqual(seen(s.progress), seen(a.progress));
      assert.ok(s.progress.every((p) => p.heapBytes >= 2 * 16 * 1048576), 'both engines\' memory is counted');
      for (const settings of [{}, { period: 'quarter', fiscal_start: 4 }, { period: 'year' }]) {
        const ra = await ask(alone, { id: id++, type: 'report', settings });
        const rs = await ask(split, { id: id++, type: 'report', settings });
        assert.deepEqual(rs.reply.report, ra.reply.report);
        if (load.settings.split_by) {
          // Many batches of lines, each folded into its region's segment too.
          assert.equal(rs.reply.report.rows.accepted, 30000);
          assert.deepEqual(rs.reply.report.currencies.USD.segments.values.map((v) => v.value), ['NA']);
          assert.deepEqual(rs.reply.report.currencies.EUR.segments.values.map((v) => v.value), ['EMEA']);
        }
      }
    }
  } finally {
    close();
  }
});

test('the reading worker sends at most LINES_AHEAD messages of lines ahead of the folding', { timeout: 60_000 }, async () => {
  const channel = new MessageChannel();
  serveReading(channel.port1, loadApiEngine, { chunkBytes: CHUNK });
  const got = [];
  channel.port2.addEventListener('message', ({ data }) => got.push(data));
  channel.port2.start();
  try {
    await until(() => got.some((m) => m.type === 'ready'));
    channel.port2.postMessage({ type: 'read', id: 7, settings: {}, files: [{ kind: 'contracts', file: manyLines(20000) }] });
    await until(() => got.filter((m) => m.lines).length >= LINES_AHEAD);
    await new Promise((r) => setTimeout(r, 200));  // time enough to send more, if it would
    assert.equal(got.filter((m) => m.lines).length, LINES_AHEAD);
    channel.port2.postMessage({ type: 'folded', id: 7 });
    await until(() => got.filter((m) => m.lines).length > LINES_AHEAD);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(got.filter((m) => m.lines).length, LINES_AHEAD + 1);
    channel.port2.postMessage({ type: 'stop', id: 7 });
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
});

test('the folding side gives each lines\' buffer back and the reading side fills it again', { timeout: 60_000 }, async () => {
  const { split, alone, readingWorker, serving, close } = handlers();
  await until(() => readingWorker.ready);
  try {
    const load = { settings: {}, files: [{ kind: 'contracts', file: manyLines(30000) }] };
    const s = await ask(split, { id: 1, type: 'load', ...load });
    const a = await ask(alone, { id: 2, type: 'load', ...load });
    assert.deepEqual({ ...s.reply, id: 0 }, { ...a.reply, id: 0 });
    const messages = s.progress.length + 1;  // one with the lines of each piece, and the file's end
    assert.ok(messages > 40, `${messages} messages with lines`);
    // LINES_AHEAD sent and not folded, one being filled, and one more for
    // lines longer than every spare buffer: nothing like one a message.
    assert.ok(serving.buffersMade() <= LINES_AHEAD + 2, `${serving.buffersMade()} buffers made for ${messages} messages`);
    const r1 = await ask(split, { id: 3, type: 'report', settings: {} });
    const r2 = await ask(alone, { id: 4, type: 'report', settings: {} });
    assert.equal(JSON.stringify(r1.reply.report), JSON.stringify(r2.reply.report));
  } finally {
    close();
  }
});

test('the reading worker starts its engine, once, from the folding side\'s compiled module', { timeout: 60_000 }, async () => {
  const compiled = WebAssembly.compile(readFileSync(join(wasmDir, 'bbb.wasm')));
  const given = [];
  const { split, alone, readingWorker, close } = handlers({
    instantiateReading: (wasmModule) => { given.push(wasmModule); return loadEngineApi(wasmDir, { wasmModule }); },
    module: () => compiled,
  });
  await until(() => readingWorker.ready);
  try {
    for (const id of [1, 2]) {
      const load = { settings: { as_of: '2024-06-30' }, files: [{ kind: 'contracts', file: manyLines(3000) }] };
      const s = await ask(split, { id, type: 'load', ...load });
      const a = await ask(alone, { id, type: 'load', ...load });
      assert.equal(s.reply.ok, true, JSON.stringify(s.reply.error));
      assert.deepEqual(s.reply, a.reply);
    }
    assert.equal(given.length, 1, 'one engine for both reads');
    assert.ok(given[0] instanceof WebAssembly.Module, `the reading side was given ${given[0]}`);
  } finally {
    close();
  }
});

test('a cancelled split load stops the reading worker, and the next load is whole', { timeout: 60_000 }, async () => {
  const { split, alone, readingWorker, close } = handlers();
  await until(() => readingWorker.ready);
  try {
    const load = { type: 'load', settings: {}, files: [{ kind: 'contracts', file: manyLines(30000) }] };
    let progressSeen = 0;
    let reply = null;
    const running = split({ id: 1, ...load }, (m) => {
      if (m.type === 'progress' && ++progressSeen === 2) split({ type: 'cancel' });
      if (m.type !== 'progress') reply = m;
    });
    await running;
    assert.equal(reply.ok, false);
    assert.equal(reply.error.code, 'cancelled');
    const again = await ask(split, { id: 2, ...load });
    const base = await ask(alone, { id: 2, ...load });
    assert.deepEqual(again.reply, base.reply);
    const report = (h) => ask(h, { id: 3, type: 'report', settings: {} }).then((r) => r.reply.report);
    assert.deepEqual(await report(split), await report(alone));
  } finally {
    close();
  }
});

test('a reading worker lost part way: the engine reads the files again, alone, and nothing is lost', { timeout: 60_000 }, async () => {
  const { split, alone, readingWorker, close } = handlers();
  await until(() => readingWorker.ready);
  try {
    const load = { type: 'load', settings: {}, files: [{ kind: 'contracts', file: manyLines(20000) }] };
    let lostAfter = 0;
    const progress = [];
    let reply = null;
    await split({ id: 1, ...load }, (m) => {
      if (m.type === 'progress') {
        progress.push(m);
        if (++lostAfter === 3) readingWorker.lost();
      } else reply = m;
    });
    assert.equal(reply.ok, true, JSON.stringify(reply.error));
    assert.equal(readingWorker.ready, false);
    const report = (h) => ask(h, { id: 3, type: 'report', settings: {} }).then((r) => r.reply.report);
    await ask(alone, { id: 2, ...load });
    assert.deepEqual(await report(split), await report(alone));
    // The progress starts over with the second reading.
    assert.ok(progress.some((p, i) => i > 0 && p.bytesRead < progress[i - 1].bytesRead));
  } finally {
    close();
  }
});

test('settings the engine refuses are the same error reply with a reading worker', async () => {
  const { split, alone, readingWorker, close } = handlers();
  await until(() => readingWorker.ready);
  try {
    const load = { type: 'load', settings: { proration: 'weekly' }, files: [{ kind: 'contracts', file: manyLines(100) }] };
    const a = await ask(alone, { id: 1, ...load });
    const s = await ask(split, { id: 1, ...load });
    assert.equal(a.reply.ok, false);
    assert.deepEqual(s.reply, a.reply);
  } finally {
    close();
  }
});

test('a read stopped and followed at once by another ends, its session freed, and the next one is whole', { timeout: 60_000 }, async () => {
  // With the page's reader worker (its real code), whose reads the two would share.
  const { reader, close: closeReader } = await readerPair();
  const channel = new MessageChannel();
  const serving = serveReading(channel.port1, loadApiEngine, { chunkBytes: CHUNK, reader });
  const got = [];
  channel.port2.addEventListener('message', ({ data }) => {
    got.push(data);
    // The first read's lines folded at once, so that it waits for pieces, not for the folding.
    if (data.id === 1 && data.lines) channel.port2.postMessage({ type: 'folded', id: 1 });
  });
  channel.port2.start();
  try {
    await until(() => got.some((m) => m.type === 'ready'));
    channel.port2.postMessage({ type: 'read', id: 1, settings: {}, files: [{ kind: 'contracts', file: manyLines(20000), name: 'a.csv' }] });
    await until(() => got.filter((m) => m.id === 1 && m.lines).length >= 3);
    channel.port2.postMessage({ type: 'stop', id: 1 });
    channel.port2.postMessage({ type: 'read', id: 2, settings: {}, files: [{ kind: 'contracts', file: manyLines(3000), name: 'b.csv' }] });
    for (;;) {  // folded as the engine's worker would fold them
      await until(() => got.some((m) => m.id === 2 && (m.type === 'done' || m.type === 'failed' || (m.lines && !m.acked))));
      const next = got.find((m) => m.id === 2 && m.lines && !m.acked);
      if (!next) break;
      next.acked = true;
      channel.port2.postMessage({ type: 'folded', id: 2 });
    }
    assert.ok(got.some((m) => m.id === 2 && m.type === 'done'), JSON.stringify(got.filter((m) => m.type === 'failed')));
    const ended = got.find((m) => m.id === 2 && m.type === 'ended');
    assert.equal(ended.ended.file.rows.accepted, 3000);
    await until(() => serving.running() === 0, 5000);
    assert.ok(!got.some((m) => m.id === 1 && (m.type === 'done' || m.type === 'ended')));
  } finally {
    channel.port1.close();
    channel.port2.close();
    closeReader();
  }
});

test('a reading engine that aborts is an engine_failed reply said plainly, and the next load is whole', { timeout: 60_000 }, async () => {
  let aborts = 1;
  // The first instantiation's engine aborts as Emscripten's do when memory runs out.
  const { split, readingWorker, close } = handlers({ instantiateReading: async () => {
    if (aborts-- <= 0) return loadApiEngine();
    const aborting = { Session: class { constructor() { throw new Error('Aborted(OOM)'); } }, version: () => '0', vocabulary: () => '{}' };
    return createEngine({ factory: async () => aborting, wasmBinary: new Uint8Array(0) });
  } });
  try {
    await until(() => readingWorker.ready);
    const load = { type: 'load', settings: {}, files: [{ kind: 'contracts', file: manyLines(2000) }] };
    const failed = await ask(split, { id: 1, ...load });
    assert.equal(failed.reply.ok, false);
    assert.equal(failed.reply.error.code, 'engine_failed');
    assert.match(failed.reply.error.message, /ran out of memory/);
    const again = await ask(split, { id: 2, ...load });
    assert.equal(again.reply.ok, true, JSON.stringify(again.reply.error));
    assert.equal(again.reply.file_summaries[0].rows.accepted, 2000);
  } finally {
    close();
  }
});

test('a preview of a large file starts the reading worker\'s engine before the read; a small one does not', { timeout: 60_000 }, async () => {
  let instantiated = 0;
  const big = manyLines(20000);
  const { split: handle, readingWorker, close } = handlers({
    instantiateReading: async () => { instantiated++; return loadApiEngine(); }, splitMinBytes: big.size });
  try {
    await until(() => readingWorker.ready);
    await ask(handle, { id: 1, type: 'preview', settings: {}, file: manyLines(100) });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(instantiated, 0);
    const previewed = await ask(handle, { id: 2, type: 'preview', settings: {}, file: big });
    assert.equal(previewed.reply.ok, true);
    await until(() => instantiated === 1, 5000);
    const loaded = await ask(handle, { id: 3, type: 'load', settings: {}, files: [{ kind: 'contracts', file: big }] });
    assert.equal(loaded.reply.file_summaries[0].rows.accepted, 20000);
    assert.equal(instantiated, 1, 'the read used the engine the preview started');
  } finally {
    close();
  }
});
