// The bytes of a Blob (a picked File) in pieces, each next piece already
// being read while the caller feeds the current one. In Chromium a
// File.slice().arrayBuffer() of 1 MiB takes about as long as the engine
// takes to read it, so reading one piece ahead hides most of the reading
// (two pieces in memory at most).
//
//   for await (const bytes of blobPieces(file, 1 << 20)) feed(bytes);

/**
 * @param {Blob} blob
 * @param {number} pieceBytes
 * @param {number} [limit] read at most this many bytes
 * @returns {AsyncGenerator<Uint8Array>}
 */
export async function* blobPieces(blob, pieceBytes, limit = Infinity) {
  const total = Math.min(blob.size, limit);
  const read = (at) => blob.slice(at, Math.min(at + pieceBytes, total)).arrayBuffer();
  let next = total > 0 ? read(0) : null;
  try {
    for (let at = 0; next; ) {
      const bytes = new Uint8Array(await next);
      at += bytes.length;
      // The following piece is on its way before this one is handed over.
      next = bytes.length > 0 && at < total ? read(at) : null;
      if (bytes.length === 0) return;
      yield bytes;
    }
  } finally {
    // A caller that stops early (a cancelled read) leaves no read unobserved.
    if (next) next.catch(() => {});
  }
}
