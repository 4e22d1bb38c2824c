// The running header of a printout (web/src/print/print_header.js): the
// files and settings the engine echoed in its report, in the page's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filesText, runningHeader, settingsParts } from '../../web/src/print/print_header.js';

const report = {
  settings: { period: 'quarter', fiscal_start: 4, proration: 'daily', currency: 'EUR', from: '2021-04-01', to: '2024-03-31',
    as_of: '2023-12-31', split_by: 'region', top: 10 },
  files: [{ kind: 'invoices', name: 'inv.csv', rows: { read: 12345 } }, { kind: 'contracts', name: 'deals.csv', rows: { read: 2 } }],
};

test('every setting of the report and every file, with its rows', () => {
  assert.deepEqual(settingsParts(report.settings), [
    'Period: Quarterly (fiscal year from April)', 'Range: 2021-04-01 to 2024-03-31', 'As of: 2023-12-31',
    'Proration: daily', 'Split by: region (top 10)', 'Default currency: EUR',
  ]);
  assert.equal(filesText(report.files), 'invoices: inv.csv (12,345 rows) · contracts: deals.csv (2 rows)');
  const header = runningHeader(report, 'Forward', 'USD');
  assert.equal(header.title, 'Bookings, Billings & Backlog · Forward · USD');
  assert.equal(header.files, 'Files: invoices: inv.csv (12,345 rows) · contracts: deals.csv (2 rows)');
});

test('what is not set is said so, not left out', () => {
  assert.deepEqual(settingsParts({ period: 'month', fiscal_start: 1, proration: 'monthly', currency: 'USD', as_of: null }), [
    'Period: Monthly', 'Range: all periods', 'As of: none', 'Proration: monthly', 'Split by: none', 'Default currency: USD',
  ]);
  assert.equal(settingsParts({ period: 'year', to: '2024-12-31' })[1], 'Range: first period to 2024-12-31');
});
