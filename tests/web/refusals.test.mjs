// What the page says of refused files and reports, without a DOM: the
// reason of a file the engine cannot read (file_refusal.js), the controls
// put back when a report is refused (report_controls.js), and the counts
// and issues named by their file (file_rows.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileErrors, refusalText, refusedFiles } from '../../web/src/file_refusal.js';
import { fileRows, issueFileName } from '../../web/src/file_rows.js';
import { controlValues, keptText, restoreControls, sameFiles } from '../../web/src/report_controls.js';

const issue = (file, code, message, severity = 'error', line = 0) => ({ file, line, column: '', severity, code, message });

test('a file the engine cannot read is named with the engine\'s reason, as the CLI says it', () => {
  const files = [
    { kind: 'invoices', name: 'inv.png', readable: false },
    { kind: 'contracts', name: 'con.csv', readable: true },
  ];
  const issues = [
    issue('contracts', 'bad_date', 'not a date', 'error', 3),
    issue('invoices', 'assumed_windows_1252', 'read as Windows-1252', 'warning'),
    issue('invoices', 'not_text', 'this file is a PNG image, not a CSV file'),
  ];
  assert.deepEqual(fileErrors(issues).map((i) => i.code), ['not_text']);
  const refused = refusedFiles(files, issues);
  assert.deepEqual(refused, [{ kind: 'invoices', name: 'inv.png', code: 'not_text',
    message: 'this file is a PNG image, not a CSV file', text: 'inv.png: this file is a PNG image, not a CSV file' }]);
  assert.equal(refusalText(refused), 'inv.png: this file is a PNG image, not a CSV file');
  // Two files, and one whose reason is missing.
  const both = refusedFiles([{ kind: 'contracts', name: 'e.csv', readable: false }, { kind: 'fulfilment', name: '', readable: false }],
    [issue('contracts', 'empty_file', 'the file is empty: no header and no rows')]);
  assert.equal(refusalText(both), 'e.csv: the file is empty: no header and no rows · fulfilment: cannot be read');
  assert.equal(both[1].code, 'unreadable_file');
  assert.deepEqual(refusedFiles(undefined, undefined), []);
  assert.deepEqual(refusedFiles([{ kind: 'contracts', name: 'a.csv', readable: true }], issues), []);
});

test('the controls of the report on show are put back, and the message says which report stayed', () => {
  const controls = [{ name: 'period', value: 'year' }, { name: 'top', value: '10' }, { name: 'split_by', value: '' }];
  const form = { querySelectorAll: () => controls };
  const shown = controlValues(form);
  assert.deepEqual(shown, { period: 'year', top: '10', split_by: '' });
  controls[0].value = 'month';
  controls[2].value = 'customer';
  assert.deepEqual(restoreControls(form, shown), ['period', 'split_by']);
  assert.deepEqual(controlValues(form), shown);
  assert.deepEqual(restoreControls(form, shown), []);
  // A control the snapshot does not know is left as it is.
  controls.push({ name: 'as_of', value: '2024-01-01' });
  assert.deepEqual(restoreControls(form, shown), []);
  assert.equal(controls[3].value, '2024-01-01');

  assert.equal(keptText('year', 'the report would have 43,212 period columns'), 'Kept the yearly report: the report would have 43,212 period columns');
  assert.equal(keptText('month', 'The engine ran out of memory on this file.'), 'Kept the monthly report: the engine ran out of memory on this file.');
  assert.equal(keptText('quarter', 'USD is unknown'), 'Kept the quarterly report: USD is unknown');
  assert.equal(keptText('', 'why'), 'Kept the report: why');
});

test('the same files are the same File objects, kind by kind', () => {
  const a = { name: 'a' };
  const b = { name: 'b' };
  assert.ok(sameFiles({ contracts: a, invoices: null }, { contracts: a }));
  assert.ok(!sameFiles({ contracts: a }, { contracts: a, invoices: b }));
  assert.ok(!sameFiles({ contracts: a }, { contracts: { name: 'a' } }));
});

test('every count names its file, contracts first; every issue names its file as the user dropped it', () => {
  const files = [
    { kind: 'invoices', name: 'inv.csv', rows: { read: 2, accepted: 0, rejected: 2, rejected_value: {} } },
    { kind: 'contracts', name: 'con.csv', rows: { read: 1, accepted: 1, rejected: 0, rejected_value: { EUR: 5000 },
      skipped: [{ kind: 'total', count: 1, first_line: 3 }, { kind: 'footer', count: 2, first_line: 5 }] } },
  ];
  assert.deepEqual(fileRows(files), [
    { kind: 'contracts', name: 'con.csv', counted: true, read: 1, accepted: 1, rejected: 0, rejectedValue: { EUR: 5000 }, skipped: 3,
      skippedKinds: ['total 1', 'footer 2'] },
    { kind: 'invoices', name: 'inv.csv', counted: true, read: 2, accepted: 0, rejected: 2, rejectedValue: {}, skipped: 0, skippedKinds: [] },
  ]);
  // A preview's file: its name alone.
  assert.deepEqual(fileRows([{ kind: 'contracts', name: 'big.csv' }]).map((f) => [f.name, f.counted, f.read]), [['big.csv', false, 0]]);
  assert.deepEqual(fileRows([{ kind: 'fulfilment', rows: { read: -1, accepted: 1.5 } }]).map((f) => [f.name, f.read, f.accepted]), [['fulfilment', 0, 0]]);
  assert.deepEqual(fileRows(null), []);

  assert.equal(issueFileName({ file: 'invoices', line: 2 }, files), 'inv.csv');
  assert.equal(issueFileName({ file: 'fulfilment', line: 2 }, files), 'fulfilment');
  assert.equal(issueFileName({ line: 2 }, files), '');
});
