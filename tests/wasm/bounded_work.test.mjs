// Hostile input through the JavaScript API: a report past the size cap is
// refused with a sentence naming it (report_size.h), made-up currencies are
// rejected row by row, and running out of WebAssembly memory is an
// {ok: false} reply, never an exception, after which the engine works again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repo } from './engine.mjs';

const { createEngine } = await import(join(repo, 'web/dist-engine/bbb-engine.mjs'));
const engine = await createEngine();

// 120 ISO 4217 codes the engine knows.
const CODES = ('AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD ' +
  'HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD ' +
  'MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG ' +
  'QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD').split(' ');

test('a 3 KB file spanning 1900-2199 in 121 currencies is refused by the size cap, in a sentence', async () => {
  let csv = 'id,booking_date,amount,currency\n';
  CODES.forEach((c, i) => { csv += `L${i},1900-01-01,1,${c}\n`; });
  csv += 'Z,2199-12-31,1,USD\n';
  assert.ok(csv.length < 4000);
  const r = await engine.analyse({ contracts: csv }, {}, {});
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'report_too_large');
  assert.match(r.error.message, /at most 40,000/);
  // By years it fits: 301 periods with the total x 121 currencies.
  const years = await engine.analyse({ contracts: csv }, {}, { period: 'year' });
  assert.equal(years.ok, true, JSON.stringify(years.error));
  assert.equal(Object.keys(years.report.currencies).length, CODES.length + 1);
});

test('made-up currency codes are rejected, one row each, unless named as extra', async () => {
  const csv = 'id,booking_date,amount,currency\nA,2024-01-01,1,QQQ\nB,2024-01-01,2,USD\n';
  const r = await engine.analyse({ contracts: csv }, {}, {});
  assert.equal(r.ok, true);
  assert.deepEqual(Object.keys(r.report.currencies), ['USD']);
  assert.equal(r.report.issues[0].code, 'unknown_currency');
  const extra = await engine.analyse({ contracts: csv }, { extra_currencies: ['QQQ'] }, {});
  assert.deepEqual(Object.keys(extra.report.currencies), ['QQQ', 'USD']);
});

test('out of WebAssembly memory is an error reply, and the next call works', { timeout: 120_000 }, async () => {
  // 120 currencies x 200 segments, each a ledger of 100 years of months: far past 2 GB.
  let csv = 'id,booking_date,amount,currency,start_date,term_months,rep\n';
  let n = 0;
  for (const c of CODES) for (let r = 0; r < 200; r++) csv += `L${n++},1900-01-01,1,${c},1900-01-01,1200,R${r}\n`;
  const r = await engine.analyse({ contracts: csv }, { split_by: 'rep' }, { period: 'year' });
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'out_of_memory');
  assert.match(r.error.message, /ran out of memory/);
  const next = await engine.analyse({ contracts: 'id,booking_date,amount\nA,2024-01-01,5\n' }, {}, {});
  assert.equal(next.ok, true);
  assert.equal(next.report.currencies.USD.total.bookings, 500);
});
