#include "rows/subscription.h"

#include <string>

namespace bbb {
namespace {

// Lower case, without spaces, '_' and '-': "Past Due" and "past_due" alike.
std::string folded(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '_' || c == '-') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

bool parse_interval_unit(std::string_view text, BillingInterval* out) {
  struct Word { const char* word; IntervalUnit unit; std::int32_t count; };
  static const Word kWords[] = {
      {"day", IntervalUnit::kDay, 1},          {"days", IntervalUnit::kDay, 1},
      {"daily", IntervalUnit::kDay, 1},        {"week", IntervalUnit::kWeek, 1},
      {"weeks", IntervalUnit::kWeek, 1},       {"weekly", IntervalUnit::kWeek, 1},
      {"month", IntervalUnit::kMonth, 1},      {"months", IntervalUnit::kMonth, 1},
      {"monthly", IntervalUnit::kMonth, 1},    {"quarter", IntervalUnit::kMonth, 3},
      {"quarterly", IntervalUnit::kMonth, 3},  {"semiannual", IntervalUnit::kMonth, 6},
      {"halfyear", IntervalUnit::kMonth, 6},   {"year", IntervalUnit::kMonth, 12},
      {"years", IntervalUnit::kMonth, 12},     {"yearly", IntervalUnit::kMonth, 12},
      {"annual", IntervalUnit::kMonth, 12},    {"annually", IntervalUnit::kMonth, 12},
  };
  const std::string f = folded(text);
  for (const Word& w : kWords)
    if (f == w.word) { *out = {w.unit, w.count}; return true; }
  return false;
}

bool interval_of_period(Date start, Date end, BillingInterval* out) {
  if (end <= start) return false;
  for (std::int32_t n = 1; n <= 120; ++n) {
    const Date next = add_months(start, n);
    if (next == end || next.plus_days(-1) == end) { *out = {IntervalUnit::kMonth, n}; return true; }
    if (next > end) break;
  }
  const std::int32_t days = end - start;
  if (days % 7 == 0) *out = {IntervalUnit::kWeek, days / 7};
  else *out = {IntervalUnit::kDay, days};
  return true;
}

bool parse_subscription_status(std::string_view text, SubscriptionStatus* out) {
  // Stripe's and Chargebee's words (../shared/sources/FORMATS.md).
  static const char* const kStarted[] = {"active", "pastdue", "unpaid", "nonrenewing", "paused",
                                         "canceled", "cancelled", "ended", "future"};
  static const char* const kNeverStarted[] = {"incomplete", "incompleteexpired"};
  static const char* const kInTrial[] = {"trialing", "intrial", "trial"};
  const std::string f = folded(text);
  for (const char* w : kStarted)
    if (f == w) { *out = SubscriptionStatus::kStarted; return true; }
  for (const char* w : kNeverStarted)
    if (f == w) { *out = SubscriptionStatus::kNeverStarted; return true; }
  for (const char* w : kInTrial)
    if (f == w) { *out = SubscriptionStatus::kInTrial; return true; }
  return false;
}

namespace {

Date interval_start(Date anchor, const BillingInterval& interval, std::int64_t k) {
  switch (interval.unit) {
    case IntervalUnit::kDay: return anchor.plus_days(static_cast<std::int32_t>(k * interval.count));
    case IntervalUnit::kWeek: return anchor.plus_days(static_cast<std::int32_t>(k * interval.count * 7));
    case IntervalUnit::kMonth: return add_months(anchor, static_cast<std::int32_t>(k * interval.count));
  }
  return anchor;
}

}  // namespace

bool subscription_intervals(const SubscriptionRow& row, Date through, std::size_t max,
                            std::vector<SubscriptionInterval>* out) {
  out->clear();
  if (!row.started) return true;
  const Date anchor = row.has_trial_end && row.trial_end > row.start ? row.trial_end : row.start;
  for (std::int64_t k = 0;; ++k) {
    const Date start = interval_start(anchor, row.interval, k);
    if (start > through || (row.has_end && row.end <= start)) return true;
    if (out->size() == max) return false;
    SubscriptionInterval i;
    i.start = start;
    i.end = interval_start(anchor, row.interval, k + 1).plus_days(-1);
    if (row.has_end && row.end <= i.end) { i.cut = true; i.cut_on = row.end; }
    out->push_back(i);
  }
}

bool snapshot_through(const SubscriptionRow& row, Date* through) {
  if (row.has_period_start) { *through = row.period_start; return true; }
  if (row.has_end) { *through = row.end.plus_days(-1); return true; }
  return false;
}

}  // namespace bbb
