// A seeded generator of random but valid contract files (with invoices and
// fulfilment files), shared by the property tests.
#pragma once

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

#include "test_support.h"

namespace bbb_test {

struct Generated {
  Input input;
  int lines = 0;
};

inline std::string iso(bbb::Date d) { return d.iso(); }

inline std::string money(std::int64_t minor, int digits) {
  if (digits == 0) return std::to_string(minor);
  const std::int64_t a = minor < 0 ? -minor : minor;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", minor < 0 ? "-" : "", static_cast<long long>(a / 100),
                static_cast<long long>(a % 100));
  return buf;
}

inline Generated generate(std::uint32_t seed, int n) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](int percent) { return pick(1, 100) <= percent; };
  const char* currencies[] = {"USD", "EUR", "JPY"};
  const char* billings[] = {"upfront",  "monthly",         "quarterly",         "semiannual", "annual",
                            "monthly-arrears", "quarterly-arrears", "on-delivery", "none"};
  const char* types[] = {"new", "renewal", "expansion", "pilot"};
  const bbb::Date base = bbb_test::ymd(2023, 1, 1);

  Generated g;
  g.lines = n;
  std::string& c = g.input.contracts;
  c = "id,customer,booking_date,amount,currency,start_date,end_date,term_months,recognition,delivery_date,"
      "billing,billing_start,type,status,cancel_date\n";
  std::string inv = "id,invoice_date,amount\n";
  std::string ful_amount = "id,date,amount\n";
  int invoices = 0, fulfilments = 0;
  for (int i = 0; i < n; ++i) {
    const std::string id = "L" + std::to_string(i);
    const std::string cur = currencies[pick(0, 2)];
    const int digits = cur == "JPY" ? 0 : 2;
    const std::int64_t amount = digits == 0 ? pick(1, 3000000) : static_cast<std::int64_t>(pick(1, 500000)) * pick(1, 1000);
    const bbb::Date booking = base.plus_days(pick(0, 1000));
    const bool ratable = chance(60);
    std::string start, end, term, recognition, delivery, billing_start, status, cancel;
    bbb::Date service = booking;
    if (chance(50)) { service = booking.plus_days(pick(-90, 120)); start = iso(service); }
    if (ratable) {
      recognition = chance(70) ? "ratable" : "";
      const int t = pick(1, 40);
      if (chance(70)) term = std::to_string(t);
      else end = iso(bbb::add_months(service, t).plus_days(-pick(1, 20)));
      if (end.empty() && term.empty()) term = "12";
    } else {
      recognition = "point";
      if (chance(60)) delivery = iso(booking.plus_days(pick(-40, 500)));
    }
    std::string billing = billings[pick(0, 8)];
    if (chance(20)) billing_start = iso(service.plus_days(pick(0, 60)));
    const int s = pick(1, 100);
    if (s <= 6) status = "open";
    else if (s <= 10) status = "lost";
    else if (s <= 25) { status = chance(50) ? "cancelled" : ""; cancel = iso(booking.plus_days(pick(0, 900))); }
    const bool booked = status != "open" && status != "lost";
    if (booked && chance(6)) {  // invoices replace the generated billing
      const int k = pick(1, 3);
      for (int j = 0; j < k; ++j) {
        std::int64_t part = amount / k;
        if (j == 2) part = -part / 3;  // a credit note
        inv += id + "," + iso(booking.plus_days(pick(-20, 400))) + "," + money(part, digits) + "\n";
        ++invoices;
      }
    }
    if (booked && chance(6)) {  // fulfilment by amounts, summing to at most the amount
      std::int64_t left = amount;
      const int k = pick(1, 3);
      for (int j = 0; j < k && left > 0; ++j) {
        const std::int64_t part = j + 1 == k ? left : left / 2;
        left -= part;
        ful_amount += id + "," + iso(booking.plus_days(pick(-10, 300))) + "," + money(part, digits) + "\n";
        ++fulfilments;
      }
    }
    c += id + ",\"Customer " + std::to_string(i % 17) + ", Inc\"," + iso(booking) + ",\"" + money(amount, digits) +
         "\"," + cur + "," + start + "," + end + "," + term + "," + recognition + "," + delivery + "," + billing + "," +
         billing_start + "," + types[pick(0, 3)] + "," + status + "," + cancel + "\n";
  }
  if (invoices > 0) g.input.invoices = inv;
  if (fulfilments > 0) g.input.fulfilment = ful_amount;
  return g;
}

}  // namespace bbb_test
