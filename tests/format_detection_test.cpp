// How each date column is said to be written (the report's files[].date_order):
// true for every notation the engine reads, so the page's label is true too.
#include "rows/format_detection.h"

#include "test_support.h"

using namespace bbb_test;

namespace {

Json date_order(const std::string& contracts, const std::string& read_settings = "{}") {
  Input in;
  in.contracts = contracts;
  in.read_settings = read_settings;
  return report(in)["files"][0]["date_order"];
}

}  // namespace

TEST(DateNotation, GermanDotsAreDayFirstNotIso) {
  // Every day <= 12: the values cannot decide, and the dots say day-first.
  const Json d = date_order("id;booking_date;amount;start_date\nA;03.04.2024;100,00;05.04.2024\nB;01.02.2024;5,00;01.02.2024\n");
  EXPECT_EQ(d["booking_date"]["source"], "dots");
  EXPECT_EQ(d["booking_date"]["order"], "dmy");
  EXPECT_EQ(d["start_date"]["source"], "dots");
}

TEST(DateNotation, DotsWithADayPast12AreDayFirstToo) {
  const Json d = date_order("id;booking_date;amount\nA;23.04.2024;100,00\n");
  EXPECT_EQ(d["booking_date"]["order"], "dmy");
  EXPECT_NE(d["booking_date"]["source"], "iso");
}

TEST(DateNotation, YearFirstIsIso) {
  const Json d = date_order("id,booking_date,amount\nA,2024-04-03,100.00\n");
  EXPECT_EQ(d["booking_date"]["source"], "iso");
}

TEST(DateNotation, SlashesAreDecidedByTheValuesOrTheTie) {
  EXPECT_EQ(date_order("id,booking_date,amount\nA,04/23/2024,100.00\n")["booking_date"]["source"], "detected");
  EXPECT_EQ(date_order("id,booking_date,amount\nA,04/23/2024,100.00\n")["booking_date"]["order"], "mdy");
  const Json tie = date_order("id,booking_date,amount\nA,04/03/2024,100.00\n");
  EXPECT_EQ(tie["booking_date"]["source"], "assumed");
  EXPECT_EQ(tie["booking_date"]["order"], "mdy");
  EXPECT_EQ(date_order("id,booking_date,amount\nA,04/03/2024,100.00\n", R"({"date_order":"dmy"})")["booking_date"]["source"],
            "setting");
}

TEST(DateNotation, AColumnWithNoDateInTheSampleSaysSo) {
  const Json d = date_order("id,booking_date,amount,cancel_date\nA,2024-04-03,100.00,\n");
  EXPECT_EQ(d["cancel_date"]["source"], "empty");
}
