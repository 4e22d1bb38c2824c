// A file the engine refuses from its first block (not text) is read no
// further: wantsMore() turns false and the one feeding loop (the API's
// feedFile) stops there, whoever reads: the engine's API
// (web/dist-engine/bbb-engine.mjs), the page's request handler reading
// alone, and its reading worker (split_reading.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ReadingWorker, serveReading } from '../../wasm/api/split_reading.mjs';
import { createEngineHandler } from '../../web/src/worker/engine_handler.js';
import { loadApiEngine, loadEngine, repo } from './engine.mjs';

const MiB = 1 << 20;
const { createEngine } = await import(join(repo, 'web/dist-engine/bbb-engine.mjs'));
const NOT_TEXT = /^zeros\.csv: this file does not look like text/;

test('the session wants no more of a file once it is refused as not text', async () => {
  const M = await loadEngine();
  const session = new M.Session('{}');
  try {
    assert.equal(session.wantsMore(), false, 'no file begun');
    session.begin('contracts', 'zeros.csv');
    assert.equal(session.wantsMore(), true);
    session.inputBuffer(MiB).fill(0);
    session.feed(MiB);
    assert.equal(session.wantsMore(), false);
  } finally {
    session.delete();
  }
});

test('the API stops pulling a refused input after its first pieces', async () => {
  const engine = await createEngine();
  let pulled = 0;
  async function* zeros() {
    for (let i = 0; i < 50; i++) { pulled++; yield new Uint8Array(MiB); }
  }
  const reply = await engine.analyse({ contracts: zeros(), names: { contracts: 'zeros.csv' } });
  assert.equal(reply.ok, false);
  assert.equal(reply.error.code, 'not_text');
  assert.match(reply.error.message, NOT_TEXT);
  assert.ok(pulled <= 2, `pulled ${pulled} MiB of 50`);
  // A web stream is cancelled, not left locked and unread.
  let cancelled = false;
  let sent = 0;
  const stream = new ReadableStream({
    pull(controller) { sent++; controller.enqueue(new Uint8Array(MiB)); },
    cancel() { cancelled = true; },
  });
  const streamed = await engine.analyse({ contracts: stream, names: { contracts: 'zeros.csv' } });
  assert.equal(streamed.error.code, 'not_text');
  assert.ok(cancelled);
  assert.ok(sent <= 4, `sent ${sent} MiB`);
  // One feed() of many megabytes stops after the first block too.
  const session = engine.session({});
  session.begin('contracts', 'zeros.csv');
  session.feed(new Uint8Array(20 * MiB));
  assert.equal(session.wantsMore(), false);
  assert.equal(session.end().file.readable, false);
  session.close();
});

/** Sends one request; resolves with its reply and the progress before it. */
function ask(handle, message) {
  const progress = [];
  let reply = null;
  return handle(message, (m) => { if (m.type === 'progress') progress.push(m); else reply = m; }).then(() => ({ reply, progress }));
}

test('the page\'s handler, alone or with a reading worker, feeds a refused file no further than its first block', { timeout: 60_000 }, async () => {
  const zeros = new File([new Uint8Array(50 * MiB)], 'zeros.csv');
  const contracts = new File(['id,booking_date,amount\nA,2024-01-01,1.00\n'], 'c.csv');
  const files = [{ kind: 'invoices', file: zeros }, { kind: 'contracts', file: contracts }];
  const alone = createEngineHandler(loadApiEngine);
  const channel = new MessageChannel();
  serveReading(channel.port1, loadApiEngine);
  const readingWorker = new ReadingWorker();
  readingWorker.attach(channel.port2);
  const split = createEngineHandler(loadApiEngine, { readingWorker, splitMinBytes: 0 });
  try {
    await new Promise((resolve) => { const wait = () => (readingWorker.ready ? resolve(null) : setTimeout(wait, 1)); wait(); });
    for (const [name, handle] of [['alone', alone], ['split', split]]) {
      const { reply, progress } = await ask(handle, { id: 1, type: 'load', settings: {}, files });
      assert.equal(reply.ok, true, name);
      assert.equal(reply.file_summaries[0].readable, false, name);
      const fed = progress.filter((p) => p.kind === 'invoices').map((p) => p.bytesRead);
      assert.deepEqual(fed, [MiB], `${name}: bytes of zeros fed`);
      const { reply: report } = await ask(handle, { id: 2, type: 'report', settings: {} });
      assert.equal(report.report.issues.find((i) => i.file === 'invoices').code, 'not_text', name);
      // The preview stops there too, and says why.
      const { reply: preview } = await ask(handle, { id: 3, type: 'preview', settings: {}, file: zeros, bytes: 50 * MiB });
      assert.equal(preview.file.readable, false);
      assert.equal(preview.issues[0].code, 'not_text');
    }
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
});
