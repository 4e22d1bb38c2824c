// The contract lab's model, free of the DOM: a set-up (a few contracts'
// terms and the lab's settings), the CSV the engine reads for it, the guided
// steps, the link that carries a set-up, and the month-by-month table with a
// plain-words explanation of every cell. The engine computes every figure;
// here they are only picked from its report and formatted (no arithmetic on
// money: a sentence quotes the engine's own numbers).
import { formatMinor, isZeroMinor } from '../format_minor.js';
import { UNKNOWN_TEXT, UNKNOWN_TITLE } from '../statement_model.js';

/**
 * @typedef {{id: string, amount: string, currency: string, booking: string, start: string, term: string,
 *   billing: string, recognition: string, delivery: string, cancel: string, status: string, created: string}} LabContract
 * @typedef {{contracts: LabContract[], proration: 'monthly'|'daily', period: 'month'|'quarter', as_of: string}} LabSetup
 */

export const MAX_CONTRACTS = 5;

/** A deal of the pipeline (open or lost), not a booking: its date is a close date. */
export const isDeal = (c) => c.status === 'open' || c.status === 'lost';

/** @returns {LabContract} */
export function contract(fields = {}) {
  return { id: 'C1', amount: '12000.00', currency: 'USD', booking: '2024-01-01', start: '2024-01-01', term: '12',
    billing: 'upfront', recognition: 'ratable', delivery: '', cancel: '', status: 'booked', created: '', ...fields };
}

/** @returns {LabSetup} */
export function defaultSetup() {
  return { contracts: [contract()], proration: 'monthly', period: 'month', as_of: '' };
}

const COLUMNS = ['id', 'booking_date', 'amount', 'currency', 'start_date', 'term_months', 'recognition', 'delivery_date',
  'billing', 'status', 'created_date', 'cancel_date'];

