// blobPieces: every byte once, in order, at most `limit`, with the next
// READS_AHEAD slices already requested when a piece is handed over.
import test from 'node:test';
import assert from 'node:assert/strict';
import { blobPieces, READS_AHEAD } from '../../wasm/api/blob_pieces.mjs';

const bytes = Uint8Array.from({ length: 2500 }, (_, i) => i % 251);

test('pieces cover the blob in order, each of the given size but the last', async () => {
  const got = [];
  for await (const piece of blobPieces(new Blob([bytes]), 1000)) got.push(piece);
  assert.deepEqual(got.map((p) => p.length), [1000, 1000, 500]);
  assert.deepEqual(Uint8Array.from(got.flatMap((p) => [...p])), bytes);
});

test('a limit stops the reading there; an empty blob gives nothing', async () => {
  const got = [];
  for await (const piece of blobPieces(new Blob([bytes]), 1000, 1200)) got.push(piece.length);
  assert.deepEqual(got, [1000, 200]);
  for await (const piece of blobPieces(new Blob([]), 1000)) assert.fail(`unexpected piece of ${piece.length}`);
});

test('the next two slices are requested before the current piece is handed over, and no more', async () => {
  assert.equal(READS_AHEAD, 2);
  const long = Uint8Array.from({ length: 4500 }, (_, i) => i % 249);
  const blob = new Blob([long]);
  const requested = [];
  const spy = { size: blob.size, slice: (a, b) => { requested.push(a); return blob.slice(a, b); } };
  const seenWhenHanded = [];
  const got = [];
  for await (const piece of blobPieces(spy, 1000)) { seenWhenHanded.push([piece.length, [...requested]]); got.push(...piece); }
  assert.deepEqual(seenWhenHanded, [
    [1000, [0, 1000, 2000]],
    [1000, [0, 1000, 2000, 3000]],
    [1000, [0, 1000, 2000, 3000, 4000]],
    [1000, [0, 1000, 2000, 3000, 4000]],
    [500, [0, 1000, 2000, 3000, 4000]],
  ]);
  assert.deepEqual(Uint8Array.from(got), long);
});

test('a file that shrinks while read ends where its bytes end, with no piece after a short one', async () => {
  // Reads ask for 3000 bytes but the file now holds 2500: the third piece
  // comes back short and the read under way beyond it, empty.
  const cut = new Blob([bytes]);
  const spy = { size: 3600, slice: (a, b) => cut.slice(Math.min(a, cut.size), Math.min(b, cut.size)) };
  const got = [];
  for await (const piece of blobPieces(spy, 1000)) got.push(piece);
  assert.deepEqual(got.map((p) => p.length), [1000, 1000, 500]);
  assert.deepEqual(Uint8Array.from(got.flatMap((p) => [...p])), bytes);
});

test('stopping early leaves no read unobserved', async () => {
  let failing = 0;
  const spy = { size: 3000, slice: (a) => ({ arrayBuffer: () => (a === 0 ? Promise.resolve(new ArrayBuffer(1000)) : (failing++, Promise.reject(new Error('gone')))) }) };
  for await (const piece of blobPieces(spy, 1000)) { assert.equal(piece.length, 1000); break; }
  await new Promise((r) => setTimeout(r, 10));  // an unhandled rejection would fail the test run
  assert.equal(failing, READS_AHEAD, 'both reads under way were left behind, and neither went unobserved');
});
