#include "bbb/issue_log.h"

#include <utility>

namespace bbb {

bool IssueLog::would_list(const Issue& issue) const {
  if (listed_.size() >= kMaxListed) return false;
  if (issue.severity != "warning") return true;
  const auto seen = counts_.find(issue.code);
  return seen == counts_.end() || seen->second < static_cast<std::int64_t>(kMaxListedPerWarning);
}

void IssueLog::add(Issue issue) {
  const bool listed = would_list(issue);
  ++counts_[issue.code];
  if (!listed) {
    ++unlisted_;
    return;
  }
  listed_.push_back(std::move(issue));
}

}  // namespace bbb
