// Gives an engine worker a reader worker of its own (wasm/api/
// blob_reader.worker.mjs), started here beside it and joined to it by a
// MessageChannel, so that files are read off the engine's thread. The
// reader ends with the engine worker. A reader that cannot start (a
// browser or a Content-Security-Policy that refuses it) or that fails
// leaves the engine reading files itself, as before.
import { joinHelper } from './join_helper.js';
import { PORT_MESSAGES } from './protocol.js';

/**
 * @param {Worker} engine
 * @param {() => Worker} createReader
 * @returns {Worker} the engine worker
 */
export function attachReader(engine, createReader) {
  return joinHelper(engine, createReader, PORT_MESSAGES.reader);
}
