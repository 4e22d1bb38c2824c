// Excel's date serials as calendar dates. 1900 system: serial 1 is
// 1900-01-01, and serial 60 is Excel's phantom 1900-02-29 (Lotus 1-2-3 took
// 1900 for a leap year), so from 61 (1900-03-01) on a serial is one day more
// than the days since 1899-12-31. 1904 system (Mac workbooks,
// workbookPr date1904): serial 0 is 1904-01-01.
#pragma once

#include <string>
#include <string_view>

namespace bbb {

enum class DateSystem { k1900, k1904 };

// The last serial Excel shows as a date: 9999-12-31 in the 1900 system.
constexpr long kLastExcelSerial1900 = 2958465;

// The calendar date (YYYY-MM-DD) of a date-formatted number, given as plain
// decimal text (clean_number_text); a time of day is dropped. False when the
// value is no date Excel could mean: negative, a time of day alone (below 1;
// 0 is 1904-01-01 in the 1904 system), serial 60 of the 1900 system (the day
// that does not exist), past 9999-12-31.
bool excel_serial_date(std::string_view plain_number, DateSystem system, std::string* out);

// The date of a t="d" cell's ISO 8601 text ("2024-03-29T10:00:00"): its first
// ten characters when they are YYYY-MM-DD.
bool iso_datetime_date(std::string_view text, std::string* out);

}  // namespace bbb
