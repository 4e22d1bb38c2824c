// A calendar day and a calendar month as small value types. No time of day,
// no time zone: a contract signed on 2024-01-31 is signed on that day
// everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bbb {

class YearMonth;

// The calendar years a date of a contracts file may fall in.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date from_days(std::int32_t days) { Date d; d.days_ = days; return d; }
  // Returns false (and leaves *out alone) for an impossible date such as 2100-02-29.
  static bool from_ymd(int year, int month, int day, Date* out);

  constexpr std::int32_t days() const { return days_; }  // since 1970-01-01
  int year() const;
  int month() const;  // 1-12
  int day() const;    // 1-31
  YearMonth year_month() const;

  Date plus_days(std::int32_t n) const { return from_days(days_ + n); }
  std::string iso() const;  // YYYY-MM-DD

  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr bool operator!=(Date a, Date b) { return a.days_ != b.days_; }
  friend constexpr bool operator<(Date a, Date b) { return a.days_ < b.days_; }
  friend constexpr bool operator<=(Date a, Date b) { return a.days_ <= b.days_; }
  friend constexpr bool operator>(Date a, Date b) { return a.days_ > b.days_; }
  friend constexpr bool operator>=(Date a, Date b) { return a.days_ >= b.days_; }
  friend constexpr std::int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  std::int32_t days_ = 0;
};
static_assert(sizeof(Date) == 4, "a Date is four bytes");

// Parses exactly YYYY-MM-DD.
bool parse_iso_date(std::string_view text, Date* out);

// A calendar month, counted as year * 12 + (month - 1) so that month
// arithmetic is integer arithmetic.
class YearMonth {
 public:
  constexpr YearMonth() = default;
  static constexpr YearMonth from_index(std::int32_t index) { YearMonth m; m.index_ = index; return m; }
  static constexpr YearMonth of(int year, int month) { return from_index(year * 12 + month - 1); }

  constexpr std::int32_t index() const { return index_; }
  constexpr int year() const { return floor_div(index_, 12); }
  constexpr int month() const { return index_ - floor_div(index_, 12) * 12 + 1; }
  int days() const;
  Date first_day() const;
  Date last_day() const;
  // The given day of this month, clamped to the month's last day (Jan 31 + 1 month = Feb 29).
  Date day_clamped(int day) const;
  constexpr YearMonth plus(std::int32_t months) const { return from_index(index_ + months); }
  std::string label() const;  // YYYY-MM

  friend constexpr bool operator==(YearMonth a, YearMonth b) { return a.index_ == b.index_; }
  friend constexpr bool operator!=(YearMonth a, YearMonth b) { return a.index_ != b.index_; }
  friend constexpr bool operator<(YearMonth a, YearMonth b) { return a.index_ < b.index_; }
  friend constexpr bool operator<=(YearMonth a, YearMonth b) { return a.index_ <= b.index_; }
  friend constexpr bool operator>(YearMonth a, YearMonth b) { return a.index_ > b.index_; }
  friend constexpr bool operator>=(YearMonth a, YearMonth b) { return a.index_ >= b.index_; }
  friend constexpr std::int32_t operator-(YearMonth a, YearMonth b) { return a.index_ - b.index_; }

 private:
  static constexpr int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
  std::int32_t index_ = 0;
};

// d plus n calendar months, the day clamped to the target month's end.
Date add_months(Date d, std::int32_t n);

int days_in_month(int year, int month);

// The civil date of a day number, in the header so that the day-to-month
// step behind every schedule is inlined (in wasm a call costs as much).
namespace detail {

struct Civil { int y; int m; int d; };

constexpr Civil civil_from_days_hinnant(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

// The same with no division by a variable and no branch on the era (Neri
// and Schneider, "Euclidean affine functions and their application to
// calendar algorithms", 2022): the hot path of every date-to-month step.
// Checked equal to the above for every day in [kFastMin, kFastMax] (about
// 1.47 million years either side of 1970); outside it the above is used.
constexpr std::int32_t kFastMin = -536895152, kFastMax = 536824295;

constexpr Civil civil_from_days(std::int32_t n) {
  if (n < kFastMin || n > kFastMax) return civil_from_days_hinnant(n);
  constexpr std::uint32_t s = 3670, K = 719468 + 146097 * s, L = 400 * s;
  const std::uint32_t N = static_cast<std::uint32_t>(n) + K;
  const std::uint32_t N1 = 4 * N + 3;
  const std::uint32_t C = N1 / 146097;
  const std::uint32_t NC = N1 % 146097 / 4;
  const std::uint32_t N2 = 4 * NC + 3;
  const std::uint64_t P2 = std::uint64_t{2939745} * N2;
  const std::uint32_t Z = static_cast<std::uint32_t>(P2 >> 32);
  const std::uint32_t NY = static_cast<std::uint32_t>(P2) / 2939745 / 4;
  const std::uint32_t Y = 100 * C + Z;
  const std::uint32_t N3 = 2141 * NY + 197913;
  const std::uint32_t M = N3 >> 16;
  const std::uint32_t D = (N3 & 0xFFFF) / 2141;
  const std::uint32_t J = NY >= 306;
  return {static_cast<int>(Y - L + J), static_cast<int>(J ? M - 12 : M), static_cast<int>(D + 1)};
}

// The day number of the 1st of every month from 1900-01 to 2399-12 (and of
// 2400-01), filled when the program starts (date.cpp): the months of every
// date the engine reads (1900-2199) and of terms of up to 100 years from them.
// Dates are therefore not for static initialisers of other files (none uses
// them): the table may not be filled yet.
constexpr int kTableFirstYear = 1900;
constexpr std::int32_t kTableMonths = 500 * 12;
constexpr std::int32_t kTableFirstDay = -25567;  // 1900-01-01
constexpr std::int32_t kTableEndDay = 157054;    // 2400-01-01
extern std::int32_t month_start_day[kTableMonths + 1];

}  // namespace detail

namespace detail {

// The month-start table's slot of the month holding `days`, or -1 outside
// the table. An estimate (4,800 months are 146,097 days) is never more than
// one month off, and one compare with the table corrects it: cheaper than
// the calendar arithmetic, and the step behind every schedule, billing and
// month-end of the engine.
inline std::int32_t month_slot_of_day(std::int32_t days) {
  // One unsigned compare: inside the table's days.
  const std::uint32_t n = static_cast<std::uint32_t>(days - kTableFirstDay);
  if (n >= static_cast<std::uint32_t>(kTableEndDay - kTableFirstDay)) return -1;
  std::int32_t i = static_cast<std::int32_t>(n * 4800u / 146097u);
  if (month_start_day[i] > days) --i;
  else if (month_start_day[i + 1] <= days) ++i;
  return i;
}

}  // namespace detail

inline YearMonth Date::year_month() const {
  const std::int32_t slot = detail::month_slot_of_day(days_);
  if (slot >= 0) return YearMonth::from_index(detail::kTableFirstYear * 12 + slot);
  const detail::Civil c = detail::civil_from_days(days_);
  return YearMonth::of(c.y, c.m);
}

// The day of the month from the same table: the schedules ask for it for
// every line (start, end, billing start).
inline int Date::day() const {
  const std::int32_t slot = detail::month_slot_of_day(days_);
  if (slot >= 0) return days_ - detail::month_start_day[slot] + 1;
  return detail::civil_from_days(days_).d;
}

}  // namespace bbb
