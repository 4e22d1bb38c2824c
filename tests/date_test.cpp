// Calendar days and months (spec sections 2, 3 and 10): the arithmetic every
// schedule stands on, checked against dates worked out by hand.
#include <gtest/gtest.h>

#include <string>

#include <cstdio>

#include "values/date.h"
#include "test_support.h"

namespace {

using bbb::add_months;
using bbb::Date;
using bbb::YearMonth;
using bbb_test::ymd;

TEST(Date, EpochIsDayZeroAndDaysCountBothWays) {
  EXPECT_EQ(ymd(1970, 1, 1).days(), 0);
  EXPECT_EQ(ymd(1969, 12, 31).days(), -1);
  EXPECT_EQ(ymd(1970, 3, 1).days(), 59);  // 31 + 28
  // 2000-01-01: 30 years, 7 leap days (72..96) -> 30 * 365 + 7.
  EXPECT_EQ(ymd(2000, 1, 1).days(), 10957);
  EXPECT_EQ(ymd(2000, 3, 1).days(), 10957 + 31 + 29);  // 2000 is a leap year (divisible by 400)
  EXPECT_EQ(ymd(2024, 1, 1).days(), 19723);
}

TEST(Date, RoundTripsThroughDayNumbers) {
  const Date d = Date::from_days(19723 + 59);  // 2024-02-29 is day 31 + 28 after Jan 1
  EXPECT_EQ(d.year(), 2024);
  EXPECT_EQ(d.month(), 2);
  EXPECT_EQ(d.day(), 29);
  EXPECT_EQ(d.iso(), "2024-02-29");
  EXPECT_EQ(Date::from_days(-1).iso(), "1969-12-31");
  EXPECT_EQ(ymd(1999, 12, 31).plus_days(1).iso(), "2000-01-01");
  EXPECT_EQ(ymd(2024, 3, 1).plus_days(-1).iso(), "2024-02-29");
  EXPECT_EQ(ymd(2023, 3, 1).plus_days(-1).iso(), "2023-02-28");
  EXPECT_EQ(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
  EXPECT_EQ(ymd(2024, 1, 1) - ymd(2023, 1, 1), 365);
}

TEST(Date, RejectsImpossibleDates) {
  Date out = Date::from_days(12345);
  EXPECT_FALSE(Date::from_ymd(2100, 2, 29, &out));  // century, not divisible by 400
  EXPECT_FALSE(Date::from_ymd(2023, 2, 29, &out));
  EXPECT_FALSE(Date::from_ymd(1900, 2, 29, &out));
  EXPECT_FALSE(Date::from_ymd(2024, 4, 31, &out));
  EXPECT_FALSE(Date::from_ymd(2024, 13, 1, &out));
  EXPECT_FALSE(Date::from_ymd(2024, 0, 1, &out));
  EXPECT_FALSE(Date::from_ymd(2024, 1, 0, &out));
  EXPECT_FALSE(Date::from_ymd(2024, 1, 32, &out));
  EXPECT_EQ(out.days(), 12345) << "a rejected date leaves *out alone";
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29, &out));
  EXPECT_TRUE(Date::from_ymd(2024, 2, 29, &out));
  EXPECT_EQ(out.iso(), "2024-02-29");
}

TEST(Date, DaysInMonthFollowsGregorianLeapRule) {
  EXPECT_EQ(bbb::days_in_month(2024, 2), 29);
  EXPECT_EQ(bbb::days_in_month(2023, 2), 28);
  EXPECT_EQ(bbb::days_in_month(2000, 2), 29);
  EXPECT_EQ(bbb::days_in_month(2100, 2), 28);
  EXPECT_EQ(bbb::days_in_month(2024, 4), 30);
  EXPECT_EQ(bbb::days_in_month(2024, 12), 31);
  EXPECT_EQ(YearMonth::of(2024, 2).days(), 29);
  EXPECT_EQ(YearMonth::of(2100, 2).days(), 28);
}

TEST(Date, ParseIsoAcceptsExactlyYyyyMmDd) {
  Date d;
  ASSERT_TRUE(bbb::parse_iso_date("2024-02-29", &d));
  EXPECT_EQ(d, ymd(2024, 2, 29));
  EXPECT_FALSE(bbb::parse_iso_date("2023-02-29", &d));
  EXPECT_FALSE(bbb::parse_iso_date("2024-2-29", &d));
  EXPECT_FALSE(bbb::parse_iso_date("2024/02/29", &d));
  EXPECT_FALSE(bbb::parse_iso_date("", &d));
  EXPECT_FALSE(bbb::parse_iso_date("2024-02-29x", &d));
}

