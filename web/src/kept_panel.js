// "Keep on this device" and the list of analyses kept (kept_store.js): the
// page keeps nothing unless the user presses the button, says where it is
// kept, and lists what is, to open again or delete. Names from the files
// are shown as text only.
import { el } from './statement_view.js';
import { deleteKept, keepAnalysis, keptStorage, listKept, openKept } from './kept_store.js';

const WHERE = {
  opfs: "this browser's private file storage for this page (the Origin Private File System)",
  indexeddb: "this browser's database for this page (IndexedDB)",
};

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
/** A file size for people: "12.3 MB", "0.6 kB" (sizes, not money). */
const sizeText = (bytes) => bytes >= 100_000 ? `${ONE_DECIMAL.format(bytes / 1e6)} MB` : `${ONE_DECIMAL.format(bytes / 1e3)} kB`;

/**
 * @param {{current: () => ({name: string, files: Array<{kind: string, file: File, sheet?: string}>, settings: Record<string, any>}|null),
 *   open: (kept: {meta: import('./kept_store.js').KeptAnalysis, files: Array<{kind: string, file: File, sheet?: string}>}) => void,
 *   busy: () => boolean}} page
 * @returns {{openById: (id: string) => Promise<boolean>}}
 */
export function installKeptPanel(page) {
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const panel = /** @type {HTMLDetailsElement} */ ($('kept-panel'));
  const list = $('kept-list');
  const where = $('kept-where');
  const count = $('kept-count');
  const keepButton = /** @type {HTMLButtonElement} */ ($('keep-button'));
  const keepStatus = $('keep-status');
  let storage = /** @type {string|null} */ (null);

  async function refresh() {
    const kept = await listKept().catch(() => []);
    count.textContent = String(kept.length);
    panel.hidden = kept.length === 0;
    list.replaceChildren(...kept.map(item));
  }

  function item(meta) {
    const li = el('li', { class: 'kept-item', 'data-id': meta.id });
    const names = meta.files.map((f) => f.kind === 'contracts' ? f.name : `${f.name} (${f.kind})`).join(', ');
    const when = String(meta.keptAt).replace('T', ' ').slice(0, 16);
    li.append(el('span', { class: 'kept-name' }, meta.name),
      el('span', { class: 'kept-facts muted' }, `${names} · kept ${when} UTC · ${sizeText(meta.size)}`));
    const open = el('button', { type: 'button', class: 'small' }, `Open ${meta.name}`);
    open.addEventListener('click', () => openById(meta.id));
    const remove = el('button', { type: 'button', class: 'small secondary' }, `Delete ${meta.name}`);
    remove.addEventListener('click', async () => {
      await deleteKept(meta.id);
      keepStatus.textContent = `Deleted ${meta.name} from this device.`;
      await refresh();
    });
    li.append(open, remove);
    return li;
  }

  async function openById(id) {
    if (page.busy()) return false;
    const kept = await openKept(id);
    if (!kept) return false;
    page.open(kept);
    return true;
  }

  keepButton.addEventListener('click', async () => {
    const current = page.current();
    if (!current || page.busy()) return;
    if (!storage) { keepStatus.textContent = 'This browser gives this page no storage to keep files in.'; return; }
    keepButton.disabled = true;
    keepStatus.textContent = `Keeping ${current.name} on this device…`;
    try {
      const meta = await keepAnalysis(current);
      keepStatus.textContent = `Kept ${meta.name} (${sizeText(meta.size)}) in ${WHERE[meta.store]}, on this device only.`;
      keepButton.dataset.keptId = meta.id;
      await refresh();
    } catch (err) {
      keepStatus.textContent = `Could not keep the files: ${String(/** @type {any} */ (err)?.message ?? err)}`;
    } finally {
      keepButton.disabled = false;
    }
  });

  keptStorage().then((s) => {
    storage = s;
    where.textContent = s ? `Kept in ${WHERE[s]}, on this device only; nothing is sent anywhere, and nothing is kept unless you press "Keep on this device". Delete removes the files and settings.`
      : 'This browser gives this page no storage to keep files in.';
    keepButton.hidden = !s;
    return refresh();
  });

  return { openById };
}
