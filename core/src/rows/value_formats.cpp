#include "rows/value_formats.h"

#include <algorithm>
#include <cstring>

#include "fast/cold_path.h"

namespace bbb {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads 1..max_len digits at *pos.
bool read_number(std::string_view s, std::size_t* pos, int max_len, int* value) {
  int v = 0, n = 0;
  while (*pos < s.size() && is_digit(s[*pos]) && n < max_len) { v = v * 10 + (s[*pos] - '0'); ++*pos; ++n; }
  if (n == 0 || (*pos < s.size() && is_digit(s[*pos]))) return false;
  *value = v;
  return true;
}

// Splits a date into three numbers and the separator between them; the
// first number may have 4 digits (year first) or the last (year last).
struct DateParts { int a = 0, b = 0, c = 0; int a_len = 0, c_len = 0; char sep = 0; bool bad_time = false; };

// A time of day after a date, as exports write it: H:MM, H:MM:SS(.fff),
// then maybe AM/PM and a zone (Z, UTC, PST, +02:00). Only checked: the date
// is the calendar date as written, never converted between zones.
bool valid_time(std::string_view t) {
  std::size_t i = 0;
  const auto number = [&](std::size_t min_digits, std::size_t max_digits, int* out) {
    std::size_t n = 0;
    *out = 0;
    while (i < t.size() && n < max_digits && is_digit(t[i])) { *out = *out * 10 + (t[i++] - '0'); ++n; }
    return n >= min_digits;
  };
  int h = 0, m = 0, sec = 0;
  if (!number(1, 2, &h) || i >= t.size() || t[i++] != ':' || !number(2, 2, &m) || m > 59) return false;
  if (i < t.size() && t[i] == ':') {
    ++i;
    if (!number(2, 2, &sec) || sec > 60) return false;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
      ++i;
      int fraction = 0;
      if (!number(1, 9, &fraction)) return false;
    }
  }
  while (i < t.size() && t[i] == ' ') ++i;
  bool half_day = false;
  if (i + 1 < t.size() && (t[i + 1] == 'M' || t[i + 1] == 'm') &&
      (t[i] == 'A' || t[i] == 'a' || t[i] == 'P' || t[i] == 'p')) {
    half_day = true;
    i += 2;
    while (i < t.size() && t[i] == ' ') ++i;
  }
  if (half_day ? h < 1 || h > 12 : h > 23) return false;
  if (i == t.size()) return true;
  if (t[i] == '+' || t[i] == '-') {  // +02:00, +0200, -05
    ++i;
    int zh = 0, zm = 0;
    if (!number(2, 2, &zh) || zh > 14) return false;
    if (i < t.size() && t[i] == ':') ++i;
    if (i < t.size() && !number(2, 2, &zm)) return false;
    return i == t.size() && zm <= 59;
  }
  std::size_t letters = 0;  // Z, UTC, GMT, PST, CEST
  while (i < t.size() && ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z'))) { ++i; ++letters; }
  return i == t.size() && letters >= 1 && letters <= 5;
}

bool split_date(std::string_view s, DateParts* p) {
  std::size_t pos = 0, start = 0;
  if (!read_number(s, &pos, 4, &p->a)) return false;
  p->a_len = static_cast<int>(pos - start);
  if (pos >= s.size()) return false;
  p->sep = s[pos];
  if (p->sep != '-' && p->sep != '/' && p->sep != '.') return false;
  ++pos;
  if (!read_number(s, &pos, 2, &p->b)) return false;
  if (pos >= s.size() || s[pos] != p->sep) return false;
  ++pos;
  start = pos;
  if (!read_number(s, &pos, 4, &p->c)) return false;
  p->c_len = static_cast<int>(pos - start);
  if (pos == s.size()) return true;
  // A time of day may follow.
  if ((s[pos] != ' ' && s[pos] != 'T') || pos + 1 >= s.size() || !is_digit(s[pos + 1])) return false;
  p->bad_time = !valid_time(s.substr(pos + 1));
  return !p->bad_time;
}

}  // namespace

