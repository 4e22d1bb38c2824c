// piecesReadAside with the real reader worker's code (blob_reader.worker.mjs,
// run in a node:vm context standing in for a worker's global scope) over a
// real MessageChannel: the same pieces as blobPieces (the reader reads
// PIECES_PER_READ of them in one slice, handed on one by one), several reads
// under way at once and at most READS_ASIDE_AHEAD reads (being read, or read and
// not taken) ahead of the caller, a stopped read's pieces
// never mixed into the next read, and the rest read in this thread when the
// reader is not ready or fails part way.
import test from 'node:test';
import assert from 'node:assert/strict';
import { blobPieces, piecesReadAside, PIECES_PER_READ, PortReader, READ_HERE_PIECES, READS_ASIDE_AHEAD } from '../../wasm/api/blob_pieces.mjs';
import { readerPair } from './reader_pair.mjs';

const bytes = Uint8Array.from({ length: 25000 }, (_, i) => (i * 7) % 253);
const PIECE = 1000;

async function collect(iterable) {
  const got = [];
  for await (const piece of iterable) got.push(piece);
  return got;
}
const joined = (pieces) => Uint8Array.from(pieces.flatMap((p) => [...p]));

test('a reader worker gives the same pieces as reading here, several reads at once, never more than READS_ASIDE_AHEAD reads ahead', async () => {
  const { reader, stats, close } = await readerPair();
  const blob = new Blob([bytes]);
  const aside = await collect(piecesReadAside(blob, PIECE, Infinity, reader));
  const here = await collect(blobPieces(blob, PIECE));
  close();
  assert.deepEqual(aside.map((p) => p.length), here.map((p) => p.length));
  assert.deepEqual(joined(aside), bytes);
  // 25 pieces in reads of PIECES_PER_READ (8): 4 reads, the last of one piece.
  assert.equal(stats.sent, Math.ceil(25 / PIECES_PER_READ), 'every piece came from the reader, several a read');
  assert.ok(stats.maxAhead <= READS_ASIDE_AHEAD, `the reader ran ${stats.maxAhead} reads ahead`);
  assert.ok(stats.maxAhead >= 2, 'the reader reads ahead of the caller');
  assert.ok(stats.maxReadsAtOnce >= 2, `the reader had ${stats.maxReadsAtOnce} read under way at most, not several`);
});

test('a piece short of its length (the file shrank as the reader read it): the reader stops there, the caller reads on from that byte', async () => {
  // Only the reader sees the file shrink: what the caller then reads itself
  // is the whole blob's rest, so every byte comes once and in order.
  const { reader, stats, close } = await readerPair({ shrinkTo: 12500 });
  const got = await collect(piecesReadAside(new Blob([bytes]), PIECE, Infinity, reader));
  close();
  assert.deepEqual(joined(got), bytes);
  assert.equal(stats.sent, 2, 'the reader sent nothing after the short read (8 pieces, then 4.5)');
  assert.equal(got[12].length, 500);
});

test('a limit stops the reader there', async () => {
  const { reader, close } = await readerPair();
  const got = await collect(piecesReadAside(new Blob([bytes]), PIECE, 12345, reader));
  close();
  assert.deepEqual(got.map((p) => p.length), [...Array(12).fill(1000), 345]);
  assert.deepEqual(joined(got), bytes.subarray(0, 12345));
});

test('a reader that fails part way: the rest is read here, every byte once and in order', async () => {
  const { reader, stats, close } = await readerPair({ failAfter: 2 });
  const got = await collect(piecesReadAside(new Blob([bytes]), PIECE, Infinity, reader));
  close();
  assert.deepEqual(joined(got), bytes);
  assert.equal(stats.sent, 3, 'the reader stopped at its failure, its third read');
});

test('a reader lost in the middle of a read (the page saw it fail): the rest is read here', { timeout: 10_000 }, async () => {
  const { reader, close } = await readerPair({ silentAfter: 3 });
  const got = [];
  for await (const piece of piecesReadAside(new Blob([bytes]), PIECE, Infinity, reader)) {
    got.push(piece);
    if (got.length === 3) reader.lost();  // what attach_reader.js's 'reader-lost' leads to
  }
  close();
  assert.deepEqual(joined(got), bytes);
});

test('a read stopped early: the next read gets only its own pieces', async () => {
  const { reader, stats, close } = await readerPair();
  for await (const piece of piecesReadAside(new Blob([bytes]), PIECE, Infinity, reader)) {
    assert.equal(piece.length, PIECE);
    break;
  }
  const other = Uint8Array.from({ length: 9000 }, (_, i) => 255 - (i % 200));
  const got = await collect(piecesReadAside(new Blob([other]), PIECE, Infinity, reader));
  close();
  assert.deepEqual(joined(got), other);
  // The stopped read sent one read at least and READS_ASIDE_AHEAD at most; the next, 9 pieces in 2 reads.
  assert.ok(stats.sent >= 1 + 2 && stats.sent <= READS_ASIDE_AHEAD + 2, `${stats.sent} reads sent`);
});

test('no reader, one not ready or lost, or a blob of a few pieces: read here', async () => {
  assert.deepEqual(joined(await collect(piecesReadAside(new Blob([bytes]), PIECE))), bytes);
  assert.deepEqual(joined(await collect(piecesReadAside(new Blob([bytes]), PIECE, Infinity, new PortReader()))), bytes);
  const { reader, stats, close } = await readerPair();
  const small = bytes.subarray(0, READ_HERE_PIECES * PIECE);
  assert.deepEqual(joined(await collect(piecesReadAside(new Blob([small]), PIECE, Infinity, reader))), small);
  reader.lost();
  assert.deepEqual(joined(await collect(piecesReadAside(new Blob([bytes]), PIECE, Infinity, reader))), bytes);
  close();
  assert.equal(stats.sent, 0);
});
