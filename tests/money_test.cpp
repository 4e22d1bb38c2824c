// Money of spec sections 1 and 2: every amount form a real export writes,
// read exactly into minor units, never rounded silently.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "values/money.h"
#include "rows/value_formats.h"

namespace {

using bbb::ParsedAmount;

// Reads an amount; returns its minor units or fails the test.
std::int64_t minor(const std::string& text, char decimal = '.', int digits = 2) {
  ParsedAmount out;
  std::string why;
  EXPECT_TRUE(bbb::parse_amount(text, decimal, digits, &out, &why)) << "'" << text << "': " << why;
  return out.minor;
}

bool rejected(const std::string& text, char decimal = '.', int digits = 2) {
  ParsedAmount out;
  std::string why;
  const bool ok = bbb::parse_amount(text, decimal, digits, &out, &why);
  if (!ok) EXPECT_FALSE(why.empty()) << "a rejection says why: '" << text << "'";
  return !ok;
}

TEST(ParseAmount, PlainAndGroupedWithPointDecimal) {
  EXPECT_EQ(minor("1234.56"), 123456);
  EXPECT_EQ(minor("1,234.56"), 123456);
  EXPECT_EQ(minor("1,234,567.89"), 123456789);
  EXPECT_EQ(minor("0.01"), 1);
  EXPECT_EQ(minor("12000"), 1200000);
  EXPECT_EQ(minor("12000.5"), 1200050);
  EXPECT_EQ(minor("  42.10 "), 4210);
}

TEST(ParseAmount, EuropeanFormsWithCommaDecimal) {
  EXPECT_EQ(minor("1.234,56", ','), 123456);
  EXPECT_EQ(minor("1 234,56", ','), 123456);
  EXPECT_EQ(minor("1\xC2\xA0" "234,56", ','), 123456);  // non-breaking space as the group separator
  EXPECT_EQ(minor("99,5", ','), 9950);
  EXPECT_EQ(minor("1.234.567,00", ','), 123456700);
}

TEST(ParseAmount, CurrencySymbolAndCode) {
  EXPECT_EQ(minor("$1,234"), 123400);
  ParsedAmount out;
  std::string why;
  ASSERT_TRUE(bbb::parse_amount("EUR 99", '.', 2, &out, &why)) << why;
  EXPECT_EQ(out.minor, 9900);
  EXPECT_TRUE(out.has_currency);
  EXPECT_EQ(out.currency.view(), "EUR");
  ASSERT_TRUE(bbb::parse_amount("1234.56", '.', 2, &out, &why));
  EXPECT_FALSE(out.has_currency);
}

TEST(ParseAmount, NegativesInParenthesesOrWithMinus) {
  EXPECT_EQ(minor("(123.45)"), -12345);
  EXPECT_EQ(minor("-5"), -500);
  EXPECT_EQ(minor("-0.05"), -5);
  EXPECT_EQ(minor("(1.234,50)", ','), -123450);
}

TEST(ParseAmount, PrecisionFollowsTheCurrency) {
  EXPECT_EQ(minor("1,234", '.', 0), 1234);     // JPY: no minor unit
  EXPECT_EQ(minor("1234.00", '.', 0), 1234);   // trailing zeros are fine
  EXPECT_TRUE(rejected("1234.5", '.', 0));     // half a yen cannot be booked
  EXPECT_EQ(minor("1.234", '.', 3), 1234);     // KWD: three decimals
  EXPECT_EQ(minor("1.2340", '.', 3), 1234);
  EXPECT_EQ(minor("1.5", '.', 3), 1500);
  EXPECT_TRUE(rejected("1.2345", '.', 3));
  EXPECT_TRUE(rejected("1.005", '.', 2));       // never rounded silently
  EXPECT_EQ(minor("1.500", '.', 2), 150);
  EXPECT_EQ(minor("1,50", ',', 2), 150);
  EXPECT_TRUE(rejected("1,505", ',', 2));
}

TEST(ParseAmount, LargestExactAmountAcceptedOneMoreRejected) {
  // 2^53 - 1 = 9007199254740991 minor units.
  EXPECT_EQ(minor("90071992547409.91"), bbb::kMaxMinor);
  EXPECT_EQ(minor("-90071992547409.91"), -bbb::kMaxMinor);
  EXPECT_TRUE(rejected("90071992547409.92"));
  EXPECT_TRUE(rejected("9007199254740992", '.', 0));
  EXPECT_TRUE(rejected("99999999999999999999999999.00"));
  // Within the fast path's 13 digits, where only 3 or 4 decimals can pass the bound.
  EXPECT_EQ(minor("900719925474.0991", '.', 4), bbb::kMaxMinor);
  EXPECT_TRUE(rejected("900719925474.0992", '.', 4));
  EXPECT_EQ(minor("9007199254740.991", '.', 3), bbb::kMaxMinor);
  EXPECT_TRUE(rejected("9007199254740.992", '.', 3));
  EXPECT_TRUE(rejected("9999999999999", '.', 4));
}

TEST(ParseAmount, GarbageIsRejected) {
  EXPECT_TRUE(rejected(""));
  EXPECT_TRUE(rejected("abc"));
  EXPECT_TRUE(rejected("12a"));
  EXPECT_TRUE(rejected("1.2.3"));
  EXPECT_TRUE(rejected("$"));
  EXPECT_TRUE(rejected("(5"));
}

// Two signs must not cancel out into a positive amount (spec 7: an amount
// that cannot be read is rejected). A typo must not flip a credit into a charge.
TEST(ParseAmount, DoubleSignIsRejected) {
  EXPECT_TRUE(rejected("--5"));
  EXPECT_TRUE(rejected("(-5)"));
}

TEST(ParseAmount, CommaGroupsMustBeThreeDigits) {
  EXPECT_TRUE(rejected("1,23.45"));
  EXPECT_TRUE(rejected("12,34,567.00"));
}

// Space-grouped digits are checked like comma groups: "1 2 3"
// must be rejected like "1,23.45": spec 1 lists "1 234,56", where a space
// groups thousands, three digits per group.
TEST(ParseAmount, SpaceGroupsMustBeThreeDigits) {
  EXPECT_TRUE(rejected("1 2 3"));
  EXPECT_TRUE(rejected("1 23,45", ','));
  EXPECT_EQ(minor("12 345 678,90", ','), 1234567890);
}

TEST(DecimalSniffer, DecidesByTheEvidenceOfTheColumn) {
  bbb::DecimalSniffer none;
  EXPECT_EQ(none.decided(), '.');
  EXPECT_FALSE(none.saw_evidence());

  bbb::DecimalSniffer points;
  points.observe("1,234.56");
  points.observe("12.50");
  EXPECT_TRUE(points.saw_evidence());
  EXPECT_EQ(points.decided(), '.');

  bbb::DecimalSniffer commas;
  commas.observe("1.234,56");
  commas.observe("99,5");
  commas.observe("1 234,56");
  EXPECT_TRUE(commas.saw_evidence());
  EXPECT_EQ(commas.decided(), ',');
}

TEST(DecimalSniffer, WholeNumbersAreNoEvidence) {
  bbb::DecimalSniffer s;
  s.observe("1000");
  s.observe("42");
  EXPECT_FALSE(s.saw_evidence());
  EXPECT_EQ(s.decided(), '.');
}

TEST(DecimalSniffer, CommaDecimalsOutvoteAFewPoints) {
  bbb::DecimalSniffer s;
  s.observe("10,50");
  s.observe("7,25");
  s.observe("3.5");
  EXPECT_EQ(s.decided(), ',');
}

// Digits and separators alone are read without the general reader: a
// number votes the same bare as with a symbol, a code or spaces around it.
TEST(DecimalSniffer, ABareNumberVotesAsTheSameNumberWritten) {
  for (const char* number : {"1,234", "1.234", "12.5", "12,5", "1.234.567", "1,234,567", "1.234,56", "1,234.56", ".5",
                             "5.", ",", ".", "1,2,3", "1000", "0,001", "12.345"}) {
    for (const std::string& written : {std::string("$") + number, std::string(" ") + number + " ",
                                       std::string(number) + " EUR"}) {
      bbb::DecimalSniffer bare, decorated;
      bare.observe(number);
      decorated.observe(written);
      EXPECT_EQ(bare.saw_evidence(), decorated.saw_evidence()) << number << " / " << written;
      EXPECT_EQ(bare.decided(), decorated.decided()) << number << " / " << written;
    }
  }
}

TEST(Currency, CodesAreThreeLettersAnyCase) {
  bbb::CurrencyCode c;
  ASSERT_TRUE(bbb::parse_currency_code("usd", &c));
  EXPECT_EQ(c.view(), "USD");
  ASSERT_TRUE(bbb::parse_currency_code("Eur", &c));
  EXPECT_EQ(c.view(), "EUR");
  EXPECT_FALSE(bbb::parse_currency_code("US", &c));
  EXPECT_FALSE(bbb::parse_currency_code("US1", &c));
  EXPECT_FALSE(bbb::parse_currency_code("USDX", &c));
  EXPECT_FALSE(bbb::parse_currency_code("", &c));
}

TEST(Currency, MinorDigitsPerIso4217) {
  auto digits = [](const char* code) {
    bbb::CurrencyCode c;
    EXPECT_TRUE(bbb::parse_currency_code(code, &c));
    return bbb::minor_digits(c);
  };
  EXPECT_EQ(digits("USD"), 2);
  EXPECT_EQ(digits("EUR"), 2);
  EXPECT_EQ(digits("GBP"), 2);
  EXPECT_EQ(digits("JPY"), 0);
  EXPECT_EQ(digits("KRW"), 0);
  EXPECT_EQ(digits("KWD"), 3);
  EXPECT_EQ(digits("BHD"), 3);
}

// Every one of the 17,576 three-letter codes: the two-letter prefilter of
// minor_digits must let through exactly the ISO 4217 exceptions (here
// written out again), and same-prefix codes (UYI 0, UYU 2, UYW 4) apart.
TEST(Currency, MinorDigitsOfEveryThreeLetterCode) {
  const std::map<std::string, int> exceptions = {
      {"BIF", 0}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"ISK", 0}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"PYG", 0},
      {"RWF", 0}, {"UGX", 0}, {"UYI", 0}, {"VND", 0}, {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0},
      {"BHD", 3}, {"IQD", 3}, {"JOD", 3}, {"KWD", 3}, {"LYD", 3}, {"OMR", 3}, {"TND", 3},
      {"CLF", 4}, {"UYW", 4}};
  int not_two = 0;
  for (char a = 'A'; a <= 'Z'; ++a)
    for (char b = 'A'; b <= 'Z'; ++b)
      for (char c = 'A'; c <= 'Z'; ++c) {
        const std::string code{a, b, c};
        bbb::CurrencyCode currency;
        ASSERT_TRUE(bbb::parse_currency_code(code, &currency));
        const auto it = exceptions.find(code);
        const int digits = bbb::minor_digits(currency);
        EXPECT_EQ(digits, it == exceptions.end() ? 2 : it->second) << code;
        not_two += digits != 2;
      }
  EXPECT_EQ(not_two, 26);
}

TEST(FormatMinor, GroupsThousandsAndPadsDecimals) {
  EXPECT_EQ(bbb::format_minor(123456, 2), "1,234.56");
  EXPECT_EQ(bbb::format_minor(-5, 2), "-0.05");
  EXPECT_EQ(bbb::format_minor(0, 2), "0.00");
  EXPECT_EQ(bbb::format_minor(100000000, 2), "1,000,000.00");
  EXPECT_EQ(bbb::format_minor(1234, 0), "1,234");
  EXPECT_EQ(bbb::format_minor(1234567, 3), "1,234.567");
  EXPECT_EQ(bbb::format_minor(-123456789, 2), "-1,234,567.89");
  EXPECT_EQ(bbb::format_minor(999, 2), "9.99");
}

}  // namespace
