// Spec 12 through the whole engine: generated contract files (customers in
// regions, two currencies, cancellations, gaps, blank customers, point
// lines) read by a Session, and every `mrr` figure of every month, of the
// whole currency and of each region, checked against a reference that
// works from the generated rows alone: each customer's MRR at each month
// end straight from its lines' dates, each move classified by hand. Then
// quarters as sums of their months, and every movement drilled down to
// lines that add up to it. Plus the rules docs/metrics.md settles where
// the spec is silent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "generated_contracts.h"
#include "test_support.h"

namespace {

using bbb_test::Json;
using bbb_test::ymd;

struct Row {
  std::string id, customer, region, currency;
  std::int64_t amount = 0;  // minor units
  bbb::Date booking, start, end;
  int term = 0;
  bool ratable = true, cancelled = false;
  bbb::Date cancel;
};

struct Generated {
  std::string csv;
  std::vector<Row> rows;
};

Generated generate(std::uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const char* regions[] = {"North", "South", "West"};
  Generated g;
  g.csv = "id,customer,region,booking_date,amount,currency,start_date,term_months,recognition,billing,cancel_date\n";
  const int n = pick(5, 40);
  for (int i = 0; i < n; ++i) {
    Row r;
    r.id = "L" + std::to_string(i);
    r.customer = pick(1, 10) == 1 ? "" : "C" + std::to_string(pick(0, 6));
    r.region = regions[pick(0, 2)];
    r.currency = pick(1, 4) == 1 ? "EUR" : "USD";
    r.amount = static_cast<std::int64_t>(pick(1, 50000)) * pick(1, 300);
    r.start = bbb::add_months(ymd(2023, 1, 1), pick(0, 30)).plus_days(pick(1, 6) == 1 ? pick(1, 27) : 0);
    r.booking = r.start.plus_days(pick(-40, 40));
    r.term = pick(1, 18);
    r.end = bbb::add_months(r.start, r.term).plus_days(-1);
    r.ratable = pick(1, 8) != 1;
    if (pick(1, 5) == 1) { r.cancelled = true; r.cancel = r.start.plus_days(pick(0, 500)); }
    g.rows.push_back(r);
    g.csv += r.id + "," + r.customer + "," + r.region + "," + r.booking.iso() + "," + bbb_test::money(r.amount, 2) + "," +
             r.currency + "," + r.start.iso() + "," + std::to_string(r.term) + "," + (r.ratable ? "ratable" : "point") +
             ",upfront," + (r.cancelled ? r.cancel.iso() : "") + "\n";
  }
  return g;
}

// The reference: a customer's MRR at month end e, in the regions `in` (all when empty).
std::int64_t mrr_of(const std::vector<Row>& rows, const std::string& currency, const std::string& customer,
                    bbb::YearMonth month, const std::vector<std::string>& in) {
  const bbb::Date e = month.last_day();
  std::int64_t sum = 0;
  for (const Row& r : rows) {
    const std::string key = r.customer.empty() ? "line " + r.id : r.customer;
    if (r.currency != currency || key != customer || !r.ratable) continue;
    if (!in.empty() && std::find(in.begin(), in.end(), r.region) == in.end()) continue;
    if (r.start <= e && e <= r.end && r.booking <= e && !(r.cancelled && r.cancel <= e)) sum += r.amount / r.term;
  }
  return sum;
}

struct Expected {
  std::int64_t mrr_begin = 0, mrr_end = 0, fresh = 0, expansion = 0, contraction = 0, churn = 0, reactivation = 0;
  std::int64_t customers_begin = 0, customers_end = 0, new_customers = 0, churned_customers = 0, reactivated_customers = 0;
  std::int64_t then = 0, now = 0, kept = 0;
};

Expected expected_month(const std::vector<Row>& rows, const std::string& currency, bbb::YearMonth m,
                        const std::vector<std::string>& in) {
  std::vector<std::string> customers;
  for (const Row& r : rows) {
    const std::string key = r.customer.empty() ? "line " + r.id : r.customer;
    if (r.currency == currency && std::find(customers.begin(), customers.end(), key) == customers.end()) customers.push_back(key);
  }
  Expected x;
  for (const std::string& c : customers) {
    const std::int64_t p = mrr_of(rows, currency, c, m.plus(-1), in), n = mrr_of(rows, currency, c, m, in);
    const std::int64_t P = mrr_of(rows, currency, c, m.plus(-1), {}), N = mrr_of(rows, currency, c, m, {});
    bool had = false;
    for (bbb::YearMonth x0 = bbb::YearMonth::of(2022, 1); x0 < m; x0 = x0.plus(1)) had = had || mrr_of(rows, currency, c, x0, {}) > 0;
    x.mrr_begin += p;
    x.mrr_end += n;
    x.customers_begin += p > 0;
    x.customers_end += n > 0;
    const std::int64_t then = mrr_of(rows, currency, c, m.plus(-12), in);
    if (then > 0) { x.then += then; x.now += n; x.kept += std::min(n, then); }
    if (p == n) continue;
    if (P == 0 && N > 0) {
      if (had) { x.reactivation += n; x.reactivated_customers++; }
      else { x.fresh += n; x.new_customers++; }
    } else if (P > 0 && N == 0) {
      x.churn += p;
      x.churned_customers++;
    } else if (n > p) {
      x.expansion += n - p;
    } else {
      x.contraction += p - n;
    }
  }
  return x;
}

// A ratio as the report writes it (four decimals, half away from zero), or null.
Json ratio(std::int64_t num, std::int64_t den) {
  if (den == 0) return nullptr;
  const long double r = static_cast<long double>(num) / static_cast<long double>(den);
  return std::round(r * 10000.0L) / 10000.0L;
}

void expect_month(const Json& got, const Expected& x, const std::string& at) {
  EXPECT_EQ(got["mrr_begin"], x.mrr_begin) << at;
  EXPECT_EQ(got["mrr_end"], x.mrr_end) << at;
  EXPECT_EQ(got["arr_end"], 12 * x.mrr_end) << at;
  EXPECT_EQ(got["new"], x.fresh) << at;
  EXPECT_EQ(got["expansion"], x.expansion) << at;
  EXPECT_EQ(got["contraction"], x.contraction) << at;
  EXPECT_EQ(got["churn"], x.churn) << at;
  EXPECT_EQ(got["reactivation"], x.reactivation) << at;
  EXPECT_EQ(got["customers_begin"], x.customers_begin) << at;
  EXPECT_EQ(got["customers_end"], x.customers_end) << at;
  EXPECT_EQ(got["new_customers"], x.new_customers) << at;
  EXPECT_EQ(got["churned_customers"], x.churned_customers) << at;
  EXPECT_EQ(got["reactivated_customers"], x.reactivated_customers) << at;
  EXPECT_EQ(got["nrr"], ratio(x.now, x.then)) << at;
  EXPECT_EQ(got["grr"], ratio(x.kept, x.then)) << at;
  EXPECT_EQ(got["logo_churn"], ratio(x.churned_customers, x.customers_begin)) << at;
  EXPECT_EQ(got["quick_ratio"], ratio(x.fresh + x.expansion + x.reactivation, x.contraction + x.churn)) << at;
}

class RecurringReport : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(RecurringReport, EveryMonthOfEveryRegionMatchesAPerCustomerReference) {
  const Generated g = generate(GetParam());
  const Json r = bbb_test::report(g.csv, R"({"top":10})", R"({"split_by":"region"})");
  for (const auto& [currency, c] : r["currencies"].items()) {
    const auto check_table = [&](const Json& table, const std::vector<std::string>& in, const std::string& name) {
      for (const Json& p : table["periods"]) {
        const std::string label = p["period"];
        const bbb::YearMonth m = bbb::YearMonth::of(std::stoi(label.substr(0, 4)), std::stoi(label.substr(5, 2)));
        expect_month(p["mrr"], expected_month(g.rows, currency, m, in),
                     "seed " + std::to_string(GetParam()) + " " + currency + " " + name + " " + label);
      }
    };
    check_table(c, {}, "whole");
    for (const Json& s : c["segments"]["values"]) check_table(s, {s["value"].get<std::string>()}, s["value"]);
  }
}

TEST_P(RecurringReport, QuartersSumTheirMonthsAndTheBridgeHolds) {
  const Generated g = generate(GetParam());
  const Json quarters = bbb_test::report(g.csv, R"({"period":"quarter","fiscal_start":2})");
  // The months of the same range: the quarters' may run past the last event.
  const Json& any = quarters["currencies"].begin().value()["periods"];
  const Json months = bbb_test::report(g.csv, R"({"period":"month","from":")" + any.front()["start"].get<std::string>() +
                                                  R"(","to":")" + any.back()["end"].get<std::string>() + "\"}");
  for (const auto& [currency, c] : quarters["currencies"].items()) {
    for (const Json& q : c["periods"]) {
      const Json& mrr = q["mrr"];
      EXPECT_EQ(mrr["mrr_end"], mrr["mrr_begin"].get<std::int64_t>() + mrr["new"].get<std::int64_t>() +
                                    mrr["expansion"].get<std::int64_t>() + mrr["reactivation"].get<std::int64_t>() -
                                    mrr["contraction"].get<std::int64_t>() - mrr["churn"].get<std::int64_t>());
      std::int64_t fresh = 0, churned = 0;
      Json last;
      for (const Json& m : months["currencies"][currency]["periods"]) {
        if (m["start"] < q["start"] || m["end"] > q["end"]) continue;
        fresh += m["mrr"]["new"].get<std::int64_t>();
        churned += m["mrr"]["churned_customers"].get<std::int64_t>();
        last = m["mrr"];
      }
      EXPECT_EQ(mrr["new"], fresh) << q["period"];
      EXPECT_EQ(mrr["churned_customers"], churned) << q["period"];
      if (!last.is_null()) {
        EXPECT_EQ(mrr["mrr_end"], last["mrr_end"]) << q["period"];
        EXPECT_EQ(mrr["nrr"], last["nrr"]) << q["period"];
      }
    }
  }
}

