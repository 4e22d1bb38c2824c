// "Changes since an earlier export": the user picks (or drops) an earlier
// export of the same pipeline or contract list, and the engine's worker
// reads it and the contracts file on show into sessions of their own and
// matches their lines by id (worker 'compare'). This file only moves files
// and replies; the figures are the engine's (views/changes_model.js).
import { download, exportStem } from './export_report.js';
import { renderChangeRows, renderChanges } from './changes_view.js';
import { changeRowsCsv } from './views/changes_model.js';

/**
 * @param {{engine: import('./worker/engine_client.js').EngineClient,
 *   contracts: () => File|null, sheet: () => string|undefined,
 *   readSettings: () => Record<string, any>, preferredCurrency: () => string}} page
 * @returns {{contractsChanged: () => void, earlier: () => File|null}}
 */
export function installComparePanel(page) {
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const panel = /** @type {HTMLDetailsElement} */ ($('compare-panel'));
  const picker = /** @type {HTMLInputElement} */ ($('earlier-input'));
  const nameBox = $('earlier-name');
  const remove = /** @type {HTMLButtonElement} */ ($('earlier-remove'));
  const statusBox = $('compare-status');
  const changesBox = $('changes');
  const rowsBox = $('changes-rows');
  /** @type {File|null} */
  let earlier = null;
  let changes = null;
  let token = 0;
  let compared = '';  // the read settings of the changes on show
  /** @type {Array<File|null>} */
  let comparedFiles = [];  // and their files

  const say = (text, kind = 'info') => { statusBox.textContent = text; statusBox.dataset.kind = kind; };

  function clear() {
    changes = null;
    changesBox.replaceChildren();
    rowsBox.replaceChildren();
    panel.dataset.ready = 'false';
  }

  function setEarlier(file) {
    earlier = file;
    nameBox.textContent = file ? file.name : 'none';
    remove.hidden = !file;
    clear();
    say('');
    if (file) run();
  }

  async function run() {
    const later = page.contracts();
    if (!earlier || !later) return;
    const { split_by, as_of, waterfall, drill, ...settings } = page.readSettings();
    const sheet = page.sheet();
    compared = JSON.stringify(settings);
    comparedFiles = [earlier, later];
    const mine = ++token;
    panel.open = true;
    clear();
    say(`Comparing ${earlier.name} with ${later.name}…`);
    // Read as the contracts file is read (mapping, formats, currency), without what only the report needs.
    const reply = await page.engine.compare(settings, { kind: 'contracts', file: earlier },
      { kind: 'contracts', file: later, ...(sheet ? { sheet } : {}) }, { limit: 500 });
    if (mine !== token) return;
    if (!reply.ok) { say(`Could not compare: ${reply.error?.message ?? 'the engine gave no reason'}`, 'error'); return; }
    changes = /** @type {any} */ (reply).changes;
    say('');
    changesBox.replaceChildren(renderChanges(changes, { preferred: page.preferredCurrency(), onRows: showRows }));
    panel.dataset.ready = 'true';
  }

  function showRows(currency, kind) {
    if (!changes) return;
    const csv = () => download(new Blob(['\ufeff' + changeRowsCsv(changes, currency, kind)], { type: 'text/csv;charset=utf-8' }),
      `${exportStem(page.contracts()?.name)}-changes-${kind}-${currency}.csv`);
    rowsBox.replaceChildren(renderChangeRows(changes, currency, kind, csv));
    /** @type {HTMLElement|null} */ (rowsBox.querySelector('h3'))?.focus();
  }

  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file) setEarlier(file);
    picker.value = '';
  });
  remove.addEventListener('click', () => setEarlier(null));
  panel.addEventListener('dragover', (event) => event.preventDefault());
  panel.addEventListener('drop', (event) => {
    event.preventDefault();
    event.stopPropagation();
    const file = event.dataTransfer?.files?.[0];
    if (file) setEarlier(file);
  });

  return {
    // A new read of the contracts file: compared again only when its file or read settings changed.
    contractsChanged: () => {
      if (!earlier) { clear(); return; }
      const { split_by, as_of, waterfall, drill, ...settings } = page.readSettings();
      if (comparedFiles[0] !== earlier || comparedFiles[1] !== page.contracts() || compared !== JSON.stringify(settings)) run();
    },
    earlier: () => earlier,
  };
}
