// Registers the site's service worker (sw.js, written at build time by
// web/offline/offline_app.js) once the page has loaded, so that the page
// works offline after this first visit. Its scope is the page's folder.
// A browser that cannot (a file:// page, a private window, workers blocked)
// simply stays online-only: nothing to say to the user.
export function registerOffline() {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const register = () => { navigator.serviceWorker.register('./sw.js').catch(() => {}); };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
