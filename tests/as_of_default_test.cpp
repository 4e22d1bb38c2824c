// The as-of date without a setting: the last day of the month of the latest
// date the files record, or today when that is earlier (docs/metrics.md,
// "The as-of date"). Dates worked by hand.
#include "report/period_report.h"

#include "test_support.h"

using namespace bbb_test;

namespace {

// Booked through 2024-11-20; an open deal expected to close in 2025 and a line served into 2025.
const char* kFile =
    "id,booking_date,amount,term_months,status,created_date\n"
    "A,2024-01-10,1200.00,24,booked,2023-12-01\n"
    "B,2024-11-20,600.00,,booked,2024-10-01\n"
    "C,2025-06-30,500.00,,open,2024-12-03\n";

Json run(const std::string& read_settings) { return report(kFile, "{}", read_settings); }

}  // namespace

TEST(AsOfDefault, TheMonthEndOfTheLastRecordedDateWhenBeforeToday) {
  // C's close date is a forecast: its created date (2024-12-03) is the latest recorded.
  const Json r = run(R"({"today": "2026-12-07"})");
  EXPECT_EQ(r["settings"]["data_end"], "2024-12-03");
  EXPECT_EQ(r["settings"]["as_of_default"]["date"], "2024-12-31");
  EXPECT_EQ(r["settings"]["as_of_default"]["reason"], "data");
}

TEST(AsOfDefault, TodayWhenTheDataRunsPastIt) {
  const Json r = run(R"({"today": "2024-12-10"})");
  EXPECT_EQ(r["settings"]["as_of_default"]["date"], "2024-12-10");
  EXPECT_EQ(r["settings"]["as_of_default"]["reason"], "today");
}

TEST(AsOfDefault, ReadWithItTheReportIsAsOfThatDay) {
  const Json r = run(R"({"today": "2026-12-07", "as_of": "2024-12-31"})");
  EXPECT_EQ(r["settings"]["as_of"], "2024-12-31");
  EXPECT_EQ(r["settings"]["as_of_default"]["date"], "2024-12-31");
  EXPECT_EQ(r["currencies"]["USD"]["forward"]["as_of"], "2024-12-31");
  // B (600.00, no term, undelivered) is all unscheduled at that date.
  EXPECT_EQ(r["currencies"]["USD"]["forward"]["unscheduled"], 60000);
  EXPECT_EQ(r["currencies"]["USD"]["pipeline"]["open_count"], 1);  // C, created 2024-12-03, open
}

TEST(AsOfDefault, WithoutTodayTheDataDecides) {
  const Json r = run("{}");
  EXPECT_EQ(r["settings"]["as_of_default"]["date"], "2024-12-31");
  EXPECT_EQ(r["settings"]["as_of_default"]["reason"], "data");
}

TEST(AsOfDefault, TheSplitReadingCarriesTheDataEnd) {
  Input in;
  in.contracts = kFile;
  in.folding = Input::Folding::kInAnotherSession;
  EXPECT_EQ(report(in)["settings"]["data_end"], "2024-12-03");
}

TEST(AsOfDefault, InvoicesAndFulfilmentRecordDatesToo) {
  Input in;
  in.contracts = "id,booking_date,amount,term_months\nA,2024-01-10,1200.00,12\n";
  in.invoices = "id,invoice_date,amount\nA,2024-03-05,100.00\n";
  in.fulfilment = "id,date,amount\nA,2024-02-01,5.00\n";
  EXPECT_EQ(report(in)["settings"]["data_end"], "2024-03-05");
}

TEST(AsOfDefault, TheRuleAlone) {
  EXPECT_EQ(bbb::default_as_of(ymd(2024, 2, 10), ymd(2030, 1, 1))->date.iso(), "2024-02-29");
  EXPECT_EQ(bbb::default_as_of(ymd(2024, 2, 10), ymd(2024, 2, 20))->date.iso(), "2024-02-20");
  EXPECT_EQ(bbb::default_as_of(ymd(2024, 2, 10), std::nullopt)->date.iso(), "2024-02-29");
  EXPECT_FALSE(bbb::default_as_of(std::nullopt, ymd(2024, 2, 20)).has_value());
}
