#include "rows/sample_rows.h"

namespace bbb {

void SampleRows::add(const CsvRecord& record) {
  rows_.push_back(Row{cell_ends_.size(), record.line});
  for (std::size_t i = 0; i < record.field_count; ++i) {
    text_.append(record.fields[i].data(), record.fields[i].size());
    cell_ends_.push_back(text_.size());
  }
}

void SampleRows::clear() {
  text_.clear();
  cell_ends_.clear();
  rows_.clear();
}

CsvRecord SampleRows::record(std::size_t row, std::vector<std::string_view>* views) const {
  views->clear();
  for (std::size_t c = first_cell(row), end = first_cell(row + 1); c < end; ++c)
    views->emplace_back(text_.data() + cell_start(c), cell_ends_[c] - cell_start(c));
  CsvRecord r;
  r.line = rows_[row].line;
  r.fields = views->data();
  r.field_count = views->size();
  return r;
}

std::string_view SampleRows::cell(std::size_t row, std::size_t column) const {
  const std::size_t c = first_cell(row) + column;
  return std::string_view(text_.data() + cell_start(c), cell_ends_[c] - cell_start(c));
}

}  // namespace bbb
