// Columns found by name and synonym, or mapped by hand (spec section 1), and
// the per-column formats detected from real exports.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "rows/column_mapping.h"
#include "test_support.h"

namespace {

using bbb::Field;
using bbb_test::Json;
using bbb_test::period;
using bbb_test::report;

bbb::ColumnMapping map(const std::vector<std::string>& headers, std::map<std::string, std::string> overrides = {}) {
  std::vector<std::string> problems;
  return bbb::map_columns(bbb::FileKind::kContracts, headers, overrides, {}, &problems);
}

TEST(NormalizeHeader, IgnoresCaseSpacesUnderscoresAndDashes) {
  EXPECT_EQ(bbb::normalize_header("Contract ID"), "contractid");
  EXPECT_EQ(bbb::normalize_header("booking_date"), "bookingdate");
  EXPECT_EQ(bbb::normalize_header("Term-Months"), "termmonths");
}

TEST(MapColumns, SynonymsOfTheSpec) {
  const auto m = map({"Deal ID", "Account", "Close Date", "Contract Value", "Service Start", "Service End",
                      "Billing Frequency", "Stage", "Termination Date", "Region"});
  EXPECT_EQ(m.of(Field::kId), 0);
  EXPECT_EQ(m.of(Field::kCustomer), 1);
  EXPECT_EQ(m.of(Field::kBookingDate), 2);
  EXPECT_EQ(m.of(Field::kAmount), 3);
  EXPECT_EQ(m.of(Field::kStartDate), 4);
  EXPECT_EQ(m.of(Field::kEndDate), 5);
  EXPECT_EQ(m.of(Field::kBilling), 6);
  EXPECT_EQ(m.of(Field::kStatus), 7);
  EXPECT_EQ(m.of(Field::kCancelDate), 8);
  EXPECT_EQ(m.dimensions, std::vector<int>{9}) << "any other column is a dimension";
  EXPECT_TRUE(bbb::missing_required_fields(bbb::FileKind::kContracts, m).empty());
}

TEST(MapColumns, MoreSynonyms) {
  const auto m = map({"Order ID", "Signed Date", "TCV", "Term", "Ship Date", "Deal Type", "Created"});
  EXPECT_EQ(m.of(Field::kId), 0);
  EXPECT_EQ(m.of(Field::kBookingDate), 1);
  EXPECT_EQ(m.of(Field::kAmount), 2);
  EXPECT_EQ(m.of(Field::kTermMonths), 3);
  EXPECT_EQ(m.of(Field::kDeliveryDate), 4);
  EXPECT_EQ(m.of(Field::kType), 5);
  EXPECT_EQ(m.of(Field::kCreatedDate), 6);
}

TEST(MapColumns, OverridesWinAndABadOverrideIsReported) {
  std::vector<std::string> problems;
  const auto m = bbb::map_columns(bbb::FileKind::kContracts, {"ref", "when", "how much", "amount"},
                                  {{"id", "ref"}, {"booking_date", "when"}, {"amount", "how much"}}, {}, &problems);
  EXPECT_EQ(m.of(Field::kId), 0);
  EXPECT_EQ(m.of(Field::kBookingDate), 1);
  EXPECT_EQ(m.of(Field::kAmount), 2);
  EXPECT_TRUE(problems.empty());
  bbb::map_columns(bbb::FileKind::kContracts, {"id", "amount"}, {{"booking_date", "nowhere"}}, {}, &problems);
  EXPECT_FALSE(problems.empty());
}

TEST(MapColumns, MissingRequiredFields) {
  const auto m = map({"id", "customer"});
  const auto missing = bbb::missing_required_fields(bbb::FileKind::kContracts, m);
  EXPECT_NE(std::find(missing.begin(), missing.end(), Field::kAmount), missing.end());
  const auto inv = bbb::map_columns(bbb::FileKind::kInvoices, {"id", "invoice_date", "amount"}, {}, {}, nullptr);
  EXPECT_TRUE(bbb::missing_required_fields(bbb::FileKind::kInvoices, inv).empty());
}

TEST(MappingSetting, RemapsColumnsThroughTheSession) {
  const Json r = report("ref,when,how much\nA,2024-01-10,12.34\n", "{}",
                        R"({"mapping":{"id":"ref","booking_date":"when","amount":"how much"}})");
  EXPECT_EQ(r["rows"]["accepted"], 1);
  EXPECT_EQ(period(r, "USD", "2024-01")["bookings"], 1234);
}

TEST(Formats, EuropeanExportWithSemicolonsDecimalCommasAndDottedDates) {
  const Json r = report("id;booking_date;amount;currency\nA;31.01.2024;1.234,56;EUR\nB;15.02.2024;99,50;EUR\n");
  EXPECT_EQ(r["rows"]["accepted"], 2);
  EXPECT_EQ(period(r, "EUR", "2024-01")["bookings"], 123456);
  EXPECT_EQ(period(r, "EUR", "2024-02")["bookings"], 9950);
}

TEST(Formats, DayFirstColumnDetectedFromOneUnambiguousValue) {
  const Json r = report("id,booking_date,amount\nA,03/04/2024,1.00\nB,25/04/2024,2.00\n");
  EXPECT_EQ(bbb_test::labels(r, "USD"), std::vector<std::string>{"2024-04"});
  EXPECT_EQ(period(r, "USD", "2024-04")["bookings"], 300);
}

TEST(Formats, MonthFirstColumnDetectedFromOneUnambiguousValue) {
  const Json r = report("id,booking_date,amount\nA,03/04/2024,1.00\nB,04/25/2024,2.00\n");
  EXPECT_EQ(period(r, "USD", "2024-03")["bookings"], 100);
  EXPECT_EQ(period(r, "USD", "2024-04")["bookings"], 200);
}

TEST(Formats, DateOrderSettingBreaksATie) {
  const std::string csv = "id,booking_date,amount\nA,03/04/2024,1.00\n";
  EXPECT_EQ(bbb_test::labels(report(csv, "{}", R"({"date_order":"dmy"})"), "USD"), std::vector<std::string>{"2024-04"});
  EXPECT_EQ(bbb_test::labels(report(csv, "{}", R"({"date_order":"mdy"})"), "USD"), std::vector<std::string>{"2024-03"});
}

TEST(Formats, QuotedAmountsWithSymbolsAndGrouping) {
  const Json r = report("id,booking_date,amount,currency\nA,2024-01-10,\"$1,234\",USD\nB,2024-01-11,\"(0.00)\",USD\n");
  EXPECT_EQ(r["rows"]["accepted"], 2);
  EXPECT_EQ(period(r, "USD", "2024-01")["bookings"], 123400);
}

}  // namespace
