#include "workbook/excel_dates.h"

#include <cstdint>

#include "values/date.h"

namespace bbb {

namespace {

// Days from 1970-01-01 to the day before each system's first day.
constexpr long kDaysTo1899_12_31 = -25568;
constexpr long kDaysTo1904_01_01 = -24107;
constexpr long kPhantomLeapDay = 60;
// 9999-12-31 as a serial of the 1904 system.
constexpr long kLastExcelSerial1904 = kLastExcelSerial1900 - 1462;

}  // namespace

bool excel_serial_date(std::string_view plain, DateSystem system, std::string* out) {
  if (plain.empty() || plain[0] == '-') return false;
  const std::size_t point = plain.find('.');
  const std::string_view whole = plain.substr(0, point);
  const bool has_fraction = point != std::string_view::npos;
  if (whole.empty() || whole.size() > 7) return false;
  long serial = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return false;
    serial = serial * 10 + (c - '0');
  }
  long days = 0;
  if (system == DateSystem::k1900) {
    if (serial < 1 || serial == kPhantomLeapDay || serial > kLastExcelSerial1900) return false;
    days = kDaysTo1899_12_31 + serial - (serial > kPhantomLeapDay ? 1 : 0);
  } else {
    if ((serial == 0 && has_fraction) || serial > kLastExcelSerial1904) return false;
    days = kDaysTo1904_01_01 + serial;
  }
  *out = Date::from_days(static_cast<std::int32_t>(days)).iso();
  return true;
}

bool iso_datetime_date(std::string_view text, std::string* out) {
  const std::string_view day = text.substr(0, 10);
  Date date;
  if (!parse_iso_date(day, &date)) return false;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
  *out = std::string(day);
  return true;
}

}  // namespace bbb
