// The <bbb-report> custom element as one ES module,
// web/dist-component/bbb-report.js: the element, the renderers, Chart.js,
// the engine's worker and the .wasm all inlined, so that an intranet page
// needs one script tag. The worker starts from a blob: URL as a classic
// worker (it works under file:// too).
import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import { sharedConfig as base } from './vite.config.js';

const webDir = resolve(import.meta.dirname);

export default mergeConfig(base, defineConfig({
  worker: { format: 'iife' },
  build: {
    outDir: resolve(webDir, 'dist-component'),
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    lib: { entry: resolve(webDir, 'src/component/bbb_report.js'), formats: ['es'], fileName: () => 'bbb-report.js' },
    // One input (the base config lists the site's three pages), one file.
    rollupOptions: { input: resolve(webDir, 'src/component/bbb_report.js'), output: { codeSplitting: false } },
  },
}));
