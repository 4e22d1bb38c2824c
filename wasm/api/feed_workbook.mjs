// Reads an .xlsx workbook into a session. The engine reads the zip and the
// sheet's XML itself and asks for byte ranges of the file (the directory at
// its end first, then each part it needs); this serves them, inflating a
// compressed part with the platform's own DecompressionStream('deflate-raw')
// so that the engine carries no inflater of its own. Only a range's pieces
// are in memory at a time, never the whole workbook.

/** The bytes of input[offset, offset + length) as a ReadableStream. */
function rangeStream(input, offset, length) {
  if (typeof Blob !== 'undefined' && input instanceof Blob) return input.slice(offset, offset + length).stream();
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input)
    : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const part = bytes.subarray(offset, offset + length);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < part.length; at += 1 << 20) controller.enqueue(part.subarray(at, at + (1 << 20)));
      controller.close();
    },
  });
}

/** True for an input the workbook reader can take ranges of (its directory is at its end). */
export function canReadRanges(input) {
  return (typeof Blob !== 'undefined' && input instanceof Blob) || input instanceof ArrayBuffer || ArrayBuffer.isView(input);
}

/** The first `n` bytes of a ranged input. */
export async function headOf(input, n) {
  const reader = rangeStream(input, 0, n).getReader();
  const pieces = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(value);
    size += value.length;
  }
  const head = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) { head.set(p, at); at += p.length; }
  return head;
}

/**
 * After session.beginWorkbook(): serves the engine's requests until it is
 * done. `limit` stops once that many bytes of the sheet's rows were fed (a
 * preview). Progress counts the file's bytes served.
 */
export async function serveWorkbook(session, input, size, { chunkBytes, limit = Infinity, signal, onProgress }) {
  let bytesRead = 0;
  let sheetBytes = 0;
  let rowsRead = 0;
  for (;;) {
    signal?.throwIfAborted();
    const request = session.workbookNext();
    if (request.kind === 'done') return;
    let stream = rangeStream(input, request.offset, request.length);
    if (request.kind === 'inflated') stream = stream.pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    try {
      for (;;) {
        let piece;
        try {
          piece = await reader.read();
        } catch {
          session.failWorkbook(`the workbook is damaged: its part '${request.part}' does not inflate`);
          return;
        }
        if (piece.done) break;
        signal?.throwIfAborted();
        const value = piece.value;
        for (let at = 0; at < value.length; at += chunkBytes) {
          rowsRead = session.workbookFeed(value.subarray(at, at + chunkBytes));
          if (request.part.startsWith('xl/worksheets/')) sheetBytes += Math.min(chunkBytes, value.length - at);
          if (onProgress) await onProgress({ bytesRead, bytesTotal: size, rowsRead, heapBytes: session.heapBytes() });
        }
        if (sheetBytes >= limit) return;
      }
    } finally {
      reader.cancel().catch(() => {});
    }
    session.workbookEndRequest();
    bytesRead += request.length;
    // Ending a request may read rows (the last of a part): a caller handing lines off takes them now.
    if (onProgress) await onProgress({ bytesRead, bytesTotal: size, rowsRead, heapBytes: session.heapBytes() });
  }
}
