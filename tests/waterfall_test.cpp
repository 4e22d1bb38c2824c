// The waterfall of spec 5, both views: rows by booking period and by billing
// period, columns by recognition period. Hand-checked cases of the
// first-in-first-out match of revenue to invoices, then the ties on
// generated files: every column is the period's revenue, every row adds up
// to its bookings (or billings), and the segments add up to the whole.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "generated_contracts.h"
#include "test_support.h"

namespace {

using bbb_test::Json;

constexpr const char* kWaterfall = R"({"waterfall":true})";

std::vector<std::int64_t> cells(const Json& row) { return row["revenue"].get<std::vector<std::int64_t>>(); }

const Json& row_of(const Json& rows, const std::string& key, const std::string& label) {
  for (const Json& r : rows)
    if (r[key] == label) return r;
  ADD_FAILURE() << "no row " << label;
  static const Json none = Json::object();
  return none;
}

TEST(BookedWaterfall, AnnualPrepaidIsOneRowSpreadOverTwelveMonths) {
  const Json r = bbb_test::report("id,booking_date,amount,currency,start_date,term_months,billing\n"
                                  "EX1,2024-01-01,12000.00,USD,2024-01-01,12,upfront\n",
                                  "{}", kWaterfall);
  const Json& w = r["currencies"]["USD"]["waterfall"];
  ASSERT_EQ(w["rows"].size(), 12u);
  EXPECT_EQ(w["rows"][0]["booked"], "2024-01");
  EXPECT_EQ(w["rows"][0]["bookings"], 1200000);
  EXPECT_EQ(cells(w["rows"][0]), std::vector<std::int64_t>(12, 100000));
  EXPECT_EQ(w["rows"][1]["bookings"], 0);
}

// 12,000 billed upfront in January, cancelled on 1 July: six months earned
// from the January invoice, the other 6,000 credited in July.
TEST(BilledWaterfall, UpfrontInvoiceEarnedMonthByMonthAndACreditNoteOnCancellation) {
  const Json r = bbb_test::report("id,booking_date,amount,currency,start_date,term_months,billing,cancel_date\n"
                                  "A,2024-01-01,12000.00,USD,2024-01-01,12,upfront,2024-07-01\n",
                                  "{}", kWaterfall);
  const Json& rows = r["currencies"]["USD"]["waterfall"]["billed"]["rows"];
  ASSERT_EQ(rows.size(), 7u);  // 2024-01 .. 2024-07, nothing outside the range
  const Json& jan = row_of(rows, "billed", "2024-01");
  EXPECT_EQ(jan["billings"], 1200000);
  EXPECT_EQ(cells(jan), (std::vector<std::int64_t>{100000, 100000, 100000, 100000, 100000, 100000, 0}));
  EXPECT_EQ(jan["not_recognised"], 600000);
  const Json& jul = row_of(rows, "billed", "2024-07");
  EXPECT_EQ(jul["billings"], -600000);
  EXPECT_EQ(cells(jul), std::vector<std::int64_t>(7, 0));
  EXPECT_EQ(jul["not_recognised"], -600000);
}

// Billed quarterly in arrears: January-March revenue is earned before the
// March invoice, and matched to it.
TEST(BilledWaterfall, RevenueEarnedAheadOfAnArrearsInvoiceIsMatchedToIt) {
  const Json r = bbb_test::report("id,booking_date,amount,currency,start_date,term_months,billing\n"
                                  "B,2024-01-01,6000.00,USD,2024-01-01,6,quarterly-arrears\n",
                                  R"({"period":"quarter"})", kWaterfall);
  const Json& rows = r["currencies"]["USD"]["waterfall"]["billed"]["rows"];
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["billed"], "FY2024-Q1");
  EXPECT_EQ(rows[0]["billings"], 300000);
  EXPECT_EQ(cells(rows[0]), (std::vector<std::int64_t>{300000, 0}));
  EXPECT_EQ(rows[1]["billings"], 300000);
  EXPECT_EQ(cells(rows[1]), (std::vector<std::int64_t>{0, 300000}));
  EXPECT_EQ(rows[1]["not_recognised"], 0);
}

