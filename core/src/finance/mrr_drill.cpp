#include "finance/mrr_drill.h"

#include <algorithm>
#include <numeric>

namespace bbb {

const char* const kMrrDrillMetrics[8] = {"mrr_begin", "mrr_end", "arr_end", "mrr_new",
                                         "mrr_expansion", "mrr_contraction", "mrr_churn", "mrr_reactivation"};

bool is_mrr_drill_metric(std::string_view metric) {
  for (const char* name : kMrrDrillMetrics)
    if (metric == name) return true;
  return false;
}

void MrrDrill::add(std::uint64_t customer_key, const MrrSpan& span, bool in_scope) {
  if (span.mrr == 0) return;
  lines_.push_back({customer_key, span, in_scope});
}

namespace {

bool active(const MrrSpan& s, std::int32_t m) { return s.first.index() <= m && m <= s.last.index(); }

}  // namespace

std::vector<MrrDrill::Part> MrrDrill::parts() const {
  std::vector<std::int64_t> part(lines_.size(), 0);
  const std::int32_t from = from_.index(), to = to_.index();
  // Balances: the lines in scope at one month end.
  if (metric_ == "mrr_begin" || metric_ == "mrr_end" || metric_ == "arr_end") {
    const std::int32_t at = metric_ == "mrr_begin" ? from - 1 : to;
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (lines_[i].in_scope && active(lines_[i].span, at)) part[i] = (metric_ == "arr_end" ? 12 : 1) * lines_[i].span.mrr;
  } else {
    const MrrMove wanted = metric_ == "mrr_new"           ? MrrMove::kNew
                        : metric_ == "mrr_reactivation" ? MrrMove::kReactivation
                        : metric_ == "mrr_expansion"    ? MrrMove::kExpansion
                        : metric_ == "mrr_contraction"  ? MrrMove::kContraction
                                                        : MrrMove::kChurn;
    const bool adds = wanted == MrrMove::kNew || wanted == MrrMove::kReactivation || wanted == MrrMove::kExpansion;
    // Each customer's lines, then its months of change in order.
    std::vector<std::size_t> order(lines_.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return lines_[a].customer < lines_[b].customer; });
    struct Step { std::int32_t month; std::size_t line; bool starts; };
    std::vector<Step> steps;
    for (std::size_t g = 0; g < order.size();) {
      std::size_t end = g;
      while (end < order.size() && lines_[order[end]].customer == lines_[order[g]].customer) ++end;
      steps.clear();
      for (std::size_t k = g; k < end; ++k) {
        const MrrSpan& s = lines_[order[k]].span;
        steps.push_back({s.first.index(), order[k], true});
        steps.push_back({s.last.index() + 1, order[k], false});
      }
      std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.month < b.month; });
      std::int64_t whole = 0, scope = 0;
      bool had_mrr = false;
      for (std::size_t i = 0; i < steps.size();) {
        const std::int32_t month = steps[i].month;
        const std::size_t first_step = i;
        const std::int64_t whole_before = whole, scope_before = scope;
        for (; i < steps.size() && steps[i].month == month; ++i) {
          const Line& l = lines_[steps[i].line];
          const std::int64_t d = steps[i].starts ? l.span.mrr : -l.span.mrr;
          whole += d;
          if (l.in_scope) scope += d;
        }
        const bool had = had_mrr;
        had_mrr = had_mrr || whole > 0;
        if (month < from || month > to) continue;
        if (mrr_move(whole_before, whole, scope_before, scope, had) != wanted) continue;
        for (std::size_t k = first_step; k < i; ++k) {
          const Line& l = lines_[steps[k].line];
          if (!l.in_scope) continue;
          const std::int64_t d = steps[k].starts ? l.span.mrr : -l.span.mrr;
          part[steps[k].line] += adds ? d : -d;
        }
      }
      g = end;
    }
  }
  std::vector<Part> out;
  for (std::size_t i = 0; i < part.size(); ++i)
    if (part[i] != 0) out.push_back({i, part[i]});
  return out;
}

}  // namespace bbb
