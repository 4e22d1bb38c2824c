// A streaming JSON writer for the report: text appended as the report is
// walked, no tree of values in between (the tree cost more than the rest of
// the report). Its output is exactly nlohmann::json's compact dump: keys in
// the order written, integers as integers, and text and doubles through
// nlohmann's own serializer, so escaping (invalid UTF-8 replaced, never
// thrown) and number formatting are the library's; ratios alone are written
// by hand, as exact decimals (see ten_thousandths). Private to report_json.
//
// Each piece is written by a call, never inlined: the report makes some
// 100,000 of them from a few hundred places, and inlined they added 47 KB
// to the wasm, which V8 must then compile (json_writer.cpp says more).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fast/cold_path.h"

namespace bbb {

class JsonWriter {
 public:
  // Writes into *out, after what it holds; the text is there once the
  // writer is gone (its destructor trims the room it writes ahead into).
  explicit JsonWriter(std::string* out) : out_(*out), used_(out->size()) {}
  ~JsonWriter() { out_.resize(used_); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  BBB_OUT_OF_LINE JsonWriter& object();
  BBB_OUT_OF_LINE JsonWriter& array();
  BBB_OUT_OF_LINE JsonWriter& end();

  // A key the code names: plain ASCII, written as is.
  BBB_OUT_OF_LINE JsonWriter& key(std::string_view name);
  // A key from the data (a type, a segment value): escaped as text.
  BBB_OUT_OF_LINE JsonWriter& text_key(std::string_view name);

  BBB_OUT_OF_LINE JsonWriter& value(std::int64_t v);
  JsonWriter& value(int v) { return value(static_cast<std::int64_t>(v)); }
  JsonWriter& value(std::size_t v) { return value(static_cast<std::int64_t>(v)); }
  BBB_OUT_OF_LINE JsonWriter& boolean(bool v);
  BBB_OUT_OF_LINE JsonWriter& null();
  BBB_OUT_OF_LINE JsonWriter& text(std::string_view v);
  BBB_OUT_OF_LINE JsonWriter& number(double v);
  // n / 10000 (a ratio of the report, kept in ten-thousandths) as its exact
  // decimal: "1.2345", "0.25", "3.0". It reads back as the same double that
  // nlohmann writes for n / 10000.0, and is never longer: nlohmann's Grisu2
  // is not always shortest (97541.2428 comes out as 97541.24280000001).
  // It also costs ~50 instructions instead of ~3,000. Beyond 10^15, where
  // nlohmann may choose an exponent, the library writes it.
  BBB_OUT_OF_LINE JsonWriter& ten_thousandths(std::int64_t n);

  // An array of n integers, in one call (the waterfall's rows are
  // thousands of them).
  BBB_OUT_OF_LINE JsonWriter& integers(const std::int64_t* v, std::size_t n);

  // JSON another writer wrote: a value, or members of the open object
  // ("a":1,"b":2), copied as they are.
  JsonWriter& written(std::string_view json) { return raw(json); }

  // key(name) then the value: the common case, in one call.
  BBB_OUT_OF_LINE JsonWriter& field(std::string_view name, std::int64_t v);
  BBB_OUT_OF_LINE JsonWriter& field_text(std::string_view name, std::string_view v);

 private:
  JsonWriter& open(char c);
  JsonWriter& raw(std::string_view v);
  char* key_at(char* p, std::string_view name);
  char* text_at(char* p, std::string_view v);
  char* room(std::size_t n);
  void wrote(const char* end) { used_ = static_cast<std::size_t>(end - out_.data()); }

  std::string& out_;
  std::size_t used_;        // out_'s characters written; the rest is room
  std::vector<char> open_;  // the closing bracket of each open container
  bool comma_ = false;      // the next value or key follows another
};

}  // namespace bbb
