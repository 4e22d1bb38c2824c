// Once a report is on show, the upload area folds into one line (the
// files, their rows, "Change files") so that the answer is the first thing
// on screen; "Change files" opens it again. Before any file, the intro
// (what the tool gives, the examples) shows above it.

/**
 * @param {{intro: HTMLElement, input: HTMLElement, fold: HTMLElement, text: HTMLElement, change: HTMLButtonElement}} parts
 */
export function createUploadFold(parts) {
  const { intro, input, fold, text, change } = parts;
  let folded = false;
  const apply = (open) => {
    input.hidden = !open;
    change.setAttribute('aria-expanded', String(open));
    change.textContent = open ? 'Hide files' : 'Change files';
  };
  change.addEventListener('click', () => {
    const open = input.hidden;
    apply(open);
    if (open) /** @type {HTMLElement|null} */ (input.querySelector('input[type="file"]'))?.focus();
  });
  return {
    /**
     * Folds the upload area into its line.
     * @param {Array<{kind: string, name: string, rows?: {read?: number, accepted?: number}}>} files what was read
     * @param {(n: number) => string} count formats a row count
     */
    fold(files, count) {
      const parts = files.filter((f) => f?.name).map((f) => {
        const rows = f.rows?.read !== undefined ? ` · ${count(f.rows.read)} rows` : '';
        const kind = f.kind && f.kind !== 'contracts' ? ` (${f.kind})` : '';
        return `${f.name}${kind}${rows}`;
      });
      text.textContent = parts.join('  ·  ');
      // A focused control about to be hidden would leave focus on the body.
      const lost = input.contains(document.activeElement) || intro.contains(document.activeElement);
      intro.hidden = true;
      fold.hidden = false;
      folded = true;
      document.body.classList.add('files-folded');
      apply(false);
      return lost;
    },
    /** Opens the upload area again, its line gone (no report on show). */
    unfold() {
      folded = false;
      document.body.classList.remove('files-folded');
      fold.hidden = true;
      input.hidden = false;
    },
    get folded() { return folded; },
  };
}
