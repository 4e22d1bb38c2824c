// The site's build is an installable app that works with no network after
// a first visit: vite-plugin-pwa writes the web app manifest and, with
// Workbox, a service worker (sw.js) that precaches every built file (the
// pages, scripts, styles, the engine's .wasm, the examples, the icons).
// Only the site's build: the single file and <bbb-report> have none.
// Everything is relative (base './'), so the worker's scope and the
// manifest's start_url are the folder the page is served from.
import { VitePWA } from 'vite-plugin-pwa';
import { ICON_SIZES, appIcons } from './app_icons.js';

/** The precached files may be large: the engine's .wasm is several MB. */
const LARGEST_PRECACHED_BYTES = 32 * 1024 * 1024;

export function offlineApp() {
  return [appIcons(), VitePWA({
    // The page registers the worker itself (src/offline/register_offline.js): no injected script, the CSP stays strict.
    injectRegister: false,
    registerType: 'autoUpdate',
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: 'Bookings, Billings & Backlog',
      short_name: 'BBB',
      description: 'Bookings, billings, revenue and backlog by period, computed in your browser: your files never leave it.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1f4e9a',
      icons: [
        ...ICON_SIZES.map((size) => ({ src: `icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png' })),
        { src: `icons/icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // The manifest is added by the plugin itself.
      globPatterns: ['**/*.{html,js,mjs,css,wasm,csv,png,svg,json}'],
      maximumFileSizeToCacheInBytes: LARGEST_PRECACHED_BYTES,
      // The files never change by their query (the page keeps its settings in it): any query finds the precached file.
      ignoreURLParametersMatching: [/.*/],
      navigateFallback: null,
      cleanupOutdatedCaches: true,
      // A new build takes over at once, and the first visit's page is served by the worker from then on.
      skipWaiting: true,
      clientsClaim: true,
      // No request off the origin: Workbox's runtime is bundled into sw.js, never loaded from a CDN.
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
  })];
}
