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
  // ISO 4217 currencies whose minor unit is not two digits, as three letters
  // packed in an integer: one compare each, read for every row.
  constexpr auto pack = [](const char* c) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(c[0])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(c[1])) << 8 | static_cast<unsigned char>(c[2]);
  };
  static constexpr std::uint32_t kZero[] = {pack("BIF"), pack("CLP"), pack("DJF"), pack("GNF"), pack("ISK"), pack("JPY"),
                                            pack("KMF"), pack("KRW"), pack("PYG"), pack("RWF"), pack("UGX"), pack("UYI"),
                                            pack("VND"), pack("VUV"), pack("XAF"), pack("XOF"), pack("XPF")};
  static constexpr std::uint32_t kThree[] = {pack("BHD"), pack("IQD"), pack("JOD"), pack("KWD"), pack("LYD"), pack("OMR"), pack("TND")};
  static constexpr std::uint32_t kFour[] = {pack("CLF"), pack("UYW")};
  const std::uint32_t c = pack(currency.code);
  for (std::uint32_t z : kZero) if (z == c) return 0;
  for (std::uint32_t t : kThree) if (t == c) return 3;
  for (std::uint32_t f : kFour) if (f == c) return 4;
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