bool parse_date_order(std::string_view name, DateOrder* out) {
  if (name == "auto" || name.empty()) *out = DateOrder::kAuto;
  else if (name == "ymd") *out = DateOrder::kYmd;
  else if (name == "mdy") *out = DateOrder::kMdy;
  else if (name == "dmy") *out = DateOrder::kDmy;
  else return false;
  return true;
}

const char* date_order_name(DateOrder order) {
  switch (order) {
    case DateOrder::kAuto: return "auto";
    case DateOrder::kYmd: return "ymd";
    case DateOrder::kMdy: return "mdy";
    case DateOrder::kDmy: return "dmy";
  }
  return "auto";
}

bool parse_date(std::string_view text, DateOrder order, Date* out, std::string* why) {
  const std::string_view s = trim(text);
  // Fast path: exactly YYYY-MM-DD and a real day (what split_date and the
  // checks below would read the same way); anything else takes the full path.
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    int v[8];
    bool digits = true;
    for (int i = 0, k = 0; i < 10; ++i) {
      if (i == 4 || i == 7) continue;
      const int d = s[static_cast<std::size_t>(i)] - '0';
      digits &= d >= 0 && d <= 9;
      v[k++] = d;
    }
    if (digits && Date::from_ymd(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5], v[6] * 10 + v[7], out))
      return true;
  }
  DateParts p;
  if (!split_date(s, &p)) {
    *why = p.bad_time ? "not a date: the time of day after it is no time (H:MM, H:MM:SS, AM/PM, a zone)"
                      : "not a date: expected YYYY-MM-DD (or DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY)";
    return false;
  }
  int y, m, d;
  if (p.a_len == 4) {
    if (p.sep == '.') { *why = "not a date: YYYY.MM.DD is not a supported form"; return false; }
    y = p.a; m = p.b; d = p.c;
    if (p.c_len > 2) { *why = "not a date: the day has more than two digits"; return false; }
  } else if (p.c_len == 4 && p.a_len <= 2) {
    y = p.c;
    const bool day_first = p.sep == '.' || order == DateOrder::kDmy;
    d = day_first ? p.a : p.b;
    m = day_first ? p.b : p.a;
  } else {
    *why = "not a date: the year must have four digits";
    return false;
  }
  if (y < kMinYear || y > kMaxYear) {
    *why = "year " + std::to_string(y) + " is outside " + std::to_string(kMinYear) + "-" + std::to_string(kMaxYear) +
           ": a typing mistake?";
    return false;
  }
  if (!Date::from_ymd(y, m, d, out)) {
    *why = "no such day: year " + std::to_string(y) + ", month " + std::to_string(m) + ", day " + std::to_string(d);
    if (p.a_len != 4 && p.sep != '.' && (p.a > 12 || p.b > 12))
      *why += " (is the day/month order of this column right?)";
    return false;
  }
  return true;
}

void DateOrderSniffer::observe(std::string_view text) {
  DateParts p;
  if (!split_date(trim(text), &p) || p.c_len != 4 || p.a_len > 2 || p.sep == '.') return;
  if (p.a > 12 && p.a <= 31) day_first_ = true;
  if (p.b > 12 && p.b <= 31) month_first_ = true;
}

DateOrder DateOrderSniffer::decided() const {
  if (day_first_ && !month_first_) return DateOrder::kDmy;
  if (month_first_ && !day_first_) return DateOrder::kMdy;
  return DateOrder::kAuto;
}

namespace {

// Length of the whitespace (space, tab, NBSP, narrow NBSP, thin space) at i, or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0xAF || static_cast<unsigned char>(s[i + 2]) == 0x89))
    return 3;
  return 0;
}

// Drops whitespace, except that a space between two digits ("1 234,56")
// groups thousands: it becomes an apostrophe, which the reader checks like
// any other grouping separator (groups of three).
std::string without_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = space_at(s, i)) {
      std::size_t next = i + n;
      while (next < s.size() && space_at(s, next)) next += space_at(s, next);
      if (!out.empty() && is_digit(out.back()) && next < s.size() && is_digit(s[next])) out += '\'';
      i = next;
      continue;
    }
    out += s[i++];
  }
  return out;
}

