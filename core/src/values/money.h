// Money is an integer count of a currency's minor units (cents), never a
// floating-point number. Amounts of different currencies are never added.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bbb {

// The largest magnitude the engine accepts, so that every amount (and every
// sum the report prints) stays exact as a JavaScript number.
constexpr std::int64_t kMaxMinor = (std::int64_t{1} << 53) - 1;

// A three-letter ISO 4217 code, upper case.
struct CurrencyCode {
  char code[4] = {0, 0, 0, 0};
  std::string_view view() const { return std::string_view(code, 3); }
  // The three letters as one number in their alphabetical order: compared
  // as integers, not through memcmp (maps keyed by currency are looked up
  // for every row).
  std::uint32_t key() const {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(code[0])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(code[1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(code[2]));
  }
  friend bool operator==(const CurrencyCode& a, const CurrencyCode& b) { return a.key() == b.key(); }
  friend bool operator<(const CurrencyCode& a, const CurrencyCode& b) { return a.key() < b.key(); }
};

// Accepts three ASCII letters in any case ("usd" -> "USD").
bool parse_currency_code(std::string_view text, CurrencyCode* out);
// A currency as exports name it (spec 11): "US Dollar", "Euro", "Pound
// Sterling" (case, spaces and punctuation ignored); false for any other text.
bool parse_currency_name(std::string_view text, CurrencyCode* out);

// Decimal places of a currency's minor unit per ISO 4217 (JPY 0, USD 2, KWD 3).
int minor_digits(const CurrencyCode& currency);

// Whether a code is an ISO 4217 currency: the current list, and the codes
// withdrawn since 2000 that old bookings still carry (HRK, LTL, VEF...).
// Not the precious metals, fund and test codes (XAU, XTS, XXX...).
bool is_iso4217(const CurrencyCode& currency);

// The currencies a file may use: ISO 4217 and the extra codes a user named
// (a private token, an internal unit; two decimal places each).
class KnownCurrencies {
 public:
  void add_extra(const CurrencyCode& code);
  bool contains(const CurrencyCode& code) const {
    if (is_iso4217(code)) return true;
    for (const CurrencyCode& e : extra_) if (e == code) return true;
    return false;
  }
  const std::vector<CurrencyCode>& extra() const { return extra_; }

 private:
  std::vector<CurrencyCode> extra_;
};

// 123456 with 2 digits -> "1,234.56"; -5 -> "-0.05". For people, not for parsing back.
std::string format_minor(std::int64_t minor, int digits);

}  // namespace bbb
