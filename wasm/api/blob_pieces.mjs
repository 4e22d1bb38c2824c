// The bytes of a Blob (a picked File) in pieces, the next pieces already
// being read while the caller feeds the current one. In Chromium each
// File.slice().arrayBuffer() waits on a round trip to the browser process,
// so reads one after another leave the file's bytes arriving about as
// slowly as the engine reads them; a few at once hide that (in a worker,
// 127 MB in 0.6-1.3 s one at a time, 0.41-0.50 s two at a time).
//
//   for await (const bytes of blobPieces(file, 1 << 20)) feed(bytes);

import { ServingPort } from './serving_port.mjs';

/** Reads blobPieces keeps under way beyond the piece it hands over. */
export const READS_AHEAD = 2;

/**
 * @param {Blob} blob
 * @param {number} pieceBytes
 * @param {number} [limit] read at most this many bytes
 * @returns {AsyncGenerator<Uint8Array>}
 */
export async function* blobPieces(blob, pieceBytes, limit = Infinity) {
  const total = Math.min(blob.size, limit);
  const reads = [];  // under way, in file order
  let next = 0;      // where the next read starts
  const readAhead = () => {
    while (reads.length < READS_AHEAD && next < total) {
      const end = Math.min(next + pieceBytes, total);
      reads.push({ bytes: blob.slice(next, end).arrayBuffer(), length: end - next });
      next = end;
    }
  };
  try {
    readAhead();
    while (reads.length > 0) {
      const read = reads.shift();
      const bytes = new Uint8Array(await read.bytes);
      // A piece short of its length: the file shrank under us; it ends here.
      if (bytes.length < read.length) {
        if (bytes.length > 0) yield bytes;
        return;
      }
      // The following pieces are on their way before this one is handed over.
      readAhead();
      yield bytes;
    }
  } finally {
    // A caller that stops early (a cancelled read) leaves no read unobserved.
    for (const read of reads) read.bytes.catch(() => {});
  }
}

/** A blob of at most this many pieces is read in the caller's thread: a reader worker brings nothing for so little. */
export const READ_HERE_PIECES = 4;

/**
 * A reader worker reads this many pieces in one File.slice and sends them as
 * one buffer, which piecesReadAside hands on piece by piece (views, no copy).
 * Why: in Chromium each slice read costs the browser process ~2-3 ms of CPU
 * whatever its size, on the same two cores as the engine: a 127 MB file read
 * in 1 MiB slices took the browser 320-480 ms of CPU and the page's workers
 * 240-330 ms, in 8 MiB slices 180-210 ms and ~170 ms (headless Chromium,
 * the slices alone). At most READS_ASIDE_AHEAD such reads are under way or held.
 */
export const PIECES_PER_READ = 8;
export const READS_ASIDE_AHEAD = 2;

/** What lost() tells the read in progress: not from the port, so it names no read. */
const LOST = Object.freeze({ type: 'error', message: 'the reader worker stopped' });

/**
 * The engine worker's end of a reader worker (blob_reader.worker.mjs): a
 * MessagePort the page hands over with attach(). Until the reader says it
 * is ready, and after lost(), it reads nothing and piecesReadAside reads in
 * the caller's thread.
 */
export class PortReader extends ServingPort {
  constructor() {
    super(LOST);
  }
}

/**
 * The same pieces as blobPieces, read by a reader worker when `reader` is
 * ready: this thread then only takes whole pieces, transferred, and does not
 * wait on the reading of each (in Chromium the 1M-row file's feeding waited
 * ~0.3 s for pieces read in its own thread, 0.05-0.08 s for pieces read aside).
 * A blob of a few pieces, no reader, or a reader that fails part way: the
 * rest is read here, from where it stopped, with blobPieces.
 *
 * @param {Blob} blob
 * @param {number} pieceBytes
 * @param {number} [limit] read at most this many bytes
 * @param {PortReader | null} [reader]
 * @returns {AsyncGenerator<Uint8Array>}
 */
export async function* piecesReadAside(blob, pieceBytes, limit = Infinity, reader = null) {
  const total = Math.min(blob.size, limit);
  let at = 0;  // bytes handed to the caller
  // Below a few pieces there is little reading to move.
  if (reader?.ready && total > READ_HERE_PIECES * pieceBytes) {
    const id = reader.nextId++;
    const inbox = [];
    let wake = null;
    let finished = false;
    // Pieces count from the reader's 'start' of this read: any before it are
    // an earlier, stopped read's last ones.
    let started = false;
    reader.listener = (message) => {
      if (message !== LOST && (message instanceof ArrayBuffer ? !started : message.id !== id)) return;
      if (message.type === 'start') { started = true; return; }
      inbox.push(message);
      if (wake) { const w = wake; wake = null; w(); }
    };
    try {
      reader.port.postMessage({ type: 'read', id, blob, pieceBytes: pieceBytes * PIECES_PER_READ, total, ahead: READS_ASIDE_AHEAD });
      for (;;) {
        while (inbox.length === 0) await new Promise((resolve) => { wake = resolve; });
        const message = inbox.shift();
        if (message.type === 'done' && at === total) { finished = true; return; }
        // An error, or more than was asked: read the rest here.
        if (!(message instanceof ArrayBuffer) || at + message.byteLength > total) break;
        // One read of several pieces: handed on a piece at a time, as views.
        const read = new Uint8Array(message);
        for (let from = 0; from < read.length; from += pieceBytes) {
          const bytes = read.subarray(from, Math.min(read.length, from + pieceBytes));
          at += bytes.length;
          yield bytes;
        }
        reader.port.postMessage({ type: 'taken', id });
      }
    } finally {
      reader.listener = null;
      if (!finished) reader.port.postMessage({ type: 'stop', id });
    }
  }
  if (at === 0) yield* blobPieces(blob, pieceBytes, limit);
  else yield* blobPieces(blob.slice(at, total), pieceBytes);
}
