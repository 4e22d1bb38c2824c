// Main-thread side of the engine protocol (protocol.js): one lazily created
// module worker, requests matched to replies by id.
//
// The worker is disposable. When it fails (an 'error' event, a message that
// cannot be read, the engine's onAbort as {type:'fatal'}, or a reply with
// code 'engine_failed'), every pending request gets an error reply, the
// worker is terminated (which frees all of its wasm memory) and the next
// request starts a fresh one. `generation` counts the workers, so the page
// can tell that the session it read is gone.
import { describeFailure } from './engine_handler.js';

/**
 * @typedef {import('./protocol.js').Reply} Reply
 * @typedef {import('./protocol.js').ErrorReply} ErrorReply
 * @typedef {import('./protocol.js').ProgressMessage} ProgressMessage
 * @typedef {import('./protocol.js').EngineVocabulary} EngineVocabulary
 * @typedef {import('./protocol.js').FileEntry} FileEntry
 */

/** How long a cancelled read may take to stop by itself before the worker is terminated. */
export const CANCEL_GRACE_MS = 1500;

export class EngineClient {
  /**
   * @param {{createWorker: () => Worker, cancelGraceMs?: number}} options createWorker: a new engine
   *   worker (create_worker.js for the site, create_worker_inline.js for the single file)
   */
  constructor(options) {
    this.createWorker_ = options.createWorker;
    this.cancelGraceMs_ = options.cancelGraceMs ?? CANCEL_GRACE_MS;
    /** @type {Worker|null} */
    this.worker_ = null;
    this.nextId_ = 1;
    /** Counts workers started and lost; a new number means the previous session is gone. */
    this.generation = 0;
    /** @type {Map<number, {resolve: (r: Reply) => void, onProgress?: (p: ProgressMessage) => void, type: string}>} */
    this.pending_ = new Map();
    /** The engine's words, once it has said them (the build's: the same from every worker). @type {Promise<EngineVocabulary|null>|null} */
    this.vocabulary_ = null;
    /** Called after a worker was replaced because it failed. @type {(reason: string) => void} */
    this.onRestart = () => {};
  }

  /** @returns {Worker} */
  worker() {
    if (!this.worker_) {
      const worker = this.createWorker_();
      this.generation++;
      worker.addEventListener('message', (event) => this.onMessage_(worker, /** @type {MessageEvent} */ (event).data));
      worker.addEventListener('error', (event) => {
        event.preventDefault?.();
        const text = /** @type {ErrorEvent} */ (event).message;
        this.restart_(worker, 'worker_failed', text ? describeFailure(text) : 'The engine could not start: the worker failed to load.');
      });
      worker.addEventListener('messageerror', () => this.restart_(worker, 'worker_failed', 'The engine sent a message the page could not read.'));
      this.worker_ = worker;
    }
    return this.worker_;
  }

  /**
   * Sends one request. Never rejects: failures come back as {ok:false, error}.
   * @param {Exclude<import('./protocol.js').Request['type'], 'cancel'>} type
   * @param {object} [fields]
   * @param {(progress: ProgressMessage) => void} [onProgress]
   * @returns {Promise<Reply>}
   */
  request(type, fields = {}, onProgress) {
    const id = this.nextId_++;
    return new Promise((resolve) => {
      this.pending_.set(id, { resolve, onProgress, type });
      try {
        this.worker().postMessage({ ...fields, id, type });
      } catch (err) {
        this.pending_.delete(id);
        resolve(errorReply(id, 'post_failed', String(err?.message ?? err)));
      }
    });
  }

  /**
   * Reads the files into a new session.
   * @param {import('./protocol.js').ReadSettings} settings @param {FileEntry[]} files
   * @param {(progress: ProgressMessage) => void} [onProgress]
   * @returns {Promise<import('./protocol.js').LoadReply>}
   */
  load(settings, files, onProgress) {
    return /** @type {Promise<any>} */ (this.request('load', { settings, files }, onProgress));
  }

  /**
   * The engine's summary of the first bytes of a contracts file.
   * @param {import('./protocol.js').ReadSettings} settings @param {File} file
   * @param {string} [sheet] a workbook's sheet (default: the engine reads the first)
   * @returns {Promise<import('./protocol.js').PreviewReply>}
   */
  preview(settings, file, sheet) {
    return /** @type {Promise<any>} */ (this.request('preview', { settings, file, ...(sheet ? { sheet } : {}) }));
  }

