#include "values/date.h"

#include <cstdio>
#include <cstring>

namespace bbb {

std::int32_t detail::month_start_day[detail::kTableMonths + 1];

namespace {

// Howard Hinnant's days_from_civil / civil_from_days, for the proleptic
// Gregorian calendar.
constexpr std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

static_assert(days_from_civil(1970, 1, 1) == 0, "epoch");
static_assert(days_from_civil(2000, 3, 1) == 11017, "after a leap day");
static_assert(detail::civil_from_days(11016).m == 2 && detail::civil_from_days(11016).d == 29, "the leap day");
static_assert(detail::civil_from_days(-1).y == 1969 && detail::civil_from_days(-1).m == 12 && detail::civil_from_days(-1).d == 31, "before the epoch");

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// detail::month_start_day (date.h): a month's first day and length are one
// or two loads instead of calendar arithmetic; the installments and the
// reports ask for them for every month of every line. Filled when the
// program starts, not stored in the binary: as constant data it would add
// 24 KB to bbb.wasm.
using detail::kTableFirstYear;
using detail::kTableMonths;
using detail::month_start_day;
static_assert(days_from_civil(1900, 1, 1) == detail::kTableFirstDay, "the table's first day");
static_assert(days_from_civil(2400, 1, 1) == detail::kTableEndDay, "the table's end");
const struct FillMonthStarts {
  FillMonthStarts() {
    for (std::int32_t i = 0; i <= kTableMonths; ++i)
      month_start_day[i] = days_from_civil(kTableFirstYear + i / 12, static_cast<unsigned>(i % 12 + 1), 1);
  }
} kFillMonthStarts;

// The month's place in month_start_day, or -1 outside it.
inline std::int32_t table_slot(std::int32_t month_index) {
  const std::int32_t slot = month_index - kTableFirstYear * 12;
  return slot >= 0 && slot < kTableMonths ? slot : -1;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool Date::from_ymd(int year, int month, int day, Date* out) {
  // Years outside 1900..2199 are typing mistakes in a contracts file, and
  // the bound keeps every report within a few thousand months.
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1) return false;
  const std::int32_t slot = table_slot(year * 12 + month - 1);  // always in the table: years 1900..2199
  if (day > month_start_day[slot + 1] - month_start_day[slot]) return false;
  *out = from_days(month_start_day[slot] + day - 1);
  return true;
}

int Date::year() const { return detail::civil_from_days(days_).y; }
int Date::month() const { return detail::civil_from_days(days_).m; }


namespace {

// "YYYY-MM" (and "-DD") by hand for years 0..9999, the reports' every date:
// snprintf cost ~1,700 instructions a call, and a report writes thousands.
// Other years keep printf's "%04d" form.
std::string year_month_text(int y, int m, int d) {
  char buf[32];
  if (y < 0 || y > 9999) {
    if (d > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return buf;
  }
  const auto digit = [](int v) { return static_cast<char>('0' + v); };
  buf[0] = digit(y / 1000);
  buf[1] = digit(y / 100 % 10);
  buf[2] = digit(y / 10 % 10);
  buf[3] = digit(y % 10);
  buf[4] = '-';
  buf[5] = digit(m / 10);
  buf[6] = digit(m % 10);
  if (d <= 0) return std::string(buf, 7);
  buf[7] = '-';
  buf[8] = digit(d / 10);
  buf[9] = digit(d % 10);
  return std::string(buf, 10);
}

}  // namespace

std::string Date::iso() const {
  const detail::Civil c = detail::civil_from_days(days_);
  return year_month_text(c.y, static_cast<int>(c.m), static_cast<int>(c.d));
}

bool parse_iso_date(std::string_view t, Date* out) {
  if (t.size() != 10) return false;
  // "YYYY-MM-" as one little-endian word, XORed with "0000-00-": each digit
  // becomes its value 0..9 (x ^ 0x30 is 0..9 exactly for '0'..'9') and
  // each dash 0. Then "DD" the same way.
  std::uint64_t w;
  std::memcpy(&w, t.data(), 8);
  w ^= 0x2D30302D30303030ULL;
  std::uint16_t dd;
  std::memcpy(&dd, t.data() + 8, 2);
  dd ^= 0x3030;
  // A byte above 9 has its top bit set by itself or once 0x76 is added; a
  // carry out of a byte only comes from one already flagged.
  constexpr std::uint64_t kTop = 0x8080808080808080ULL, kNine = 0x7676767676767676ULL;
  if (((w | (w + kNine)) & kTop) != 0 || (w & 0xFF0000FF00000000ULL) != 0) return false;
  if (((dd | (dd + 0x7676u)) & 0x8080u) != 0) return false;
  const auto byte = [w](int i) { return static_cast<int>((w >> (8 * i)) & 0xFF); };
  const int year = byte(0) * 1000 + byte(1) * 100 + byte(2) * 10 + byte(3);
  const int month = byte(5) * 10 + byte(6);
  const int day = (dd & 0xFF) * 10 + (dd >> 8);
  return Date::from_ymd(year, month, day, out);
}

int YearMonth::days() const {
  const std::int32_t slot = table_slot(index_);
  return slot >= 0 ? month_start_day[slot + 1] - month_start_day[slot] : days_in_month(year(), month());
}

Date YearMonth::first_day() const {
  const std::int32_t slot = table_slot(index_);
  return Date::from_days(slot >= 0 ? month_start_day[slot]
                                   : days_from_civil(year(), static_cast<unsigned>(month()), 1));
}

Date YearMonth::last_day() const { return first_day().plus_days(days() - 1); }

Date YearMonth::day_clamped(int day) const {
  const std::int32_t slot = table_slot(index_);
  if (slot < 0) {
    const int last = days();
    return first_day().plus_days((day < last ? day : last) - 1);
  }
  const std::int32_t first = month_start_day[slot], last = month_start_day[slot + 1] - first;
  return Date::from_days(first + (day < last ? day : last) - 1);
}

std::string YearMonth::label() const { return year_month_text(year(), month(), 0); }

Date add_months(Date d, std::int32_t n) {
  const detail::Civil c = detail::civil_from_days(d.days());
  return YearMonth::of(c.y, c.m).plus(n).day_clamped(c.d);
}

}  // namespace bbb
