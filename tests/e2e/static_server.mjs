// A tiny static file server for the end-to-end test: serves one folder under
// one URL prefix (a sub-path, to prove the built page does not assume "/"),
// on 127.0.0.1 and a port the OS picks. No dependency.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * @param {string} root folder to serve
 * @param {string} prefix URL path prefix, starting and ending with "/"
 * @param {{redirects?: Record<string, string>}} [options] redirects: a path (under
 *   the prefix, as "moved.csv") answered with a 302 to the URL given
 * @returns {Promise<{origin: string, url: string, log: string[], close: () => Promise<void>}>}
 */
export async function serveStatic(root, prefix, options = {}) {
  const log = [];
  const server = createServer(async (req, res) => {
    const raw = new URL(req.url ?? '/', 'http://x').pathname;
    let path = raw;
    try { path = decodeURIComponent(raw); } catch { /* a malformed escape: the path as it came */ }
    log.push(`${req.method} ${path}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    const redirect = options.redirects?.[path.slice(prefix.length)];
    if (path.startsWith(prefix) && redirect) {
      res.writeHead(302, { location: redirect, 'content-length': 0 });
      return res.end();
    }
    if (!path.startsWith(prefix)) return send(res, 404, 'not under ' + prefix);
    let rel = path.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return send(res, 403, 'outside root');
    try {
      if (!(await stat(file)).isFile()) return send(res, 404, 'not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(res, 404, 'not found');
    }
  });
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + prefix,
    log,
    close: () => new Promise((resolveClose) => { server.closeAllConnections?.(); server.close(() => resolveClose()); }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
