// Takes the network away from a worker's global scope. A worker started
// from a URL runs under the Content-Security-Policy of its own response,
// which a plain static server does not send, so the page's policy would not
// hold it: every way it has to make a request is removed here, first thing.
// What the worker itself needs (its engine's .wasm) goes through the
// returned fetchOwn, which only reaches the worker's own origin and data:
// URLs, follows no redirect, and is held by the caller, not by any global.
// `import()` is syntax and cannot be removed: module_worker.js starts the
// site's workers from blob: URLs, which run under the page's own policy.

/** Globals that can make a request, directly or through an object they give. */
export const NETWORK_GLOBALS = Object.freeze([
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport',
  'Request', 'Worker', 'SharedWorker', 'caches', 'CacheStorage', 'Cache',
  'FontFace', 'fonts', 'Notification', 'RTCPeerConnection', 'webkitRTCPeerConnection',
]);
/** Members of `navigator` that can make a request or start something that does. */
export const NAVIGATOR_MEMBERS = Object.freeze(['sendBeacon', 'serviceWorker']);

/**
 * @param {any} scope a worker's global scope (`self`)
 * @returns {(url: string | URL) => Promise<Response>} a fetch of the worker's own files only
 * @throws when something that can make a request could not be removed
 */
export function lockDownNetwork(scope) {
  const nativeFetch = typeof scope.fetch === 'function' ? scope.fetch.bind(scope) : null;
  const origin = String(scope.location?.origin ?? 'null');
  // A blob: URL is no base for a relative one: a blob: worker's own files are under its origin's root.
  const href = String(scope.location?.href ?? '');
  const base = href.startsWith('blob:') ? (origin === 'null' ? '' : `${origin}/`) : href;
  for (const name of NETWORK_GLOBALS) removeFrom(scope, name);
  if (scope.navigator) for (const name of NAVIGATOR_MEMBERS) removeFrom(scope.navigator, name);
  // Kept as a function that refuses: Emscripten tells a worker by `typeof importScripts`.
  removeFrom(scope, 'importScripts');
  Object.defineProperty(scope, 'importScripts', {
    value: function importScripts() { throw new TypeError('importScripts is disabled: this worker makes no request'); },
    writable: false, configurable: false, enumerable: false,
  });
  const left = NETWORK_GLOBALS.filter((name) => scope[name] !== undefined)
    .concat(NAVIGATOR_MEMBERS.filter((name) => scope.navigator?.[name] !== undefined).map((name) => `navigator.${name}`));
  if (left.length > 0) throw new Error(`could not remove ${left.join(', ')} from the worker`);

  return async function fetchOwn(url) {
    const target = new URL(String(url), base || undefined);
    const own = target.protocol === 'data:' || (origin !== 'null' && target.origin === origin);
    if (!own || !nativeFetch) throw new TypeError(`refused: ${target.href} is not one of this worker's own files`);
    return nativeFetch(target.href, { credentials: 'same-origin', redirect: 'error' });
  };
}

/** Deletes `name` from `object` and every prototype it has; what will not delete is set to undefined. */
function removeFrom(object, name) {
  for (let o = object; o; o = Object.getPrototypeOf(o)) {
    if (!Object.prototype.hasOwnProperty.call(o, name)) continue;
    try { if (delete o[name]) continue; } catch { /* not configurable: set below */ }
    try { Object.defineProperty(o, name, { value: undefined, writable: false, configurable: false }); } catch { /* checked by the caller */ }
  }
}
