// Analyses kept on this device, only when the user asks ("Keep on this
// device"): the files as they were read and the settings, in the browser's
// own storage for this site. The Origin Private File System first: each
// file is streamed into it (File.stream() piped to a writable), so a
// 100+ MB file is never held in memory, once or twice; where it is missing
// (an older browser, a file:// page) IndexedDB, which stores the File
// objects themselves (the browser writes their bytes to disk). Nothing
// leaves the device, and nothing is kept otherwise.

/**
 * @typedef {{kind: string, name: string, size: number, type: string, sheet?: string}} KeptFile
 * @typedef {{id: string, name: string, keptAt: string, size: number, files: KeptFile[],
 *   settings: Record<string, any>, store: 'opfs'|'indexeddb'}} KeptAnalysis
 */

const DIR = 'bbb-kept';
const DB = 'bbb-kept';
const META = 'analysis.json';

/** A new id: letters and digits only (it goes in the address). */
function newId() {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return random.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 36);
}

// ------------------------------------------------------------ OPFS ----

async function opfsRoot() {
  const getDirectory = globalThis.navigator?.storage?.getDirectory;
  if (!getDirectory) return null;
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(DIR, { create: true });
  } catch {
    return null;   // not allowed here (a file:// page, a private window of some browsers)
  }
}

/** Writes a blob into a file of `dir`, streamed. */
async function writeFile(dir, name, blob) {
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  await blob.stream().pipeTo(writable);  // closes the writable when done
}

async function readText(dir, name) {
  const handle = await dir.getFileHandle(name);
  return (await handle.getFile()).text();
}

// ------------------------------------------------------------ IndexedDB ----

function openDb() {
  return new Promise((resolve, reject) => {
    if (!globalThis.indexedDB) { reject(new Error('no IndexedDB')); return; }
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('analyses', { keyPath: 'meta.id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function idb(mode, work) {
  return openDb().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction('analyses', mode);
    const result = work(tx.objectStore('analyses'));
    tx.oncomplete = () => { db.close(); resolve(result.result ?? result); };
    tx.onerror = () => { db.close(); reject(tx.error); };
    tx.onabort = () => { db.close(); reject(tx.error); };
  }));
}

// ------------------------------------------------------------ the store ----

/** Where analyses are kept here: 'opfs', 'indexeddb', or null when neither can be used. */
export async function keptStorage() {
  if (await opfsRoot()) return 'opfs';
  try {
    (await openDb()).close();
    return 'indexeddb';
  } catch {
    return null;
  }
}

/**
 * Keeps the files and settings of an analysis.
 * @param {{name: string, files: Array<{kind: string, file: File, sheet?: string}>, settings: Record<string, any>}} analysis
 * @returns {Promise<KeptAnalysis>}
 */
export async function keepAnalysis(analysis) {
  const id = newId();
  const files = analysis.files.map(({ kind, file, sheet }) => ({ kind, name: file.name, size: file.size, type: file.type, ...(sheet ? { sheet } : {}) }));
  const meta = /** @type {KeptAnalysis} */ ({
    id, name: analysis.name, keptAt: new Date().toISOString(), size: files.reduce((n, f) => n + f.size, 0),
    files, settings: analysis.settings, store: 'opfs',
  });
  const root = await opfsRoot();
  if (root) {
    const dir = await root.getDirectoryHandle(id, { create: true });
    try {
      for (let i = 0; i < analysis.files.length; i++) await writeFile(dir, `file-${i}`, analysis.files[i].file);
      // The description last: an analysis without one (a write cut short) is not listed.
      await writeFile(dir, META, new Blob([JSON.stringify(meta)], { type: 'application/json' }));
      return meta;
    } catch (err) {
      await root.removeEntry(id, { recursive: true }).catch(() => {});
      throw err;
    }
  }
  meta.store = 'indexeddb';
  await idb('readwrite', (store) => store.put({ meta, blobs: analysis.files.map((f) => f.file) }));
  return meta;
}

/** The analyses kept, the latest first. @returns {Promise<KeptAnalysis[]>} */
export async function listKept() {
  const out = [];
  const root = await opfsRoot();
  if (root) {
    for await (const [name, handle] of /** @type {any} */ (root).entries()) {
      if (handle.kind !== 'directory') continue;
      try { out.push(JSON.parse(await readText(handle, META))); } catch { /* not complete: not listed */ }
      void name;
    }
  }
  try {
    const records = await idb('readonly', (store) => store.getAll());
    for (const r of records ?? []) out.push(r.meta);
  } catch { /* no IndexedDB here */ }
  return out.sort((a, b) => String(b.keptAt).localeCompare(String(a.keptAt)));
}

/**
 * The files of a kept analysis, as File objects read from the storage (not loaded into memory).
 * @param {string} id
 * @returns {Promise<{meta: KeptAnalysis, files: Array<{kind: string, file: File, sheet?: string}>}|null>}
 */
export async function openKept(id) {
  const root = await opfsRoot();
  if (root) {
    try {
      const dir = await root.getDirectoryHandle(id);
      const meta = /** @type {KeptAnalysis} */ (JSON.parse(await readText(dir, META)));
      const files = [];
      for (let i = 0; i < meta.files.length; i++) {
        const stored = await (await dir.getFileHandle(`file-${i}`)).getFile();
        const f = meta.files[i];
        // Named as the user's file was (the engine and the report name it so); its bytes stay on disk.
        files.push({ kind: f.kind, file: new File([stored], f.name, { type: f.type }), ...(f.sheet ? { sheet: f.sheet } : {}) });
      }
      return { meta, files };
    } catch { /* not in OPFS: perhaps in IndexedDB */ }
  }
  try {
    const record = await idb('readonly', (store) => store.get(id));
    if (!record) return null;
    return { meta: record.meta, files: record.meta.files.map((f, i) => ({ kind: f.kind, file: new File([record.blobs[i]], f.name, { type: f.type }), ...(f.sheet ? { sheet: f.sheet } : {}) })) };
  } catch {
    return null;
  }
}

/** Deletes a kept analysis, its files and settings. */
export async function deleteKept(id) {
  const root = await opfsRoot();
  if (root) await root.removeEntry(id, { recursive: true }).catch(() => {});
  try { await idb('readwrite', (store) => store.delete(id)); } catch { /* no IndexedDB here */ }
}
