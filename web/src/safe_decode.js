// decodeURIComponent that does not throw: a link typed or cut by hand can
// hold a malformed escape ("#%E0%A4%A"), which is a URIError, not a reason
// for a page to stop.

/**
 * @param {string} text percent-encoded text
 * @param {string} fallback what a malformed text gives
 */
export function decodeOr(text, fallback) {
  try {
    return decodeURIComponent(text);
  } catch {
    return fallback;
  }
}
