#include "bbb/issue_log.h"

#include <utility>

namespace bbb {

bool IssueLog::lists(const Issue& issue, std::int64_t seen_before) const {
  if (listed_.size() >= kMaxListed) return false;
  return issue.severity != "warning" || seen_before < static_cast<std::int64_t>(kMaxListedPerWarning);
}

bool IssueLog::would_list(const Issue& issue) const {
  const auto seen = counts_.find(issue.code);
  return lists(issue, seen == counts_.end() ? 0 : seen->second);
}

void IssueLog::add(Issue issue) {
  std::int64_t& seen = counts_[issue.code];
  const bool listed = lists(issue, seen);
  ++seen;
  if (!listed) {
    ++unlisted_;
    return;
  }
  listed_.push_back(std::move(issue));
}

}  // namespace bbb
