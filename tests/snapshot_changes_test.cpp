// Changes between two exports (finance/snapshot_changes.h), checked against
// a reference written apart: each id's rows in both generated files, its
// categories decided from the rules of docs/metrics.md as written there.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bbb/compare_json.h"
#include "test_support.h"

namespace {

using bbb_test::Json;

struct Row {
  std::string id, status, currency, close;  // close "" = none
  std::int64_t cents = 0;
};

std::string csv_of(const std::vector<Row>& rows) {
  std::string out = "id,customer,close_date,amount,status,currency\n";
  for (const Row& r : rows)
    out += r.id + ",Customer " + r.id + "," + r.close + "," + std::to_string(r.cents / 100) + "." +
           (r.cents % 100 < 10 ? "0" : "") + std::to_string(r.cents % 100) + "," + r.status + "," + r.currency + "\n";
  return out;
}

Json compare(const std::string& before_csv, const std::string& after_csv, const std::string& settings = "{\"limit\":0}") {
  bbb::ReadSettings rs;
  std::string error;
  EXPECT_TRUE(bbb::parse_read_settings("{\"snapshot\":true}", &rs, &error)) << error;
  bbb::Session before(rs), after(rs);
  bbb_test::feed_file(before, bbb::FileKind::kContracts, "before.csv", before_csv, 4096);
  bbb_test::feed_file(after, bbb::FileKind::kContracts, "after.csv", after_csv, 4096);
  const Json envelope = Json::parse(bbb::changes_envelope(before, after, settings));
  EXPECT_TRUE(envelope["ok"].get<bool>()) << envelope.dump();
  return envelope["changes"];
}

// The reference: per currency and category, count, value and the ids.
struct Tally {
  std::int64_t count = 0, value = 0;
  std::set<std::string> ids;
  void add(const std::string& id, std::int64_t v) { ++count; value += v; ids.insert(id); }
};
struct Expected {
  std::map<std::string, std::map<std::string, Tally>> by_currency;  // currency -> category -> tally
  std::map<std::string, std::int64_t> before_value, after_value, unchanged;
};

Expected reference(const std::vector<Row>& before, const std::vector<Row>& after) {
  std::map<std::string, int> uses;
  for (const Row& r : before) if (!r.id.empty()) ++uses[r.id + "\x01" "b"];
  for (const Row& r : after) if (!r.id.empty()) ++uses[r.id + "\x01" "a"];
  const auto compared = [&](const std::string& id) {
    return !id.empty() && uses[id + "\x01" "b"] <= 1 && uses[id + "\x01" "a"] <= 1;
  };
  std::map<std::string, Row> old_rows, new_rows;
  for (const Row& r : before) if (compared(r.id)) old_rows[r.id] = r;
  for (const Row& r : after) if (compared(r.id)) new_rows[r.id] = r;
  Expected e;
  for (const auto& [id, r] : old_rows) e.before_value[r.currency] += r.cents;
  for (const auto& [id, r] : new_rows) e.after_value[r.currency] += r.cents;
  for (const auto& [id, o] : old_rows)
    if (!new_rows.count(id)) e.by_currency[o.currency]["removed"].add(id, o.cents);
  for (const auto& [id, n] : new_rows) {
    const auto found = old_rows.find(id);
    if (found == old_rows.end()) { e.by_currency[n.currency]["added"].add(id, n.cents); continue; }
    const Row& o = found->second;
    if (o.currency != n.currency) {
      e.by_currency[o.currency]["removed"].add(id, o.cents);
      e.by_currency[n.currency]["added"].add(id, n.cents);
      continue;
    }
    auto& cat = e.by_currency[n.currency];
    bool any = false;
    if (o.status != n.status) {
      any = true;
      if (n.status == "won") cat["won"].add(id, n.cents);
      else if (n.status == "lost") cat["lost"].add(id, n.cents);
      else cat["status_changed"].add(id, n.cents);
    }
    if (o.cents != n.cents) { any = true; cat["amount_changed"].add(id, n.cents - o.cents); }
    if (!o.close.empty() && !n.close.empty() && o.close != n.close) {
      any = true;
      // ISO dates order as text.
      cat[n.close > o.close ? "slipped" : "pulled_in"].add(id, n.cents);
    }
    if (!any) ++e.unchanged[n.currency];
  }
  return e;
}

std::vector<Row> generated(std::mt19937& rng, const std::vector<std::string>& ids) {
  static const char* const kStatus[] = {"open", "open", "won", "lost"};
  static const char* const kCurrency[] = {"USD", "USD", "EUR"};
  static const char* const kClose[] = {"2024-03-31", "2024-04-30", "2024-05-15", ""};
  std::vector<Row> rows;
  for (const std::string& id : ids) {
    Row r{id, kStatus[rng() % 4], kCurrency[rng() % 3], kClose[rng() % 4], static_cast<std::int64_t>(rng() % 5 + 1) * 10050};
    if (r.status == "won" && r.close.empty()) r.close = "2024-03-31";  // a booking has its date
    rows.push_back(r);
  }
  return rows;
}

TEST(SnapshotChanges, GeneratedExportsMatchAPerIdReference) {
  std::mt19937 rng(20261207);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::string> old_ids, new_ids;
    for (int k = 0; k < 60; ++k) {
      const std::string id = "D" + std::to_string(k);
      const unsigned pick = rng() % 10;
      if (pick != 0) old_ids.push_back(id);           // 1 in 10 only in the later export
      if (pick != 1) new_ids.push_back(id);           // 1 in 10 only in the earlier one
      if (pick == 2) new_ids.push_back(id);           // an id used twice
    }
    new_ids.push_back("");  // a row with no id
    std::vector<Row> before = generated(rng, old_ids), after = generated(rng, new_ids);
    // Most lines stay as they were, so that unchanged lines are common.
    for (Row& n : after)
      for (const Row& o : before)
        if (n.id == o.id && rng() % 3 == 0) n = o;
    const Expected want = reference(before, after);
    const Json got = compare(csv_of(before), csv_of(after));
    ASSERT_EQ(got["files"][1]["missing_id"].get<int>(), 1);
    for (const auto& [currency, c] : got["currencies"].items()) {
      EXPECT_EQ(c["before"]["value"].get<std::int64_t>(), want.before_value.count(currency) ? want.before_value.at(currency) : 0);
      EXPECT_EQ(c["after"]["value"].get<std::int64_t>(), want.after_value.count(currency) ? want.after_value.at(currency) : 0);
      EXPECT_EQ(c["unchanged"].get<std::int64_t>(), want.unchanged.count(currency) ? want.unchanged.at(currency) : 0);
      for (const auto& [kind, k] : c["changes"].items()) {
        const auto cur = want.by_currency.find(currency);
        const Tally none;
        const Tally& t = cur != want.by_currency.end() && cur->second.count(kind) ? cur->second.at(kind) : none;
        EXPECT_EQ(k["count"].get<std::int64_t>(), t.count) << currency << " " << kind << " round " << round;
        EXPECT_EQ(k["value"].get<std::int64_t>(), t.value) << currency << " " << kind << " round " << round;
        std::set<std::string> ids;
        for (const Json& r : k["rows"]) ids.insert(r["id"].get<std::string>());
        EXPECT_EQ(ids, t.ids) << currency << " " << kind;
      }
    }
    for (const auto& [currency, cats] : want.by_currency) EXPECT_TRUE(got["currencies"].contains(currency)) << currency;
  }
}

