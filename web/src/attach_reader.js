// Gives an engine worker a reader worker of its own (wasm/api/
// blob_reader.worker.mjs), started here beside it and joined to it by a
// MessageChannel, so that files are read off the engine's thread. The
// reader ends with the engine worker. A reader that cannot start (a
// browser or a Content-Security-Policy that refuses it) or that fails
// leaves the engine reading files itself, as before.

/**
 * @param {Worker} engine
 * @param {() => Worker} createReader
 * @returns {Worker} the engine worker
 */
export function attachReader(engine, createReader) {
  let reader;
  try {
    reader = createReader();
  } catch {
    return engine;
  }
  const channel = new MessageChannel();
  reader.onerror = (event) => {
    event.preventDefault();
    engine.postMessage({ type: 'reader-lost' });
  };
  reader.postMessage({ type: 'port', port: channel.port1 }, [channel.port1]);
  engine.postMessage({ type: 'reader', port: channel.port2 }, [channel.port2]);
  const terminate = engine.terminate.bind(engine);
  engine.terminate = () => {
    reader.terminate();
    terminate();
  };
  return engine;
}
