// The page's "Export Excel" and the drill dialog's exports: the workbook of
// the report as on screen (report_workbook.js), and the lines behind a
// figure as CSV or a workbook (drill_export.js), saved through download().
import { download, exportStem } from '../export_report.js';
import { drillCsv, drillSheet } from './drill_export.js';
import { reportWorkbook } from './report_workbook.js';
import { xlsxBytes } from './xlsx_writer.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The most lines the engine lists in one drill (its drill.limit bound). */
const MOST_LINES = 100_000;

/**
 * Saves the report on show as a workbook.
 * @param {any} report
 * @param {import('../report_view.js').ReportView} view the report view: its statements, panels and what is on show
 * @param {string} fileName
 */
export function downloadWorkbook(report, view, fileName) {
  const { sheets, active } = reportWorkbook({
    report, statements: view.statements, views: view.views,
    panelState: (code, key) => view.panelState(code, key), shown: { currency: view.currency, view: view.view },
  });
  download(new Blob([xlsxBytes(sheets, { active })], { type: XLSX_TYPE }), fileName);
}

/**
 * Saves the lines behind a figure. The dialog shows the largest 200; when
 * the figure has more, the engine is asked for all of them (up to its
 * bound) before saving.
 * @param {'csv'|'xlsx'} format
 * @param {any} drill the engine's report.drill shown
 * @param {{digits: number, label: string, stem: string,
 *   more: (limit: number) => Promise<{ok: boolean, drill?: any}>}} options
 */
export async function downloadDrillLines(format, drill, { digits, label, stem, more }) {
  let lines = drill;
  const count = Number.isSafeInteger(drill?.count) ? drill.count : 0;
  if (count > (drill?.lines?.length ?? 0)) {
    const reply = await more(Math.min(count, MOST_LINES));
    if (reply?.ok && reply.drill) lines = reply.drill;
  }
  const segment = typeof drill?.segment === 'string' ? `-${exportStem(drill.segment)}` : drill?.segment ? '-other' : '';
  const name = `${stem}-lines-${drill?.metric ?? 'figure'}-${drill?.currency ?? ''}${segment}-${drill?.from ?? ''}-${drill?.to ?? ''}`;
  if (format === 'csv') {
    download(new Blob(['\ufeff' + drillCsv(lines, digits, label)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
  } else {
    download(new Blob([xlsxBytes([drillSheet(lines, digits, label)])], { type: XLSX_TYPE }), `${name}.xlsx`);
  }
}
