// Main-thread side of the engine protocol: one lazily created module worker,
// requests matched to replies by id.

/**
 * @typedef {{ok: true} & Record<string, any>} OkReply
 * @typedef {{ok: false, error: {code: string, message: string}}} ErrorReply
 * @typedef {OkReply|ErrorReply} Reply
 */

export class EngineClient {
  constructor() {
    /** @type {Worker|null} */
    this.worker_ = null;
    this.nextId_ = 1;
    /** @type {Map<number, {resolve: (r: Reply) => void, onProgress?: (p: any) => void}>} */
    this.pending_ = new Map();
  }

  /** @returns {Worker} */
  worker() {
    if (!this.worker_) {
      this.worker_ = new Worker(new URL('./engine.worker.js', import.meta.url), { type: 'module' });
      this.worker_.addEventListener('message', (event) => this.onMessage_(event.data));
      this.worker_.addEventListener('error', (event) => {
        event.preventDefault?.();
        this.failAll_('worker_failed', 'The engine could not start: ' + (event.message || 'the worker failed to load.'));
      });
    }
    return this.worker_;
  }

  /**
   * Sends one request. Never rejects: failures come back as {ok:false, error}.
   * @param {string} type
   * @param {object} [fields]
   * @param {(progress: any) => void} [onProgress]
   * @returns {Promise<Reply>}
   */
  request(type, fields = {}, onProgress) {
    const id = this.nextId_++;
    return new Promise((resolve) => {
      this.pending_.set(id, { resolve, onProgress });
      try {
        this.worker().postMessage({ ...fields, id, type });
      } catch (err) {
        this.pending_.delete(id);
        resolve({ ok: false, error: { code: 'post_failed', message: String(err?.message ?? err) } });
      }
    });
  }

  /** Reads the files into a new session. @param {object} settings @param {{kind: string, file: File}[]} files */
  load(settings, files, onProgress) {
    return this.request('load', { settings, files }, onProgress);
  }

  /** @param {{period?: string, fiscal_start?: number}} settings */
  report(settings) {
    return this.request('report', { settings });
  }

  onMessage_(message) {
    const entry = this.pending_.get(message?.id);
    if (!entry) return;
    if (message.type === 'progress') {
      entry.onProgress?.(message);
      return;
    }
    this.pending_.delete(message.id);
    entry.resolve(message);
  }

  failAll_(code, message) {
    for (const [id, entry] of this.pending_) {
      this.pending_.delete(id);
      entry.resolve({ ok: false, error: { code, message } });
    }
    this.worker_?.terminate();
    this.worker_ = null;   // the next request starts a new worker
  }
}
