// The statements (table and charts) of a report's currencies, drawn when
// they are needed: the one on show at once, the others in the tasks after
// it, one a task, so that the page shows the first and answers in between.
// Each is a table of every period by ~40 rows of figures: drawing the five
// of the 10k-row bench file (146 months) before showing any made its report
// appear 0.13-0.25 s later in headless Chromium. Used by the report view
// (report_view.js) of the page and of <bbb-report>.

export class LazyStatements {
  /**
   * @param {(code: string, anchor: Node) => void} draw puts a currency's statement in place of its anchor
   * @param {(code: string) => Node} [makeAnchor] what marks where it goes until then (default: a comment)
   */
  constructor(draw, makeAnchor = (code) => document.createComment(` ${code} statement `)) {
    this.draw_ = draw;
    this.makeAnchor_ = makeAnchor;
    /** @type {Map<string, Node>} */
    this.anchors_ = new Map();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer_ = undefined;
  }

  /** Forgets any earlier report's, and appends to `parent` where each of `codes` goes, in order. */
  place(parent, codes) {
    this.forget();
    for (const code of codes) {
      const anchor = this.makeAnchor_(code);
      this.anchors_.set(code, anchor);
      parent.append(anchor);
    }
  }

  /** Draws a currency's statement now, unless drawn already or not placed. */
  draw(code) {
    const anchor = this.anchors_.get(code);
    if (!anchor) return;
    this.anchors_.delete(code);
    this.draw_(code, anchor);
  }

  /** Draws the rest, in order, one a task. */
  drawRestLater() {
    clearTimeout(this.timer_);
    const next = this.anchors_.keys().next();
    if (next.done) return;
    this.timer_ = setTimeout(() => { this.draw(next.value); this.drawRestLater(); }, 0);
  }

  /** Draws the rest now (before printing: print shows every currency). */
  drawAll() {
    for (const code of [...this.anchors_.keys()]) this.draw(code);
  }

  /** Stops drawing the report's statements: it is gone. */
  forget() {
    clearTimeout(this.timer_);
    this.anchors_.clear();
  }

  /** Currencies placed and not drawn yet. */
  get waiting() { return [...this.anchors_.keys()]; }
}
