// Dates as real exports write them (spec section 1), and the per-column
// decision between month-first and day-first.
#include <gtest/gtest.h>

#include <string>

#include "rows/value_formats.h"
#include "test_support.h"

namespace {

using bbb::DateOrder;
using bbb_test::ymd;

std::string read(const std::string& text, DateOrder order = DateOrder::kMdy) {
  bbb::Date d;
  std::string why;
  if (!bbb::parse_date(text, order, &d, &why)) {
    EXPECT_FALSE(why.empty()) << "a rejection says why: '" << text << "'";
    return "rejected";
  }
  return d.iso();
}

TEST(ParseDate, IsoAndYearFirstSlashes) {
  EXPECT_EQ(read("2024-01-31"), "2024-01-31");
  EXPECT_EQ(read("2024/01/31"), "2024-01-31");
  EXPECT_EQ(read("2024-01-31", DateOrder::kDmy), "2024-01-31");  // ISO reads the same in any order
  EXPECT_EQ(read("2024/2/9"), "2024-02-09");
}

TEST(ParseDate, SlashDatesFollowTheColumnOrder) {
  EXPECT_EQ(read("03/04/2024", DateOrder::kMdy), "2024-03-04");
  EXPECT_EQ(read("03/04/2024", DateOrder::kDmy), "2024-04-03");
  EXPECT_EQ(read("12/31/2024", DateOrder::kMdy), "2024-12-31");
  EXPECT_EQ(read("31/12/2024", DateOrder::kDmy), "2024-12-31");
  EXPECT_EQ(read("31/12/2024", DateOrder::kMdy), "rejected");  // no month 31
  EXPECT_EQ(read("1/2/2024", DateOrder::kMdy), "2024-01-02");
  EXPECT_EQ(read("1/2/2024", DateOrder::kDmy), "2024-02-01");
  EXPECT_EQ(read("03-04-2024", DateOrder::kDmy), "2024-04-03");
}

TEST(ParseDate, DottedDatesAreDayFirst) {
  EXPECT_EQ(read("31.01.2024"), "2024-01-31");
  EXPECT_EQ(read("01.02.2024", DateOrder::kMdy), "2024-02-01");
  EXPECT_EQ(read("29.02.2023"), "rejected");
}

TEST(ParseDate, TimeOfDayIsIgnored) {
  EXPECT_EQ(read("2024-01-31 00:00:00"), "2024-01-31");
  EXPECT_EQ(read("2024-01-31T09:30"), "2024-01-31");
  EXPECT_EQ(read("01/31/2024 17:45", DateOrder::kMdy), "2024-01-31");
}

TEST(ParseDate, ImpossibleAndMalformedDatesAreRejected) {
  EXPECT_EQ(read("2023-02-29"), "rejected");
  EXPECT_EQ(read("2100-02-29"), "rejected");
  EXPECT_EQ(read("2024-13-01"), "rejected");
  EXPECT_EQ(read("2024-04-31"), "rejected");
  EXPECT_EQ(read("02/30/2024", DateOrder::kMdy), "rejected");
  EXPECT_EQ(read("yesterday"), "rejected");
  EXPECT_EQ(read(""), "rejected");
  EXPECT_EQ(read("2024-01"), "rejected");
  EXPECT_EQ(read("2000-02-29"), "2000-02-29");
}

TEST(DateOrderSniffer, DayAboveTwelveInFirstPlaceMeansDayFirst) {
  bbb::DateOrderSniffer s;
  s.observe("03/04/2024");
  EXPECT_EQ(s.decided(), DateOrder::kAuto);  // cannot tell yet
  s.observe("25/04/2024");
  EXPECT_EQ(s.decided(), DateOrder::kDmy);
  EXPECT_FALSE(s.conflicting());
}

TEST(DateOrderSniffer, DayAboveTwelveInSecondPlaceMeansMonthFirst) {
  bbb::DateOrderSniffer s;
  s.observe("01/02/2024");
  s.observe("04/30/2024");
  s.observe("");
  EXPECT_EQ(s.decided(), DateOrder::kMdy);
}

TEST(DateOrderSniffer, IsoValuesAreNoEvidence) {
  bbb::DateOrderSniffer s;
  s.observe("2024-01-31");
  s.observe("2024/12/25");
  EXPECT_EQ(s.decided(), DateOrder::kAuto);
  EXPECT_FALSE(s.conflicting());
}

TEST(DateOrderSniffer, BothKindsOfEvidenceConflict) {
  bbb::DateOrderSniffer s;
  s.observe("25/04/2024");
  s.observe("04/25/2024");
  EXPECT_TRUE(s.conflicting());
  EXPECT_EQ(s.decided(), DateOrder::kAuto);
}

TEST(DateOrderNames, RoundTrip) {
  DateOrder o;
  ASSERT_TRUE(bbb::parse_date_order("dmy", &o));
  EXPECT_EQ(o, DateOrder::kDmy);
  ASSERT_TRUE(bbb::parse_date_order("mdy", &o));
  EXPECT_EQ(o, DateOrder::kMdy);
  EXPECT_STREQ(bbb::date_order_name(DateOrder::kDmy), "dmy");
  EXPECT_FALSE(bbb::parse_date_order("dym", &o));
}

// Cells are read trimmed of spaces and tabs, and of nothing else.
TEST(Trim, SpacesAndTabsAtEitherEndOnly) {
  EXPECT_EQ(bbb::trim(""), "");
  EXPECT_EQ(bbb::trim("   "), "");
  EXPECT_EQ(bbb::trim("\t \t"), "");
  EXPECT_EQ(bbb::trim("abc"), "abc");
  EXPECT_EQ(bbb::trim(" abc"), "abc");
  EXPECT_EQ(bbb::trim("abc\t"), "abc");
  EXPECT_EQ(bbb::trim(" \t a b \t "), "a b");
  EXPECT_EQ(bbb::trim("x"), "x");
  EXPECT_EQ(bbb::trim(" x"), "x");
  EXPECT_EQ(bbb::trim("\rabc\n"), "\rabc\n");
  EXPECT_EQ(bbb::trim("\xC2\xA0" "abc"), "\xC2\xA0" "abc");  // a no-break space is text
}

}  // namespace
