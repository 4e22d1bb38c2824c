// Spec section 4 checked against an independent computation: every line's
// revenue R(d) and billing B(d) through each month end, read from its own
// schedule (LineSchedule) alone, and every flow and balance of the monthly
// report formed from them line by line as section 4 defines it. The report
// folds lines into monthly deltas and running sums (finance/ledger_posting.cpp,
// finance/period_figures.cpp); this reference shares none of that, so an identity that the
// report would hold by construction is checked here against figures it did
// not make. Generated files with invoices, fulfilment, catch-ups,
// cancellations (same-day ones after an early start too), three currencies,
// both prorations.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "session/packed_lines.h"
#include "finance/schedule.h"
#include "generated_contracts.h"
#include "test_support.h"

namespace {

using bbb_test::Json;

// One month's figures of one currency, as section 4 defines them.
struct Month {
  std::int64_t bookings = 0, revenue = 0, billings = 0, cancellations = 0;
  std::int64_t backlog_end = 0, deferred_revenue_end = 0, unbilled_receivable_end = 0, billed_backlog_end = 0;
  std::int64_t crpo_end = 0, unscheduled_backlog_end = 0;
};

struct Line {
  bbb::ContractLine line;
  std::string id, customer, type;  // the views of `line` point here
  std::vector<bbb::DatedAmount> invoices;
  bool has_fulfilment = false;
  bbb::Fulfilment fulfilment;
};

// The booked lines the session accepted, with their invoices and fulfilment rows.
std::vector<Line> accepted_lines(const bbb_test::Input& run) {
  bbb::ReadSettings rs;
  std::string error;
  EXPECT_TRUE(bbb::parse_read_settings(run.read_settings, &rs, &error)) << error;
  bbb::Session s(rs);
  std::string bytes;
  s.hand_off_lines([&bytes](bbb::PackedLines& batch) { bytes += batch.bytes(); });
  if (!run.invoices.empty()) bbb_test::feed_file(s, bbb::FileKind::kInvoices, "i.csv", run.invoices, 1 << 20);
  if (!run.fulfilment.empty()) bbb_test::feed_file(s, bbb::FileKind::kFulfilment, "f.csv", run.fulfilment, 1 << 20);
  bbb_test::feed_file(s, bbb::FileKind::kContracts, "c.csv", run.contracts, 1 << 20);
  std::vector<Line> out;
  bbb::PackedLines::for_each(bytes, [&](const bbb::ContractLine& l, std::string_view, const std::vector<bbb::DatedAmount>& inv,
                                      const bbb::Fulfilment* ful) {
    if (!l.is_booked()) return;
    Line x;
    x.line = l;
    x.id = std::string(l.id);
    x.customer = std::string(l.customer);
    x.type = std::string(l.type);
    x.invoices = inv;
    x.has_fulfilment = ful != nullptr;
    if (ful) x.fulfilment = *ful;
    out.push_back(std::move(x));
  });
  for (Line& x : out) {
    x.line.id = x.id;
    x.line.customer = x.customer;
    x.line.type = x.type;
  }
  return out;
}

// The reference: each line's schedule read at each month end of `months`.
std::map<std::string, std::vector<Month>> reference(const std::vector<Line>& lines, bbb::Proration proration,
                                                    bbb::YearMonth first, std::size_t months) {
  std::map<std::string, std::vector<Month>> out;
  for (const Line& x : lines) {
    const bbb::ContractLine& l = x.line;
    const bbb::LineSchedule s(l, proration, x.invoices, x.has_fulfilment ? &x.fulfilment : nullptr);
    std::vector<Month>& by_month = out[std::string(l.currency.view())];
    by_month.resize(months);
    for (std::size_t i = 0; i < months; ++i) {
      const bbb::YearMonth m = first.plus(static_cast<std::int32_t>(i));
      const bbb::Date start = m.first_day(), end = m.last_day(), before = start.plus_days(-1);
      Month& t = by_month[i];
      if (l.booking.year_month() == m) t.bookings += l.amount;
      t.revenue += s.revenue_through(end) - s.revenue_through(before);
      t.billings += s.billed_through(end) - s.billed_through(before);
      if (l.has_cancel && l.cancel.year_month() == m) t.cancellations += l.amount - s.revenue_through(l.cancel);
      if (l.booking > end) continue;
      const std::int64_t r = s.revenue_through(end), b = s.billed_through(end);
      t.deferred_revenue_end += std::max<std::int64_t>(0, b - r);
      t.unbilled_receivable_end += std::max<std::int64_t>(0, r - b);
      const bool in_backlog = !(l.has_cancel && l.cancel <= end);
      if (!in_backlog) continue;
      t.backlog_end += l.amount - r;
      t.billed_backlog_end += std::max<std::int64_t>(0, std::min(b, l.amount) - r);
      // cRPO read as of the month end: a later cancellation is not yet known.
      const bbb::Date horizon = m.plus(12).last_day();
      t.crpo_end += s.revenue_through_uncancelled(horizon) - s.revenue_through_uncancelled(end);
      t.unscheduled_backlog_end += l.amount - s.scheduled_total();
    }
  }
  return out;
}

void compare(const bbb_test::Input& run, bbb::Proration proration, const std::string& what) {
  const Json r = bbb_test::report(run);
  const std::vector<Line> lines = accepted_lines(run);
  ASSERT_GT(lines.size(), 100u) << what;
  const Json& any = r["currencies"].begin().value()["periods"];
  bbb::Date first;
  ASSERT_TRUE(bbb::parse_iso_date(any[0]["start"].get<std::string>(), &first));
  const auto ref = reference(lines, proration, first.year_month(), any.size());
  ASSERT_EQ(ref.size(), r["currencies"].size()) << what;
  for (const auto& [currency, months] : ref) {
    const Json& periods = r["currencies"][currency]["periods"];
    ASSERT_EQ(periods.size(), months.size()) << what << currency;
    for (std::size_t i = 0; i < months.size(); ++i) {
      const Json& p = periods[i];
      const Month& t = months[i];
      SCOPED_TRACE(what + " " + currency + " " + p["period"].get<std::string>());
      EXPECT_EQ(p["bookings"], t.bookings);
      EXPECT_EQ(p["revenue"], t.revenue);
      EXPECT_EQ(p["billings"], t.billings);
      EXPECT_EQ(p["cancellations"], t.cancellations);
      EXPECT_EQ(p["backlog_end"], t.backlog_end);
      EXPECT_EQ(p["backlog_begin"], i == 0 ? 0 : months[i - 1].backlog_end);
      EXPECT_EQ(p["deferred_revenue_end"], t.deferred_revenue_end);
      EXPECT_EQ(p["unbilled_receivable_end"], t.unbilled_receivable_end);
      EXPECT_EQ(p["billed_backlog_end"], t.billed_backlog_end);
      EXPECT_EQ(p["unbilled_backlog_end"], t.backlog_end - t.billed_backlog_end);
      EXPECT_EQ(p["crpo_end"], t.crpo_end);
      EXPECT_EQ(p["unscheduled_backlog_end"], t.unscheduled_backlog_end);
      EXPECT_EQ(p["later_backlog_end"], t.backlog_end - t.crpo_end - t.unscheduled_backlog_end);
    }
  }
}

// Lines cancelled on their booking day after an early start, and on later days.
constexpr const char* kEdgeRows =
    "E1,Edge,2023-08-05,1437.59,EUR,2023-04-13,2027-04-12,,ratable,,semiannual,,new,,2023-08-05\n"
    "E2,Edge,2023-09-10,9000.00,USD,2023-06-01,,24,ratable,,monthly-arrears,,new,cancelled,2023-09-10\n"
    "E3,Edge,2023-09-10,500.00,USD,,,,point,2023-08-01,on-delivery,,new,,2023-09-10\n";

class PerLineReference : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(PerLineReference, EveryMonthlyFigureEqualsTheSumOverLinesOfTheirSchedules) {
  bbb_test::Generated g = bbb_test::generate(GetParam(), 300);
  g.input.contracts += kEdgeRows;
  compare(g.input, bbb::Proration::kMonthly, "monthly");
}

TEST_P(PerLineReference, AndWithDailyProration) {
  bbb_test::Generated g = bbb_test::generate(GetParam() + 500, 300);
  g.input.contracts += kEdgeRows;
  g.input.read_settings = R"({"proration":"daily"})";
  compare(g.input, bbb::Proration::kDaily, "daily");
}

INSTANTIATE_TEST_SUITE_P(Seeds, PerLineReference, ::testing::Values(3u, 11u, 99u));

}  // namespace
