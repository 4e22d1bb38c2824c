// The report's streaming JSON writer writes what nlohmann's dump writes, but
// ratios as exact decimals: checked here number by number, and whole
// documents against nlohmann's own (ordered) dump.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "report/json_writer.h"

namespace {

std::string written(std::int64_t n) {
  std::string out;
  bbb::JsonWriter(&out).ten_thousandths(n);
  return out;
}

std::string nlohmann_form(std::int64_t n) { return nlohmann::json(static_cast<double>(n) / 10000.0).dump(); }

// n / 10000 as a decimal of at most four places, trailing zeros dropped ("3.0" kept).
std::string exact_decimal(std::int64_t n) {
  const std::uint64_t u = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  std::string fraction = std::to_string(10000 + u % 10000).substr(1);
  while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
  return (n < 0 ? "-" : "") + std::to_string(u / 10000) + "." + fraction;
}

TEST(JsonWriter, RatiosMatchNlohmannAroundZeroOneByOne) {
  for (std::int64_t n = -300000; n <= 300000; ++n) ASSERT_EQ(written(n), nlohmann_form(n)) << n;
}

TEST(JsonWriter, RatiosMatchNlohmannAtEveryMagnitudeAndPastTheFastRange) {
  std::mt19937_64 random(7);
  for (int digits = 1; digits <= 18; ++digits) {
    std::int64_t scale = 1;
    for (int i = 1; i < digits; ++i) scale *= 10;
    for (int k = 0; k < 20000; ++k) {
      const std::int64_t n = static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(9 * scale)) + scale;
      for (const std::int64_t v : {n, -n}) {
        const std::string text = written(v);
        // The same double as nlohmann's text, never longer than it.
        ASSERT_EQ(std::stod(text), std::stod(nlohmann_form(v))) << v;
        ASSERT_LE(text.size(), nlohmann_form(v).size()) << v;
        // The exact decimal below 10^15; nlohmann's own text from there on.
        ASSERT_EQ(text, digits <= 15 ? exact_decimal(v) : nlohmann_form(v)) << v;
      }
    }
  }
  EXPECT_EQ(written(975412428), "97541.2428");  // nlohmann: 97541.24280000001
  EXPECT_EQ(written(12345), "1.2345");
  EXPECT_EQ(written(10000), "1.0");
  EXPECT_EQ(written(-2500), "-0.25");
  EXPECT_EQ(written(0), "0.0");
}

// Integers at every length and sign, escaped and plain text, nesting and
// every kind of value: the same text as nlohmann::ordered_json's dump.
TEST(JsonWriter, DocumentsMatchNlohmannsDump) {
  std::vector<std::int64_t> integers = {0, 7, -7, 10, -10, 99, 100, -100, 101,
                                        std::numeric_limits<std::int64_t>::max(),
                                        std::numeric_limits<std::int64_t>::min()};
  for (std::int64_t p = 10; p < std::numeric_limits<std::int64_t>::max() / 10; p *= 10)
    for (const std::int64_t v : {p - 1, p, p + 1, -(p - 1), -p}) integers.push_back(v);
  const std::vector<std::string> texts = {"", "plain", "quote \" here", "back\\slash", "tab\there",
                                          "line\nend", "caf\xC3\xA9", "bad \xFF byte", "\x01"};

  std::string out;
  {
    bbb::JsonWriter w(&out);
    w.object().key("integers").array();
    for (std::int64_t v : integers) w.value(v);
    w.end().key("in_one_call").integers(integers.data(), integers.size()).key("no_integers").integers(nullptr, 0);
    w.key("fields").object();
    for (std::size_t i = 0; i < integers.size(); ++i) w.field("n" + std::to_string(i), integers[i]);
    w.end().key("texts").array();
    for (const std::string& t : texts) w.text(t);
    w.end().key("by_text").object();
    for (const std::string& t : texts) w.text_key(t).object().field_text("t", t).end();
    w.end().field_text("escaped", "a\"b").key("yes").boolean(true).key("no").boolean(false).key("none").null();
    w.key("empty").object().end().key("nested").array().array().end().object().end().end();
    w.key("half").number(0.5).end();
  }

  using Json = nlohmann::ordered_json;
  // Text as nlohmann reads back what it writes: invalid UTF-8 replaced.
  const auto replaced = [](const std::string& t) {
    return Json::parse(Json(t).dump(-1, ' ', false, Json::error_handler_t::replace)).get<std::string>();
  };
  Json fields = Json::object(), texts_json = Json::array(), by_text = Json::object();
  for (std::size_t i = 0; i < integers.size(); ++i) fields["n" + std::to_string(i)] = integers[i];
  for (const std::string& t : texts) texts_json.push_back(Json(replaced(t)));
  for (const std::string& t : texts) by_text[replaced(t)]["t"] = replaced(t);
  const Json expected = {{"integers", integers}, {"in_one_call", integers}, {"no_integers", Json::array()}, {"fields", fields}, {"texts", texts_json}, {"by_text", by_text},
                         {"escaped", "a\"b"}, {"yes", true}, {"no", false}, {"none", nullptr},
                         {"empty", Json::object()}, {"nested", Json::array({Json::array(), Json::object()})},
                         {"half", 0.5}};
  EXPECT_EQ(out, expected.dump());
}

// The writer appends to what the string holds (the report's envelope is
// written around it in place), and its room, grown many times over a
// long document, is trimmed away when it is done.
TEST(JsonWriter, AppendsAfterWhatTheStringHoldsAndLeavesNoRoom) {
  std::string out = "{\"ok\":true,\"report\":";
  {
    bbb::JsonWriter w(&out);
    w.array();
    for (int i = 0; i < 100000; ++i) w.value(i);
    w.end();
  }
  out += '}';
  const nlohmann::json read = nlohmann::json::parse(out);
  ASSERT_EQ(read["report"].size(), 100000u);
  EXPECT_EQ(read["report"][99999], 99999);
  EXPECT_EQ(out.size(), std::string("{\"ok\":true,\"report\":[]}").size() + 488890 + 99999);
}

}  // namespace
