// A session's workbook files: the sheet a WorkbookReader turns into CSV
// text goes through the same CSV reader and row checks as a CSV file.
#include "bbb/session.h"

namespace bbb {

WorkbookReader& Session::begin_workbook(std::uint64_t file_size, const std::string& sheet) {
  // The reader writes the sheet as UTF-8 with commas, whatever the settings say of CSV files.
  CsvOptions csv = settings_.csv;
  csv.encoding = Encoding::kUtf8;
  csv.delimiter = ',';
  start_csv_reader(csv);
  workbook_ = std::make_unique<WorkbookReader>(file_size, sheet, [this](std::string_view text) {
    reader_->feed(text.data(), text.size());
  });
  files_.back().workbook = WorkbookSummary{};
  workbook_error_.clear();
  return *workbook_;
}

void Session::refuse_file(const std::string& sentence) {
  if (!reader_ || refused_) return;
  file_issue("error", "unreadable_file", sentence);
  fatal_ = true;
  refused_ = true;
  files_.back().readable = false;
}

void Session::fail_workbook(const std::string& sentence) {
  if (workbook_ && workbook_error_.empty()) workbook_error_ = sentence;
}

void Session::end_workbook() {
  FileSummary& file = files_.back();
  file.workbook->sheet = workbook_->sheet();
  file.workbook->sheets = workbook_->sheet_names();
  if (workbook_->failed() || !workbook_error_.empty()) {
    // What was read before a part failed stays counted; the file is refused as a whole.
    file_issue("error", "unreadable_workbook", workbook_->failed() ? workbook_->error() : workbook_error_);
    fatal_ = true;
    file.readable = false;
    return;
  }
  const std::int64_t errors = workbook_->error_cells();
  if (errors > 0)
    file_issue("warning", "error_cells",
               std::to_string(errors) + (errors == 1 ? " cell holds" : " cells hold") + " an Excel error (the first, " +
                   workbook_->first_error_value() + ", in row " + std::to_string(workbook_->first_error_row()) +
                   ", column " + workbook_->first_error_column() + "): read as an empty value");
}

}  // namespace bbb
