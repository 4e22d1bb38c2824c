// The report's streaming JSON writer writes what nlohmann's dump writes, but
// ratios as exact decimals: checked here number by number.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "../core/src/json_writer.h"

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

}  // namespace
