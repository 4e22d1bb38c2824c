#include "rows/issue_log.h"

#include <utility>

namespace bbb {

bool IssueLog::lists(std::string_view severity, std::int64_t seen_before) const {
  if (listed_.size() >= kMaxListed) return false;
  return severity != "warning" || seen_before < static_cast<std::int64_t>(kMaxListedPerWarning);
}

bool IssueLog::would_list(std::string_view severity, std::string_view code) const {
  const auto seen = counts_.find(code);
  return lists(severity, seen == counts_.end() ? 0 : seen->second);
}

bool IssueLog::count_if_unlisted(std::string_view severity, std::string_view code) {
  const auto seen = counts_.find(code);
  if (lists(severity, seen == counts_.end() ? 0 : seen->second)) return false;
  if (seen == counts_.end()) counts_.emplace(std::string(code), 1);
  else ++seen->second;
  ++unlisted_;
  return true;
}

void IssueLog::add(Issue issue) {
  std::int64_t& seen = counts_[issue.code];
  const bool listed = lists(issue.severity, seen);
  ++seen;
  if (!listed) {
    ++unlisted_;
    return;
  }
  listed_.push_back(std::move(issue));
}

}  // namespace bbb