// The symbols an amount may carry, longest first (US$ before $).
struct SymbolWord {
  std::string_view text;
  AmountSymbol kind;
  const char* code;  // kNamed: the currency
};
constexpr SymbolWord kSymbolWords[] = {
    {"US$", AmountSymbol::kNamed, "USD"},          {"NZ$", AmountSymbol::kNamed, "NZD"},
    {"HK$", AmountSymbol::kNamed, "HKD"},          {"MX$", AmountSymbol::kNamed, "MXN"},
    {"CA$", AmountSymbol::kNamed, "CAD"},          {"AU$", AmountSymbol::kNamed, "AUD"},
    {"A$", AmountSymbol::kNamed, "AUD"},           {"C$", AmountSymbol::kNamed, "CAD"},
    {"S$", AmountSymbol::kNamed, "SGD"},           {"R$", AmountSymbol::kNamed, "BRL"},
    {"\xE2\x82\xAC", AmountSymbol::kNamed, "EUR"}, {"\xC2\xA3", AmountSymbol::kNamed, "GBP"},
    {"\xE2\x82\xB9", AmountSymbol::kNamed, "INR"}, {"\xE2\x82\xA9", AmountSymbol::kNamed, "KRW"},
    {"\xE2\x82\xBD", AmountSymbol::kNamed, "RUB"}, {"\xE2\x82\xBA", AmountSymbol::kNamed, "TRY"},
    {"\xE2\x82\xAA", AmountSymbol::kNamed, "ILS"}, {"\xE2\x82\xAB", AmountSymbol::kNamed, "VND"},
    {"\xE2\x82\xB1", AmountSymbol::kNamed, "PHP"}, {"\xE2\x82\xA6", AmountSymbol::kNamed, "NGN"},
    {"$", AmountSymbol::kDollar, nullptr},         {"\xC2\xA5", AmountSymbol::kYen, nullptr},
    {"\xEF\xBF\xA5", AmountSymbol::kYen, nullptr},  // fullwidth yen
};

// Removes a leading or trailing currency symbol, saying which it was.
const SymbolWord* strip_symbol(std::string* s) {
  for (const SymbolWord& sym : kSymbolWords) {
    const std::size_t n = sym.text.size();
    if (s->size() > n && s->compare(0, n, sym.text) == 0) { s->erase(0, n); return &sym; }
    if (s->size() > n && s->compare(s->size() - n, n, sym.text) == 0) { s->erase(s->size() - n); return &sym; }
  }
  return nullptr;
}

// Removes a leading sign or a trailing minus, counting the signs seen.
void strip_sign(std::string* s, bool* negative, int* signs) {
  if (s->empty()) return;
  if (s->front() == '-' || s->front() == '+') { *negative = s->front() == '-'; s->erase(0, 1); ++*signs; }
  else if (s->back() == '-') { *negative = true; s->pop_back(); ++*signs; }
}

// The digits, grouping and decimal separators of an amount, other text gone.
struct AmountText {
  std::string number;
  bool negative = false;
  bool has_code = false;  // a code or a symbol that names one
  CurrencyCode code;
  AmountSymbol symbol = AmountSymbol::kNone;
  std::string error;
};

AmountText clean_amount(std::string_view text) {
  AmountText a;
  std::string s = without_spaces(text);
  int signs = 0;  // "(5)", "-5", "5-" are negative; "--5" or "(-5)" is no amount
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') { a.negative = true; s = s.substr(1, s.size() - 2); ++signs; }
  strip_sign(&s, &a.negative, &signs);
  // A symbol written before a code's place (US$5, R$ 5): its letters are no code.
  const SymbolWord* symbol = strip_symbol(&s);
  if (symbol != nullptr) strip_sign(&s, &a.negative, &signs);
  // A currency code before or after the number.
  std::size_t lead = 0;
  while (lead < s.size() && is_alpha(s[lead])) ++lead;
  std::size_t trail = 0;
  while (trail < s.size() - lead && is_alpha(s[s.size() - 1 - trail])) ++trail;
  if (lead > 0 || trail > 0) {
    const std::string_view code = lead > 0 ? std::string_view(s).substr(0, lead)
                                           : std::string_view(s).substr(s.size() - trail);
    if ((lead > 0 && trail > 0) || !parse_currency_code(code, &a.code)) {
      a.error = "not an amount: unexpected text '" + std::string(code) + "'";
      return a;
    }
    a.has_code = true;
    s = lead > 0 ? s.substr(lead) : s.substr(0, s.size() - trail);
  }
  strip_sign(&s, &a.negative, &signs);
  if (symbol == nullptr) {
    symbol = strip_symbol(&s);
    strip_sign(&s, &a.negative, &signs);
  }
  if (signs > 1) { a.error = "not an amount: more than one sign"; return a; }
  if (symbol != nullptr) {
    a.symbol = symbol->kind;
    CurrencyCode named;
    if (symbol->code != nullptr) parse_currency_code(symbol->code, &named);
    // A code and a symbol must agree (€5 EUR); $ and ¥ take the code's word.
    if (a.has_code && (symbol->code != nullptr ? !(named == a.code) : !writes_symbol(a.code, symbol->kind))) {
      a.error = "not an amount: the symbol " + std::string(symbol->text) + " and the code " + std::string(a.code.view()) + " disagree";
      return a;
    }
    if (!a.has_code && symbol->code != nullptr) {
      a.has_code = true;
      a.code = named;
    }
  }
  a.number = s;
  return a;
}