TEST(SnapshotChanges, ListsTheLargestRowsUpToTheLimit) {
  const std::string before = "id,close_date,amount,status\nA,2024-01-31,1.00,open\nB,2024-01-31,3.00,open\nC,2024-01-31,2.00,open\n";
  const std::string after = "id,close_date,amount,status\n";
  const Json got = compare(before, after, "{\"limit\":2}");
  const Json& removed = got["currencies"]["USD"]["changes"]["removed"];
  EXPECT_EQ(removed["count"].get<int>(), 3);
  EXPECT_EQ(removed["listed"].get<int>(), 2);
  EXPECT_EQ(removed["rows"][0]["id"], "B");
  EXPECT_EQ(removed["rows"][1]["id"], "C");
}

TEST(SnapshotChanges, RefusesSessionsReadWithoutTheSnapshotSettingAndUnknownSettings) {
  bbb::Session a{bbb::ReadSettings()}, b{bbb::ReadSettings()};
  EXPECT_NE(bbb::changes_envelope(a, b, "{}").find("not_snapshot"), std::string::npos);
  bbb::CompareSettings s;
  std::string error;
  EXPECT_FALSE(bbb::parse_compare_settings("{\"limt\":3}", &s, &error));
  EXPECT_FALSE(bbb::parse_compare_settings("{\"limit\":-1}", &s, &error));
  EXPECT_TRUE(bbb::parse_compare_settings("{\"limit\":0}", &s, &error));
}

}  // namespace
