#include "report/json_writer.h"

#include <algorithm>
#include <cstring>

namespace bbb {
namespace {

// "-9223372036854775808" is 20 characters.
constexpr std::size_t kIntegerRoom = 20;

char* copy(char* p, std::string_view v) {
  std::memcpy(p, v.data(), v.size());
  return p + v.size();
}

// Text that needs no escaping: printable ASCII but the quote and the backslash.
bool plain(std::string_view v) {
  for (unsigned char c : v)
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') return false;
  return true;
}

// The number of decimal digits of u (1 for 0).
int digit_count(std::uint64_t u) {
  int n = 1;
  for (std::uint64_t limit = 10; n < 20 && u >= limit; limit *= 10) ++n;
  return n;
}

// v's digits at p, two at a time from the end, straight into place (a copy
// from a buffer is a library call per number in wasm); returns the end.
char* integer(char* p, std::int64_t v) {
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  std::uint64_t u = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  if (v < 0) *p++ = '-';
  if (u < 10) {  // most cells of a report: 0
    *p = static_cast<char>('0' + u);
    return p + 1;
  }
  char* const end = p + digit_count(u);
  char* q = end;
  while (u >= 100) {
    const std::size_t pair = static_cast<std::size_t>(u % 100) * 2;
    u /= 100;
    *--q = kPairs[pair + 1];
    *--q = kPairs[pair];
  }
  if (u >= 10) {
    *--q = kPairs[u * 2 + 1];
    *--q = kPairs[u * 2];
  } else {
    *--q = static_cast<char>('0' + u);
  }
  return end;
}

}  // namespace

// Where the next n characters go. The text is written straight into the
// string's own storage, which grows ahead of it (doubling, so that writing
// a report stays linear): a string's append costs a call and a check per
// piece, and that was a third of the report's cost.
char* JsonWriter::room(std::size_t n) {
  if (out_.size() - used_ < n) out_.resize(std::max(out_.size() * 2, used_ + n + 256));
  return out_.data() + used_;
}

JsonWriter& JsonWriter::open(char c) {
  char* p = room(2);
  if (comma_) *p++ = ',';
  *p++ = c;
  wrote(p);
  open_.push_back(c == '{' ? '}' : ']');
  comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::object() { return open('{'); }
JsonWriter& JsonWriter::array() { return open('['); }

JsonWriter& JsonWriter::end() {
  *room(1) = open_.back();
  ++used_;
  open_.pop_back();
  comma_ = true;
  return *this;
}

// The comma if one is due, then "name": at p, which has room for both.
char* JsonWriter::key_at(char* p, std::string_view name) {
  if (comma_) *p++ = ',';
  *p++ = '"';
  p = copy(p, name);
  *p++ = '"';
  *p++ = ':';
  return p;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  wrote(key_at(room(name.size() + 4), name));
  comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::text_key(std::string_view name) {
  text(name);
  *room(1) = ':';
  ++used_;
  comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t v) {
  char* p = room(kIntegerRoom + 1);
  if (comma_) *p++ = ',';
  wrote(integer(p, v));
  comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::integers(const std::int64_t* v, std::size_t n) {
  char* p = room(2 + n * (kIntegerRoom + 1) + 1);
  if (comma_) *p++ = ',';
  *p++ = '[';
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) *p++ = ',';
    p = integer(p, v[i]);
  }
  *p++ = ']';
  wrote(p);
  comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view name, std::int64_t v) {
  wrote(integer(key_at(room(name.size() + 4 + kIntegerRoom), name), v));
  comma_ = true;
  return *this;
}

// Text written as it is (a literal, or text nlohmann wrote) as a value.
JsonWriter& JsonWriter::raw(std::string_view v) {
  char* p = room(v.size() + 1);
  if (comma_) *p++ = ',';
  wrote(copy(p, v));
  comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::boolean(bool v) { return raw(v ? "true" : "false"); }
JsonWriter& JsonWriter::null() { return raw("null"); }
JsonWriter& JsonWriter::number(double v) { return raw(nlohmann::json(v).dump()); }

// "v" at p, which has room for it and its quotes: v needs no escaping.
char* JsonWriter::text_at(char* p, std::string_view v) {
  *p++ = '"';
  p = copy(p, v);
  *p++ = '"';
  return p;
}

JsonWriter& JsonWriter::text(std::string_view v) {
  if (!plain(v)) return raw(nlohmann::json(std::string(v)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  char* p = room(v.size() + 3);
  if (comma_) *p++ = ',';
  wrote(text_at(p, v));
  comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::field_text(std::string_view name, std::string_view v) {
  if (!plain(v)) return key(name).text(v);
  wrote(text_at(key_at(room(name.size() + v.size() + 6), name), v));
  comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::ten_thousandths(std::int64_t n) {
  constexpr std::int64_t kLimit = 1000000000000000;
  if (n <= -kLimit || n >= kLimit) return number(static_cast<double>(n) / 10000.0);
  char* p = room(kIntegerRoom + 7);
  if (comma_) *p++ = ',';
  if (n < 0) *p++ = '-';
  const std::uint64_t u = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  p = integer(p, static_cast<std::int64_t>(u / 10000));
  std::uint64_t fraction = u % 10000;
  char digits[5] = {'.', '0', '0', '0', '0'};
  std::size_t length = 2;  // ".0" at least, as nlohmann writes a whole double
  for (std::size_t i = 4; i >= 1; --i, fraction /= 10) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    if (digits[i] != '0' && length == 2) length = i + 1;
  }
  wrote(copy(p, std::string_view(digits, length)));
  comma_ = true;
  return *this;
}

}  // namespace bbb
