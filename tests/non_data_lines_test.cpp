// Lines that are not data (spec 11, rows/non_data_lines): total rows,
// footers and blank lines are skipped and counted by kind with their first line, never
// rejected, never booked; rows read = accepted + rejected. And a contracts
// file with no id column: each row is its own line, named by its number.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace {

using bbb_test::Json;

TEST(NonDataLines, TotalsAndFootersAreSkippedAndCountedNeverRejected) {
  const Json r = bbb_test::report(
      "id,booking_date,amount\n"
      "L1,2024-01-10,100.00\n"
      "Total for January,,100.00\n"
      "L2,2024-02-10,50.00\n"
      "Subtotal,,50.00\n"
      "Grand Totals (2 records),,150.00\n"
      "\n"
      "Confidential Information - Do Not Distribute,,\n"
      "\"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.\"\n"
      "\xC2\xA9 2024 Example Corp\n");
  EXPECT_EQ(r["rows"]["read"], 2);
  EXPECT_EQ(r["rows"]["accepted"], 2);
  EXPECT_EQ(r["rows"]["rejected"], 0);
  const Json& skipped = r["rows"]["skipped"];
  ASSERT_EQ(skipped.size(), 3u);  // in the order of their first lines
  EXPECT_EQ(skipped[0]["kind"], "total");
  EXPECT_EQ(skipped[0]["count"], 3);
  EXPECT_EQ(skipped[0]["first_line"], 3);
  EXPECT_EQ(skipped[1]["kind"], "blank");
  EXPECT_EQ(skipped[1]["count"], 1);
  EXPECT_EQ(skipped[1]["first_line"], 7);
  EXPECT_EQ(skipped[2]["kind"], "footer");
  EXPECT_EQ(skipped[2]["count"], 3);
  EXPECT_EQ(skipped[2]["first_line"], 8);
  for (const Json& issue : r["issues"]) EXPECT_EQ(issue["severity"], "warning") << issue.dump();  // no rejection
  EXPECT_EQ(r["issue_counts"].size(), 2u);  // default_currency, and no_term: the lines have no term
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-01")["bookings"], 10000);  // the total row is not booked again
}

TEST(NonDataLines, ASkippedLinesTextProblemStaysOnItsLine) {
  // The footer's quote is a text warning of line 3: reported there, and the
  // next row, line 4, neither carries it nor is rejected.
  const Json r = bbb_test::report("id,booking_date,amount\nL1,2024-01-10,100.00\nConfidential 5'11\" note\nL2,2024-01-11,50.00\n");
  EXPECT_EQ(r["rows"]["accepted"], 2);
  EXPECT_EQ(r["rows"]["skipped"][0]["kind"], "footer");
  const auto quote = bbb_test::issues_with(r, "quote_in_unquoted_field");
  ASSERT_EQ(quote.size(), 1u);
  EXPECT_EQ(quote[0]["line"], 3);
}

TEST(NonDataLines, DataThatOnlyLooksLikeATotalStaysData) {
  const Json r = bbb_test::report(
      "customer,booking_date,amount,id\n"
      "Total Wine & More,2024-01-10,100.00,A1\n"
      "Totalview Ltd,2024-01-11,20.00,A2\n"
      "Confidential client,2024-01-12,30.00,A3\n");
  EXPECT_EQ(r["rows"]["accepted"], 3);
  EXPECT_TRUE(r["rows"]["skipped"].empty());
  // A bad row is still a rejection, not a line skipped.
  const Json bad = bbb_test::report("id,booking_date,amount\nTotal,2024-01-10,oops\nL1,2024-01-10,5.00\n");
  EXPECT_EQ(bad["rows"]["read"], 1);
  EXPECT_EQ(bad["rows"]["skipped"][0]["kind"], "total");
}

TEST(NoIdColumn, EachRowIsItsOwnLineNamedByItsLineNumber) {
  const Json r = bbb_test::report(
      "booking_date,amount\n"
      "2024-01-10,100.00\n"
      "2024-01-10,100.00\n",  // the same values twice: two lines, not a duplicate
      "{}", R"({"drill":{"metric":"bookings","currency":"USD","from":"2024-01-01","to":"2024-01-31"}})");
  EXPECT_EQ(r["rows"]["accepted"], 2);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-01")["bookings"], 20000);
  ASSERT_EQ(bbb_test::issues_with(r, "no_id_column").size(), 1u);
  EXPECT_TRUE(bbb_test::issues_with(r, "duplicate_id").empty());
  std::vector<std::string> ids;
  for (const Json& line : r["drill"]["lines"]) ids.push_back(line["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"line 2", "line 3"}));
}

TEST(NoIdColumn, InvoicesStillNeedIds) {
  bbb_test::Input run;
  run.contracts = "id,booking_date,amount\nL1,2024-01-10,100.00\n";
  run.invoices = "invoice_date,amount\n2024-01-10,100.00\n";
  const std::string text = bbb_test::report_text(run);
  EXPECT_NE(text.find("no column for id"), std::string::npos) << text.substr(0, 400);
}

}  // namespace
