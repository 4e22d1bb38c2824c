#include "rows/non_data_lines.h"

#include <cstddef>

#include "rows/value_formats.h"

namespace bbb {
namespace {

bool starts_with_word(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = text[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != word[i]) return false;
  }
  // A whole word: "Total" and "Totals (3 records)", not "Totalview Ltd".
  return text.size() == word.size() || !((text[word.size()] >= 'a' && text[word.size()] <= 'z') ||
                                         (text[word.size()] >= 'A' && text[word.size()] <= 'Z'));
}

// The one non-empty cell of the record, or "" when it has none or several.
std::string_view only_cell(const CsvRecord& record) {
  std::string_view only;
  for (std::size_t i = 0; i < record.field_count; ++i) {
    const std::string_view cell = trim(record.field(i));
    if (cell.empty()) continue;
    if (!only.empty()) return {};
    only = cell;
  }
  return only;
}

}  // namespace

const char* non_data_line_kind_of(const CsvRecord& record) {
  std::string_view first;
  for (std::size_t i = 0; i < record.field_count && first.empty(); ++i) first = trim(record.field(i));
  if (first.empty()) return nullptr;
  if (!may_open_non_data_line(first[0])) return nullptr;
  // "Total", "Grand Totals (40 records)", "Subtotal for EMEA", "Total: 12":
  // the word alone or followed by what a total row says of itself, so that
  // an account named "Total Wine" stays data.
  for (std::string_view word : {"total", "totals", "grand total", "grand totals", "subtotal", "sub-total"}) {
    if (!starts_with_word(first, word)) continue;
    const std::string_view rest = first.substr(word.size());
    if (rest.empty() || rest[0] == ':' || starts_with_word(rest, " (") || starts_with_word(rest, " for")) return "total";
  }
  const std::string_view only = only_cell(record);
  if (only.empty()) return nullptr;
  // QuickBooks ends a report with its basis and the time it was run.
  for (std::string_view word : {"confidential", "copyright", "(c)", "\xC2\xA9", "accrual basis", "cash basis"})
    if (starts_with_word(only, word)) return "footer";
  return nullptr;
}

}  // namespace bbb
