// Reads a workbook's bytes with tests/web/read_xlsx.py (Python's zip and XML
// readers, independent of the writer): its sheets, cells, formats, panes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'read_xlsx.py');

/**
 * @param {Uint8Array} bytes
 * @returns {{active: number, sheets: Array<{name: string, formula: boolean, frozen: any,
 *   cells: Record<string, {type: string, value: string, number?: number, format?: string, bold: boolean}>}>}}
 */
export function readXlsx(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'bbb-xlsx-'));
  try {
    const path = join(dir, 'book.xlsx');
    writeFileSync(path, bytes);
    const run = spawnSync('python3', [SCRIPT, path], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`read_xlsx.py: ${run.stderr}`);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sheet of a name. */
export function sheetOf(book, name) {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}: ${book.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** The first row of a sheet whose first cell reads `label` (trimmed) and that has more cells: its cells by column letter. */
export function rowOf(sheet, label) {
  const rowCells = (n) => Object.fromEntries(Object.entries(sheet.cells).filter(([r]) => r.replace(/^[A-Z]+/, '') === n)
    .map(([r, c]) => [r.replace(/\d+$/, ''), c]));
  const rows = Object.keys(sheet.cells).filter((r) => /^A\d+$/.test(r) && sheet.cells[r].value.trim() === label)
    .map((r) => rowCells(r.slice(1))).filter((cells) => Object.keys(cells).length > 1);
  return rows[0] ?? null;
}
