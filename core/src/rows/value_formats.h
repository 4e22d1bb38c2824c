// Reading the amounts and dates that real exports write, with the format of
// each column detected from a sample of its values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "fast/cold_path.h"
#include "values/date.h"
#include "values/money.h"

namespace bbb {

// The text without the spaces and tabs around it (cells are compared and
// read trimmed).
// Inline: it runs on every field of every row.
inline std::string_view trim(std::string_view s) {
  // Nearly every cell has nothing to trim: one test of its two ends says so
  // (blanks are at or below ' ', as are only control bytes besides).
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  const auto low = [](char c) { return static_cast<unsigned char>(c) <= ' '; };
  if (s.empty() || !(low(s.front()) || low(s.back()))) return s;
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// Order of day, month and year in dates like 03/04/2024.
enum class DateOrder { kAuto, kYmd, kMdy, kDmy };
bool parse_date_order(std::string_view name, DateOrder* out);
const char* date_order_name(DateOrder order);

// Reads YYYY-MM-DD, YYYY/MM/DD, DD.MM.YYYY and, by `order`, MM/DD/YYYY or
// DD/MM/YYYY (also with '-', and one-digit days and months). A time of day
// after the date ("2024-01-31 00:00:00", "2024-01-31T09:30") is ignored.
// On failure *why says what is wrong, for a person.
bool parse_date(std::string_view text, DateOrder order, Date* out, std::string* why);

// Collects evidence about a date column's day/month order.
class DateOrderSniffer {
 public:
  BBB_OUT_OF_LINE void observe(std::string_view text);
  // kMdy or kDmy when the values decide it, else kAuto (a tie the column cannot break).
  DateOrder decided() const;
  bool conflicting() const { return day_first_ && month_first_; }

 private:
  bool day_first_ = false;    // saw 13..31 in the first place
  bool month_first_ = false;  // saw 13..31 in the second place
};

// A currency symbol written in an amount: one that names its currency
// (EUR for €, GBP for £, INR for ₹, USD for US$...), or $ and ¥, which
// several currencies write.
enum class AmountSymbol : std::uint8_t { kNone, kNamed, kDollar, kYen };

struct ParsedAmount {
  std::int64_t minor = 0;
  bool has_currency = false;  // the text named a currency ("EUR 99", "€99")
  CurrencyCode currency;
  AmountSymbol symbol = AmountSymbol::kNone;  // kDollar, kYen: which one the row says
};

// Whether a currency is written with the symbol ($: USD, CAD, AUD, MXN...; ¥: JPY, CNY).
bool writes_symbol(const CurrencyCode& currency, AmountSymbol symbol);

// Reads 1234.56, 1,234.56, 1.234,56, 1 234,56, $1,234, EUR 99, -5, (123.45)
// with `decimal` ('.' or ',') as the decimal separator and `digits` decimal
// places in the currency. Digits past the currency's precision must be zeros:
// money is never rounded silently.
bool parse_amount(std::string_view text, char decimal, int digits, ParsedAmount* out, std::string* why);

// The currency an amount's text names ("126314.309 KWD", "€5") or its
// ambiguous symbol ($, ¥), whether or not the rest of it reads as an amount:
// the currency's digits decide the amount's precision. False when neither.
bool currency_in_amount(std::string_view text, ParsedAmount* out);

// Collects evidence about an amount column's decimal separator.
class DecimalSniffer {
 public:
  BBB_OUT_OF_LINE void observe(std::string_view text);
  char decided() const { return comma_ > point_ ? ',' : '.'; }  // '.' unless commas win
  bool saw_evidence() const { return comma_ + point_ > 0; }

 private:
  void observe_number(std::string_view digits_and_separators);
  int comma_ = 0;
  int point_ = 0;
};

}  // namespace bbb
