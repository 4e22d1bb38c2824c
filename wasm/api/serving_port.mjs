// The caller's end of a worker that serves reads on a MessagePort (the
// reader worker, blob_pieces.mjs; the reading worker, split_reading.mjs):
// not ready until that worker says so with {type: 'ready'}, and no longer
// after lost(); every other message goes to the read in progress, which
// sets `listener` and numbers itself with nextId.
export class ServingPort {
  /** @param {any} lostMessage what lost() tells the read in progress */
  constructor(lostMessage) {
    /** @type {MessagePort | null} */
    this.port = null;
    this.ready = false;
    this.nextId = 1;
    /** @type {((message: any) => void) | null} the read in progress */
    this.listener = null;
    this.lostMessage = lostMessage;
  }

  /** @param {MessagePort} port; `ready` only ever follows from it */
  attach(port) {
    this.port = port;
    port.addEventListener('message', ({ data: message }) => {
      if (message?.type === 'ready') this.ready = true;
      else this.listener?.(message);
    });
    port.start();
  }

  /** The worker failed (the page saw its error event): stop using it. */
  lost() {
    this.ready = false;
    this.listener?.(this.lostMessage);
  }
}
