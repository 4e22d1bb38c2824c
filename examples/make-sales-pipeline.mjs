// Writes examples/sales-pipeline.csv: a small sales ledger for the forward
// view, the waterfall, the pipeline and the orders views. Deterministic (a
// fixed linear congruential generator), so running it again gives the same
// file: node examples/make-sales-pipeline.mjs > examples/sales-pipeline.csv
//
// One currency (USD). Subscriptions won over 2025-01..2026-10 (12 to 36
// months, billed annually, quarterly or monthly), deals lost in the same
// months, open deals created 2026-03..2026-11, and hardware or service orders
// recognised on delivery, some still undelivered (several older than 90
// days by 2026-09-30). One subscription is cancelled.
let seed = 20240607;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const REPS = ['Ana Ruiz', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Emma Lind'];
const REGIONS = ['NA', 'NA', 'NA', 'EMEA', 'EMEA', 'APAC', 'LATAM'];
const CUSTOMERS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Foods', 'Hooli',
  'Vandelay Imports', 'Soylent Labs', 'Tyrell Systems', 'Cyberdyne', 'Wonka Retail', 'Oscorp', 'Nakatomi Trading',
  'Gringotts Bank', 'Pied Piper', 'Massive Dynamic', 'Aperture Science', 'Dunder Mifflin', 'Monarch Solutions'];

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const at = (text) => Date.parse(text + 'T00:00:00Z');
const money = (dollars, cents = 0) => `${dollars}.${String(cents).padStart(2, '0')}`;

const header = ['id', 'customer', 'rep', 'region', 'type', 'status', 'created_date', 'booking_date', 'amount', 'currency',
  'start_date', 'term_months', 'recognition', 'delivery_date', 'billing', 'cancel_date'];
const rows = [];
const add = (r) => rows.push(header.map((h) => r[h] ?? ''));

// Won subscriptions: about two a month from 2025-01 to 2026-10.
let n = 0;
for (let month = 0; month < 22; month++) {
  const count = month % 3 === 2 ? 3 : 2;
  for (let k = 0; k < count; k++) {
    const booked = at(`${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`) + between(0, 26) * DAY;
    const created = booked - between(20, 150) * DAY;
    const term = pick([12, 12, 24, 36]);
    const start = booked + pick([0, 0, 14]) * DAY;
    add({ id: `S-${String(++n).padStart(3, '0')}`, customer: pick(CUSTOMERS), rep: pick(REPS), region: pick(REGIONS),
      type: pick(['new', 'new', 'renewal', 'expansion']), status: 'won', created_date: iso(created), booking_date: iso(booked),
      amount: money(between(6, 96) * 1000 * (term / 12)), currency: 'USD', start_date: iso(start), term_months: String(term),
      recognition: 'ratable', billing: pick(['annual', 'annual', 'quarterly', 'monthly']) });
  }
}
// One subscription is cancelled half-way.
rows[5][header.indexOf('cancel_date')] = '2025-09-15';

// Lost deals: closed (booking_date) in the same months.
for (let i = 0; i < 22; i++) {
  const closed = at('2025-01-10') + between(0, 650) * DAY;
  add({ id: `L-${String(i + 1).padStart(3, '0')}`, customer: pick(CUSTOMERS), rep: pick(REPS), region: pick(REGIONS),
    type: 'new', status: 'lost', created_date: iso(closed - between(30, 120) * DAY), booking_date: iso(closed),
    amount: money(between(5, 80) * 1000), currency: 'USD' });
}

// Open deals: created 2026-03..2026-11, no close date yet.
for (let i = 0; i < 26; i++) {
  const created = at('2026-03-01') + between(0, 260) * DAY;
  add({ id: `P-${String(i + 1).padStart(3, '0')}`, customer: pick(CUSTOMERS), rep: pick(REPS), region: pick(REGIONS),
    type: pick(['new', 'expansion']), status: 'open', created_date: iso(created),
    amount: money(between(8, 120) * 1000), currency: 'USD', term_months: '12' });
}

// Orders recognised on delivery: hardware and services, most delivered 5 to
// 60 days after booking; the last ones are not delivered yet.
for (let i = 0; i < 24; i++) {
  const booked = at('2025-02-01') + Math.floor(i * 640 / 24) * DAY + between(0, 20) * DAY;
  const undelivered = i % 4 === 1 || i >= 21;
  add({ id: `O-${String(i + 1).padStart(3, '0')}`, customer: pick(CUSTOMERS), rep: pick(REPS), region: pick(REGIONS),
    type: 'new', status: 'won', created_date: iso(booked - between(5, 40) * DAY), booking_date: iso(booked),
    amount: money(between(2, 40) * 500, pick([0, 0, 50, 99])), currency: 'USD', recognition: 'point',
    delivery_date: undelivered ? '' : iso(booked + between(5, 60) * DAY), billing: 'on-delivery' });
}

const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
process.stdout.write([header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n');
