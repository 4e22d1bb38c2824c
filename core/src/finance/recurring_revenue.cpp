#include "finance/recurring_revenue.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <utility>

namespace bbb {

namespace {

// A line's monthly amount (spec 12): of a month term, floor(amount / T); of
// an interval of weeks or days, the yearly amount over twelve.
std::int64_t monthly_amount(const ContractLine& line) {
  if (line.interval_weeks > 0) return line.amount * 12 / (52 * static_cast<std::int64_t>(line.interval_weeks));
  if (line.interval_days > 0) return line.amount * 12 / (365 * static_cast<std::int64_t>(line.interval_days));
  return line.amount / line.term_months;
}

// A step function of month indices: (month, value from that month end on), months ascending.
using Steps = std::vector<std::pair<std::int32_t, std::int64_t>>;

// Adds `value` to months lo..hi (clamped to the range) of a difference array over first..first+n-1.
void add_over(std::vector<std::int64_t>& diff, std::int32_t first, std::int32_t lo, std::int32_t hi, std::int64_t value) {
  const std::int32_t n = static_cast<std::int32_t>(diff.size()) - 1;
  lo = std::max(lo, first);
  hi = std::min(hi, first + n - 1);
  if (lo > hi || value == 0) return;
  diff[static_cast<std::size_t>(lo - first)] += value;
  diff[static_cast<std::size_t>(hi - first + 1)] -= value;
}

}  // namespace

// The cohorts being filled: for each cohort (by the month of its first
// MRR), its rows as differences over its months since start.
struct RecurringRevenue::CohortTable {
  std::int32_t first = 0, latest = INT32_MIN, last = 0;
  std::vector<MrrCohort> out;
  std::vector<std::vector<std::int64_t>> customer_diff, mrr_diff;

  // A customer's whole MRR, step by step.
  void add(const Steps& whole) {
    if (whole.empty() || latest == INT32_MIN) return;
    const std::int32_t start = whole.front().first;  // its first MRR (MRR only grows from 0)
    if (start < first || start > latest) return;
    const std::size_t row = static_cast<std::size_t>(start - first);
    for (std::size_t k = 0; k < whole.size(); ++k) {
      if (whole[k].second <= 0) continue;
      const std::int32_t to = k + 1 < whole.size() ? whole[k + 1].first - 1 : last;
      add_over(customer_diff[row], start, whole[k].first, to, 1);
      add_over(mrr_diff[row], start, whole[k].first, to, whole[k].second);
    }
  }
  // Another part's customers of the same table.
  void add(const CohortTable& other) {
    for (std::size_t i = 0; i < customer_diff.size(); ++i) {
      for (std::size_t k = 0; k < customer_diff[i].size(); ++k) {
        customer_diff[i][k] += other.customer_diff[i][k];
        mrr_diff[i][k] += other.mrr_diff[i][k];
      }
    }
  }
  std::vector<MrrCohort> finish() {
    for (std::size_t i = 0; i < out.size(); ++i) {
      const std::size_t months = customer_diff[i].size() - 1;
      out[i].customers.resize(months);
      out[i].mrr.resize(months);
      std::int64_t c = 0, m = 0;
      for (std::size_t k = 0; k < months; ++k) {
        out[i].customers[k] = c += customer_diff[i][k];
        out[i].mrr[k] = m += mrr_diff[i][k];
      }
    }
    return std::move(out);
  }
};

// What a walk over some of the customers adds up: each month's movements and
// counts, balances and retention as differences (a customer adds only at its
// steps), the balance before the first month, and the cohorts.
struct RecurringRevenue::MonthSums {
  MonthSums(std::int32_t first, std::int32_t last, const CohortTable* layout)
      : first(first), last(last), months(static_cast<std::size_t>(last - first + 1)) {
    for (auto* diff : {&mrr_delta, &customer_delta, &then_diff, &now_diff, &kept_diff}) diff->assign(months.size() + 1, 0);
    if (layout != nullptr) cohorts.emplace(*layout);
  }
  std::int32_t first, last;
  std::vector<MrrMonth> months;  // movements and their customers
  std::vector<std::int64_t> mrr_delta, customer_delta, then_diff, now_diff, kept_diff;
  std::int64_t mrr_before = 0, customers_before = 0;  // at the month end before `first`
  std::optional<CohortTable> cohorts;

