// Spec 11 on the page, without a DOM: the values list and the words a user
// gives a value (the read setting `values`, remembered with the mapping),
// the source line and the profiles offered, and figures the engine gives as
// null (invoices alone) shown as not known, never as 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { recallChoices, rememberChoices } from '../../web/src/mapping_memory.js';
import { sourceOptions, sourceSentence } from '../../web/src/source_choice.js';
import { amountsText, takesFreeText, valueColumns, valuesSetting, withValueWord, wordsFor } from '../../web/src/value_choices.js';
import { currencyStatements, firstActiveColumn, UNKNOWN_TEXT, UNKNOWN_TITLE } from '../../web/src/statement_model.js';
import { reportCsv } from '../../web/src/export_report.js';
import { amount, count, drillCell, kpi } from '../../web/src/views/view_cells.js';

const VOCABULARY = JSON.parse(readFileSync(new URL('./engine_vocabulary.json', import.meta.url), 'utf8'));

function memoryStorage() {
  const map = new Map();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, String(v)), removeItem: (k) => map.delete(k) };
}

test('a word given to a value becomes the read setting `values`, in one step for all its rows', () => {
  const chosen = withValueWord({ mapping: { status: 'Stage' } }, 'status', 'Verbal commit', 'open');
  assert.deepEqual(chosen, { mapping: { status: 'Stage' }, values: { status: { 'Verbal commit': 'open' } } });
  assert.deepEqual(valuesSetting(chosen), { status: { 'Verbal commit': 'open' } });
  // A second value and a second field add to it; the choices given are not changed.
  const more = withValueWord(withValueWord(chosen, 'status', 'Dead', 'lost'), 'billing', 'Yearly', 'annual');
  assert.deepEqual(valuesSetting(more), { status: { 'Verbal commit': 'open', Dead: 'lost' }, billing: { Yearly: 'annual' } });
  assert.deepEqual(chosen.values, { status: { 'Verbal commit': 'open' } });
  // No word: the engine's vocabulary decides again; no words at all: no setting.
  const back = withValueWord(withValueWord(more, 'status', 'Dead', ''), 'billing', 'Yearly', '');
  assert.deepEqual(valuesSetting(back), { status: { 'Verbal commit': 'open' } });
  const none = withValueWord(back, 'status', 'Verbal commit', '  ');
  assert.equal(none.values, undefined);
  assert.equal(valuesSetting(none), undefined);
  assert.equal(valuesSetting({}), undefined);
  // A deal type is any text, trimmed; a field the engine does not map is not passed on.
  assert.deepEqual(valuesSetting(withValueWord({}, 'type', 'Upsell', ' expansion ')), { type: { Upsell: 'expansion' } });
  assert.equal(valuesSetting({ values: { amount: { x: 'y' } } }), undefined);
});

test('the words given are remembered with the column mapping, for files with the same header', () => {
  const storage = /** @type {any} */ (memoryStorage());
  const header = ['Opportunity Name', 'Stage', 'Close Date', 'Amount'];
  const chosen = withValueWord({ date_order: 'mdy', source: 'salesforce_opportunities' }, 'status', 'Verbal commit', 'open');
  rememberChoices(header, chosen, storage);
  const recalled = recallChoices([...header], storage);
  assert.deepEqual(valuesSetting(recalled), { status: { 'Verbal commit': 'open' } });
  assert.equal(recalled?.source, 'salesforce_opportunities');
  assert.equal(recallChoices(['Stage', 'Opportunity Name', 'Close Date', 'Amount'], storage), null);
});

test('the words offered are the engine\'s, else its interval units and deal types', () => {
  assert.deepEqual(wordsFor('status', VOCABULARY), ['booked', 'open', 'lost', 'cancelled']);
  assert.equal(wordsFor('billing', VOCABULARY).length, 11);
  assert.deepEqual(wordsFor('recognition', VOCABULARY), ['ratable', 'point']);
  assert.deepEqual(wordsFor('interval', VOCABULARY), ['day', 'week', 'month', 'year']);
  assert.deepEqual(wordsFor('type', VOCABULARY), ['new', 'expansion', 'renewal', 'contraction']);
  assert.equal(takesFreeText('type'), true);
  assert.equal(takesFreeText('status'), false);
});

test('the values list: each value with its rows, amount and reading; the ones not understood counted', () => {
  const summary = { values: [
    { field: 'status', column: 'Stage', other_values: 2, other_rows: 7, values: [
      { value: 'Closed Won', rows: 1200, amounts: { USD: 123456789 }, reads_as: 'booked', mapped: false },
      { value: 'Verbal commit', rows: 3, amounts: { USD: 50000, KWD: 5 }, reads_as: null, mapped: false },
      { value: 'Dead', rows: 1, amounts: {}, reads_as: 'lost', mapped: true },
    ] },
    { field: 'amount', column: 'Amount', values: [] },   // not a field of words: not listed
  ] };
  const columns = valueColumns(summary, { values: { status: { Dead: 'lost' } } }, { USD: 2 });
  assert.equal(columns.length, 1);
  const [status] = columns;
  assert.equal(status.label, 'Status');
  assert.equal(status.column, 'Stage');
  assert.equal(status.notUnderstood, 1);
  assert.deepEqual([status.otherValues, status.otherRows], [2, 7]);
  assert.deepEqual(status.rows.map((r) => [r.value, r.rowsText, r.amounts, r.readsAs, r.understood, r.mapped, r.chosen]), [
    ['Closed Won', '1,200', 'USD 1,234,567.89', 'booked', true, false, ''],
    ['Verbal commit', '3', 'USD 500.00 · KWD 5 (minor units)', null, false, false, ''],
    ['Dead', '1', '', 'lost', true, true, 'lost'],
  ]);
  assert.deepEqual(valueColumns({}, {}, {}), []);
  assert.equal(amountsText({ JPY: 5000 }, { JPY: 0 }), 'JPY 5,000');
});

