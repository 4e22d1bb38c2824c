// The keyword memo must read every text exactly as the parser would, hit or miss.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rows/contract_line.h"
#include "fast/recent_keywords.h"

namespace {

using bbb::BillingKind;

TEST(RecentKeywords, ReadsEveryTextAsTheParserDoesAcrossEvictions) {
  bbb::RecentKeywords<BillingKind, 4> memo;
  int parses = 0;
  const auto counting_parse = [&](std::string_view t, BillingKind* k) { ++parses; return bbb::parse_billing_kind(t, k); };
  // Ten spellings (more than the memo holds), one too long for it, two invalid.
  const std::vector<std::string> texts = {"monthly", "Quarterly", "annual", "upfront", "Monthly Arrears", "on-delivery",
                                          "none", "semiannual", "QUARTERLY", "yearly", "semiannually-arrears-x", "weekly", ""};
  for (int round = 0; round < 3; ++round) {
    for (const std::string& t : texts) {
      BillingKind expected = BillingKind::kNone, got = BillingKind::kNone;
      const bool ok = bbb::parse_billing_kind(t, &expected);
      EXPECT_EQ(memo.read(t, &got, counting_parse), ok) << t;
      if (ok) EXPECT_EQ(got, expected) << t;
    }
  }
  // Every read of a text the memo cannot hold, or never accepts, parses again.
  EXPECT_GE(parses, 3 * 3);
}

TEST(RecentKeywords, ARepeatedTextIsParsedOnce) {
  bbb::RecentKeywords<BillingKind> memo;
  int parses = 0;
  const auto counting_parse = [&](std::string_view t, BillingKind* k) { ++parses; return bbb::parse_billing_kind(t, k); };
  BillingKind k = BillingKind::kNone;
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(memo.read("quarterly-arrears", &k, counting_parse));  // 17 bytes: too long to keep
    ASSERT_TRUE(memo.read("monthly", &k, counting_parse));
    EXPECT_EQ(k, BillingKind::kMonthly);
  }
  EXPECT_EQ(parses, 100 + 1);
  EXPECT_FALSE(memo.read("monthlyy", &k, counting_parse));
  EXPECT_EQ(k, BillingKind::kMonthly);  // untouched by a failed read
}

// The key reads a text as two overlapping loads: texts of every length up
// to 16 that differ in one byte only, in any place, must never share a key.
TEST(RecentKeywords, TextsDifferingInAnyOneByteAreKeptApart) {
  for (std::size_t n = 1; n <= 16; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      bbb::RecentKeywords<std::string, 2> memo;
      const std::string a(n, 'a');
      std::string b = a;
      b[at] = 'b';
      int parses = 0;
      const auto echo = [&](std::string_view t, std::string* out) { ++parses; *out = std::string(t); return true; };
      std::string got;
      for (int round = 0; round < 2; ++round) {
        ASSERT_TRUE(memo.read(a, &got, echo));
        EXPECT_EQ(got, a) << n << " " << at;
        ASSERT_TRUE(memo.read(b, &got, echo));
        EXPECT_EQ(got, b) << n << " " << at;
      }
      EXPECT_EQ(parses, 2) << "both texts kept, once each: n=" << n << " at=" << at;
    }
  }
  // The empty text and a text of zero bytes of the same length differ by the length.
  bbb::RecentKeywords<std::string, 2> memo;
  std::string got;
  const auto echo = [](std::string_view t, std::string* out) { *out = std::string(t); return true; };
  ASSERT_TRUE(memo.read(std::string_view(), &got, echo));
  ASSERT_TRUE(memo.read(std::string_view("\0", 1), &got, echo));
  EXPECT_EQ(got.size(), 1u);
  ASSERT_TRUE(memo.read(std::string_view(), &got, echo));
  EXPECT_EQ(got.size(), 0u);
}

}  // namespace
