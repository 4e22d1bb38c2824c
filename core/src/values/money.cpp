#include "values/money.h"

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

bool parse_currency_name(std::string_view text, CurrencyCode* out) {
  // Its letters in lower case, in a fixed buffer: a name column is read on every row.
  char letters[24];
  std::size_t n = 0;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c < 'a' || c > 'z') continue;
    if (n == sizeof letters) return false;  // longer than any name
    letters[n++] = c;
  }
  const std::string_view folded(letters, n);
  struct Name { std::string_view name; const char* code; };
  static constexpr Name kNames[] = {
      {"usdollar", "USD"}, {"unitedstatesdollar", "USD"}, {"euro", "EUR"},
      {"britishpound", "GBP"}, {"poundsterling", "GBP"}, {"britishpoundsterling", "GBP"},
      {"japaneseyen", "JPY"}, {"yen", "JPY"}, {"swissfranc", "CHF"}, {"canadiandollar", "CAD"},
      {"australiandollar", "AUD"}, {"newzealanddollar", "NZD"}, {"singaporedollar", "SGD"},
      {"hongkongdollar", "HKD"}, {"indianrupee", "INR"}, {"chineseyuan", "CNY"}, {"yuanrenminbi", "CNY"},
      {"swedishkrona", "SEK"}, {"norwegiankrone", "NOK"}, {"danishkrone", "DKK"}, {"polishzloty", "PLN"},
      {"mexicanpeso", "MXN"}, {"brazilianreal", "BRL"}, {"southafricanrand", "ZAR"}, {"kuwaitidinar", "KWD"},
  };
  for (const Name& n : kNames)
    if (folded == n.name) return parse_currency_code(n.code, out);
  return false;
}

namespace {

// ISO 4217 currencies whose minor unit is not two digits, as three letters
// packed in an integer.
constexpr std::uint32_t pack(const char* c) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(c[0])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(c[1])) << 8 | static_cast<unsigned char>(c[2]);
}
constexpr std::uint32_t kZeroDigits[] = {pack("BIF"), pack("CLP"), pack("DJF"), pack("GNF"), pack("ISK"), pack("JPY"),
                                         pack("KMF"), pack("KRW"), pack("PYG"), pack("RWF"), pack("UGX"), pack("UYI"),
                                         pack("VND"), pack("VUV"), pack("XAF"), pack("XOF"), pack("XPF")};
constexpr std::uint32_t kThreeDigits[] = {pack("BHD"), pack("IQD"), pack("JOD"), pack("KWD"), pack("LYD"), pack("OMR"), pack("TND")};
constexpr std::uint32_t kFourDigits[] = {pack("CLF"), pack("UYW")};

// The first two letters of every code above, as one bit each of 26 x 26:
// USD, EUR and nearly every other code are told apart in one test, as
// minor_digits is asked for every row.
struct TwoLetterSet {
  std::uint64_t bits[11] = {};
  static constexpr int slot(std::uint32_t packed) {
    const int a = static_cast<int>(packed >> 16 & 0xFF) - 'A', b = static_cast<int>(packed >> 8 & 0xFF) - 'A';
    return a >= 0 && a < 26 && b >= 0 && b < 26 ? a * 26 + b : -1;
  }
  constexpr void add(std::uint32_t packed) { const int s = slot(packed); bits[s / 64] |= std::uint64_t{1} << (s % 64); }
  constexpr bool has(std::uint32_t packed) const {
    const int s = slot(packed);
    return s >= 0 && (bits[s / 64] >> (s % 64) & 1) != 0;
  }
};
constexpr TwoLetterSet kNotTwoDigits = [] {
  TwoLetterSet set;
  for (std::uint32_t c : kZeroDigits) set.add(c);
  for (std::uint32_t c : kThreeDigits) set.add(c);
  for (std::uint32_t c : kFourDigits) set.add(c);
  return set;
}();

}  // namespace

namespace {

// ISO 4217: the current codes (2025), and those withdrawn since 2000.
constexpr const char kIsoCodes[] =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD "
    "CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP "
    "GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW "
    "KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN "
    "NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL "
    "SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES "
    "VND VUV WST XAF XCD XCG XDR XOF XPF XSU XUA YER ZAR ZMW ZWG ZWL "
    // withdrawn since 2000
    "ADP AFA ATS AZM BEF BGL BYR CSD CYP DEM EEK ESP FIM FRF GHC GRD GWP HRK IEP ITL LTL LUF LVL MGF MRO MTL "
    "MZM NLG PTE ROL SDD SIT SKK SRG STD TMM TPE TRL VEB VEF XEU YUM ZMK ZWD ZWN ZWR";

// One bit per three-letter code: a row's currency is checked in one test.
struct CodeSet {
  std::uint64_t bits[26 * 26 * 26 / 64 + 1] = {};
  static constexpr int slot(std::uint32_t packed) {
    return (static_cast<int>(packed >> 16 & 0xFF) - 'A') * 676 + (static_cast<int>(packed >> 8 & 0xFF) - 'A') * 26 +
           (static_cast<int>(packed & 0xFF) - 'A');
  }
};
constexpr CodeSet kIso = [] {
  CodeSet set;
  for (std::size_t i = 0; i + 2 < sizeof kIsoCodes; i += 4) {
    const int s = CodeSet::slot(pack(kIsoCodes + i));
    set.bits[s / 64] |= std::uint64_t{1} << (s % 64);
  }
  return set;
}();

}  // namespace

bool is_iso4217(const CurrencyCode& currency) {
  const std::uint32_t k = currency.key();
  for (int shift = 0; shift <= 16; shift += 8) {
    const int letter = static_cast<int>(k >> shift & 0xFF);
    if (letter < 'A' || letter > 'Z') return false;
  }
  const int s = CodeSet::slot(k);
  return (kIso.bits[s / 64] >> (s % 64) & 1) != 0;
}

void KnownCurrencies::add_extra(const CurrencyCode& code) {
  for (const CurrencyCode& e : extra_) if (e == code) return;
  extra_.push_back(code);
}

int minor_digits(const CurrencyCode& currency) {
  const std::uint32_t c = currency.key();
  if (!kNotTwoDigits.has(c)) return 2;
  for (std::uint32_t z : kZeroDigits) if (z == c) return 0;
  for (std::uint32_t t : kThreeDigits) if (t == c) return 3;
  for (std::uint32_t f : kFourDigits) if (f == c) return 4;
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
