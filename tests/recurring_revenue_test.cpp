// Recurring revenue (spec 12), the engine's core not yet in the report: each
// customer's MRR and its movements month by month, against the worked
// example of section 12 and against a reference that computes every
// customer's MRR at every month end straight from its lines' dates (no
// spans, no change lists), then classifies each month's move itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <vector>

#include "fast/parallel.h"
#include "finance/recurring_revenue.h"
#include "test_support.h"

namespace {

using bbb::ContractLine;
using bbb::YearMonth;
using bbb_test::ymd;

ContractLine ratable(std::int64_t amount, bbb::Date booking, bbb::Date start, std::int32_t months) {
  ContractLine l;
  l.amount = amount;
  l.status = bbb::Status::kBooked;
  l.recognition = bbb::Recognition::kRatable;
  l.has_booking = true;
  l.booking = booking;
  l.start = start;
  l.term_months = months;
  l.end = bbb::add_months(start, months).plus_days(-1);
  return l;
}

TEST(RecurringRevenue, TheWorkedExampleOfSection12) {
  bbb::RecurringRevenue r;
  r.add(0, 0, ratable(1200000, ymd(2024, 1, 1), ymd(2024, 1, 1), 12));
  r.add(0, 0, ratable(600000, ymd(2024, 7, 1), ymd(2024, 7, 1), 6));
  const auto m = r.months(YearMonth::of(2024, 1), YearMonth::of(2025, 1), bbb::MrrScope::whole());
  ASSERT_EQ(m.size(), 13u);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(m[i].mrr_end, 100000) << i;
  for (int i = 6; i < 12; ++i) EXPECT_EQ(m[i].mrr_end, 200000) << i;
  EXPECT_EQ(m[12].mrr_end, 0);
  EXPECT_EQ(m[0].new_mrr, 100000);
  EXPECT_EQ(m[0].new_customers, 1);
  EXPECT_EQ(m[6].expansion, 100000);
  EXPECT_EQ(m[6].mrr_end * 12, 2400000);  // ARR at the end of July: 24,000.00
  EXPECT_EQ(m[12].churn, 200000);
  EXPECT_EQ(m[12].churned_customers, 1);
  EXPECT_EQ(m[12].customers_end, 0);
}

TEST(RecurringRevenue, ALineWithinOneMonthOrPointOrOpenGivesNone) {
  ContractLine within = ratable(1000, ymd(2024, 3, 5), ymd(2024, 3, 5), 1);
  within.end = ymd(2024, 3, 20);
  EXPECT_FALSE(bbb::mrr_span(within).has_value());
  ContractLine point = ratable(1000, ymd(2024, 3, 5), ymd(2024, 3, 5), 12);
  point.recognition = bbb::Recognition::kPoint;
  EXPECT_FALSE(bbb::mrr_span(point).has_value());
  ContractLine open = ratable(1000, ymd(2024, 3, 5), ymd(2024, 3, 5), 12);
  open.status = bbb::Status::kOpen;
  EXPECT_FALSE(bbb::mrr_span(open).has_value());
}

// The engine's ids of the references' customers 0, 1, 2, ...: spread over
// its logs (kept by an id's low byte), so that a walk cut in parts meets
// them in different parts.
std::uint32_t spread(std::uint32_t c) { return c * 97; }

// A Parallel (fast/parallel.h) of `width` parts, run last first: each
// figure must be the same however the customers are cut and in whatever
// order the parts end.
class PartsInReverse final : public bbb::Parallel {
 public:
  explicit PartsInReverse(std::size_t width) : width_(width) {}
  std::size_t width() const override { return width_; }
  void run(std::size_t parts, const std::function<void(std::size_t)>& task) const override {
    for (std::size_t i = parts; i-- > 0;) task(i);
  }