// A report range cuts the rows: what was booked or billed before it is one
// "earlier" row (with what it recognised before the range), and revenue
// matched to invoices after the range is the "later" row.
TEST(BilledWaterfall, ARangeGivesEarlierAndLaterRows) {
  const Json r = bbb_test::report("id,booking_date,amount,currency,start_date,term_months,billing,cancel_date\n"
                                  "A,2024-01-01,12000.00,USD,2024-01-01,12,upfront,2024-07-01\n"
                                  "B,2024-01-01,6000.00,USD,2024-01-01,6,quarterly-arrears,\n",
                                  R"({"from":"2024-03-01","to":"2024-05-31"})", kWaterfall);
  const Json& w = r["currencies"]["USD"]["waterfall"];
  const Json& earlier = row_of(w["billed"]["rows"], "billed", "earlier");
  EXPECT_EQ(earlier["kind"], "earlier");
  EXPECT_EQ(earlier["billings"], 1200000);       // A's January invoice
  EXPECT_EQ(earlier["revenue_before"], 200000);  // January and February
  EXPECT_EQ(cells(earlier), (std::vector<std::int64_t>{100000, 100000, 100000}));
  EXPECT_EQ(earlier["not_recognised"], 700000);  // A's deferred revenue at the end of May
  const Json& march = row_of(w["billed"]["rows"], "billed", "2024-03");
  EXPECT_EQ(march["revenue_before"], 200000);    // B's January and February, billed in March
  EXPECT_EQ(cells(march), (std::vector<std::int64_t>{100000, 0, 0}));
  const Json& later = row_of(w["billed"]["rows"], "billed", "later");
  EXPECT_FALSE(later.contains("billings"));      // June's invoice is outside the report
  EXPECT_EQ(cells(later), (std::vector<std::int64_t>{0, 100000, 100000}));

  const Json& booked_earlier = row_of(w["rows"], "booked", "earlier");
  EXPECT_EQ(booked_earlier["bookings"], 1800000);
  EXPECT_EQ(booked_earlier["revenue_before"], 400000);
  EXPECT_EQ(cells(booked_earlier), (std::vector<std::int64_t>{200000, 200000, 200000}));
  EXPECT_EQ(booked_earlier["backlog_end"], 800000);  // A's 7,000 and B's 1,000 at the end of May
}

// Never invoiced: everything it earns is in the "not billed" row.
TEST(BilledWaterfall, RevenueWithoutAnInvoiceIsNotBilled) {
  const Json r = bbb_test::report("id,booking_date,amount,currency,start_date,term_months,billing\n"
                                  "N,2024-01-01,300.00,USD,2024-01-01,3,none\n",
                                  "{}", kWaterfall);
  const Json& rows = r["currencies"]["USD"]["waterfall"]["billed"]["rows"];
  const Json& not_billed = row_of(rows, "billed", "not billed");
  EXPECT_EQ(not_billed["kind"], "not_billed");
  EXPECT_EQ(cells(not_billed), (std::vector<std::int64_t>{10000, 10000, 10000}));
  EXPECT_FALSE(not_billed.contains("not_recognised"));
}

// The billed view's rows (USD) of contract lines with a term, not billed
// by schedule, and their invoices (rows of id, invoice_date, amount).
Json billed_rows(const std::string& lines, const std::string& invoices) {
  bbb_test::Input run;
  run.contracts = "id,booking_date,amount,currency,start_date,term_months,billing\n" + lines;
  run.invoices = "id,invoice_date,amount\n" + invoices;
  run.read_settings = kWaterfall;
  return bbb_test::report(run)["currencies"]["USD"]["waterfall"]["billed"]["rows"];
}

// One invoice of 300 for a 600 line earned 100 a month: the invoice's row
// earns its 300 in January to March, and the rest is not billed.
TEST(BilledWaterfall, RevenuePastTheOneInvoiceIsNotBilled) {
  const Json rows = billed_rows("H,2024-01-01,600.00,USD,2024-01-01,6,none\n", "H,2024-01-05,300.00\n");
  const Json& jan = row_of(rows, "billed", "2024-01");
  EXPECT_EQ(jan["billings"], 30000);
  EXPECT_EQ(cells(jan), (std::vector<std::int64_t>{10000, 10000, 10000, 0, 0, 0}));
  const Json& not_billed = row_of(rows, "billed", "not billed");
  EXPECT_EQ(cells(not_billed), (std::vector<std::int64_t>{0, 0, 0, 10000, 10000, 10000}));
}

