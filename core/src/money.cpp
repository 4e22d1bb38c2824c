#include "bbb/money.h"

#include <algorithm>
#include <cstdlib>

namespace bbb {

bool parse_currency_code(std::string_view text, CurrencyCode* out) {
  if (text.size() != 3) return false;
  CurrencyCode c;
  for (int i = 0; i < 3; ++i) {
    char ch = text[i];
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') return false;
    c.code[i] = ch;
  }
  *out = c;
  return true;
}

int minor_digits(const CurrencyCode& currency) {
  // ISO 4217 currencies whose minor unit is not two digits.
  static constexpr std::string_view kZero[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
                                               "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
  static constexpr std::string_view kThree[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  static constexpr std::string_view kFour[] = {"CLF", "UYW"};
  const std::string_view c = currency.view();
  if (std::find(std::begin(kZero), std::end(kZero), c) != std::end(kZero)) return 0;
  if (std::find(std::begin(kThree), std::end(kThree), c) != std::end(kThree)) return 3;
  if (std::find(std::begin(kFour), std::end(kFour), c) != std::end(kFour)) return 4;
  return 2;
}

std::string format_minor(std::int64_t minor, int digits) {
  const bool negative = minor < 0;
  // |INT64_MIN| does not fit; amounts are bounded by kMaxMinor long before.
  std::string d = std::to_string(negative ? -minor : minor);
  if (static_cast<int>(d.size()) <= digits) d.insert(0, static_cast<std::size_t>(digits + 1) - d.size(), '0');
  std::string whole = d.substr(0, d.size() - static_cast<std::size_t>(digits));
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  if (digits > 0) out += '.' + d.substr(d.size() - static_cast<std::size_t>(digits));
  return negative ? "-" + out : out;
}

}  // namespace bbb
