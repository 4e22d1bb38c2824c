// blobPieces: every byte once, in order, at most `limit`, with the next
// slice already requested when a piece is handed over.
import test from 'node:test';
import assert from 'node:assert/strict';
import { blobPieces } from '../../wasm/api/blob_pieces.mjs';

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

test('the next slice is requested before the current piece is handed over', async () => {
  const blob = new Blob([bytes]);
  const requested = [];
  const spy = { size: blob.size, slice: (a, b) => { requested.push(a); return blob.slice(a, b); } };
  const seenWhenHanded = [];
  for await (const piece of blobPieces(spy, 1000)) seenWhenHanded.push([piece.length, [...requested]]);
  assert.deepEqual(seenWhenHanded, [[1000, [0, 1000]], [1000, [0, 1000, 2000]], [500, [0, 1000, 2000]]]);
});

test('stopping early leaves no read unobserved', async () => {
  let failing = 0;
  const spy = { size: 3000, slice: (a) => ({ arrayBuffer: () => (a === 0 ? Promise.resolve(new ArrayBuffer(1000)) : (failing++, Promise.reject(new Error('gone')))) }) };
  for await (const piece of blobPieces(spy, 1000)) { assert.equal(piece.length, 1000); break; }
  await new Promise((r) => setTimeout(r, 10));  // an unhandled rejection would fail the test run
  assert.equal(failing, 1);
});