const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The contracts file the engine reads for a set-up: the terms as typed, nothing computed. */
export function setupCsv(setup) {
  const lines = [COLUMNS.join(',')];
  for (const c of setup.contracts) {
    const point = c.recognition === 'point';
    lines.push([c.id, c.booking, c.amount, c.currency, point ? '' : c.start, point ? '' : c.term, c.recognition,
      point ? c.delivery : '', c.billing, c.status, c.created, c.cancel].map((v) => cell(String(v ?? '').trim())).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Read settings and report settings of a set-up. */
export function setupSettings(setup) {
  const read = { proration: setup.proration, waterfall: false };
  if (setup.as_of) read.as_of = setup.as_of;
  return { read, report: { period: setup.period } };
}

// ---------------------------------------------------------------- links ----

const KEYS = ['id', 'amount', 'currency', 'booking', 'start', 'term', 'billing', 'recognition', 'delivery', 'cancel', 'status', 'created'];

/** The set-up as a URL fragment (terms only: a lab never holds uploaded data). */
export function encodeSetup(setup) {
  const compact = { c: setup.contracts.map((c) => KEYS.map((k) => c[k] ?? '')), p: setup.proration, g: setup.period, a: setup.as_of };
  const bytes = new TextEncoder().encode(JSON.stringify(compact));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return 'lab=' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A set-up from a URL fragment, or null when it is not one (anything unexpected is dropped). */
export function decodeSetup(fragment) {
  const m = /(?:^|[#&])lab=([A-Za-z0-9_-]+)/.exec(fragment ?? '');
  if (!m) return null;
  try {
    const binary = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
    const compact = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (!Array.isArray(compact?.c) || compact.c.length === 0) return null;
    const text = (v) => (typeof v === 'string' ? v.slice(0, 40) : '');
    const contracts = compact.c.slice(0, MAX_CONTRACTS).map((row) =>
      contract(Object.fromEntries(KEYS.map((k, i) => [k, text(Array.isArray(row) ? row[i] : '')]))));
    return {
      contracts,
      proration: compact.p === 'daily' ? 'daily' : 'monthly',
      period: compact.g === 'quarter' ? 'quarter' : 'month',
      as_of: /^\d{4}-\d{2}-\d{2}$/.test(compact.a ?? '') ? compact.a : '',
    };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- steps ----

/**
 * The guided steps: each sets the lab up and says what to notice. Their
 * figures are checked to the cent in tests/wasm/lab_steps.test.mjs.
 * @type {Array<{key: string, title: string, setup: LabSetup, notice: string[]}>}
 */
export const STEPS = [
  {
    key: 'bookings-billings-revenue',
    title: 'Bookings, billings and revenue',
    setup: { ...defaultSetup() },
    notice: [
      'One contract of 12,000.00 for a year, signed and started on 1 January 2024, invoiced in full upfront.',
      'January shows three different numbers: bookings 12,000.00 (the contract was signed), billings 12,000.00 (the invoice went out) and revenue 1,000.00 (one month of service was delivered).',
      'Try: set Billing to monthly. Billings become 1,000.00 a month; bookings and revenue do not move.',
    ],
  },
  {
    key: 'deferred-revenue',
    title: 'Deferred revenue',
    setup: { ...defaultSetup() },
    notice: [
      'Billed 12,000.00 in January and earned 1,000.00: 11,000.00 is deferred revenue, service the company still owes, a liability.',
      'Each month 1,000.00 more is earned and deferred revenue falls by as much, to 0.00 in December.',
      'Try: set Billing to quarterly-arrears. Now revenue comes first: an unbilled receivable (an asset) of 1,000.00 at the end of January and 2,000.00 at the end of February, until the March invoice clears it.',
    ],
  },
  {
    key: 'backlog-rpo',
    title: 'Backlog and remaining performance obligations',
    setup: { ...defaultSetup(), contracts: [contract({ amount: '36000.00', term: '36', billing: 'annual' })] },
    notice: [
      'A three-year contract of 36,000.00 billed once a year: the whole 36,000.00 is booked in January 2024.',
      'Backlog (the remaining performance obligation) is what is booked but not yet earned: 35,000.00 at the end of January, falling 1,000.00 a month.',
      'cRPO is the part to be earned in the next 12 months: 12,000.00 while more than a year is left.',
    ],
  },
  {
    key: 'cancellations',
    title: 'Cancellations',
    setup: { ...defaultSetup(), contracts: [contract({ cancel: '2024-07-01' })] },
    notice: [
      'The same 12,000.00 contract, billed upfront, cancelled on 1 July 2024.',
      'Revenue stops after June (6,000.00 earned). In July the 6,000.00 still in backlog is cancelled, and a credit note of 6,000.00 (negative billings) brings what was billed down to what was earned: deferred revenue is 0.00.',
      'Bookings of January stay 12,000.00: a cancellation is its own figure, not a negative booking.',
    ],
  },
  {
    key: 'book-to-bill',
    title: 'Book-to-bill',
    setup: {
      ...defaultSetup(), period: 'quarter',
      contracts: [contract({ amount: '24000.00', term: '24', billing: 'monthly' }),
        contract({ id: 'C2', amount: '6000.00', booking: '2024-04-01', start: '2024-04-01', term: '12', billing: 'upfront' })],
    },
    notice: [
      'Book-to-bill is bookings divided by billings of the same period: above 1, the order book grows faster than invoicing.',
      'Q1 2024: 24,000.00 booked, 3,000.00 billed: book-to-bill 8.00. Q2: 6,000.00 booked, 9,000.00 billed (3,000.00 monthly and the 6,000.00 upfront invoice): 0.67.',
    ],
  },
  {
    key: 'mrr-revenue-bookings',
    title: 'MRR, revenue and bookings',
    setup: { ...defaultSetup(), contracts: [contract(), contract({ id: 'C2', billing: 'monthly' })] },
    notice: [
      'Two one-year contracts signed and started on 1 January 2024: C1, 12,000.00 for 12 months invoiced upfront (annual prepaid); C2, 1,000.00 a month for 12 months (12,000.00 in all) invoiced monthly.',
      'Bookings land at signing: 24,000.00 in January, nothing after. Billings follow the billing terms: 13,000.00 in January (C1\'s invoice for the year and C2\'s first month), then 1,000.00 a month.',
      'Revenue and MRR follow the service month by month: revenue 2,000.00 each month, and MRR 2,000.00 at every month end (each contract\'s 12,000.00 over its 12 months), so ARR is 24,000.00. How the customer pays moves billings and deferred revenue, never MRR.',
      'Try: cancel C2 on 2024-07-01. MRR falls to 1,000.00 at the end of July (C2 churns) while January\'s bookings stay 24,000.00.',
    ],
  },
  {
    key: 'pipeline-velocity',
    title: 'Pipeline velocity',
    setup: {
      ...defaultSetup(), period: 'quarter', as_of: '2024-03-31',
      contracts: [
        contract({ id: 'W1', amount: '10000.00', booking: '2024-01-31', start: '2024-02-01', created: '2024-01-01' }),
        contract({ id: 'W2', amount: '20000.00', booking: '2024-03-31', start: '2024-04-01', created: '2024-02-01' }),
        contract({ id: 'L1', amount: '15000.00', booking: '2024-03-15', start: '', status: 'lost', created: '2024-01-15' }),
        contract({ id: 'O1', amount: '30000.00', booking: '', start: '', status: 'open', created: '2024-03-01' }),
        contract({ id: 'O2', amount: '10000.00', booking: '', start: '', status: 'open', created: '2024-03-20' }),
      ],
    },
    notice: [
      'Two deals won and one lost in Q1 2024: win rate 2 / 3 = 66.7%. The won deals took 30 and 59 days from creation to close: an average sales cycle of 44.5 days.',
      'Two deals are open at 31 March, 40,000.00 in all (average deal 20,000.00).',
      'Velocity = open deals × average deal size × win rate / average cycle = 2 × 20,000.00 × 0.667 / 44.5 days: 599.25 of expected bookings a day.',
    ],
  },
];

// ---------------------------------------------------------------- table ----

/** The rows of the lab's table: engine fields of each period. */
export const LAB_ROWS = [
  { key: 'bookings', label: 'Bookings' },
  { key: 'billings', label: 'Billings' },
  { key: 'revenue', label: 'Revenue' },
  { key: 'deferred_revenue_end', label: 'Deferred revenue (end)' },
  { key: 'unbilled_receivable_end', label: 'Unbilled receivable (end)' },
  { key: 'backlog_begin', label: 'Backlog (begin)', rollforward: true },
  { key: 'cancellations', label: '− Cancellations', rollforward: true },
  { key: 'backlog_end', label: 'Backlog (end)', strong: true },
  { key: 'crpo_end', label: 'of which next 12 months (cRPO)' },
  { key: 'book_to_bill', label: 'Book-to-bill', ratio: true },
  { key: 'mrr_end', label: 'MRR (end)', mrr: true },
  { key: 'arr_end', label: 'ARR (end)', mrr: true },
];

const RATIO = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * One explained cell: the figure as shown and what it means, in the words
 * of someone explaining it, quoting the engine's own numbers.
 * @param {string} key a LAB_ROWS key
 * @param {any} p the engine's period
 * @param {number} digits
 * @returns {string}
 */
export function explain(key, p, digits) {
  const m = (field) => formatMinor(p?.[field] ?? 0, digits);
  const zero = (field) => isZeroMinor(p?.[field] ?? 0);
  const when = String(p?.period ?? '');
  switch (key) {
    case 'bookings':
      return zero('bookings') ? `Nothing was signed in ${when}.`
        : `${m('bookings')} booked in ${when}: the value of the contracts signed, whether or not billed or earned yet.`;
    case 'billings':
      if (zero('billings')) return `No invoice in ${when}.`;
      return /^-/.test(String(p.billings)) ? `${m('billings')} in ${when}: a credit note, billing taken back.`
        : `${m('billings')} invoiced in ${when}: the customer is asked to pay, whatever has been earned.`;
    case 'revenue':
      return zero('revenue') ? `Nothing was earned in ${when}.`
        : `${m('revenue')} earned in ${when}: the service (or delivery) performed in the period.`;
    case 'deferred_revenue_end': {
      const lead = zero('billings') && zero('revenue') ? '' : `Billed ${m('billings')} in ${when}, earned ${m('revenue')}: `;
      return zero('deferred_revenue_end') ? `${lead}at the end of ${when} nothing is billed ahead of the service.`
        : `${lead}${m('deferred_revenue_end')} is billed but not yet earned at the end of ${when}: service still owed, a liability.`;
    }
    case 'unbilled_receivable_end':
      return zero('unbilled_receivable_end') ? `At the end of ${when} nothing is earned ahead of the invoices.`
        : `${m('unbilled_receivable_end')} is earned but not yet invoiced at the end of ${when}: an asset, owed by the customer once billed.`;
    case 'backlog_begin':
      return `${m('backlog_begin')} was booked and not yet earned when ${when} began.`;
    case 'cancellations':
      return zero('cancellations') ? `Nothing was cancelled in ${when}.`
        : `${m('cancellations')} of backlog was cancelled in ${when}: service that will no longer be delivered.`;
    case 'backlog_end':
      return `Backlog: ${m('backlog_begin')} at the start + ${m('bookings')} booked − ${m('revenue')} earned − ${m('cancellations')} cancelled = ${m('backlog_end')} still to deliver at the end of ${when} (the remaining performance obligation).`;
    case 'crpo_end':
      return `${m('crpo_end')} of the backlog is scheduled to be earned in the 12 months after ${when}.`;
    case 'mrr_end':
    case 'arr_end': {
      if (p?.mrr === null) return `MRR is ${UNKNOWN_TITLE}.`;
      const mrr = formatMinor(p?.mrr?.mrr_end ?? 0, digits);
      const arr = formatMinor(p?.mrr?.arr_end ?? 0, digits);
      if (isZeroMinor(p?.mrr?.mrr_end ?? 0)) return `No recurring revenue at the end of ${when}: no ratable contract runs on that day.`;
      return key === 'arr_end' ? `ARR at the end of ${when}: 12 × MRR ${mrr} = ${arr}, the year of recurring revenue that rate makes.`
        : `MRR at the end of ${when}: ${mrr}, each ratable contract running that day counted at its amount per month of term, however it is billed.`;
    }
    case 'book_to_bill':
      return p?.book_to_bill == null ? `No billings in ${when}: book-to-bill is undefined.`
        : `Bookings ${m('bookings')} ÷ billings ${m('billings')} = ${RATIO.format(p.book_to_bill)} in ${when}.`;
    default:
      return '';
  }
}

/**
 * The table of one currency: a column per period, a row per LAB_ROWS entry,
 * each cell with its text and explanation.
 * @param {any} currencyReport report.currencies[CUR]
 */
export function labTable(currencyReport) {
  const digits = currencyReport?.minor_digits ?? 2;
  const periods = Array.isArray(currencyReport?.periods) ? currencyReport.periods : [];
  // The MRR rows need an engine that gives them (`mrr` in each period).
  const hasMrr = periods.some((p) => p.mrr !== undefined);
  const cellOf = (row, p) => {
    if (row.ratio) return { text: p.book_to_bill == null ? '–' : RATIO.format(p.book_to_bill), zero: false };
    if (row.mrr && p.mrr === null) return { text: UNKNOWN_TEXT, zero: false };
    const value = (row.mrr ? p.mrr?.[row.key] : p[row.key]) ?? 0;
    return { text: formatMinor(value, digits), zero: isZeroMinor(value) };
  };
  return {
    columns: periods.map((p) => String(p.period)),
    rows: LAB_ROWS.filter((row) => !row.mrr || hasMrr).map((row) => ({
      ...row,
      cells: periods.map((p) => ({ ...cellOf(row, p), explanation: explain(row.key, p, digits) })),
    })),
  };
}

/** The sales figures the pipeline step looks at, from the engine's period and pipeline. */
export function salesFacts(currencyReport) {
  const periods = currencyReport?.periods ?? [];
  const closed = [...periods].reverse().find((p) => (p.sales?.won ?? 0) + (p.sales?.lost ?? 0) > 0);
  if (!closed && !currencyReport?.pipeline?.open_count) return null;
  return { period: closed?.period ?? '', sales: closed?.sales ?? {}, pipeline: currencyReport?.pipeline ?? null,
    digits: currencyReport?.minor_digits ?? 2 };
}
