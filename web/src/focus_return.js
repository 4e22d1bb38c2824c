// Reading disables the controls, and a focused control that is disabled
// drops focus to the body: Enter on "Try an example" left a keyboard user
// at the top of the page with nothing focused. Where focus goes once the
// read is done.

/** The element with focus, or null when none has it (the body). */
export function focusedElement() {
  const active = document.activeElement;
  return active && active !== document.body && active !== document.documentElement ? /** @type {HTMLElement} */ (active) : null;
}

/**
 * Once a read is done, and only if nothing has focus (a user who moved it
 * meanwhile keeps it where it is): to `report`, the start of a report just
 * shown for a new file, else back to the control that had it, when it can
 * take it again.
 * @param {HTMLElement|null} before what had focus when the read began
 * @param {HTMLElement|null} report
 */
export function returnFocus(before, report) {
  if (focusedElement()) return;
  const control = before?.isConnected && !(/** @type {HTMLButtonElement} */ (before).disabled) ? before : null;
  (report ?? control)?.focus();
}