TEST_P(RecurringReport, EveryMovementDrillsToLinesThatAddUpToIt) {
  const Generated g = generate(GetParam());
  const Json r = bbb_test::report(g.csv, "{}", R"({"split_by":"region"})");
  const char* metrics[][2] = {{"mrr_new", "new"},           {"mrr_expansion", "expansion"}, {"mrr_contraction", "contraction"},
                              {"mrr_churn", "churn"},       {"mrr_reactivation", "reactivation"},
                              {"mrr_begin", "mrr_begin"},   {"mrr_end", "mrr_end"}, {"arr_end", "arr_end"}};
  int drilled = 0;
  for (const auto& [currency, c] : r["currencies"].items()) {
    for (const Json& table : {c, c["segments"]["values"][0]}) {
      const std::string segment = table.contains("value") ? R"(,"segment":")" + table["value"].get<std::string>() + "\"" : "";
      for (const Json& p : table["periods"]) {
        for (const auto& m : metrics) {
          const std::int64_t want = p["mrr"][m[1]];
          if (want == 0 || drilled > 60) continue;
          ++drilled;
          const Json d = bbb_test::report(g.csv, "{}",
                                          R"({"split_by":"region","drill":{"currency":")" + currency + R"(","metric":")" + m[0] +
                                              R"(","from":")" + p["start"].get<std::string>() + R"(","to":")" +
                                              p["end"].get<std::string>() + "\",\"limit\":1000" + segment + "}}")["drill"];
          EXPECT_EQ(d["value"], want) << m[0] << " " << currency << " " << p["period"] << segment;
          std::int64_t sum = 0;
          for (const Json& l : d["lines"]) sum += l["contribution"].get<std::int64_t>();
          EXPECT_EQ(sum, want) << m[0] << " " << currency << " " << p["period"] << segment;
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, RecurringReport, ::testing::Range<std::uint32_t>(1, 13));

// --- The rules where the spec is silent (docs/metrics.md, "Recurring revenue").

constexpr const char* kHeader = "id,customer,booking_date,amount,currency,start_date,end_date,recognition,billing\n";

Json mrr_of_month(const Json& r, const std::string& currency, const std::string& label) {
  return bbb_test::period(r, currency, label)["mrr"];
}

TEST(RecurringRules, ALineWithinOneMonthHasNoMrr) {
  const Json r = bbb_test::report(std::string(kHeader) + "A,Acme,2024-03-05,500.00,USD,2024-03-05,2024-03-25,ratable,upfront\n");
  EXPECT_EQ(mrr_of_month(r, "USD", "2024-03")["mrr_end"], 0);
  EXPECT_EQ(mrr_of_month(r, "USD", "2024-03")["new"], 0);
}

TEST(RecurringRules, LinesWithoutACustomerAreEachTheirOwnCustomer) {
  const Json r = bbb_test::report(std::string(kHeader) +
                                  "A,,2024-01-01,1200.00,USD,2024-01-01,2024-12-31,ratable,upfront\n"
                                  "B,,2024-01-01,2400.00,USD,2024-01-01,2024-12-31,ratable,upfront\n"
                                  "C,A,2024-01-01,1200.00,USD,2024-01-01,2024-12-31,ratable,upfront\n");
  const Json jan = mrr_of_month(r, "USD", "2024-01");
  EXPECT_EQ(jan["customers_end"], 3);  // "A" the customer is not line A
  EXPECT_EQ(jan["new"], 40000);
}

TEST(RecurringRules, ARenewalDaysLateWithinAMonthIsNoChurnAcrossAMonthEndIsChurnThenReactivation) {
  // X's renewal starts 5 days after the old term, within January: no month
  // end without MRR. Y's old term ends 20 December and the renewal starts 5
  // January: 31 December has no MRR.
  const Json r = bbb_test::report(std::string(kHeader) +
                                  "X1,X,2023-01-01,1200.00,USD,2023-01-01,2023-12-31,ratable,upfront\n"
                                  "X2,X,2024-01-05,1200.00,USD,2024-01-05,2025-01-04,ratable,upfront\n"
                                  "Y1,Y,2023-01-01,1200.00,USD,2023-01-01,2023-12-20,ratable,upfront\n"
                                  "Y2,Y,2024-01-05,1200.00,USD,2024-01-05,2025-01-04,ratable,upfront\n");
  const Json dec = mrr_of_month(r, "USD", "2023-12"), jan = mrr_of_month(r, "USD", "2024-01");
  EXPECT_EQ(dec["churn"], 10000);  // Y only
  EXPECT_EQ(dec["churned_customers"], 1);
  EXPECT_EQ(jan["reactivation"], 10000);
  EXPECT_EQ(jan["reactivated_customers"], 1);
  EXPECT_EQ(jan["mrr_end"], 20000);
}

TEST(RecurringRules, TheSameCustomerInTwoCurrenciesIsACustomerOfEach) {
  const Json r = bbb_test::report(std::string(kHeader) +
                                  "A,Acme,2024-01-01,1200.00,USD,2024-01-01,2024-12-31,ratable,upfront\n"
                                  "B,Acme,2024-01-01,1200.00,EUR,2024-01-01,2024-06-30,ratable,upfront\n");
  EXPECT_EQ(mrr_of_month(r, "USD", "2024-01")["new_customers"], 1);
  EXPECT_EQ(mrr_of_month(r, "EUR", "2024-01")["new_customers"], 1);
  EXPECT_EQ(mrr_of_month(r, "EUR", "2024-07")["churned_customers"], 1);  // EUR churns; USD keeps it
  EXPECT_EQ(mrr_of_month(r, "USD", "2024-07")["churned_customers"], 0);
}

TEST(RecurringRules, ASubscriptionWithoutACustomerRenewsAsOneCustomer) {
  const std::string file =
      "id,Customer ID,Plan,Quantity,Currency,Interval,Amount,Status,Created (UTC),Start Date (UTC),"
      "Current Period Start (UTC),Current Period End (UTC),Canceled At (UTC),Ended At (UTC)\n"
      "sub_1,,price_basic,1,usd,month,50.00,active,2024-01-10 10:00:00,2024-01-10 10:00:00,2024-04-10 10:00:00,"
      "2024-05-10 10:00:00,,\n"
      "sub_2,,price_basic,1,usd,week,10.00,active,2024-01-10 10:00:00,2024-01-10 10:00:00,2024-04-24 10:00:00,"
      "2024-05-01 10:00:00,,\n";
  const Json r = bbb_test::report(file, "{}", R"({"as_of":"2024-04-30"})");
  // sub_1: 50.00 a month; sub_2: 10.00 a week, 10.00 x 12 / 52 = 2.30 a month.
  for (const std::string m : {"2024-02", "2024-03", "2024-04"}) {
    EXPECT_EQ(mrr_of_month(r, "USD", m)["mrr_end"], 5000 + 230) << m;
    EXPECT_EQ(mrr_of_month(r, "USD", m)["churn"], 0) << m;
    EXPECT_EQ(mrr_of_month(r, "USD", m)["new"], 0) << m;
  }
  EXPECT_EQ(mrr_of_month(r, "USD", "2024-01")["new_customers"], 2);
  EXPECT_EQ(mrr_of_month(r, "USD", "2024-04")["customers_end"], 2);
}

TEST(RecurringRules, ASubscriptionStillRunningRenewsItsMrrUntilItEnds) {
  // Exported in June (no as-of date): sub_1 still active, sub_2 ended on 20 April.
  const std::string file =
      "id,Customer ID,Plan,Quantity,Currency,Interval,Amount,Status,Created (UTC),Start Date (UTC),"
      "Current Period Start (UTC),Current Period End (UTC),Canceled At (UTC),Ended At (UTC)\n"
      "sub_1,cus_1,basic,1,usd,month,50.00,active,2024-01-10 10:00:00,2024-01-10 10:00:00,2024-06-10 10:00:00,"
      "2024-07-10 10:00:00,,\n"
      "sub_2,cus_2,basic,1,usd,year,1200.00,canceled,2024-01-01 10:00:00,2024-01-01 10:00:00,2024-01-01 10:00:00,"
      "2025-01-01 10:00:00,2024-04-20 10:00:00,2024-04-20 10:00:00\n";
  const Json r = bbb_test::report(file, R"({"to":"2024-12-31"})");
  EXPECT_EQ(mrr_of_month(r, "USD", "2024-04")["churn"], 10000);  // sub_2's 100.00 a month
  for (const std::string m : {"2024-07", "2024-09", "2024-12"}) {
    EXPECT_EQ(mrr_of_month(r, "USD", m)["mrr_end"], 5000) << m;  // sub_1 renews: no churn after June
    EXPECT_EQ(mrr_of_month(r, "USD", m)["churn"], 0) << m;
  }
}

TEST(RecurringRules, InvoicesReadAloneHaveNoMrr) {
  const Json r = bbb_test::report("invoice_number,customer,invoice_date,amount,currency\nINV-1,Acme,2024-01-10,100.00,USD\n");
  EXPECT_TRUE(bbb_test::period(r, "USD", "2024-01")["mrr"].is_null());
  EXPECT_TRUE(r["currencies"]["USD"]["cohorts"].is_null());
}

}  // namespace
