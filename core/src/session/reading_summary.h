// What the reading half of a session gives its report: the rows read, the
// files and the issues, written once as the report writes them. When one
// worker reads the files and another folds their lines (PackedLines), the
// folding worker takes this as bytes and writes the whole report: the
// same bytes as one session reading and folding alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/date.h"
#include "values/money.h"

namespace bbb {

struct ReadingSummary {
  std::string rows;                               // the report's "rows" value
  std::vector<CurrencyCode> rejected_currencies;  // named by rejected rows and the values lists, file by file, as read
  std::string files_and_issues;                   // the "files", "issues", "issue_counts" and "issues_unlisted" members
  std::optional<Date> data_end;                   // the latest date the files record as past (Session::data_end)
};

std::string encode_reading_summary(const ReadingSummary& part);
// False when `bytes` are not an encoded part (cut short, or not one).
bool decode_reading_summary(std::string_view bytes, ReadingSummary* out);

}  // namespace bbb