// Two invoices of 150 for a 400 line earned 100 a month: February's 100 is
// split across them (50 ends January's, 50 starts March's, earned ahead of
// its invoice), and what passes the 300 ever invoiced is not billed. The
// one-pass merge of months and invoices (revenue that only grows).
TEST(BilledWaterfall, AMonthSpanningTwoInvoicesIsSplitAndThePastIsNotBilled) {
  const Json rows = billed_rows("S,2024-01-01,400.00,USD,2024-01-01,4,none\n",
                                "S,2024-01-05,150.00\nS,2024-03-05,150.00\n");
  const Json& jan = row_of(rows, "billed", "2024-01");
  EXPECT_EQ(jan["billings"], 15000);
  EXPECT_EQ(cells(jan), (std::vector<std::int64_t>{10000, 5000, 0, 0}));
  const Json& mar = row_of(rows, "billed", "2024-03");
  EXPECT_EQ(mar["billings"], 15000);
  EXPECT_EQ(cells(mar), (std::vector<std::int64_t>{0, 5000, 10000, 0}));
  const Json& not_billed = row_of(rows, "billed", "not billed");
  EXPECT_EQ(cells(not_billed), (std::vector<std::int64_t>{0, 0, 0, 10000}));
}

// 500 invoiced in January; 60% complete in February (600 earned: 500 from
// the invoice, 100 beyond it), then 40% in March (200 given back: first what
// was beyond the invoice, then from the invoice).
TEST(BilledWaterfall, AFallInRevenueGivesBackTheNewestMatchFirst) {
  bbb_test::Input run;
  run.contracts = "id,booking_date,amount,currency,recognition,billing\nP,2024-01-10,1000.00,USD,point,none\n";
  run.invoices = "id,invoice_date,amount\nP,2024-01-15,500.00\n";
  run.fulfilment = "id,date,percent_complete\nP,2024-02-20,60\nP,2024-03-20,40\n";
  run.read_settings = kWaterfall;
  const Json r = bbb_test::report(run);
  const Json& c = r["currencies"]["USD"];
  const Json& rows = c["waterfall"]["billed"]["rows"];
  const Json& jan = row_of(rows, "billed", "2024-01");
  EXPECT_EQ(cells(jan), (std::vector<std::int64_t>{0, 50000, -10000}));
  EXPECT_EQ(jan["not_recognised"], 10000);
  const Json& not_billed = row_of(rows, "billed", "not billed");
  EXPECT_EQ(cells(not_billed), (std::vector<std::int64_t>{0, 10000, -10000}));
  EXPECT_EQ(c["periods"][2]["revenue"], -20000);
}

// Past 240 periods the grid would grow with their square: left out, with the reason.
TEST(Waterfall, TooManyPeriodsIsLeftOutWithTheReason) {
  const std::string csv = "id,booking_date,amount,currency,start_date,term_months,billing\n"
                          "A,1990-01-01,1200.00,USD,1990-01-01,12,upfront\n"
                          "B,2020-01-01,1200.00,USD,2020-01-01,12,upfront\n";
  const Json months = bbb_test::report(csv, "{}", kWaterfall)["currencies"]["USD"]["waterfall"];
  EXPECT_EQ(months["rows"].size(), 0u);
  EXPECT_EQ(months["omitted"], "the report has 372 periods; the waterfall shows at most 240: choose quarters or years, or a From/To range");
  const Json quarters = bbb_test::report(csv, R"({"period":"quarter"})", kWaterfall)["currencies"]["USD"]["waterfall"];
  EXPECT_FALSE(quarters.contains("omitted"));
  EXPECT_EQ(quarters["columns"].size(), 124u);
}

// Every column is the period's revenue; every row adds up; per segment too.
class WaterfallTies : public ::testing::TestWithParam<std::uint32_t> {};

void expect_ties(const Json& c, const std::string& where) {
  for (const char* view : {"booked", "billed"}) {
    const bool booked = std::string(view) == "booked";
    const Json& rows = booked ? c["waterfall"]["rows"] : c["waterfall"]["billed"]["rows"];
    ASSERT_EQ(c["waterfall"]["columns"].size(), c["periods"].size()) << where;
    for (std::size_t j = 0; j < c["periods"].size(); ++j) {
      std::int64_t column = 0;
      for (const Json& row : rows) column += row["revenue"][j].get<std::int64_t>();
      EXPECT_EQ(column, c["periods"][j]["revenue"].get<std::int64_t>()) << where << " " << view << " column " << j;
    }
    std::size_t period_row = 0;
    for (const Json& row : rows) {
      const std::string kind = row["kind"];
      if (kind == "later" || kind == "not_billed") continue;
      std::int64_t sum = row["revenue_before"].get<std::int64_t>();
      for (const Json& cell : row["revenue"]) sum += cell.get<std::int64_t>();
      if (booked) sum += row["cancellations"].get<std::int64_t>() + row["backlog_end"].get<std::int64_t>();
      else sum += row["not_recognised"].get<std::int64_t>();
      const char* opened = booked ? "bookings" : "billings";
      EXPECT_EQ(sum, row[opened].get<std::int64_t>()) << where << " " << view << " row " << row.dump();
      if (kind == "period") EXPECT_EQ(row[opened], c["periods"][period_row++][opened]) << where << " " << view;
    }
    EXPECT_EQ(period_row, c["periods"].size()) << where << " " << view;
  }
}

