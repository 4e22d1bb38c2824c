// Starts a module worker from a blob: URL whose only line imports the
// worker's script. A worker started from its script's URL runs under the
// Content-Security-Policy of that response, which a plain static server
// does not send; a blob: worker runs under the page's own policy, so that
// nothing in it (not even `import()`, which no script can remove) reaches
// another origin, whatever headers the server sends.

/** One blob: URL per script, kept for the page's life (a replaced engine worker reuses it). */
const wrappers = new Map();

/**
 * @param {string | URL} scriptUrl the worker's module script, on the page's origin
 * @param {string} name the worker's self.name (tools and tests tell the workers apart by it)
 * @returns {Worker}
 */
export function startModuleWorker(scriptUrl, name) {
  const script = new URL(scriptUrl, document.baseURI).href;
  let wrapper = wrappers.get(script);
  if (!wrapper) {
    wrapper = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};\n`], { type: 'text/javascript' }));
    wrappers.set(script, wrapper);
  }
  return new Worker(wrapper, { type: 'module', name });
}
