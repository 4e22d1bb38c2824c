#include "bbb/issue_log.h"

#include <utility>

namespace bbb {

void IssueLog::add(Issue issue) {
  const std::int64_t seen = ++counts_[issue.code];
  const bool over_warning_cap = issue.severity == "warning" && seen > static_cast<std::int64_t>(kMaxListedPerWarning);
  if (listed_.size() >= kMaxListed || over_warning_cap) {
    ++unlisted_;
    return;
  }
  listed_.push_back(std::move(issue));
}

}  // namespace bbb
