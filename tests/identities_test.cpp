// Property tests: random but valid contract files (with invoices and
// fulfilment files fed first) must satisfy the identities of spec section 4
// in every period of every currency, for every period kind and fiscal start,
// and the report must not depend on how the bytes were chunked.
#include <gtest/gtest.h>
#include <gtest/gtest-spi.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "generated_contracts.h"
#include "test_support.h"

namespace {

using bbb_test::Generated;
using bbb_test::generate;
using bbb_test::Input;
using bbb_test::Json;

std::int64_t num(const Json& p, const char* key) { return p[key].get<std::int64_t>(); }

// The identities of spec section 4 in every period of every currency.
void check_identities(const Json& r, const std::string& what) {
  ASSERT_FALSE(r["currencies"].empty()) << what;
  for (const auto& [cur, c] : r["currencies"].items()) {
    std::int64_t prev_backlog = 0, prev_net = 0;
    for (const Json& p : c["periods"]) {
      SCOPED_TRACE(what + " " + cur + " " + p["period"].get<std::string>());
      const std::int64_t backlog = num(p, "backlog_end");
      EXPECT_EQ(num(p, "backlog_begin"), prev_backlog);
      EXPECT_EQ(backlog, num(p, "backlog_begin") + num(p, "bookings") - num(p, "revenue") - num(p, "cancellations"));
      const std::int64_t net = num(p, "deferred_revenue_end") - num(p, "unbilled_receivable_end");
      EXPECT_EQ(net, prev_net + num(p, "billings") - num(p, "revenue"));
      EXPECT_EQ(backlog, num(p, "billed_backlog_end") + num(p, "unbilled_backlog_end"));
      EXPECT_EQ(backlog, num(p, "crpo_end") + num(p, "later_backlog_end") + num(p, "unscheduled_backlog_end"));
      EXPECT_GE(num(p, "deferred_revenue_end"), 0);
      EXPECT_GE(num(p, "unbilled_receivable_end"), 0);
      EXPECT_GE(num(p, "billed_backlog_end"), 0);
      EXPECT_GE(num(p, "unscheduled_backlog_end"), 0);
      EXPECT_EQ(num(p, "bookings"), num(p, "bookings_recurring") + num(p, "bookings_one_time"));
      std::int64_t by_type = 0;
      for (const auto& [type, v] : p["bookings_by_type"].items()) by_type += v.get<std::int64_t>();
      EXPECT_EQ(by_type, num(p, "bookings"));
      EXPECT_LE(num(p, "acv_bookings"), num(p, "bookings"));
      prev_backlog = backlog;
      prev_net = net;
    }
  }
}

struct Sums { std::int64_t bookings = 0, revenue = 0, billings = 0, cancellations = 0; };

std::map<std::string, Sums> sums(const Json& r) {
  std::map<std::string, Sums> out;
  for (const auto& [cur, c] : r["currencies"].items())
    for (const Json& p : c["periods"]) {
      out[cur].bookings += num(p, "bookings");
      out[cur].revenue += num(p, "revenue");
      out[cur].billings += num(p, "billings");
      out[cur].cancellations += num(p, "cancellations");
    }
  return out;
}

class Identities : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(Identities, HoldInEveryPeriodForEveryPeriodKindAndFiscalStart) {
  Generated g = generate(GetParam(), 300);
  const Json monthly = bbb_test::report(g.input);
  EXPECT_EQ(monthly["rows"]["read"], g.lines);
  EXPECT_EQ(monthly["rows"]["rejected"], 0) << monthly["issues"].dump();
  for (const Json& f : monthly["files"]) EXPECT_EQ(f["rows"]["rejected"], 0) << f["kind"] << monthly["issues"].dump();
  // The file exercises what it should: invoices, fulfilment, catch-ups, cancellations, three currencies.
  EXPECT_EQ(monthly["files"].size(), 3u);
  EXPECT_GT(monthly["issue_counts"].value("catch_up", 0), 0);
  EXPECT_EQ(monthly["currencies"].size(), 3u);
  for (const auto& [cur, c] : monthly["currencies"].items())
    EXPECT_GT(c["total"]["cancellations"].get<std::int64_t>(), 0) << cur;
  check_identities(monthly, "month");
  const auto monthly_sums = sums(monthly);
  for (const char* kind : {"month", "quarter", "year"})
    for (int fiscal : {1, 4}) {
      g.input.report_settings = std::string(R"({"period":")") + kind + R"(","fiscal_start":)" + std::to_string(fiscal) + "}";
      const Json r = bbb_test::report(g.input);
      check_identities(r, g.input.report_settings);
      const auto s = sums(r);
      ASSERT_EQ(s.size(), monthly_sums.size());
      for (const auto& [cur, m] : monthly_sums) {
        EXPECT_EQ(s.at(cur).revenue, m.revenue) << kind << fiscal << cur;
        EXPECT_EQ(s.at(cur).bookings, m.bookings) << kind << fiscal << cur;
        EXPECT_EQ(s.at(cur).billings, m.billings) << kind << fiscal << cur;
        EXPECT_EQ(s.at(cur).cancellations, m.cancellations) << kind << fiscal << cur;
        EXPECT_EQ(r["currencies"][cur]["total"]["revenue"].get<std::int64_t>(), m.revenue);
      }
    }
}

TEST_P(Identities, HoldWithDailyProration) {
  Generated g = generate(GetParam() + 1000, 200);
  g.input.read_settings = R"({"proration":"daily"})";
  check_identities(bbb_test::report(g.input), "daily");
}

TEST_P(Identities, QuarterFiguresAreUnionsOfTheirMonths) {
  Generated g = generate(GetParam() + 2000, 200);
  const Json months = bbb_test::report(g.input);
  g.input.report_settings = R"({"period":"quarter","fiscal_start":4})";
  const Json quarters = bbb_test::report(g.input);
  for (const auto& [cur, c] : quarters["currencies"].items()) {
    for (const Json& q : c["periods"]) {
      Sums flows;
      const Json* last = nullptr;
      for (const Json& m : months["currencies"][cur]["periods"]) {
        const std::string start = m["start"];
        if (start < q["start"].get<std::string>() || start > q["end"].get<std::string>()) continue;
        flows.bookings += num(m, "bookings");
        flows.revenue += num(m, "revenue");
        flows.billings += num(m, "billings");
        flows.cancellations += num(m, "cancellations");
        last = &m;
      }
      SCOPED_TRACE(cur + " " + q["period"].get<std::string>());
      EXPECT_EQ(num(q, "bookings"), flows.bookings);
      EXPECT_EQ(num(q, "revenue"), flows.revenue);
      EXPECT_EQ(num(q, "billings"), flows.billings);
      EXPECT_EQ(num(q, "cancellations"), flows.cancellations);
      if (last) {
        for (const char* key : {"backlog_end", "deferred_revenue_end", "unbilled_receivable_end", "billed_backlog_end",
                                "crpo_end", "unscheduled_backlog_end"})
          EXPECT_EQ(num(q, key), num(*last, key)) << key;
      }
    }
  }
}

TEST_P(Identities, ChunkingDoesNotChangeTheReport) {
  Generated g = generate(GetParam() + 3000, 150);
  g.input.chunk = 65536;
  const std::string whole = bbb_test::report_text(g.input);
  for (std::size_t chunk : {1u, 3u, 64u}) {
    g.input.chunk = chunk;
    EXPECT_EQ(bbb_test::report_text(g.input), whole) << "chunks of " << chunk;
  }
}

// The checker itself must be able to fail: one cent moved breaks an identity.
TEST(IdentityChecker, CatchesAOneCentError) {
  const Json clean = bbb_test::report(generate(5, 50).input);
  Json r = clean;
  auto& p = r["currencies"]["USD"]["periods"][3];
  p["crpo_end"] = p["crpo_end"].get<std::int64_t>() + 1;  // appears in one identity only
  EXPECT_NONFATAL_FAILURE(check_identities(r, "tampered crpo"), "crpo_end");
  r = clean;
  auto& q = r["currencies"]["EUR"]["periods"][2];
  q["billings"] = q["billings"].get<std::int64_t>() + 1;  // breaks the deferred roll-forward
  EXPECT_NONFATAL_FAILURE(check_identities(r, "tampered billings"), "billings");
}

INSTANTIATE_TEST_SUITE_P(Seeds, Identities, ::testing::Values(1u, 7u, 42u, 2024u));

}  // namespace