// parse_iso_date checks all ten bytes at once: every byte value at every
// position of a valid date must give what a byte-by-byte reading gives, and
// every day of the supported years must read back.
TEST(Date, ParseIsoAgreesWithAByteByByteReading) {
  const auto reference = [](const std::string& t, Date* out) {
    for (int i = 0; i < 10; ++i) {
      const bool dash = i == 4 || i == 7;
      if (dash ? t[i] != '-' : (t[i] < '0' || t[i] > '9')) return false;
    }
    return Date::from_ymd(std::stoi(t.substr(0, 4)), std::stoi(t.substr(5, 2)), std::stoi(t.substr(8, 2)), out);
  };
  int accepted = 0;
  for (const std::string base : {"2024-07-15", "1999-12-31", "2024-02-29"}) {
    for (int i = 0; i < 10; ++i) {
      for (int b = 0; b < 256; ++b) {
        std::string t = base;
        t[i] = static_cast<char>(b);
        Date got, want;
        const bool ok = bbb::parse_iso_date(t, &got);
        ASSERT_EQ(ok, reference(t, &want)) << "position " << i << " byte " << b << " in " << base;
        if (ok) { EXPECT_EQ(got, want); ++accepted; }
      }
    }
  }
  EXPECT_EQ(accepted, 118);  // the bytes that still make a real date from 1900 to 2199 (counted in Python)
  int days = 0;
  for (Date d = ymd(1900, 1, 1); d <= ymd(2199, 12, 31); d = d.plus_days(1), ++days) {
    Date back;
    ASSERT_TRUE(bbb::parse_iso_date(d.iso(), &back)) << d.iso();
    ASSERT_EQ(back, d);
  }
  EXPECT_EQ(days, 109573);
}

TEST(AddMonths, ClampsTheDayToTheTargetMonthEnd) {
  const Date jan31 = ymd(2024, 1, 31);
  EXPECT_EQ(add_months(jan31, 1).iso(), "2024-02-29");
  EXPECT_EQ(add_months(jan31, 2).iso(), "2024-03-31");  // from Jan 31, not from Feb 29
  EXPECT_EQ(add_months(jan31, 3).iso(), "2024-04-30");
  EXPECT_EQ(add_months(jan31, 13).iso(), "2025-02-28");
  EXPECT_EQ(add_months(ymd(2024, 2, 29), 12).iso(), "2025-02-28");
  EXPECT_EQ(add_months(ymd(2024, 2, 29), 48).iso(), "2028-02-29");
  EXPECT_EQ(add_months(ymd(2024, 1, 15), 0).iso(), "2024-01-15");
}

TEST(AddMonths, CrossesYearEndsBothWays) {
  EXPECT_EQ(add_months(ymd(2024, 11, 30), 3).iso(), "2025-02-28");
  EXPECT_EQ(add_months(ymd(2024, 12, 31), 1).iso(), "2025-01-31");
  EXPECT_EQ(add_months(ymd(2024, 3, 31), -1).iso(), "2024-02-29");
  EXPECT_EQ(add_months(ymd(2024, 1, 15), -1).iso(), "2023-12-15");
  EXPECT_EQ(add_months(ymd(2024, 1, 31), -14).iso(), "2022-11-30");
  EXPECT_EQ(add_months(ymd(2024, 5, 31), -27).iso(), "2022-02-28");
}

TEST(AddMonths, TermEndIsStartPlusTermMinusOneDay) {
  // Spec 10: end = (start + T months, day clamped) - 1 day.
  EXPECT_EQ(add_months(ymd(2024, 1, 1), 12).plus_days(-1).iso(), "2024-12-31");
  EXPECT_EQ(add_months(ymd(2024, 1, 15), 3).plus_days(-1).iso(), "2024-04-14");
  EXPECT_EQ(add_months(ymd(2024, 1, 31), 1).plus_days(-1).iso(), "2024-02-28");
  EXPECT_EQ(add_months(ymd(2022, 2, 1), 36).plus_days(-1).iso(), "2025-01-31");
}

TEST(YearMonth, IndexArithmeticAcrossYearEnds) {
  const YearMonth dec = YearMonth::of(2024, 12);
  EXPECT_EQ(dec.year(), 2024);
  EXPECT_EQ(dec.month(), 12);
  EXPECT_EQ(dec.plus(1), YearMonth::of(2025, 1));
  EXPECT_EQ(dec.plus(13), YearMonth::of(2026, 1));
  EXPECT_EQ(YearMonth::of(2024, 1).plus(-1), YearMonth::of(2023, 12));
  EXPECT_EQ(YearMonth::of(2024, 1).plus(-25), YearMonth::of(2021, 12));
  EXPECT_EQ(YearMonth::of(2025, 3) - YearMonth::of(2024, 11), 4);
  EXPECT_EQ(YearMonth::of(2023, 11) - YearMonth::of(2024, 2), -3);
  EXPECT_LT(YearMonth::of(2023, 12), YearMonth::of(2024, 1));
  EXPECT_EQ(YearMonth::of(2024, 1).plus(-1).label(), "2023-12");
  EXPECT_EQ(YearMonth::of(2024, 9).label(), "2024-09");
}

