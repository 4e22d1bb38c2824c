// The single-file build: one HTML file with the page, the worker, the engine
// (.wasm as base64) and the example files inlined, which runs when opened
// from disk (file://) with no server. vite-plugin-singlefile inlines the
// bundle into the HTML; the worker comes from a blob: URL
// (src/worker/create_worker_inline.js). The Content-Security-Policy of index.html is
// rewritten for it: inline code is allowed by its SHA-256 hash, never by
// 'unsafe-inline', and nothing may connect anywhere but data: and blob: URLs
// of the page itself.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { sharedConfig as base } from './vite.config.js';

const webDir = resolve(import.meta.dirname);

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The CSP of the inlined page: hashes of its inline scripts and styles. */
export function singleFileCsp(html) {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')} 'wasm-unsafe-eval'`,
    "worker-src blob:",
    "connect-src data: blob:",
    "img-src blob: data:",
    `style-src ${styles.join(' ') || "'none'"}`,
    "base-uri 'none'", "form-action 'none'", "object-src 'none'",
  ].join('; ');
}

// After vite-plugin-singlefile has inlined everything: the file on disk.
function rewriteCsp() {
  return {
    name: 'bbb-single-file-csp',
    enforce: 'post',
    writeBundle(options) {
      const file = join(options.dir, 'index.html');
      const html = readFileSync(file, 'utf8');
      const rewritten = html.replace(/(<meta http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${singleFileCsp(html)}$2`);
      if (rewritten === html) this.error('index.html has no Content-Security-Policy meta tag to rewrite');
      writeFileSync(file, rewritten);
    },
  };
}

// One file has no other pages: the links to the lab and the glossary go.
function withoutSiteLinks() {
  return {
    name: 'bbb-single-file-no-site-links',
    transformIndexHtml: { order: 'pre', handler: (html) => html.replace(/<nav class="site-nav"[\s\S]*?<\/nav>\s*/, '') },
  };
}

export default mergeConfig(base, defineConfig({
  plugins: [withoutSiteLinks(), viteSingleFile({ removeViteModuleLoader: true }), rewriteCsp()],
  resolve: { alias: {
    '@bbb/create-worker': resolve(webDir, 'src/worker/create_worker_inline.js'),
    // One file opened from disk: no service worker (there is no sw.js beside it, and file:// has none).
    '@bbb/offline': resolve(webDir, 'src/offline/no_offline.js'),
  } },
  // Chromium refuses a module worker from a blob: URL of a file:// page; a
  // classic worker starts.
  worker: { format: 'iife' },
  build: {
    outDir: resolve(webDir, 'dist-single'),
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    rollupOptions: { input: resolve(webDir, 'index.html') },   // the report page only
  },
}));
