// The single file (vite.single.config.js) has no service worker: it is one
// file, opened from disk, already offline.
export function registerOffline() {}