 private:
  std::size_t width_;
};

// The reference: MRR of customer c at month end e, from the dates alone.
std::int64_t reference_mrr(const std::vector<std::pair<std::uint32_t, ContractLine>>& lines, std::uint32_t c, bbb::Date e) {
  std::int64_t sum = 0;
  for (const auto& [customer, l] : lines) {
    if (customer != c || l.recognition != bbb::Recognition::kRatable || !l.is_booked()) continue;
    if (l.start <= e && e <= l.end && l.booking <= e && !(l.has_cancel && l.cancel <= e)) sum += l.amount / l.term_months;
  }
  return sum;
}

TEST(RecurringRevenue, EveryMonthMatchesAPerCustomerReference) {
  std::mt19937 rng(12);
  for (int round = 0; round < 40; ++round) {
    const std::uint32_t customers = 1 + rng() % 6;
    std::vector<std::pair<std::uint32_t, ContractLine>> lines;
    bbb::RecurringRevenue r;
    for (int i = 0; i < 12; ++i) {
      const std::uint32_t c = rng() % customers;
      const bbb::Date booking = ymd(2023, 1, 1).plus_days(static_cast<std::int32_t>(rng() % 900));
      const bbb::Date start = booking.plus_days(static_cast<std::int32_t>(rng() % 120) - 30);
      ContractLine l = ratable(static_cast<std::int64_t>(rng() % 5000000), booking, start, 1 + static_cast<std::int32_t>(rng() % 24));
      if (rng() % 4 == 0) { l.has_cancel = true; l.cancel = start.plus_days(static_cast<std::int32_t>(rng() % 400)); }
      if (rng() % 6 == 0) l.recognition = bbb::Recognition::kPoint;
      lines.emplace_back(c, l);
      r.add(spread(c), 0, l);
    }
    const PartsInReverse parts(1 + round % 4);
    r.lend(parts);
    const YearMonth first = YearMonth::of(2023, 6), last = YearMonth::of(2026, 6);
    const auto months = r.months(first, last, bbb::MrrScope::whole());
    ASSERT_EQ(months.size(), static_cast<std::size_t>(last.index() - first.index() + 1));
    std::vector<bool> had(customers, false);
    // Whether each customer had MRR at any month end before `first` (from far back).
    for (std::int32_t m = YearMonth::of(2022, 1).index(); m < first.index(); ++m)
      for (std::uint32_t c = 0; c < customers; ++c)
        had[c] = had[c] || reference_mrr(lines, c, YearMonth::from_index(m).last_day()) > 0;
    for (std::size_t i = 0; i < months.size(); ++i) {
      const YearMonth m = YearMonth::from_index(first.index() + static_cast<std::int32_t>(i));
      bbb::MrrMonth want;
      for (std::uint32_t c = 0; c < customers; ++c) {
        const std::int64_t p = reference_mrr(lines, c, YearMonth::from_index(m.index() - 1).last_day());
        const std::int64_t n = reference_mrr(lines, c, m.last_day());
        want.mrr_begin += p;
        want.mrr_end += n;
        want.customers_begin += p > 0;
        want.customers_end += n > 0;
        if (p == 0 && n > 0 && !had[c]) { want.new_mrr += n; want.new_customers++; }
        if (p == 0 && n > 0 && had[c]) { want.reactivation += n; want.reactivated_customers++; }
        if (n > p && p > 0) want.expansion += n - p;
        if (p > n && n > 0) want.contraction += p - n;
        if (p > 0 && n == 0) { want.churn += p; want.churned_customers++; }
        had[c] = had[c] || p > 0 || n > 0;
      }
      const bbb::MrrMonth& got = months[i];
      const std::string at = "round " + std::to_string(round) + ", " + m.last_day().iso();
      EXPECT_EQ(got.mrr_begin, want.mrr_begin) << at;
      EXPECT_EQ(got.mrr_end, want.mrr_end) << at;
      EXPECT_EQ(got.new_mrr, want.new_mrr) << at;
      EXPECT_EQ(got.reactivation, want.reactivation) << at;
      EXPECT_EQ(got.expansion, want.expansion) << at;
      EXPECT_EQ(got.contraction, want.contraction) << at;
      EXPECT_EQ(got.churn, want.churn) << at;
      EXPECT_EQ(got.customers_begin, want.customers_begin) << at;
      EXPECT_EQ(got.customers_end, want.customers_end) << at;
      EXPECT_EQ(got.new_customers, want.new_customers) << at;
      EXPECT_EQ(got.churned_customers, want.churned_customers) << at;
      EXPECT_EQ(got.reactivated_customers, want.reactivated_customers) << at;
      // The bridge holds exactly.
      EXPECT_EQ(got.mrr_end, got.mrr_begin + got.new_mrr + got.expansion + got.reactivation - got.contraction - got.churn) << at;
    }
  }
}

}  // namespace

