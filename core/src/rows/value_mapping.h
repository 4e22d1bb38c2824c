// The user's reading of values no vocabulary knows (spec 11, the `values`
// read setting): per column kind, a value as written -> an engine word,
// e.g. status "Verbal commit" -> open. Applied to the cell before its
// vocabulary reads it, so every row with that value reads alike.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "rows/column_mapping.h"

namespace bbb {

class ValueMapping {
 public:
  // The fields whose values can be mapped: status, type, billing, recognition, interval.
  static bool mappable(Field f) {
    return f == Field::kStatus || f == Field::kType || f == Field::kBilling || f == Field::kRecognition ||
           f == Field::kInterval;
  }
  // False with *error when `word` is not an engine word of that field.
  bool add(Field f, const std::string& value, const std::string& word, std::string* error);
  bool empty() const { return by_field_.empty(); }
  // The cell as the user maps it, or as written.
  std::string_view operator()(Field f, std::string_view cell) const {
    if (by_field_.empty()) return cell;
    const auto field = by_field_.find(f);
    if (field == by_field_.end()) return cell;
    const auto word = field->second.find(cell);
    return word == field->second.end() ? cell : std::string_view(word->second);
  }

 private:
  std::map<Field, std::map<std::string, std::string, std::less<>>> by_field_;
};

}  // namespace bbb