  /**
   * @param {import('./protocol.js').ReportSettings} settings
   * @returns {Promise<import('./protocol.js').ReportReply>}
   */
  report(settings) {
    return /** @type {Promise<any>} */ (this.request('report', { settings }));
  }

  /**
   * The lines behind one figure, from a separate session over the same files.
   * @param {import('./protocol.js').ReadSettings} settings @param {FileEntry[]} files
   * @param {import('./protocol.js').ReportSettings} reportSettings
   * @param {(progress: ProgressMessage) => void} [onProgress]
   * @returns {Promise<import('./protocol.js').DrillReply>}
   */
  drill(settings, files, reportSettings, onProgress) {
    return /** @type {Promise<any>} */ (this.request('drill', { settings, files, report_settings: reportSettings }, onProgress));
  }

  /**
   * Two exports of the same list matched by id, each read by its own session.
   * @param {import('./protocol.js').ReadSettings} settings
   * @param {FileEntry} before @param {FileEntry} after
   * @param {{limit?: number}} compareSettings
   * @param {(progress: ProgressMessage) => void} [onProgress]
   * @returns {Promise<import('./protocol.js').CompareReply>}
   */
  compare(settings, before, after, compareSettings, onProgress) {
    return /** @type {Promise<any>} */ (this.request('compare', { settings, before, after, compare_settings: compareSettings }, onProgress));
  }

  /**
   * The engine's words (drill metrics, billing, recognition and status
   * values...), asked once: the first call also starts the engine. null
   * when it could not say (its worker failed); the next call asks again.
   * @returns {Promise<EngineVocabulary|null>}
   */
  vocabulary() {
    if (!this.vocabulary_) {
      this.vocabulary_ = this.request('engine').then((reply) => {
        if (reply.ok) return /** @type {import('./protocol.js').EngineInfoReply} */ (reply).vocabulary;
        this.vocabulary_ = null;
        return null;
      });
    }
    return this.vocabulary_;
  }

  /** True while a read (load, preview, drill or compare) is waiting for its reply. */
  get reading() {
    return this.pendingReads_().length > 0;
  }

  /** The ids of the reads waiting for their replies. */
  pendingReads_() {
    return [...this.pending_].filter(([, entry]) => ['load', 'preview', 'drill', 'compare'].includes(entry.type)).map(([id]) => id);
  }

  /**
   * Stops the running read: the worker stops before its next chunk; if it
   * has not answered within the grace time, it is terminated. A read asked
   * for after the cancel (the next file's) is not what the grace time waits on.
   */
  cancel() {
    if (!this.worker_ || !this.reading) return;
    const worker = this.worker_;
    const cancelled = this.pendingReads_();
    worker.postMessage({ type: 'cancel' });
    setTimeout(() => {
      if (this.worker_ === worker && cancelled.some((id) => this.pending_.has(id))) this.restart_(worker, 'cancelled', 'Reading was cancelled.', false);
    }, this.cancelGraceMs_);
  }

  /** @param {Worker} worker @param {import('./protocol.js').WorkerMessage} message */
  onMessage_(worker, message) {
    if (worker !== this.worker_) return;   // a terminated worker's last words
    if (message?.type === 'fatal') {
      this.restart_(worker, 'engine_failed', describeFailure(message.message));
      return;
    }
    const entry = this.pending_.get(message?.id);
    if (!entry) return;
    if (message.type === 'progress') {
      entry.onProgress?.(message);
      return;
    }
    this.pending_.delete(message.id);
    entry.resolve(message);
    if (message.ok === false && message.error?.code === 'engine_failed') this.restart_(worker, 'engine_failed', message.error.message);
  }

  /** Fails every pending request, terminates `worker`; the next request starts a new one. */
  restart_(worker, code, message, notify = true) {
    if (worker !== this.worker_) return;
    this.worker_ = null;
    this.generation++;     // the session in it is gone, even before a new worker starts
    worker.terminate();
    for (const [id, entry] of this.pending_) {
      this.pending_.delete(id);
      entry.resolve(errorReply(id, code, message));
    }
    if (notify) this.onRestart(message);
  }
}

/** @returns {ErrorReply} */
function errorReply(id, code, message) {
  return { type: 'reply', id, ok: false, error: { code, message } };
}
