// The distinct values of a file's keyword columns (status, type, billing,
// recognition, interval), with their rows and amounts (spec 11): what the
// report lists so that one choice maps every row that shares a value.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fast/recent_keywords.h"
#include "rows/column_mapping.h"
#include "values/money.h"

namespace bbb {

class ValueCensus {
 public:
  // A column lists at most this many values; rows of later ones are only counted.
  static constexpr std::size_t kMaxValues = 100;
  static constexpr std::size_t kMaxValueBytes = 200;  // a longer value is listed by its first bytes

  struct Value {
    std::string text;  // as written, trimmed
    std::int64_t rows = 0;
    // Of the rows whose amount could be read, per currency: a flat list (a
    // value meets a currency or two, and a lookup runs on every row),
    // ordered by currency in columns().
    std::vector<std::pair<CurrencyCode, std::int64_t>> amounts;
    // Set once the file is read (read_as): the engine word it reads as
    // ("" when none: its rows are rejected), and whether the user's values setting chose it.
    std::string reading;
    bool mapped = false;
  };
  struct Column {
    Field field;
    std::vector<Value> values;  // in the order first seen
    std::int64_t other_rows = 0;
    std::int64_t other_values = 0;  // past kMaxValues (a lower bound: only their first rows are told apart)
  };

  // The fields a census keeps: those whose values can be mapped.
  static bool kept(Field f);
  // Starts the columns of a file's mapped keyword fields.
  void begin(const ColumnMapping& mapping);
  bool empty() const { return columns_.empty(); }
  // One row's cell of column `slot` (in begin's order).
  void count(std::size_t slot, std::string_view text, const CurrencyCode& currency, const std::int64_t* amount);
  std::size_t slots() const { return columns_.size(); }
  Field field_of(std::size_t slot) const { return columns_[slot].column.field; }
  // The columns, each's values by rows (most first), then as written.
  std::vector<Column> columns() const;
  // Sets each value's reading, through the user's mapping, for a file of `kind`.
  template <class MapValue>
  void read_as(FileKind kind, MapValue map_value);

 private:
  struct Slot {
    Column column;
    std::unordered_map<std::string, std::size_t> index;
    RecentKeywords<std::size_t> recent;  // a column repeats a few values row after row
    std::unordered_map<std::string, bool> others;  // values past the list, up to a bound
  };
  std::vector<Slot> columns_;
};

// How the engine reads a value of a keyword field of a file of `kind` (after
// the user's value mapping): its engine word ("booked", "monthly", "3
// months"), or "" when no vocabulary knows it (its rows are rejected).
std::string value_reading(FileKind kind, Field f, std::string_view value);

template <class MapValue>
void ValueCensus::read_as(FileKind kind, MapValue map_value) {
  for (Slot& s : columns_) {
    for (Value& v : s.column.values) {
      const std::string_view as_mapped = map_value(s.column.field, std::string_view(v.text));
      v.mapped = as_mapped.data() != v.text.data();
      v.reading = value_reading(kind, s.column.field, as_mapped);
    }
  }
}

}  // namespace bbb
