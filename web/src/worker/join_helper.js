// Starts a helper worker beside an engine worker and joins the two by a
// MessageChannel: the helper gets one port as {type: messages.serve, port},
// the engine worker the other as {type: messages.join, port}. A helper that
// fails (its error event) makes the engine worker hear {type: messages.lost}
// and go on without it; one that cannot start leaves it alone from the
// start. The helper ends with the engine worker.

/**
 * @param {Worker} engine
 * @param {() => Worker} createHelper
 * @param {{serve: string, join: string, lost: string}} messages
 * @returns {Worker} the engine worker
 */
export function joinHelper(engine, createHelper, messages) {
  let helper;
  try {
    helper = createHelper();
  } catch {
    return engine;
  }
  const channel = new MessageChannel();
  helper.onerror = (event) => {
    event.preventDefault();
    engine.postMessage({ type: messages.lost });
  };
  helper.postMessage({ type: messages.serve, port: channel.port1 }, [channel.port1]);
  engine.postMessage({ type: messages.join, port: channel.port2 }, [channel.port2]);
  const terminate = engine.terminate.bind(engine);
  engine.terminate = () => {
    helper.terminate();
    terminate();
  };
  return engine;
}