  void add(const MonthSums& other) {
    for (std::size_t i = 0; i < months.size(); ++i) add_movements(other.months[i], &months[i]);
    const std::pair<std::vector<std::int64_t>*, const std::vector<std::int64_t>*> diffs[] = {
        {&mrr_delta, &other.mrr_delta}, {&customer_delta, &other.customer_delta}, {&then_diff, &other.then_diff},
        {&now_diff, &other.now_diff}, {&kept_diff, &other.kept_diff}};
    for (const auto& [to, from] : diffs) {
      for (std::size_t i = 0; i < to->size(); ++i) (*to)[i] += (*from)[i];
    }
    mrr_before += other.mrr_before;
    customers_before += other.customers_before;
    if (cohorts) cohorts->add(*other.cohorts);
  }
};

MrrMove mrr_move(std::int64_t whole_before, std::int64_t whole_after, std::int64_t scope_before,
                 std::int64_t scope_after, bool had_mrr) {
  if (scope_before == scope_after) return MrrMove::kNone;
  if (whole_before == 0 && whole_after > 0) return had_mrr ? MrrMove::kReactivation : MrrMove::kNew;
  if (whole_before > 0 && whole_after == 0) return MrrMove::kChurn;
  return scope_after > scope_before ? MrrMove::kExpansion : MrrMove::kContraction;
}

std::optional<MrrSpan> mrr_span(const ContractLine& line) {
  if (!line.is_booked() || line.from_invoice || line.recognition != Recognition::kRatable || line.term_months <= 0 ||
      !line.has_booking)
    return std::nullopt;
  // The first month end on or after both the start and the booking.
  const Date from = std::max(line.start, line.booking);
  YearMonth first = from.year_month();
  // The last month end on or before the end, and before a cancellation.
  YearMonth last = line.end.year_month();
  if (line.end < last.last_day()) last = YearMonth::from_index(last.index() - 1);
  if (line.renews) last = first.plus(kRenewingMonths - 1);
  if (line.has_cancel) last = YearMonth::from_index(std::min(last.index(), line.cancel.year_month().index() - 1));
  if (last.index() < first.index()) return std::nullopt;
  return MrrSpan{monthly_amount(line), first, last};
}

MrrScope MrrScope::of(std::vector<std::uint16_t> segments) {
  MrrScope scope;
  scope.whole_ = false;
  for (std::uint16_t s : segments) {
    if (s >= scope.member_.size()) scope.member_.resize(static_cast<std::size_t>(s) + 1, false);
    scope.member_[s] = true;
  }
  return scope;
}

void RecurringRevenue::add(std::uint32_t customer, std::uint16_t segment, const ContractLine& line) {
  if (const std::optional<MrrSpan> span = mrr_span(line)) add(customer, segment, *span);
}

void RecurringRevenue::add(std::uint32_t customer, std::uint16_t segment, const MrrSpan& span) {
  if (span.mrr > 0) add_span(customer, segment, span);
}

void RecurringRevenue::add_span(std::uint32_t customer, std::uint16_t segment, const MrrSpan& span) const {
  const std::uint32_t k = customer / kLogs;
  for (std::int32_t first = span.first.index(), last = span.last.index(); first <= last; first += Span::kMaxMonths) {
    const std::int32_t months = std::min(last - first + 1, Span::kMaxMonths);
    stage(static_cast<std::uint8_t>(customer % kLogs),
          {k | static_cast<std::uint32_t>(segment) << 24, first,
           static_cast<std::uint64_t>(span.mrr) | static_cast<std::uint64_t>(months - 1) << 53});
  }
}

void RecurringRevenue::add_by_key(std::uint64_t customer_key, std::uint16_t segment, const MrrSpan& span) {
  if (span.mrr <= 0) return;
  settled_ = false;
  ids_.prefetch(customer_key);
  const Keyed line{customer_key, segment, span};
  if (keyed_.size() < kLookAhead) {
    keyed_.push_back(line);
    return;
  }
  Keyed& oldest = keyed_[keyed_next_];
  add_keyed(oldest);
  oldest = line;
  keyed_next_ = (keyed_next_ + 1) % kLookAhead;
}

void RecurringRevenue::add_keyed(const Keyed& k) const { add_span(ids_.of_key(k.key), k.segment, k.span); }

void RecurringRevenue::stage(std::uint8_t log, const Span& span) const {
  settled_ = false;
  if (staged_.capacity() == 0) {
    staged_.reserve(kStaged);
    staged_log_.reserve(kStaged);
  }
  staged_.push_back(span);
  staged_log_.push_back(log);
  if (staged_.size() == kStaged) hand_to_logs(logs_, staged_, staged_log_);
}

void RecurringRevenue::hand_to_logs(std::vector<Log>& logs, std::vector<Span>& staged,
                                    std::vector<std::uint8_t>& staged_log) {
  for (std::size_t i = 0; i < staged.size(); ++i) append(logs[staged_log[i]], staged[i]);
  staged.clear();
  staged_log.clear();
}

void RecurringRevenue::append(Log& log, const Span& span) {
  if (span.customer() >= log.customers) log.customers = span.customer() + 1;
  if (log.pending.size() >= log.room()) merge(log);
  // Room for as many as the next merge takes, set aside at once: never grown by copying.
  if (log.pending.size() == log.pending.capacity()) log.pending.reserve(log.room());
  log.pending.push_back(span);
}

void RecurringRevenue::merge(Log& log) {
  // By customer (a counting sort: ids are dense), then each customer's few
  // spans by segment and months; the same months summed, renewals joined.
  std::vector<std::uint32_t> from(log.customers + 1, 0);
  for (const Span& s : log.spans) from[s.customer() + 1]++;
  for (const Span& s : log.pending) from[s.customer() + 1]++;
  for (std::size_t i = 0; i < log.customers; ++i) from[i + 1] += from[i];
  const std::size_t total = log.spans.size + log.pending.size();
  std::unique_ptr<Span[]> sorted(new Span[total]);
  {
    std::vector<std::uint32_t> at(from.begin(), from.end() - 1);
    for (const Span& s : log.spans) sorted[at[s.customer()]++] = s;
    for (const Span& s : log.pending) sorted[at[s.customer()]++] = s;
  }
  log.spans = Spans();
  log.pending.clear();  // its room is kept: the next spans go there
  std::size_t out = 0;
  for (std::size_t k = 0; k < log.customers; ++k) {
    Span* const first = sorted.get() + from[k];
    Span* const last = sorted.get() + from[k + 1];
    std::sort(first, last, [](const Span& a, const Span& b) {
      if (a.segment() != b.segment()) return a.segment() < b.segment();
      if (a.first != b.first) return a.first < b.first;
      return a.mrr_months < b.mrr_months;
    });
    from[k] = static_cast<std::uint32_t>(out);
    for (auto it = first; it != last; ++it) {
      if (out > from[k]) {
        Span& kept = sorted[out - 1];
        if (kept.segment() == it->segment() && kept.first == it->first && kept.months() == it->months()) {
          kept.mrr_months += static_cast<std::uint64_t>(it->mrr());  // the same months: MRR summed (below 2^53)
          continue;
        }
        if (kept.segment() == it->segment() && kept.mrr() == it->mrr() && kept.first + kept.months() == it->first &&
            kept.months() + it->months() <= Span::kMaxMonths) {
          kept.mrr_months += static_cast<std::uint64_t>(it->months()) << 53;  // a renewal at one price: joined
          continue;
        }
      }
      sorted[out++] = *it;
    }
  }
  from[log.customers] = static_cast<std::uint32_t>(out);
  log.joins = out <= total - total / 8;
  if (out < total - total / 4) {  // renewals joined: kept in an array of their own size
    std::unique_ptr<Span[]> fewer(new Span[out]);
    std::copy(sorted.get(), sorted.get() + out, fewer.get());
    sorted = std::move(fewer);
  }
  log.spans.data = std::move(sorted);
  log.spans.size = out;
  log.from.swap(from);
}

void RecurringRevenue::settle() const {
  if (settled_) return;
  for (std::size_t i = 0; i < keyed_.size(); ++i) add_keyed(keyed_[(keyed_next_ + i) % keyed_.size()]);
  keyed_ = std::vector<Keyed>();
  keyed_next_ = 0;
  hand_to_logs(logs_, staged_, staged_log_);
  staged_ = std::vector<Span>();
  staged_log_ = std::vector<std::uint8_t>();
  const std::size_t parts = std::min(parallel_->width(), kLogs);
  parallel_->run(parts, [&](std::size_t part) {
    for (std::size_t at = log_at(part, parts); at < log_at(part + 1, parts); ++at) {
      Log& log = logs_[at];
      if (!log.pending.empty() || log.from.size() != log.customers + 1) merge(log);
      log.pending = std::vector<Span>();  // nothing more comes: its room goes back
    }
  });
  settled_ = true;
}

std::size_t RecurringRevenue::changes_kept() const {
  std::size_t n = 0;
  for (const Log& log : logs_) n += log.spans.size + log.pending.capacity();
  return n + staged_.capacity();
}

std::vector<MrrMonth> RecurringRevenue::months(YearMonth first, YearMonth last, const MrrScope& scope) const {
  return months_of(first, last, scope, nullptr);
}

std::vector<MrrMonth> RecurringRevenue::months_of(YearMonth first_month, YearMonth last_month, const MrrScope& scope,
                                                  CohortTable* cohorts) const {
  const std::int32_t first = first_month.index(), last = last_month.index();
  if (last < first) return {};
  settle();
  const std::size_t parts = std::min(parallel_->width(), kLogs);
  std::vector<MonthSums> sums(parts, MonthSums(first, last, cohorts));
  parallel_->run(parts, [&](std::size_t part) { walk(log_at(part, parts), log_at(part + 1, parts), scope, &sums[part]); });
  MonthSums& total = sums.front();
  for (std::size_t part = 1; part < parts; ++part) total.add(sums[part]);
  if (cohorts != nullptr) *cohorts = std::move(*total.cohorts);
  std::vector<MrrMonth> out = std::move(total.months);
  std::int64_t mrr = total.mrr_before, customers = total.customers_before, then = 0, now = 0, kept = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].month = YearMonth::from_index(first + static_cast<std::int32_t>(i));
    out[i].mrr_begin = mrr;
    out[i].customers_begin = customers;
    mrr += total.mrr_delta[i];
    customers += total.customer_delta[i];
    out[i].mrr_end = mrr;
    out[i].customers_end = customers;
    out[i].retention_then = then += total.then_diff[i];
    out[i].retention_now = now += total.now_diff[i];
    out[i].retention_kept = kept += total.kept_diff[i];
  }
  return out;
}

