// Gives an engine worker a reading worker: a second engine worker, started
// here beside it and joined to it by a MessageChannel, that reads the rows
// of a large file while the first folds the lines it accepted, so that the
// two run on two cores (wasm/api/split_reading.mjs). The reading worker
// ends with the engine worker. One that cannot start, or that fails, leaves
// the engine worker reading alone, as before: the report is the same.
import { joinHelper } from './join_helper.js';
import { PORT_MESSAGES } from './protocol.js';

/**
 * @param {Worker} engine
 * @param {() => Worker} createWorker  another engine worker (with its own reader worker), named
 *   'reading' (its self.name) so that tools and tests can tell the two apart
 * @returns {Worker} the engine worker
 */
export function attachReadingWorker(engine, createWorker) {
  return joinHelper(engine, createWorker, PORT_MESSAGES.readingWorker);
}
