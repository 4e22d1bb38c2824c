// The page's part of "figures that never mislead": the as-of date the engine
// chose is read with and said, and lines read as one-time for want of a term
// are said per currency with the term their export's profile offers.
import assert from 'node:assert/strict';
import test from 'node:test';

import { asOfNoteText, asOfToReadAgain, localToday } from '../../web/src/as_of_note.js';
import { termOffer } from '../../web/src/term_offer.js';

const readAsOfToday = { settings: { as_of: '2026-12-07', as_of_default: { date: '2024-12-31', reason: 'data' } } };
const readAsOfDefault = { settings: { as_of: '2024-12-31', as_of_default: { date: '2024-12-31', reason: 'data' } } };

test('a report read as of today is read again as of the engine default, unless the user chose a date', () => {
  assert.equal(asOfToReadAgain(readAsOfToday, ''), '2024-12-31');
  assert.equal(asOfToReadAgain(readAsOfToday, '2025-03-31'), null);
  assert.equal(asOfToReadAgain(readAsOfDefault, ''), null);
  assert.equal(asOfToReadAgain({ settings: { as_of: '2026-12-07', as_of_default: null } }, ''), null);
});

test('the note says the date is the last day of the data, or today', () => {
  assert.equal(asOfNoteText(readAsOfDefault, ''), 'As of 2024-12-31, the last day of the data');
  assert.equal(asOfNoteText({ settings: { as_of: '2026-12-07', as_of_default: { date: '2026-12-07', reason: 'today' } } }, ''),
    'As of today, 2026-12-07');
  assert.equal(asOfNoteText(readAsOfDefault, '2024-12-31'), '');  // the user's date needs no note
  assert.equal(asOfNoteText(readAsOfToday, ''), '');              // not yet read as of the default
});

test('today is the local calendar day', () => {
  assert.equal(localToday(new Date(2024, 1, 9, 23, 59)), '2024-02-09');
});

test('lines with no term are said per currency with the offered term', () => {
  const report = {
    minor_digits: { USD: 2, JPY: 0 },
    rows: { no_term: { JPY: { count: 1, value: 5000 }, USD: { count: 12, value: 75300000 } } },
    files: [{ kind: 'contracts', source: { name: 'Salesforce opportunity report', offered_term_months: 12 } }],
  };
  const offer = termOffer(report);
  assert.equal(offer?.months, 12);
  assert.equal(offer?.text,
    '1 booked line of JPY 5,000, 12 booked lines of USD 753,000.00: no term, end or delivery date, so read as one-time, '
    + 'with no revenue until delivered. Salesforce opportunity report deals carry no term.');
  assert.equal(termOffer({ rows: { read: 3 } }), null);
  assert.equal(termOffer({ rows: { no_term: {} } }), null);
});