void RecurringRevenue::walk(std::size_t from, std::size_t to, const MrrScope& scope, MonthSums* sums) const {
  const std::int32_t first = sums->first, last = sums->last;
  std::vector<MrrMonth>& out = sums->months;
  std::vector<std::int64_t>&mrr_delta = sums->mrr_delta, &customer_delta = sums->customer_delta;
  std::vector<std::int64_t>&then_diff = sums->then_diff, &now_diff = sums->now_diff, &kept_diff = sums->kept_diff;
  CohortTable* const cohorts = sums->cohorts ? &*sums->cohorts : nullptr;
  // Kept here, not in *sums, until the end: parts' sums share a cache line.
  std::int64_t mrr_before = 0, customers_before = 0;
  Steps scoped;  // the customer's MRR in the scope, step by step
  for_each_customer(from, to, [&](const Change* list, std::size_t size) {
    scoped.clear();
    std::int64_t whole = 0, in_scope = 0, opening = 0;  // opening: at the month end before `first`
    bool had_mrr = false;  // any MRR at a month end before the one at hand
    for (std::size_t i = 0; i < size;) {
      const std::int32_t month = list[i].month;
      const std::int64_t whole_before = whole, scope_before = in_scope;
      for (; i < size && list[i].month == month; ++i) {
        whole += list[i].delta;
        if (scope.has(list[i].segment)) in_scope += list[i].delta;
      }
      if (in_scope != scope_before) scoped.emplace_back(month, in_scope);
      if (month < first) opening = in_scope;
      const bool had = had_mrr;
      had_mrr = had_mrr || whole > 0;
      if (month < first || month > last || in_scope == scope_before) continue;
      const std::size_t at = static_cast<std::size_t>(month - first);
      MrrMonth& m = out[at];
      mrr_delta[at] += in_scope - scope_before;
      customer_delta[at] += (in_scope > 0 ? 1 : 0) - (scope_before > 0 ? 1 : 0);
      switch (mrr_move(whole_before, whole, scope_before, in_scope, had)) {
        case MrrMove::kNew: m.new_mrr += in_scope; m.new_customers++; break;
        case MrrMove::kReactivation: m.reactivation += in_scope; m.reactivated_customers++; break;
        case MrrMove::kChurn: m.churn += scope_before; m.churned_customers++; break;
        case MrrMove::kExpansion: m.expansion += in_scope - scope_before; break;
        case MrrMove::kContraction: m.contraction += scope_before - in_scope; break;
        case MrrMove::kNone: break;
      }
    }
    if (scoped.empty()) return;
    if (cohorts != nullptr) cohorts->add(scoped);  // the whole scope's steps are the customer's
    mrr_before += opening;
    customers_before += opening > 0 ? 1 : 0;
    // Retention: then = its MRR 12 month ends earlier, now = its MRR when
    // then > 0, kept = min(now, then). Each changes only at a step or 12
    // months after one: the two runs walked in month order, each change
    // added to a difference array (one before `first` counts from `first`).
    std::int64_t now = 0, then = 0, then_was = 0, now_was = 0, kept_was = 0;
    scoped.emplace_back(INT32_MAX - 12, 0);  // past any month: the walk stops before it
    for (std::size_t a = 0, b = 0;;) {
      const std::int32_t m = std::min(scoped[a].first, scoped[b].first + 12);
      if (m > last) break;
      // Without branches: which run steps here is as good as random.
      const bool now_steps = scoped[a].first == m, then_steps = scoped[b].first + 12 == m;
      now = now_steps ? scoped[a].second : now;
      then = then_steps ? scoped[b].second : then;
      a += now_steps;
      b += then_steps;
      const std::size_t at = static_cast<std::size_t>(std::max(m - first, 0));
      const std::int64_t now_kept = then > 0 ? now : 0, kept = std::min(now, then);
      then_diff[at] += then - then_was;
      now_diff[at] += now_kept - now_was;
      kept_diff[at] += kept - kept_was;
      then_was = then;
      now_was = now_kept;
      kept_was = kept;
    }
  });
  sums->mrr_before += mrr_before;
  sums->customers_before += customers_before;
}

