#include "bbb/issue_log.h"

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

void IssueLog::count_unlisted(std::string_view code) {
  auto seen = counts_.find(code);
  if (seen == counts_.end()) seen = counts_.emplace(std::string(code), 0).first;
  ++seen->second;
  ++unlisted_;
}

void IssueLog::add(Issue issue) {
  auto at = counts_.find(issue.code);
  if (at == counts_.end()) at = counts_.emplace(issue.code, 0).first;
  std::int64_t& seen = at->second;
  const bool listed = lists(issue.severity, seen);
  ++seen;
  if (!listed) {
    ++unlisted_;
    return;
  }
  listed_.push_back(std::move(issue));
}

}  // namespace bbb
