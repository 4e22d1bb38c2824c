// Drill-down beyond the statement: the lines behind a forward-view figure,
// the open pipeline and its age buckets, the undelivered orders, a waterfall
// cell (both views), and any figure of one segment. Each list adds up to the
// report's own figure, checked on hand-made and generated files.
#include <gtest/gtest.h>

#include <string>

#include "generated_contracts.h"
#include "test_support.h"

namespace {

using bbb_test::Json;

constexpr const char* kFile =
    "id,customer,region,booking_date,amount,currency,start_date,term_months,recognition,delivery_date,billing,status,created_date,cancel_date\n"
    "S1,Acme,North,2024-01-01,12000.00,USD,2024-01-01,12,ratable,,upfront,booked,2023-11-01,\n"
    "S2,Beta,South,2024-02-01,2400.00,USD,2024-02-01,24,ratable,,monthly,booked,2023-12-15,2025-01-01\n"
    "O1,Gamma,North,2024-03-10,500.00,USD,,,point,,on-delivery,booked,,\n"
    "O2,Delta,South,2024-01-05,800.00,USD,,,point,2024-08-01,on-delivery,booked,,\n"
    "P1,Acme,North,,1000.00,USD,,,,,,open,2024-06-20,\n"
    "P2,Echo,South,,3000.00,USD,,,,,,open,2024-02-01,\n"
    "P3,Zulu,North,,700.00,USD,,,,,,open,,\n";

Json drill(const std::string& drill_json, const std::string& extra_read = "") {
  return bbb_test::report(kFile, "{}", R"({"as_of":"2024-06-30",)" + extra_read + R"("drill":)" + drill_json + "}")["drill"];
}

std::vector<std::string> ids(const Json& d) {
  std::vector<std::string> out;
  for (const Json& l : d["lines"]) out.push_back(l["id"]);
  return out;
}

TEST(Drill, ForwardRevenueOfAPeriodListsTheLinesScheduledInIt) {
  // July 2024: S1 earns 1,000, S2 100 (its cancellation in January 2025 is not yet known on 30 June).
  const Json d = drill(R"({"currency":"USD","metric":"forward_revenue","from":"2024-07-01","to":"2024-07-31"})");
  EXPECT_EQ(d["value"], 110000);
  EXPECT_EQ(ids(d), (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(d["lines"][1]["contribution"], 10000);
}

TEST(Drill, ForwardBacklogAndUnscheduledMatchTheReport) {
  const Json r = bbb_test::report(kFile, "{}", R"({"as_of":"2024-06-30"})");
  const Json& f = r["currencies"]["USD"]["forward"];
  const Json backlog = drill(R"({"currency":"USD","metric":"forward_backlog","from":"2024-01-01","to":"2024-01-31"})");
  EXPECT_EQ(backlog["value"], f["backlog"]);
  // S1 6,000 + S2 1,900 (2,400 less five months of 100) + O1 500 + O2 800 (delivered in August).
  EXPECT_EQ(backlog["value"], 600000 + 190000 + 50000 + 80000);
  const Json unscheduled = drill(R"({"currency":"USD","metric":"forward_unscheduled","from":"2024-01-01","to":"2024-01-31"})");
  EXPECT_EQ(unscheduled["value"], f["unscheduled"]);
  EXPECT_EQ(ids(unscheduled), std::vector<std::string>{"O1"});
}

TEST(Drill, OpenPipelineAndOneAgeBucket) {
  const Json all = drill(R"({"currency":"USD","metric":"pipeline_open","from":"2024-01-01","to":"2024-01-31"})");
  EXPECT_EQ(all["value"], 470000);
  EXPECT_EQ(ids(all), (std::vector<std::string>{"P2", "P1", "P3"}));
  const Json young = drill(R"({"currency":"USD","metric":"pipeline_open","age":"0-30","from":"2024-01-01","to":"2024-01-31"})");
  EXPECT_EQ(ids(young), std::vector<std::string>{"P1"});  // 10 days old
  EXPECT_EQ(young["age"], "0-30");
  const Json none = drill(R"({"currency":"USD","metric":"pipeline_open","age":"none","from":"2024-01-01","to":"2024-01-31"})");
  EXPECT_EQ(ids(none), std::vector<std::string>{"P3"});
}

TEST(Drill, UndeliveredOrdersOlderThan90Days) {
  // On 30 June: O1 booked 10 March (112 days), O2 booked 5 January (177 days), both undelivered.
  const Json d = drill(R"({"currency":"USD","metric":"orders_older_than_90_days","from":"2024-01-01","to":"2024-01-31"})");
  EXPECT_EQ(d["value"], 130000);
  EXPECT_EQ(ids(d), (std::vector<std::string>{"O2", "O1"}));
  const Json bucket = drill(R"({"currency":"USD","metric":"orders_undelivered","age":"91-180","from":"2024-01-01","to":"2024-01-31"})");
  EXPECT_EQ(bucket["value"], 130000);
}

TEST(Drill, OneSegmentOrTheOthers) {
  const Json north = drill(R"({"currency":"USD","metric":"bookings","from":"2024-01-01","to":"2024-12-31","segment":"North"})",
                           R"("split_by":"region",)");
  EXPECT_EQ(north["value"], 1250000);
  EXPECT_EQ(ids(north), (std::vector<std::string>{"S1", "O1"}));
  EXPECT_EQ(north["segment"], "North");
  const Json others = drill(R"({"currency":"USD","metric":"pipeline_open","from":"2024-01-01","to":"2024-01-31","segment":{"other_than":["North"]}})",
                            R"("split_by":"region",)");
  EXPECT_EQ(ids(others), std::vector<std::string>{"P2"});
}

TEST(Drill, EachLineCarriesItsTerms) {
  // The file's rows as written: S2 runs 24 months from 2024-02-01, billed monthly, cancelled 2025-01-01;
  // O2 is a point line delivered 2024-08-01, billed on delivery; P1 an open deal with no dates but its created date.
  const Json d = drill(R"({"currency":"USD","metric":"bookings","from":"2024-01-01","to":"2024-12-31"})");
  const auto line = [&](const Json& list, const std::string& id) {
    for (const Json& l : list["lines"]) if (l["id"] == id) return l;
    return Json();
  };
  const Json s2 = line(d, "S2");
  EXPECT_EQ(s2["booking_date"], "2024-02-01");
  EXPECT_EQ(s2["start"], "2024-02-01");
  EXPECT_EQ(s2["end"], "2026-01-31");
  EXPECT_EQ(s2["term_months"], 24);
  EXPECT_EQ(s2["billing"], "monthly");
  EXPECT_EQ(s2["billing_start"], "2024-02-01");
  EXPECT_EQ(s2["recognition"], "ratable");
  EXPECT_TRUE(s2["delivery_date"].is_null());
  EXPECT_EQ(s2["cancel_date"], "2025-01-01");
  EXPECT_EQ(s2["status"], "booked");
  const Json o2 = line(d, "O2");
  EXPECT_EQ(o2["start"], "2024-01-05");
  EXPECT_TRUE(o2["end"].is_null());
  EXPECT_TRUE(o2["term_months"].is_null());
  EXPECT_EQ(o2["billing"], "on-delivery");
  EXPECT_TRUE(o2["billing_start"].is_null());
  EXPECT_EQ(o2["recognition"], "point");
  EXPECT_EQ(o2["delivery_date"], "2024-08-01");
  const Json open = drill(R"({"currency":"USD","metric":"pipeline_open","from":"2024-01-01","to":"2024-01-31"})");
  const Json p1 = line(open, "P1");
  EXPECT_EQ(p1["status"], "open");
  EXPECT_TRUE(p1["booking_date"].is_null());
  EXPECT_TRUE(p1["start"].is_null());
  EXPECT_TRUE(p1["billing_start"].is_null());
  // An open deal with a term but no dates: its term, and no end.
  const Json termed = bbb_test::report(
      "id,customer,booking_date,amount,currency,term_months,billing,status,created_date\n"
      "P9,Acme,,1200.00,USD,12,annual,open,2024-06-20\n",
      "{}", R"({"as_of":"2024-06-30","drill":{"currency":"USD","metric":"pipeline_open","from":"2024-01-01","to":"2024-01-31"}})")["drill"];
  ASSERT_EQ(termed["lines"].size(), 1u);
  EXPECT_EQ(termed["lines"][0]["term_months"], 12);
  EXPECT_TRUE(termed["lines"][0]["start"].is_null());
  EXPECT_TRUE(termed["lines"][0]["end"].is_null());
}

TEST(Drill, SettingsThatCannotBeMetAreErrors) {
  bbb::ReadSettings rs;
  std::string error;
  EXPECT_FALSE(bbb::parse_read_settings(R"({"drill":{"currency":"USD","metric":"pipeline_open","from":"2024-01-01","to":"2024-01-31"}})", &rs, &error));
  EXPECT_EQ(error, "drill of 'pipeline_open' needs the as_of setting");
  EXPECT_FALSE(bbb::parse_read_settings(R"({"drill":{"currency":"USD","metric":"revenue","from":"2024-01-01","to":"2024-01-31","segment":"X"}})", &rs, &error));
  EXPECT_EQ(error, "drill of a segment needs the split_by setting");
  EXPECT_FALSE(bbb::parse_read_settings(R"({"as_of":"2024-01-01","drill":{"currency":"USD","metric":"pipeline_open","age":"1-2","from":"2024-01-01","to":"2024-01-31"}})", &rs, &error));
  EXPECT_EQ(error, "drill.age must be 0-30, 31-60, 61-90, 91-180, 181+ or none");
}

// On generated files: every waterfall cell of both views, and the forward
// view's periods, drilled, add up to the report's figure.
class DrillTies : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(DrillTies, WaterfallCellsAndForwardPeriodsAddUp) {
  bbb_test::Input run = bbb_test::generate(GetParam(), 120).input;
  run.report_settings = R"({"period":"year"})";
  run.read_settings = R"({"waterfall":true,"as_of":"2024-03-31"})";
  const Json r = bbb_test::report(run);
  int checked = 0;
  for (const auto& [currency, c] : r["currencies"].items()) {
    for (const char* view : {"booked", "billed"}) {
      const bool booked = std::string(view) == "booked";
      const Json& rows = booked ? c["waterfall"]["rows"] : c["waterfall"]["billed"]["rows"];
      for (const Json& row : rows) {
        for (std::size_t j = 0; j < c["periods"].size(); ++j) {
          const Json& p = c["periods"][j];
          Json q{{"currency", currency}, {"metric", booked ? "waterfall_booked" : "waterfall_billed"},
                 {"from", p["start"]}, {"to", p["end"]}, {"limit", 1}};
          if (row.contains("start")) q["row_from"] = row["start"];
          if (row.contains("end")) q["row_to"] = row["end"];
          if (row["kind"] == "not_billed") q["not_billed"] = true;
          bbb_test::Input d = run;
          d.read_settings = Json{{"waterfall", true}, {"as_of", "2024-03-31"}, {"drill", q}}.dump();
          EXPECT_EQ(bbb_test::report(d)["drill"]["value"], row["revenue"][j]) << currency << " " << row.dump() << " " << j;
          ++checked;
        }
      }
    }
    for (const Json& p : c["forward"]["periods"]) {
      bbb_test::Input d = run;
      d.read_settings = Json{{"as_of", "2024-03-31"},
                             {"drill", {{"currency", currency}, {"metric", "forward_billings"}, {"from", p["start"]}, {"to", p["end"]}}}}.dump();
      EXPECT_EQ(bbb_test::report(d)["drill"]["value"], p["billings"]) << currency << " " << p["period"];
      ++checked;
    }
  }
  EXPECT_GT(checked, 30);
}

INSTANTIATE_TEST_SUITE_P(Seeds, DrillTies, ::testing::Values(31u, 32u));

}  // namespace