RecurringRevenue::CohortTable RecurringRevenue::cohort_table(YearMonth first_month, YearMonth last_month,
                                                             std::size_t window) const {
  CohortTable t;
  t.first = first_month.index();
  t.last = last_month.index();
  if (t.last < t.first || window == 0) return t;
  // The window ends at the last month in which a customer first had MRR.
  settle();
  for (const Log& log : logs_) {
    for (std::uint32_t k = 0; k < log.customers; ++k) {
      std::int32_t start = INT32_MAX;  // the customer's first span's start
      for (std::uint32_t i = log.from[k]; i < log.from[k + 1]; ++i) start = std::min(start, log.spans[i].first);
      if (start >= t.first && start <= t.last) t.latest = std::max(t.latest, start);
    }
  }
  if (t.latest == INT32_MIN) return t;
  t.first = std::max(t.first, t.latest - static_cast<std::int32_t>(window) + 1);
  const std::size_t n = static_cast<std::size_t>(t.latest - t.first + 1);
  t.out.resize(n);
  t.customer_diff.resize(n);
  t.mrr_diff.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t start = t.first + static_cast<std::int32_t>(i);
    t.out[i].start = YearMonth::from_index(start);
    const std::size_t months = std::min<std::size_t>(window, static_cast<std::size_t>(t.last - start + 1));
    t.customer_diff[i].assign(months + 1, 0);
    t.mrr_diff[i].assign(months + 1, 0);
  }
  return t;
}

std::vector<MrrCohort> RecurringRevenue::cohorts(YearMonth first, YearMonth last, std::size_t window) const {
  std::vector<MrrCohort> out;
  months_and_cohorts(first, last, window, &out);
  return out;
}

std::vector<MrrMonth> RecurringRevenue::months_and_cohorts(YearMonth first, YearMonth last, std::size_t window,
                                                           std::vector<MrrCohort>* cohorts) const {
  CohortTable table = cohort_table(first, last, window);
  std::vector<MrrMonth> months = months_of(first, last, MrrScope::whole(), &table);
  *cohorts = table.finish();
  return months;
}

}  // namespace bbb