namespace {

TEST(RecurringRevenue, RetentionAndCohortsMatchAPerCustomerReference) {
  std::mt19937 rng(26);
  for (int round = 0; round < 30; ++round) {
    const std::uint32_t customers = 1 + rng() % 7;
    std::vector<std::pair<std::uint32_t, ContractLine>> lines;
    bbb::RecurringRevenue r;
    for (int i = 0; i < 14; ++i) {
      const std::uint32_t c = rng() % customers;
      const bbb::Date booking = ymd(2023, 1, 1).plus_days(static_cast<std::int32_t>(rng() % 900));
      ContractLine l = ratable(static_cast<std::int64_t>(rng() % 3000000), booking, booking, 1 + static_cast<std::int32_t>(rng() % 18));
      if (rng() % 4 == 0) { l.has_cancel = true; l.cancel = booking.plus_days(static_cast<std::int32_t>(rng() % 300)); }
      lines.emplace_back(c, l);
      r.add(spread(c), 0, l);
    }
    const PartsInReverse parts(1 + round % 4);
    r.lend(parts);
    const auto mrr = [&](std::uint32_t c, YearMonth m) { return reference_mrr(lines, c, m.last_day()); };
    const YearMonth from = YearMonth::of(2024, 1);
    const auto months = r.months(from, YearMonth::of(2026, 3), bbb::MrrScope::whole());
    for (const bbb::MrrMonth& got : months) {
      const YearMonth now = got.month, then = YearMonth::from_index(now.index() - 12);
      std::int64_t want_then = 0, want_now = 0, want_kept = 0;
      for (std::uint32_t c = 0; c < customers; ++c) {
        if (mrr(c, then) <= 0) continue;
        want_then += mrr(c, then);
        want_now += mrr(c, now);
        want_kept += std::min(mrr(c, now), mrr(c, then));
      }
      EXPECT_EQ(got.retention_then, want_then) << round << " " << now.last_day().iso();
      EXPECT_EQ(got.retention_now, want_now) << round << " " << now.last_day().iso();
      EXPECT_EQ(got.retention_kept, want_kept) << round << " " << now.last_day().iso();
    }
    const YearMonth first = YearMonth::of(2022, 6), last = YearMonth::of(2026, 6);
    const auto cohorts = r.cohorts(first, last, 1000);
    // A window of 5: the 5 cohorts up to the latest start, each its first 5 months.
    const auto windowed = r.cohorts(first, last, 5);
    ASSERT_LE(windowed.size(), 5u);
    // The report's one pass gives the same cohorts and months.
    std::vector<bbb::MrrCohort> in_one_pass;
    const auto months_too = r.months_and_cohorts(first, last, 5, &in_one_pass);
    ASSERT_EQ(in_one_pass.size(), windowed.size());
    for (std::size_t i = 0; i < windowed.size(); ++i) {
      EXPECT_EQ(in_one_pass[i].start.index(), windowed[i].start.index());
      EXPECT_EQ(in_one_pass[i].customers, windowed[i].customers);
      EXPECT_EQ(in_one_pass[i].mrr, windowed[i].mrr);
    }
    const auto months_alone = r.months(first, last, bbb::MrrScope::whole());
    ASSERT_EQ(months_too.size(), months_alone.size());
    for (std::size_t i = 0; i < months_alone.size(); ++i) EXPECT_EQ(months_too[i].mrr_end, months_alone[i].mrr_end);
    if (!cohorts.empty()) {
      EXPECT_EQ(windowed.back().start.index(), cohorts.back().start.index());
      for (const bbb::MrrCohort& w : windowed) {
        const bbb::MrrCohort& full = cohorts[static_cast<std::size_t>(w.start.index() - cohorts.front().start.index())];
        EXPECT_LE(w.customers.size(), 5u);
        EXPECT_EQ(w.customers, std::vector<std::int64_t>(full.customers.begin(), full.customers.begin() + w.customers.size()));
        EXPECT_EQ(w.mrr, std::vector<std::int64_t>(full.mrr.begin(), full.mrr.begin() + w.mrr.size()));
      }
    }
    for (const bbb::MrrCohort& cohort : cohorts) {
      for (std::size_t k = 0; k < cohort.customers.size(); ++k) {
        const YearMonth m = YearMonth::from_index(cohort.start.index() + static_cast<std::int32_t>(k));
        std::int64_t count = 0, sum = 0;
        for (std::uint32_t c = 0; c < customers; ++c) {
          // The customer's first month with MRR, from far back.
          std::int32_t start = -1;
          for (std::int32_t x = YearMonth::of(2021, 1).index(); x <= last.index() && start < 0; ++x)
            if (mrr(c, YearMonth::from_index(x)) > 0) start = x;
          if (start != cohort.start.index() || mrr(c, m) <= 0) continue;
          ++count;
          sum += mrr(c, m);
        }
        EXPECT_EQ(cohort.customers[k], count) << round << " cohort " << cohort.start.last_day().iso() << " +" << k;
        EXPECT_EQ(cohort.mrr[k], sum) << round << " cohort " << cohort.start.last_day().iso() << " +" << k;
      }
    }
  }
}

}  // namespace