TEST(YearMonth, NegativeIndexesStillGiveCalendarMonths) {
  // Years before year 0 only matter for the arithmetic to be floor-based.
  const YearMonth m = YearMonth::from_index(-1);  // year -1, December
  EXPECT_EQ(m.year(), -1);
  EXPECT_EQ(m.month(), 12);
  EXPECT_EQ(YearMonth::from_index(-12).month(), 1);
  EXPECT_EQ(YearMonth::from_index(-13).year(), -2);
}

TEST(YearMonth, FirstLastAndClampedDays) {
  EXPECT_EQ(YearMonth::of(2024, 2).first_day().iso(), "2024-02-01");
  EXPECT_EQ(YearMonth::of(2024, 2).last_day().iso(), "2024-02-29");
  EXPECT_EQ(YearMonth::of(2023, 2).last_day().iso(), "2023-02-28");
  EXPECT_EQ(YearMonth::of(2024, 12).last_day().iso(), "2024-12-31");
  EXPECT_EQ(YearMonth::of(2024, 4).day_clamped(31).iso(), "2024-04-30");
  EXPECT_EQ(YearMonth::of(2024, 4).day_clamped(15).iso(), "2024-04-15");
  EXPECT_EQ(ymd(2024, 2, 29).year_month(), YearMonth::of(2024, 2));
}

}  // namespace

TEST(Date, IsoAndLabelMatchPrintfForEveryYearFormItTakes) {
  // iso() and label() write years 0..9999 by hand; both must equal printf's
  // "%04d-%02d-%02d" / "%04d-%02d" there and keep printf's form outside it.
  for (const int y : {-20000, -10, -1, 0, 1, 7, 42, 999, 1000, 1969, 2024, 9999, 10000, 123456}) {
    for (const int m : {1, 2, 9, 10, 12}) {
      for (const int d : {1, 9, 10, 28}) {
        // from_ymd takes only the engine's years; a month's day reaches any.
        const Date date = YearMonth::of(y, m).day_clamped(d);
        char expected[40];
        std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", y, m, d);
        EXPECT_EQ(date.iso(), expected);
        std::snprintf(expected, sizeof expected, "%04d-%02d", y, m);
        EXPECT_EQ(date.year_month().label(), expected);
      }
    }
  }
}

TEST(YearMonth, MonthsInsideAndOutsideTheMonthTableAgree) {
  // Months 1900-01..2399-12 come from a table, the others from calendar
  // arithmetic: both must give the same first days, lengths and clamps,
  // and meet without a gap at the table's edges.
  for (int y = 1850; y <= 2450; ++y) {
    for (int m = 1; m <= 12; ++m) {
      const YearMonth month = YearMonth::of(y, m);
      char first[16];
      std::snprintf(first, sizeof first, "%04d-%02d-01", y, m);
      ASSERT_EQ(month.first_day().iso(), first);
      ASSERT_EQ(month.days(), bbb::days_in_month(y, m)) << first;
      ASSERT_EQ(month.last_day().plus_days(1), month.plus(1).first_day()) << first;
      ASSERT_EQ(month.day_clamped(31), month.last_day()) << first;
      ASSERT_EQ(month.day_clamped(15).day(), 15) << first;
      ASSERT_EQ(month.first_day().year_month(), month) << first;
    }
  }
  Date d;
  ASSERT_TRUE(Date::from_ymd(2100, 2, 28, &d));
  EXPECT_FALSE(Date::from_ymd(2100, 2, 29, &d));  // not a leap year
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29, &d));
  EXPECT_EQ(d.iso(), "2000-02-29");
}

// day(), month() and year_month() read the month-start table inside it and
// the calendar outside: every day from before the table to past its end
// gives what the calendar arithmetic gives.
TEST(Date, DayAndMonthFromTheTableEqualTheCalendarsEveryDay) {
  for (std::int32_t days = bbb::detail::kTableFirstDay - 800; days <= bbb::detail::kTableEndDay + 800; ++days) {
    const Date date = Date::from_days(days);
    const bbb::detail::Civil c = bbb::detail::civil_from_days_hinnant(days);
    ASSERT_EQ(date.day(), c.d) << days;
    ASSERT_EQ(date.year_month(), YearMonth::of(c.y, c.m)) << days;
  }
}

// year_month() reads the month table through an estimate corrected by one
// compare: every day from 1850 to 2450 (inside the table, outside it, and
// across both edges) must land in the month its civil date names.
TEST(Date, YearMonthOfEveryDayFrom1850To2450) {
  Date from, to;
  ASSERT_TRUE(Date::from_ymd(1900, 1, 1, &from));
  from = from.plus_days(-50 * 366);
  ASSERT_TRUE(Date::from_ymd(2199, 12, 31, &to));
  to = to.plus_days(251 * 366);
  int days_checked = 0;
  for (Date d = from; d <= to; d = d.plus_days(1), ++days_checked) {
    const bbb::detail::Civil c = bbb::detail::civil_from_days(d.days());
    ASSERT_EQ(d.year_month(), YearMonth::of(c.y, c.m)) << d.iso();
  }
  EXPECT_GT(days_checked, 600 * 365);
}
