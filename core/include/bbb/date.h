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

}  // namespace bbb