// Every amount that is not plain digits and a decimal part: out of line, so
// that the per-row parse_amount stays small for V8 to optimise (cold_path.h).
BBB_COLD bool parse_amount_in_full(std::string_view text, char decimal, int digits, ParsedAmount* out, std::string* why);

}  // namespace

bool parse_amount(std::string_view text, char decimal, int digits, ParsedAmount* out, std::string* why) {
  // Fast path: 1 to 13 digits, then optionally the decimal separator and at
  // most `digits` digits (1234, 1234.5, 350100.00): read here exactly as the
  // full path below reads it; any other text takes the full path.
  if (!text.empty() && text.size() <= 13 + 1 + 4 && is_digit(text[0]) && digits >= 0 && digits <= 4) {
    std::int64_t units = 0;
    std::size_t i = 0;
    while (i < text.size() && is_digit(text[i])) units = units * 10 + (text[i++] - '0');
    if (i <= 13) {
      std::int64_t fraction = 0;
      int frac_digits = 0;
      bool plain = true;
      if (i < text.size()) {
        plain = text[i] == decimal && text.size() - i - 1 <= static_cast<std::size_t>(digits);
        for (std::size_t j = i + 1; plain && j < text.size(); ++j) {
          plain = is_digit(text[j]);
          fraction = fraction * 10 + (text[j] - '0');
          ++frac_digits;
        }
      }
      if (plain) {
        // Powers of ten from a table: no loop a row (digits is 0 to 4 here,
        // frac_digits at most digits).
        static constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000};
        const std::int64_t scale = kPow10[digits];
        fraction *= kPow10[digits - frac_digits];
        // units <= (kMaxMinor - fraction) / scale without the division: 13
        // digits times 10^4 cannot overflow.
        const bool fits = units * scale <= kMaxMinor - fraction;
        if (fits) {
          out->minor = units * scale + fraction;
          out->has_currency = false;
          out->currency = CurrencyCode();
          out->symbol = AmountSymbol::kNone;
          return true;
        }
      }
    }
  }
  return parse_amount_in_full(text, decimal, digits, out, why);
}

bool writes_symbol(const CurrencyCode& currency, AmountSymbol symbol) {
  static constexpr const char* kDollars[] = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "ARS", "CLP", "COP",
                                             "CUP", "DOP", "UYU", "BSD", "BBD", "BZD", "BMD", "BND", "KYD", "FJD", "GYD",
                                             "JMD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD", "ZWL", "BRL"};
  static constexpr const char* kYens[] = {"JPY", "CNY"};
  const auto in = [&](const auto& list) {
    for (const char* c : list)
      if (currency.view() == c) return true;
    return false;
  };
  if (symbol == AmountSymbol::kDollar) return in(kDollars);
  if (symbol == AmountSymbol::kYen) return in(kYens);
  return false;
}

bool currency_in_amount(std::string_view text, ParsedAmount* out) {
  const AmountText a = clean_amount(text);
  if (!a.error.empty() || (!a.has_code && a.symbol == AmountSymbol::kNone)) return false;
  out->has_currency = a.has_code;
  out->currency = a.code;
  out->symbol = a.symbol;
  return true;
}