test('the source line uses the engine\'s name and reason; the generic profile says nothing', () => {
  assert.equal(sourceSentence({ profile: 'hubspot_deals', name: 'HubSpot deals export', reason: 'the header has Record ID, Deal Name and Deal Stage' }),
    'Read as a HubSpot deals export — the header has Record ID, Deal Name and Deal Stage');
  assert.equal(sourceSentence({ profile: 'zoho_deals', name: 'Zoho CRM deals export', reason: '' }), 'Read as a Zoho CRM deals export');
  assert.equal(sourceSentence({ profile: 'generic', name: 'contract lines', reason: 'x' }), '');
  const options = sourceOptions(null, { profile: 'sage_invoices', name: 'Sage invoices export' });
  assert.deepEqual(options.slice(0, 2).map((o) => o.value), ['', 'generic']);
  assert.ok(options.some((o) => o.value === 'salesforce_opportunities' && o.label === 'Salesforce opportunity report'));
  assert.ok(options.some((o) => o.value === 'sage_invoices' && o.label === 'Sage invoices export'), 'the profile the file was read as is offered');
  // The engine's list, when its vocabulary has one, wins.
  assert.deepEqual(sourceOptions({ sources: [{ key: 'xero_invoices', name: 'Xero sales invoices' }, 'generic'] }, undefined).map((o) => o.value),
    ['', 'generic', 'xero_invoices']);
});

/** An invoices-only report: bookings and backlog not known (null), billings known, revenue not known. */
const INVOICES_ONLY = { currencies: { USD: { minor_digits: 2,
  periods: [
    { period: '2024-01', start: '2024-01-01', end: '2024-01-31', bookings: null, bookings_count: null, revenue: null, billings: 120000,
      backlog_begin: null, backlog_end: null, book_to_bill: null, growth: { bookings: { period_over_period: null }, billings: { period_over_period: null } } },
    { period: '2024-02', start: '2024-02-01', end: '2024-02-29', bookings: null, bookings_count: null, revenue: null, billings: 0,
      backlog_begin: null, backlog_end: null, book_to_bill: null, growth: { billings: { period_over_period: -1 } } },
  ],
  total: { period: 'total', start: '2024-01-01', end: '2024-02-29', bookings: null, bookings_count: null, revenue: null, billings: 120000,
    backlog_end: null } } } };

test('figures the engine gives as null are not known: "—" with why, never 0, never drilled', () => {
  const [usd] = currencyStatements(INVOICES_ONLY, VOCABULARY.drill_metrics);
  const row = (key) => usd.groups.flatMap((g) => g.rows).find((r) => r.key === key && !r.rollforward);
  for (const key of ['bookings', 'revenue', 'backlog_end', 'bookings_count']) {
    assert.deepEqual(row(key).cells.map((c) => [c.text, c.unknown, c.title]), [
      [UNKNOWN_TEXT, true, UNKNOWN_TITLE], [UNKNOWN_TEXT, true, UNKNOWN_TITLE], [UNKNOWN_TEXT, true, UNKNOWN_TITLE]], key);
  }
  assert.deepEqual(row('billings').cells.map((c) => c.text), ['1,200.00', '0.00', '1,200.00']);
  // A ratio made of a figure not known is not known either; a growth of a known figure with no base stays blank.
  assert.equal(row('book_to_bill').cells[0].text, UNKNOWN_TEXT);
  assert.equal(row('growth.bookings.period_over_period').cells[0].text, UNKNOWN_TEXT);
  assert.equal(row('growth.billings.period_over_period').cells[0].text, '');
  assert.equal(row('growth.billings.period_over_period').cells[1].text, '-100.0%');
  // The table opens where a known amount is first not zero.
  assert.equal(firstActiveColumn(usd), 0);
  // The CSV says "—" where the engine gave null, the billings as numbers.
  const csv = reportCsv(INVOICES_ONLY, [usd]).split('\r\n');
  assert.equal(csv.find((l) => l.startsWith('USD,Bookings,bookings,')), `USD,Bookings,bookings,Bookings,${UNKNOWN_TEXT},${UNKNOWN_TEXT},${UNKNOWN_TEXT}`);
  assert.equal(csv.find((l) => l.startsWith('USD,Revenue and billings,billings,')), 'USD,Revenue and billings,billings,Billings,1200.00,0.00,1200.00');
  // The views' cells likewise.
  assert.deepEqual(amount(null, 2), { text: UNKNOWN_TEXT, raw: UNKNOWN_TEXT, unknown: true, title: UNKNOWN_TITLE });
  assert.equal(count(null).text, UNKNOWN_TEXT);
  assert.equal(amount(undefined, 2).text, '');
  assert.equal(drillCell(amount(null, 2), 'pipeline_open', 'x', { start: '2024-01-01', end: '2024-01-31' }).drill, undefined);
  assert.equal(kpi('k', 'K', 'k', amount(null, 2)).title, UNKNOWN_TITLE);
});

test('a value not understood opens the values list', async () => {
  const { hasValueNotUnderstood } = await import('../../web/src/value_choices.js');
  const file = (readsAs) => ({ values: [{ field: 'status', column: 'Stage', values: [{ value: 'x', rows: 1, amounts: {}, reads_as: readsAs }] }] });
  assert.equal(hasValueNotUnderstood([file('open')]), false);
  assert.equal(hasValueNotUnderstood([file('open'), file(null)]), true);
  assert.equal(hasValueNotUnderstood(undefined), false);
});