namespace {

// Segments (docs/metrics.md): each movement is the customer's, shared out by
// the change of its MRR in each segment. The reference classifies every
// (customer, segment) pair from the dates alone.
TEST(RecurringRevenue, SegmentsShareTheCustomersMovesAndAddUpToTheWhole) {
  std::mt19937 rng(6);
  for (int round = 0; round < 40; ++round) {
    const std::uint32_t customers = 1 + rng() % 5;
    struct Tagged { std::uint32_t customer; std::uint16_t segment; ContractLine line; };
    std::vector<Tagged> lines;
    bbb::RecurringRevenue r;
    for (int i = 0; i < 14; ++i) {
      const std::uint32_t c = rng() % customers;
      const std::uint16_t s = static_cast<std::uint16_t>(1 + rng() % 3);
      const bbb::Date booking = ymd(2023, 1, 1).plus_days(static_cast<std::int32_t>(rng() % 700));
      ContractLine l = ratable(static_cast<std::int64_t>(rng() % 2000000), booking, booking, 1 + static_cast<std::int32_t>(rng() % 15));
      if (rng() % 4 == 0) { l.has_cancel = true; l.cancel = booking.plus_days(static_cast<std::int32_t>(rng() % 300)); }
      lines.push_back({c, s, l});
      r.add(spread(c), s, l);
    }
    const PartsInReverse lent(1 + round % 4);
    r.lend(lent);
    // MRR of customer c at month end m, in the segments `in` (all when empty).
    const auto mrr = [&](std::uint32_t c, std::int32_t m, const std::vector<std::uint16_t>& in) {
      std::vector<std::pair<std::uint32_t, ContractLine>> of;
      for (const Tagged& t : lines)
        if (in.empty() || std::find(in.begin(), in.end(), t.segment) != in.end()) of.emplace_back(t.customer, t.line);
      return reference_mrr(of, c, YearMonth::from_index(m).last_day());
    };
    const YearMonth first = YearMonth::of(2023, 1), last = YearMonth::of(2025, 6);
    const auto whole = r.months(first, last, bbb::MrrScope::whole());
    std::vector<std::vector<bbb::MrrMonth>> parts;
    for (const std::vector<std::uint16_t>& in : {std::vector<std::uint16_t>{1}, {2}, {3}, {2, 3}}) {
      const auto got = r.months(first, last, bbb::MrrScope::of(in));
      if (in.size() == 1) parts.push_back(got);
      for (std::size_t i = 0; i < got.size(); ++i) {
        const std::int32_t m = first.index() + static_cast<std::int32_t>(i);
        bbb::MrrMonth want;
        for (std::uint32_t c = 0; c < customers; ++c) {
          const std::int64_t p = mrr(c, m - 1, in), n = mrr(c, m, in), P = mrr(c, m - 1, {}), N = mrr(c, m, {});
          bool had = false;
          for (std::int32_t x = YearMonth::of(2022, 1).index(); x < m; ++x) had = had || mrr(c, x, {}) > 0;
          want.mrr_end += n;
          want.customers_end += n > 0;
          if (p == n) continue;
          if (P == 0 && N > 0) (had ? want.reactivation : want.new_mrr) += n;
          else if (P > 0 && N == 0) want.churn += p;
          else if (n > p) want.expansion += n - p;
          else want.contraction += p - n;
        }
        const std::string at = "round " + std::to_string(round) + ", " + YearMonth::from_index(m).last_day().iso();
        EXPECT_EQ(got[i].mrr_end, want.mrr_end) << at;
        EXPECT_EQ(got[i].customers_end, want.customers_end) << at;
        EXPECT_EQ(got[i].new_mrr, want.new_mrr) << at;
        EXPECT_EQ(got[i].reactivation, want.reactivation) << at;
        EXPECT_EQ(got[i].churn, want.churn) << at;
        EXPECT_EQ(got[i].expansion, want.expansion) << at;
        EXPECT_EQ(got[i].contraction, want.contraction) << at;
        EXPECT_EQ(got[i].mrr_end, got[i].mrr_begin + got[i].new_mrr + got[i].expansion + got[i].reactivation -
                                      got[i].contraction - got[i].churn) << at;
      }
    }
    // The segments add up to the whole: balances, new, reactivation and
    // churn each; expansion less contraction as a net.
    for (std::size_t i = 0; i < whole.size(); ++i) {
      std::int64_t mrr_end = 0, fresh = 0, back = 0, lost = 0, net = 0;
      for (const auto& part : parts) {
        mrr_end += part[i].mrr_end;
        fresh += part[i].new_mrr;
        back += part[i].reactivation;
        lost += part[i].churn;
        net += part[i].expansion - part[i].contraction;
      }
      EXPECT_EQ(mrr_end, whole[i].mrr_end);
      EXPECT_EQ(fresh, whole[i].new_mrr);
      EXPECT_EQ(back, whole[i].reactivation);
      EXPECT_EQ(lost, whole[i].churn);
      EXPECT_EQ(net, whole[i].expansion - whole[i].contraction);
    }
  }
}

TEST(RecurringRevenue, ACustomerMovingBetweenSegmentsIsContractionInOneAndExpansionInTheOther) {
  bbb::RecurringRevenue r;
  ContractLine a = ratable(1200000, ymd(2024, 1, 1), ymd(2024, 1, 1), 12);
  ContractLine b = ratable(1200000, ymd(2025, 1, 1), ymd(2025, 1, 1), 12);
  r.add(0, 1, a);
  r.add(0, 2, b);  // renewed in another region
  const YearMonth jan = YearMonth::of(2025, 1);
  EXPECT_EQ(r.months(jan, jan, bbb::MrrScope::whole())[0].expansion, 0);
  EXPECT_EQ(r.months(jan, jan, bbb::MrrScope::whole())[0].contraction, 0);
  EXPECT_EQ(r.months(jan, jan, bbb::MrrScope::of({1}))[0].contraction, 100000);
  EXPECT_EQ(r.months(jan, jan, bbb::MrrScope::of({1}))[0].churn, 0);
  EXPECT_EQ(r.months(jan, jan, bbb::MrrScope::of({2}))[0].expansion, 100000);
  EXPECT_EQ(r.months(jan, jan, bbb::MrrScope::of({2}))[0].new_mrr, 0);
}

TEST(RecurringRevenue, WeeksAndDaysAreReadAsAYearOverTwelve) {
  ContractLine weekly = ratable(100000, ymd(2024, 1, 1), ymd(2024, 1, 29), 1);
  weekly.end = ymd(2024, 2, 4);
  weekly.interval_weeks = 1;
  ASSERT_TRUE(bbb::mrr_span(weekly).has_value());
  EXPECT_EQ(bbb::mrr_span(weekly)->mrr, 23076);  // 1,000.00 x 12 / 52 = 230.769...
  ContractLine daily = ratable(3000, ymd(2024, 1, 1), ymd(2024, 1, 20), 1);
  daily.end = ymd(2024, 2, 18);
  daily.interval_days = 30;
  EXPECT_EQ(bbb::mrr_span(daily)->mrr, 3);  // 30.00 x 12 / 365 / 30 = 0.0328...
}

TEST(RecurringRevenue, MemoryFollowsTheChangesNotTheLines) {
  bbb::RecurringRevenue r;
  // 10,000 customers renewing every month at one price for five years:
  // 600,000 lines, and one span each customer once its renewals are joined.
  constexpr std::uint32_t kCustomers = 10000;
  for (int k = 0; k < 60; ++k) {
    const bbb::Date start = bbb::add_months(ymd(2020, 1, 1), k);
    for (std::uint32_t c = 0; c < kCustomers; ++c) r.add(c, 0, ratable(50000, start, start, 1));
  }
  // Merged as it grew: never past four times the larger of the merged
  // length and 65,536 entries, against 1.2 million unmerged.
  EXPECT_LE(r.changes_kept(), 4u << 16);
  const auto m = r.months(YearMonth::of(2020, 1), YearMonth::of(2025, 1), bbb::MrrScope::whole());
  EXPECT_EQ(r.changes_kept(), kCustomers);
  EXPECT_EQ(m[0].new_mrr, 50000 * kCustomers);
  EXPECT_EQ(m[59].mrr_end, 50000 * kCustomers);
  EXPECT_EQ(m[60].churn, 50000 * kCustomers);
  for (std::size_t i = 1; i < 60; ++i) {
    EXPECT_EQ(m[i].mrr_end, 50000 * kCustomers);
    EXPECT_EQ(m[i].churn + m[i].new_mrr + m[i].expansion + m[i].contraction, 0);
  }
}

}  // namespace
