// Subscriptions (spec 11): one row of a Stripe or Chargebee export, and the
// contract lines it stands for, one per billing interval.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "values/date.h"
#include "values/money.h"

namespace bbb {

enum class IntervalUnit { kDay, kWeek, kMonth };  // a year is 12 months, a quarter 3

struct BillingInterval {
  IntervalUnit unit = IntervalUnit::kMonth;
  std::int32_t count = 1;
  // The interval's length in months when it is a whole number of months, else 0.
  std::int32_t months() const { return unit == IntervalUnit::kMonth ? count : 0; }
};

// "month", "monthly", "year", "annual", "week", "day", "quarter"... (a
// count of 1); false for any other word.
bool parse_interval_unit(std::string_view text, BillingInterval* out);
// The interval a current period [start, end] spans: whole months when end is
// start + n months (the day before or the day itself, as systems write it),
// else whole weeks, else days. False when end is not after start.
bool interval_of_period(Date start, Date end, BillingInterval* out);

// What a subscription's status says: incomplete and incomplete_expired ones
// were never paid for (Stripe); trialing and "In Trial" ones are in their
// trial, whose end is the current period's end when no column gives it.
// False for a word no billing system writes.
enum class SubscriptionStatus { kStarted, kNeverStarted, kInTrial };
bool parse_subscription_status(std::string_view text, SubscriptionStatus* out);

struct SubscriptionRow {
  std::string_view id;
  std::string_view customer;
  std::int64_t line_number = 0;
  CurrencyCode currency;
  std::int64_t amount = 0;  // of one interval: unit amount x quantity, minor units
  BillingInterval interval;
  bool started = true;       // false: incomplete, never paid
  Date start;                // when the subscription started
  bool has_trial_end = false;
  Date trial_end;            // paid intervals run from here
  bool has_end = false;
  Date end;                  // ended or cancelled on this day: served through the day before
  bool has_period_start = false;
  Date period_start;         // the interval being billed when the file was exported
};

struct SubscriptionInterval {
  Date start, end;    // end: the last day of the interval, inclusive
  bool cut = false;   // the subscription ended inside it, on `cut_on`
  Date cut_on;
};

// The intervals of a subscription that begin on or before `through` (and
// before it ended): from the trial end when there was a trial (the first
// paid interval starts then, as Stripe and Chargebee bill), else from the
// start, each the next after the last; a month interval steps from the
// anchor's day (clamped to the month's end), never from the clamped day.
// False when there would be more than `max` of them.
bool subscription_intervals(const SubscriptionRow& row, Date through, std::size_t max,
                            std::vector<SubscriptionInterval>* out);

// The last day the row's intervals are read through when no as-of date is
// set: the interval being billed at export (its current period start), else
// the day before it ended, else none (false).
bool snapshot_through(const SubscriptionRow& row, Date* through);

}  // namespace bbb
