// Every problem found in the input, for people and for the report. Errors
// are listed one by one; a warning that repeats on many rows (say, "no
// currency, default used" on every row) is listed a few times and counted.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bbb {

struct Issue {
  std::string file;        // "contracts", "invoices", "fulfilment"
  std::int64_t line = 0;   // 1-based physical line, header = 1; 0 = the whole file
  std::string column;      // header name as written, "" when the whole row or file
  std::string severity;    // "error" (row rejected, or file unreadable) or "warning"
  std::string code;        // stable id such as "bad_date"
  std::string message;     // for people
  std::string value;       // the offending value, if any
  std::string raw;         // the row as written (fields re-joined), for row issues
};

class IssueLog {
 public:
  // Rows of a 10 GB file could all be bad: the list is bounded and the
  // counts are always exact.
  static constexpr std::size_t kMaxListed = 10000;
  static constexpr std::size_t kMaxListedPerWarning = 50;

  void add(Issue issue);
  // Whether add(issue) would list it rather than only count it: what only
  // costs a listed issue (the row as written, its message) need not be
  // built otherwise. Once false for a severity and code it stays false.
  bool would_list(const Issue& issue) const { return would_list(issue.severity, issue.code); }
  bool would_list(std::string_view severity, std::string_view code) const;
  // When the log would not list an issue of this severity and code: counts
  // it, as add() would, and says so, so that the caller builds nothing.
  // False: the caller builds the issue and add()s it.
  bool count_if_unlisted(std::string_view severity, std::string_view code);
  const std::vector<Issue>& listed() const { return listed_; }
  const std::map<std::string, std::int64_t, std::less<>>& counts() const { return counts_; }  // by code
  std::int64_t unlisted() const { return unlisted_; }

 private:
  // Whether an issue is listed, its code having been seen seen_before times.
  bool lists(std::string_view severity, std::int64_t seen_before) const;
  std::vector<Issue> listed_;
  std::map<std::string, std::int64_t, std::less<>> counts_;
  std::int64_t unlisted_ = 0;
};

}  // namespace bbb
