// Lines of an export that are not data (spec 11): a report's total rows
// ("Total", "Grand Totals (40 records)", "Subtotal for EMEA") and its footer
// ("Confidential Information - Do Not Distribute", a copyright line). They
// are skipped and counted by kind, never rejected, never booked. Blank lines
// never reach here: the CSV reader drops them.
#pragma once

#include <string_view>

#include "text/csv_reader.h"

namespace bbb {

// Whether a cell starting with byte c may open a line that is not data.
inline bool may_open_non_data_line(char c) {
  switch (c) {
    case 'T': case 't': case 'G': case 'g': case 'S': case 's': case 'C': case 'c': case '(':
    case 'A': case 'a':  // QuickBooks' "Accrual Basis ..." footer
    case '\xC2':  // the copyright sign, C2 A9
    case ' ': case '\t':  // a cell to trim first
      return true;
    default:
      return false;
  }
}

const char* non_data_line_kind_of(const CsvRecord& record);

// "total" or "footer" for a line that is not data, null for a data row
// (one look at the first byte of most).
inline const char* non_data_line_kind(const CsvRecord& record) {
  const std::string_view first = record.field_count > 0 ? record.field(0) : std::string_view();
  if (!first.empty() && !may_open_non_data_line(first[0])) return nullptr;
  return non_data_line_kind_of(record);
}

}  // namespace bbb
