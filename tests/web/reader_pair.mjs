// The real reader worker's code (wasm/api/blob_reader.worker.mjs), run in a
// node:vm context standing in for a worker's global scope, on one end of a
// real MessageChannel, and a PortReader on the other: for the tests of the
// pieces read aside (blob_reader.test.mjs) and of the reading worker
// (tests/wasm/split_reading.test.mjs).
import fs from 'node:fs';
import vm from 'node:vm';
import { PortReader } from '../../wasm/api/blob_pieces.mjs';

const source = fs.readFileSync(new URL('../../wasm/api/blob_reader.worker.mjs', import.meta.url), 'utf8');

/**
 * A reader worker's code on one end of a MessageChannel, a PortReader on the
 * other, ready. `stats` counts the pieces sent and taken, the reads started
 * (`maxAhead`: the most pieces started and not taken; `maxReadsAtOnce`: the
 * most reads under way at once); `failAfter`: the read throws after that
 * many pieces; `silentAfter`: it sends nothing more; `shrinkTo`: the blob
 * the reader is given holds only that many bytes, though its size says more.
 */
export async function readerPair({ stats = { sent: 0, taken: 0, started: 0, maxAhead: 0, reading: 0, maxReadsAtOnce: 0 },
  failAfter = Infinity, silentAfter = Infinity, shrinkTo = Infinity } = {}) {
  const channel = new MessageChannel();
  const self = { onmessage: null, postMessage() {} };
  const port = channel.port1;
  // The blob as the reader sees it: each read counted while under way.
  const watched = (blob) => ({
    size: blob.size,
    slice: (a, b) => ({
      arrayBuffer() {
        stats.started++;
        stats.maxAhead = Math.max(stats.maxAhead, stats.started - stats.taken);
        stats.maxReadsAtOnce = Math.max(stats.maxReadsAtOnce, ++stats.reading);
        const cut = Math.min(blob.size, shrinkTo);
        return blob.slice(Math.min(a, cut), Math.min(b, cut)).arrayBuffer().finally(() => stats.reading--);
      },
    }),
  });
  const counting = {
    set onmessage(f) {
      port.onmessage = (event) => {
        if (event.data.type === 'taken') stats.taken++;
        f(event.data.type === 'read' ? { data: { ...event.data, blob: watched(event.data.blob) } } : event);
      };
    },
    postMessage(message, transfer) {
      if (message instanceof ArrayBuffer) {
        if (++stats.sent > failAfter) throw new Error('the disk went away');
        if (stats.sent > silentAfter) return;  // a reader that died without a word
      }
      port.postMessage(message, transfer);
    },
  };
  vm.runInNewContext(source, { self, Promise, String });
  self.onmessage({ data: { type: 'port', port: counting } });
  const reader = new PortReader();
  reader.attach(channel.port2);
  while (!reader.ready) await new Promise((r) => setTimeout(r, 1));
  return { reader, stats, close: () => { channel.port1.close(); channel.port2.close(); } };
}

