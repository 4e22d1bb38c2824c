// A small SpreadsheetML (.xlsx) writer: sheets of text and number cells,
// zipped by fflate. Numbers are written as the exact decimal text given
// (made from the engine's minor units, never through a float sum); text is
// always an inline string (t="inlineStr"), never a formula: no <f> element
// is ever written, so a cell reading "=cmd()" stays text in any spreadsheet.
import { strToU8, zipSync } from 'fflate';

/**
 * @typedef {{text: string, bold?: boolean}} TextCell
 * @typedef {{number: string, format: string, bold?: boolean}} NumberCell
 *   number: a decimal such as "-1234.56" (or a JS number's text, for a ratio); format: an Excel number format
 * @typedef {TextCell|NumberCell|null} Cell
 * @typedef {{name: string, rows: Cell[][], widths?: number[], freeze?: {rows: number, columns: number}}} Sheet
 */

/** A number's text that a spreadsheet reads as a number: a decimal, or a float's exponent form. */
export const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Excel's longest cell text. */
const MAX_TEXT = 32767;

// Characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF): replaced, never dropped silently.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data. */
export function xmlText(value) {
  return String(value).replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** "A", "B", ..., "Z", "AA": the letters of a 0-based column. */
export function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Sheet names Excel accepts: at most 31 characters, none of : \ / ? * [ ],
 * no apostrophe at either end, unique regardless of case.
 * @param {string[]} wanted
 */
export function sheetNames(wanted) {
  const taken = new Set();
  return wanted.map((w) => {
    const base = (String(w).replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet').slice(0, 31);
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; k++) {
      const suffix = ` (${k})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The cell styles of a workbook: each (number format, bold) pair once, index 0 the default. */
class Styles {
  constructor() {
    /** @type {string[]} */
    this.formats = [];
    /** @type {Array<{format: number, bold: boolean}>} */
    this.xfs = [{ format: 0, bold: false }];
    /** @type {Map<string, number>} */
    this.index = new Map([['0|false', 0]]);
  }

  /** The style index of a format (its code, or '' for General) in bold or not. */
  of(format, bold) {
    let numFmt = 0;
    if (format) {
      let i = this.formats.indexOf(format);
      if (i < 0) i = this.formats.push(format) - 1;
      numFmt = 164 + i;   // custom formats start at 164
    }
    const key = `${numFmt}|${Boolean(bold)}`;
    let s = this.index.get(key);
    if (s === undefined) {
      s = this.xfs.push({ format: numFmt, bold: Boolean(bold) }) - 1;
      this.index.set(key, s);
    }
    return s;
  }

  xml() {
    const numFmts = this.formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`).join('');
    const xfs = this.xfs.map((x) => `<xf numFmtId="${x.format}" fontId="${x.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
      `${x.format ? ' applyNumberFormat="1"' : ''}${x.bold ? ' applyFont="1"' : ''}/>`).join('');
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.formats.length ? `<numFmts count="${this.formats.length}">${numFmts}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>';
  }
}

/** One cell's XML, or '' for an empty one. */
function cellXml(cell, ref, styles) {
  if (!cell) return '';
  if ('number' in cell && NUMBER_TEXT.test(cell.number)) {
    return `<c r="${ref}" s="${styles.of(cell.format, cell.bold)}"><v>${cell.number}</v></c>`;
  }
  const text = 'number' in cell ? String(cell.number) : String(cell.text ?? '');
  if (text === '') return cell.bold ? `<c r="${ref}" s="${styles.of('', true)}"/>` : '';
  const kept = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const space = /^\s|\s$/.test(kept) ? ' xml:space="preserve"' : '';
  const style = cell.bold ? ` s="${styles.of('', true)}"` : '';
  return `<c r="${ref}" t="inlineStr"${style}><is><t${space}>${xmlText(kept)}</t></is></c>`;
}

/** @param {Sheet} sheet @param {Styles} styles @param {boolean} selected the sheet the workbook opens on */
function sheetXml(sheet, styles, selected) {
  const rows = sheet.rows.map((cells, r) => {
    const body = cells.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`, styles)).join('');
    return body ? `<row r="${r + 1}">${body}</row>` : '';
  }).join('');
  const { rows: fr = 0, columns: fc = 0 } = sheet.freeze ?? {};
  const open = `<sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"`;
  let view = `${open}/>`;
  if (fr > 0 || fc > 0) {
    // The header rows and label columns stay in view while scrolling.
    const pane = `<pane${fc ? ` xSplit="${fc}"` : ''}${fr ? ` ySplit="${fr}"` : ''} topLeftCell="${columnName(fc)}${fr + 1}"` +
      ` activePane="${fr && fc ? 'bottomRight' : fr ? 'bottomLeft' : 'topRight'}" state="frozen"/>`;
    view = `${open}>${pane}</sheetView>`;
  }
  const cols = (sheet.widths ?? []).map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetViews>${view}</sheetViews>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData></worksheet>`;
}

/**
 * The workbook's bytes (an .xlsx zip).
 * @param {Sheet[]} sheets at least one; names are made valid and unique (sheetNames)
 * @param {{active?: number}} [options] active: the sheet it opens on (default the first)
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function xlsxBytes(sheets, { active = 0 } = {}) {
  const list = sheets.length > 0 ? sheets : [{ name: 'Sheet', rows: [] }];
  const opens = active >= 0 && active < list.length ? active : 0;
  const names = sheetNames(list.map((s) => s.name));
  const styles = new Styles();
  /** @type {Record<string, Uint8Array>} */
  const files = {};
  list.forEach((sheet, i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, styles, i === opens)); });
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  files['[Content_Types].xml'] = strToU8(head +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    list.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ` +
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>').join('') +
    '</Types>');
  files['_rels/.rels'] = strToU8(head +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files['xl/workbook.xml'] = strToU8(head +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}">` +
    `<bookViews><workbookView activeTab="${opens}"/></bookViews><sheets>` +
    names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>');
  files['xl/_rels/workbook.xml.rels'] = strToU8(head +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    list.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${list.length + 1}" Type="${rel}/styles" Target="styles.xml"/></Relationships>`);
  files['xl/styles.xml'] = strToU8(styles.xml());
  // fflate returns a plain (not shared) buffer: a Blob part.
  return /** @type {Uint8Array<ArrayBuffer>} */ (zipSync(files, { level: 6 }));
}
