// A streaming JSON writer for the report: text appended as the report is
// walked, no tree of values in between (the tree cost more than the rest of
// the report). Its output is exactly nlohmann::json's compact dump: keys in
// the order written, integers as integers, and text and doubles through
// nlohmann's own serializer, so escaping (invalid UTF-8 replaced, never
// thrown) and number formatting are the library's; ratios alone are written
// by hand, as exact decimals (see ten_thousandths). Private to report_json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace bbb {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out) {}

  JsonWriter& object() { return open('{'); }
  JsonWriter& array() { return open('['); }
  JsonWriter& end() {
    out_ += open_.back();
    open_.pop_back();
    first_.pop_back();
    return *this;
  }

  // A key the code names: plain ASCII, written as is.
  JsonWriter& key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    after_key_ = true;
    return *this;
  }
  // A key from the data (a type, a segment value): escaped as text.
  JsonWriter& text_key(std::string_view name) {
    text(name);
    out_ += ':';
    after_key_ = true;
    return *this;
  }

  JsonWriter& value(std::int64_t v) {
    separate();
    append_integer(v);
    return *this;
  }
  JsonWriter& value(int v) { return value(static_cast<std::int64_t>(v)); }
  JsonWriter& value(std::size_t v) { return value(static_cast<std::int64_t>(v)); }
  JsonWriter& boolean(bool v) {
    separate();
    out_ += v ? "true" : "false";
    return *this;
  }
  JsonWriter& null() {
    separate();
    out_ += "null";
    return *this;
  }
  JsonWriter& text(std::string_view v) {
    separate();
    if (plain(v)) {
      out_ += '"';
      out_ += v;
      out_ += '"';
    } else {
      out_ += nlohmann::json(std::string(v)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return *this;
  }
  JsonWriter& number(double v) {
    separate();
    out_ += nlohmann::json(v).dump();
    return *this;
  }
  // n / 10000 (a ratio of the report, kept in ten-thousandths) as its exact
  // decimal: "1.2345", "0.25", "3.0". It reads back as the same double that
  // nlohmann writes for n / 10000.0, and is never longer: nlohmann's Grisu2
  // is not always shortest (97541.2428 comes out as 97541.24280000001).
  // It also costs ~50 instructions instead of ~3,000. Beyond 10^15, where
  // nlohmann may choose an exponent, the library writes it.
  JsonWriter& ten_thousandths(std::int64_t n) {
    constexpr std::int64_t kLimit = 1000000000000000;
    if (n <= -kLimit || n >= kLimit) return number(static_cast<double>(n) / 10000.0);
    separate();
    if (n < 0) out_ += '-';
    const std::uint64_t u = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    append_integer(static_cast<std::int64_t>(u / 10000));
    std::uint64_t fraction = u % 10000;
    char digits[5] = {'.', '0', '0', '0', '0'};
    int length = 2;  // ".0" at least, as nlohmann writes a whole double
    for (int i = 4; i >= 1; --i, fraction /= 10) {
      digits[i] = static_cast<char>('0' + fraction % 10);
      if (digits[i] != '0' && length == 2) length = i + 1;
    }
    out_.append(digits, static_cast<std::size_t>(length));
    return *this;
  }

  // key(name) then the value: the common case.
  JsonWriter& field(std::string_view name, std::int64_t v) { return key(name).value(v); }
  JsonWriter& field_text(std::string_view name, std::string_view v) { return key(name).text(v); }

 private:
  JsonWriter& open(char c) {
    separate();
    out_ += c;
    open_.push_back(c == '{' ? '}' : ']');
    first_.push_back(true);
    return *this;
  }
  // The comma before a value or key, unless it follows a key or opens its container.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  // Text that needs no escaping: printable ASCII but the quote and the backslash.
  static bool plain(std::string_view v) {
    for (unsigned char c : v)
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') return false;
    return true;
  }
  void append_integer(std::int64_t v) {
    char buf[24];
    char* p = buf + sizeof buf;
    std::uint64_t u = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    do {
      *--p = static_cast<char>('0' + u % 10);
      u /= 10;
    } while (u != 0);
    if (v < 0) *--p = '-';
    out_.append(p, static_cast<std::size_t>(buf + sizeof buf - p));
  }

  std::string& out_;
  std::vector<char> open_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace bbb
