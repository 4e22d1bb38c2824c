// A worksheet's <sheetData> as CSV text: one line per row, so that the CSV's
// line number is the sheet's row number (a row the sheet skips is an empty
// line), one field per column up to the row's last value (a cell it skips is
// an empty field), each value as a user sees it: shared and inline strings,
// TRUE / FALSE, a date-formatted number as its date, a number as the decimal
// text Excel shows, an error cell (#N/A) as an empty field that is counted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "workbook/excel_dates.h"
#include "workbook/shared_strings.h"
#include "workbook/xml_scanner.h"

namespace bbb {

// The error cells of a sheet, for one warning: how many, and the first.
struct ErrorCells {
  std::int64_t count = 0;
  std::int64_t first_row = 0;
  std::string first_column;  // its letters: "F"
  std::string first_value;   // as Excel shows it: "#N/A"
};

// What the sheet's cells need from the rest of the workbook.
struct SheetContext {
  const SharedStrings* strings = nullptr;
  const std::vector<bool>* date_styles = nullptr;  // by cell style (s="N")
  DateSystem date_system = DateSystem::k1900;
  std::size_t max_cell_bytes = std::size_t{16} << 20;
};

class SheetCsvWriter : public XmlHandler {
 public:
  // A cell's t=: what its value is.
  enum class CellType { kNumber, kSharedString, kString, kBoolean, kError, kDate, kOther };

  SheetCsvWriter(SheetContext context, std::function<void(std::string_view)> csv);

  bool start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) override;
  bool end_element(std::string_view name) override;
  bool text(std::string_view text) override;

  void flush();  // hands the CSV text made so far on
  const ErrorCells& error_cells() const { return error_cells_; }
  // Why it stopped the scan, a sentence: "the sheet's cell C5 names a shared string the workbook does not have".
  const std::string& error() const { return error_; }

 private:
  void start_row(const std::vector<XmlAttribute>& attributes);
  void start_cell(const std::vector<XmlAttribute>& attributes);
  bool end_cell();
  void emit(std::string_view field);
  bool fail(std::string sentence);

  SheetContext context_;
  std::function<void(std::string_view)> csv_;
  std::string out_;
  ErrorCells error_cells_;
  std::string error_;

  bool in_sheet_data_ = false;
  bool in_row_ = false;
  std::int64_t row_ = 0;             // the current row's number
  std::int64_t lines_written_ = 0;   // rows whose line is out
  bool row_has_values_ = false;
  std::int64_t column_ = 0;          // the current cell's column (A is 1)
  std::int64_t column_written_ = 0;  // the last column of the row with a value out

  bool in_cell_ = false;
  CellType type_ = CellType::kNumber;  // t=
  int style_ = 0;     // s=
  bool in_value_ = false;
  bool in_inline_ = false;
  bool has_inline_ = false;
  int phonetic_depth_ = 0;
  bool in_inline_text_ = false;
  std::string value_;   // <v>
  std::string inline_;  // <is>'s text, decoded
  std::string raw_;     // the current <is><t>, before its _xHHHH_ escapes are decoded
  std::string field_;  // a cell's text when it is not the value as stored
  std::string date_;   // a date-formatted number's date
};

// A column's letters: 1 -> "A", 27 -> "AA".
std::string column_letters(std::int64_t column);

}  // namespace bbb
