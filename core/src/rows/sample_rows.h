// The first rows of a file, kept as read until its formats are decided
// (Session::decide_formats), then replayed. Their cells' bytes lie back to
// back in one buffer: a thousand rows of fourteen cells are a handful of
// allocations instead of 14,000 strings. In wasm each of those strings was
// a malloc and, at the replay, a free: enough calls that V8 optimised
// malloc, the function keeping the rows and the one replaying them, all
// for a step that runs once a file, while a small file's report waited on
// the same two cores.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/csv_reader.h"

namespace bbb {

class SampleRows {
 public:
  void add(const CsvRecord& record);
  std::size_t size() const { return rows_.size(); }
  void clear();

  // Row i as a record whose fields are views of this sample, written into
  // *views (valid until the next add() or clear()).
  CsvRecord record(std::size_t row, std::vector<std::string_view>* views) const;
  std::size_t width(std::size_t row) const { return first_cell(row + 1) - first_cell(row); }
  // The row's cell in `column`, which must be below width(row).
  std::string_view cell(std::size_t row, std::size_t column) const;
  // The bytes of every row as the file wrote them: cells and delimiters.
  std::uint64_t bytes() const { return text_.size() + cell_ends_.size(); }

 private:
  struct Row {
    std::size_t first_cell;  // in cell_ends_
    std::int64_t line;
  };
  std::size_t first_cell(std::size_t row) const { return row < rows_.size() ? rows_[row].first_cell : cell_ends_.size(); }
  std::size_t cell_start(std::size_t cell) const { return cell == 0 ? 0 : cell_ends_[cell - 1]; }

  std::string text_;                   // every cell's bytes, one after another
  std::vector<std::size_t> cell_ends_;  // where each cell ends in text_
  std::vector<Row> rows_;
};

}  // namespace bbb