TEST_P(WaterfallTies, ColumnsAreRevenueAndRowsAddUp) {
  for (const char* range : {R"({"period":"quarter","fiscal_start":4})", R"({"from":"2023-07-01","to":"2024-12-31"})"}) {
    bbb_test::Input run = bbb_test::generate(GetParam(), 250).input;
    run.read_settings = kWaterfall;
    run.report_settings = range;
    const Json r = bbb_test::report(run);
    for (const auto& [currency, c] : r["currencies"].items()) expect_ties(c, currency + " " + range);
  }
}

TEST_P(WaterfallTies, SegmentsAddUpToTheWholeCellByCell) {
  bbb_test::Input run = bbb_test::generate(GetParam() + 50, 250).input;
  run.read_settings = R"({"waterfall":true,"split_by":"customer"})";
  run.report_settings = R"({"period":"quarter","top":4})";
  const Json r = bbb_test::report(run);
  int checked = 0;
  for (const auto& [currency, c] : r["currencies"].items()) {
    const Json& values = c["segments"]["values"];
    for (const Json& v : values) expect_ties(v, currency + " " + v["value"].get<std::string>());
    for (const char* view : {"booked", "billed"}) {
      const Json& whole = std::string(view) == "booked" ? c["waterfall"]["rows"] : c["waterfall"]["billed"]["rows"];
      for (const Json& row : whole) {
        const std::string key = std::string(view) == "booked" ? "booked" : "billed";
        std::vector<std::int64_t> sum(row["revenue"].size(), 0);
        for (const Json& v : values) {
          const Json& seg_rows = std::string(view) == "booked" ? v["waterfall"]["rows"] : v["waterfall"]["billed"]["rows"];
          for (const Json& s : seg_rows)
            if (s[key] == row[key])
              for (std::size_t j = 0; j < sum.size(); ++j) sum[j] += s["revenue"][j].get<std::int64_t>();
        }
        EXPECT_EQ(sum, cells(row)) << currency << " " << view << " " << row[key];
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 20);
}

INSTANTIATE_TEST_SUITE_P(Seeds, WaterfallTies, ::testing::Values(21u, 22u, 23u));

}  // namespace

// A line's revenue goes into its booking row as one run; it must leave the
// row exactly as adding month by month does, whatever the row held, with
// zeros at either end or inside, and runs before, inside or after the row.
TEST(WaterfallRow, ARevenueRunEqualsMonthByMonth) {
  const bbb::YearMonth base = bbb::YearMonth::of(2024, 1);
  const std::vector<std::vector<std::int64_t>> runs = {
      {}, {0, 0}, {5}, {0, 7, 0}, {1, 2, 3, 4}, {0, 0, 9, 0, 4, 0, 0}, {-3, 0, 3}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8}};
  for (int start = -8; start <= 8; start += 4) {
    for (const auto& before : runs) {
      for (const auto& run : runs) {
        bbb::WaterfallRow by_month, as_run;
        for (std::size_t k = 0; k < before.size(); ++k) {
          by_month.add_revenue(base.plus(static_cast<std::int32_t>(k)), before[k]);
          as_run.add_revenue(base.plus(static_cast<std::int32_t>(k)), before[k]);
        }
        const bbb::YearMonth from = base.plus(start);
        for (std::size_t k = 0; k < run.size(); ++k) by_month.add_revenue(from.plus(static_cast<std::int32_t>(k)), run[k]);
        as_run.add_revenue_run(from, run.data(), run.size());
        for (int m = -12; m <= 24; ++m) {
          const bbb::YearMonth at = base.plus(m);
          EXPECT_EQ(as_run.revenue_in(at, at), by_month.revenue_in(at, at)) << "start " << start << " month " << m;
        }
        EXPECT_EQ(as_run.revenue, by_month.revenue) << "start " << start;
        EXPECT_EQ(as_run.first, by_month.first) << "start " << start;
      }
    }
  }
}