namespace {

bool parse_amount_in_full(std::string_view text, char decimal, int digits, ParsedAmount* out, std::string* why) {
  AmountText a = clean_amount(text);
  if (!a.error.empty()) { *why = a.error; return false; }
  const std::string& s = a.number;
  if (s.empty()) { *why = "not an amount: no digits"; return false; }
  const char group = decimal == ',' ? '.' : ',';
  const std::size_t dec_pos = s.find(decimal);
  if (dec_pos != std::string::npos && s.find(decimal, dec_pos + 1) != std::string::npos) {
    *why = std::string("not an amount: more than one decimal separator '") + decimal + "'";
    return false;
  }
  const std::string_view whole = std::string_view(s).substr(0, dec_pos);
  const std::string_view frac = dec_pos == std::string::npos ? std::string_view() : std::string_view(s).substr(dec_pos + 1);
  // Whole part: digits, optionally grouped in threes by `group` or an apostrophe.
  std::int64_t units = 0;
  int group_len = -1, run = 0;
  bool any_digit = false;
  for (char c : whole) {
    if (is_digit(c)) {
      any_digit = true;
      ++run;
      if (units > kMaxMinor) { *why = "amount too large"; return false; }
      units = units * 10 + (c - '0');
    } else if (c == group || c == '\'') {
      if (run == 0 || (group_len >= 0 && run != 3) || (group_len < 0 && run > 3)) {
        *why = std::string("not an amount: misplaced '") + c + "' (is the decimal separator '" + decimal + "'?)";
        return false;
      }
      group_len = run;
      run = 0;
    } else {
      *why = std::string("not an amount: unexpected character '") + c + "'";
      return false;
    }
  }
  if (group_len >= 0 && run != 3) {
    *why = std::string("not an amount: digits grouped wrongly (is the decimal separator '") + decimal + "'?)";
    return false;
  }
  std::int64_t fraction = 0;
  int frac_digits = 0;
  for (char c : frac) {
    if (!is_digit(c)) { *why = std::string("not an amount: unexpected character '") + c + "'"; return false; }
    any_digit = true;
    if (frac_digits < digits) { fraction = fraction * 10 + (c - '0'); ++frac_digits; }
    else if (c != '0') {
      *why = "amount has more decimal places than its currency's " + std::to_string(digits) +
             ": money is never rounded";
      return false;
    }
  }
  if (!any_digit) { *why = "not an amount: no digits"; return false; }
  while (frac_digits < digits) { fraction *= 10; ++frac_digits; }
  std::int64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  if (units > (kMaxMinor - fraction) / scale) { *why = "amount too large to be exact (over 2^53 minor units)"; return false; }
  out->minor = (units * scale + fraction) * (a.negative ? -1 : 1);
  out->has_currency = a.has_code;
  out->currency = a.code;
  out->symbol = a.symbol;
  return true;
}

}  // namespace

void DecimalSniffer::observe(std::string_view text) {
  // Digits and separators only (350100.00, 1.234,56): clean_amount would
  // give the text back as it is. Every sample row of most files, without
  // the general reader (which V8 would otherwise find hot and optimise).
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return is_digit(c) || c == '.' || c == ','; });
  if (plain) {
    observe_number(text);
    return;
  }
  const AmountText a = clean_amount(text);
  if (!a.error.empty()) return;
  observe_number(a.number);
}

void DecimalSniffer::observe_number(std::string_view s) {
  const std::size_t dot = s.rfind('.'), comma = s.rfind(',');
  if (dot != std::string::npos && comma != std::string::npos) {
    (dot > comma ? point_ : comma_)++;
    return;
  }
  const std::size_t at = dot != std::string::npos ? dot : comma;
  if (at == std::string::npos) return;
  const char c = s[at];
  const bool single = s.find(c) == at;
  const bool three_after = s.size() - at - 1 == 3;
  if (single && !three_after) (c == '.' ? point_ : comma_)++;      // 12.5 / 12,50: a decimal separator
  else if (!single) (c == '.' ? comma_ : point_)++;                  // 1.234.567: grouping, so the other decimal
}

}  // namespace bbb
