// Vite builds web/ into web/dist. `base: './'` makes every URL in the build
// relative, so the folder works under any sub-path and from any static host.
//
// The engine is not committed: '@bbb/wasm' points at the Emscripten build
// (build/wasm-release/wasm/bbb.js + bbb.wasm, or $BBB_WASM_DIR) and Vite
// bundles bbb.js into the worker and copies bbb.wasm as a hashed asset.
// The example sets of examples/ are listed at build time by
// examples_manifest.js ('virtual:bbb-examples') and served from the page's
// own origin.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import { examplesManifest } from './examples_manifest.js';
import { offlineApp } from './offline/offline_app.js';

const webDir = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(webDir, '..');
const wasmDir = resolve(process.env.BBB_WASM_DIR ?? resolve(repoDir, 'build/wasm-release/wasm'));
const examplesDir = resolve(process.env.BBB_EXAMPLES_DIR ?? resolve(repoDir, 'examples'));

/** Fails early, with the command to run, when an input of the page is missing. */
function requireInputs() {
  return {
    name: 'bbb-require-inputs',
    buildStart() {
      const missing = [resolve(wasmDir, 'bbb.js'), resolve(wasmDir, 'bbb.wasm'), resolve(examplesDir, 'worked-examples.csv')]
        .filter((file) => !existsSync(file));
      if (missing.length > 0) {
        this.error(
          `missing ${missing.join(', ')}.\n` +
          'Build the engine first: NODE_PATH=/usr/share/nodejs emcmake cmake --preset wasm-release && ' +
          'NODE_PATH=/usr/share/nodejs cmake --build --preset wasm-release',
        );
      }
    },
  };
}

// The head every page shares, with its Content-Security-Policy: written
// once here, put where a page says <!-- bbb:head -->, and sent as a header
// by `npm run serve:web` (preview.headers). worker-src blob:: the workers
// start from blob: URLs so that they run under this policy too
// (src/worker/module_worker.js); 'self': the scripts they import and the
// offline service worker (sw.js); manifest-src 'self': the web app manifest.
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'self' blob:; " +
  "img-src 'self' blob: data:; manifest-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";
const HEAD = ['<meta charset="utf-8" />', '<meta name="viewport" content="width=device-width, initial-scale=1" />',
  '<meta name="color-scheme" content="light dark" />', `<meta http-equiv="Content-Security-Policy"\n          content="${CSP}" />`,
  '<link rel="icon" href="data:," />', '<link rel="stylesheet" href="./src/style.css" />'].join('\n    ');

function sharedHead() {
  return {
    name: 'bbb-shared-head',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!html.includes('<!-- bbb:head -->')) throw new Error(`${ctx.filename} has no <!-- bbb:head --> placeholder`);
        return html.replace('<!-- bbb:head -->', HEAD);
      },
    },
  };
}

/** What every build shares: the site's, the single file's and <bbb-report>'s. */
export const sharedConfig = defineConfig({
  root: webDir,
  base: './',
  publicDir: false,
  plugins: [sharedHead(), requireInputs(), examplesManifest(examplesDir)],
  resolve: {
    alias: {
      '@bbb/wasm': wasmDir,
      '@bbb/examples': examplesDir,
      '@bbb/create-worker': resolve(webDir, 'src/worker/create_worker.js'),
      '@bbb/offline': resolve(webDir, 'src/offline/register_offline.js'),
    },
  },
  worker: {
    format: 'es',
  },
  build: {
    outDir: resolve(webDir, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,      // the wasm and the example stay files, fetched from the same origin
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rollupOptions: {
      // Three pages: the report, the contract lab, the glossary.
      input: { index: resolve(webDir, 'index.html'), lab: resolve(webDir, 'lab.html'), glossary: resolve(webDir, 'glossary.html') },
      onLog(level, log, handler) {
        // bbb.js carries Emscripten's node branch (require('fs'), 'path'),
        // which never runs in the worker; Vite's shims for it are expected.
        if (/has been externalized for browser compatibility/.test(log.message ?? '')) return;
        handler(level, log);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    fs: { allow: [repoDir, wasmDir] },
  },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.PORT) || 8080,
    strictPort: true,
    // On every response, scripts too: a worker started from a URL takes its policy from its own response.
    headers: { 'Content-Security-Policy': CSP },
  },
});

// The site: installable, and working offline after a first visit (offline/offline_app.js).
export default mergeConfig(sharedConfig, defineConfig({ plugins: [offlineApp()] }));
