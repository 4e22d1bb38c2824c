// The network taken away from a worker's global scope (network_lockdown.js),
// on a stand-in scope whose network APIs sit on the object and on its
// prototypes as a browser's do; and the fetch it keeps, for the worker's own
// files only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lockDownNetwork, NAVIGATOR_MEMBERS, NETWORK_GLOBALS } from '../../web/src/worker/network_lockdown.js';

/** A worker-like scope: some APIs own, some on a prototype (as WebIDL puts them), a navigator with sendBeacon. */
function workerScope(href = 'https://intranet.example/bbb/assets/engine.worker.js') {
  const fetched = [];
  const proto = { XMLHttpRequest: class {}, caches: {}, FontFace: class {} };
  const scope = Object.create(proto);
  Object.assign(scope, {
    location: new URL(href),
    fetch: async (url, init) => { fetched.push({ url, init }); return { ok: true }; },
    WebSocket: class {}, EventSource: class {}, Request: class {}, Worker: class {},
    importScripts: () => 'loaded',
    navigator: Object.create({ sendBeacon: () => true, userAgent: 'test' }),
  });
  Object.defineProperty(scope, 'fonts', { get: () => ({}), configurable: true });
  return { scope, fetched };
}

test('every network API is gone from the scope and its prototypes; importScripts refuses', () => {
  const { scope } = workerScope();
  lockDownNetwork(scope);
  for (const name of NETWORK_GLOBALS) assert.equal(scope[name], undefined, name);
  for (const name of NAVIGATOR_MEMBERS) assert.equal(scope.navigator[name], undefined, `navigator.${name}`);
  assert.equal(scope.navigator.userAgent, 'test', 'the rest of navigator stays');
  assert.equal(typeof scope.importScripts, 'function', 'Emscripten tells a worker by it');
  assert.throws(() => scope.importScripts('https://elsewhere.example/x.js'), /disabled/);
  assert.throws(() => { scope.importScripts = () => 'back'; }, TypeError, 'it cannot be put back');
});

test('the fetch it returns reaches the worker\'s own origin and data: URLs only, without redirects', async () => {
  const { scope, fetched } = workerScope();
  const fetchOwn = lockDownNetwork(scope);
  await fetchOwn('bbb-123.wasm');
  await fetchOwn('https://intranet.example/other/path.wasm');
  await fetchOwn('data:application/wasm;base64,AGFzbQ==');
  assert.deepEqual(fetched.map((f) => f.url), ['https://intranet.example/bbb/assets/bbb-123.wasm',
    'https://intranet.example/other/path.wasm', 'data:application/wasm;base64,AGFzbQ==']);
  assert.ok(fetched.every((f) => f.init.redirect === 'error' && f.init.credentials === 'same-origin'));
  for (const foreign of ['https://elsewhere.example/bbb.wasm', 'http://intranet.example/bbb.wasm', 'https://intranet.example:8443/x',
    '//elsewhere.example/x', 'blob:https://elsewhere.example/1234']) {
    await assert.rejects(fetchOwn(foreign), /refused/, foreign);
  }
  assert.equal(fetched.length, 3);
});

test('a worker of a file:// page (origin "null") may fetch data: URLs and nothing else', async () => {
  const { scope, fetched } = workerScope('blob:null/6b8d3c7e');
  const fetchOwn = lockDownNetwork(scope);
  await fetchOwn('data:application/wasm;base64,AGFzbQ==');
  await assert.rejects(fetchOwn('file:///etc/passwd'), /refused/);
  await assert.rejects(fetchOwn('https://elsewhere.example/x'), /refused/);
  assert.equal(fetched.length, 1);
});

test('something that cannot be removed stops the worker instead of leaving it online', () => {
  const { scope } = workerScope();
  Object.defineProperty(scope, 'WebTransport', { value: class {}, configurable: false });
  assert.throws(() => lockDownNetwork(scope), /could not remove WebTransport/);
});

test('in a blob: worker (the site starts them so), a root-relative URL is on its origin', async () => {
  const { scope, fetched } = workerScope('blob:https://intranet.example/6b8d3c7e-aa');
  const fetchOwn = lockDownNetwork(scope);
  await fetchOwn('/@fs/build/bbb.wasm');
  await fetchOwn('https://intranet.example/bbb/assets/bbb-123.wasm');
  assert.deepEqual(fetched.map((f) => f.url), ['https://intranet.example/@fs/build/bbb.wasm', 'https://intranet.example/bbb/assets/bbb-123.wasm']);
  await assert.rejects(fetchOwn('https://elsewhere.example/bbb.wasm'), /refused/);
});
