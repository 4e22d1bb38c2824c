#include "workbook/number_text.h"

#include <utility>

namespace bbb {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Past this a decimal exponent is no number a double could hold (1E-324 .. 1.8E308).
constexpr long kMaxExponent = 400;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// Whether s is already as clean_number_text writes it: a whole number of up
// to 15 digits without a leading zero, "0", or such a number but 0 negated.
bool is_plain_integer(std::string_view s) {
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty() || s.size() > static_cast<std::size_t>(kExcelSignificantDigits)) return false;
  if (s[0] == '0' && (negative || s.size() > 1)) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

}  // namespace

bool clean_number_text(std::string_view stored, std::string* out) {
  std::string_view s = trimmed(stored);
  if (is_plain_integer(s)) {  // the common case, without building the digits
    out->assign(s.data(), s.size());
    return true;
  }
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  // The value is digits x 10^exponent.
  std::string digits;
  long exponent = 0;
  std::size_t at = 0;
  bool any_digit = false;
  for (; at < s.size() && is_digit(s[at]); ++at) {
    any_digit = true;
    if (!digits.empty() || s[at] != '0') digits += s[at];
  }
  if (at < s.size() && s[at] == '.') {
    for (++at; at < s.size() && is_digit(s[at]); ++at) {
      any_digit = true;
      if (!digits.empty() || s[at] != '0') digits += s[at];
      --exponent;
    }
  }
  if (!any_digit) return false;
  if (at < s.size() && (s[at] == 'e' || s[at] == 'E')) {
    ++at;
    bool exponent_negative = false;
    if (at < s.size() && (s[at] == '-' || s[at] == '+')) exponent_negative = s[at++] == '-';
    if (at == s.size()) return false;
    long written = 0;
    for (; at < s.size() && is_digit(s[at]); ++at) {
      written = written * 10 + (s[at] - '0');
      if (written > kMaxExponent * 10) return false;
    }
    exponent += exponent_negative ? -written : written;
  }
  if (at != s.size()) return false;
  if (digits.empty()) {
    *out = "0";
    return true;
  }
  if (digits.size() > static_cast<std::size_t>(kExcelSignificantDigits)) {
    const bool round_up = digits[kExcelSignificantDigits] >= '5';
    exponent += static_cast<long>(digits.size()) - kExcelSignificantDigits;
    digits.resize(kExcelSignificantDigits);
    if (round_up) {
      std::size_t i = digits.size();
      while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
      if (i == 0) digits.insert(digits.begin(), '1');
      else ++digits[i - 1];
    }
  }
  while (digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  const long magnitude = static_cast<long>(digits.size()) + exponent;  // digits before the point
  if (magnitude > kMaxExponent || magnitude < -kMaxExponent) return false;
  std::string text = negative ? "-" : "";
  if (exponent >= 0) {
    text += digits;
    text.append(static_cast<std::size_t>(exponent), '0');
  } else if (magnitude > 0) {
    text.append(digits, 0, static_cast<std::size_t>(magnitude));
    text += '.';
    text.append(digits, static_cast<std::size_t>(magnitude), std::string::npos);
  } else {
    text += "0.";
    text.append(static_cast<std::size_t>(-magnitude), '0');
    text += digits;
  }
  *out = std::move(text);
  return true;
}

}  // namespace bbb
