// The sample a session keeps until a file's formats are decided: every
// cell back as it was read, row by row, with its line, whatever the widths.
#include "rows/sample_rows.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace bbb {
namespace {

void add_row(SampleRows* sample, std::int64_t line, std::vector<std::string_view> cells) {
  CsvRecord r;
  r.line = line;
  r.fields = cells.data();
  r.field_count = cells.size();
  sample->add(r);
}

std::vector<std::string> row_of(const SampleRows& sample, std::size_t i, std::int64_t* line) {
  std::vector<std::string_view> views;
  const CsvRecord r = sample.record(i, &views);
  *line = r.line;
  return std::vector<std::string>(r.fields, r.fields + r.field_count);
}

TEST(SampleRows, GivesBackEveryCellOfRowsOfAnyWidth) {
  SampleRows sample;
  add_row(&sample, 2, {"A-1", "Acme, Inc.", "2024-01-15", "1200.00"});
  add_row(&sample, 3, {"", "", ""});  // empty cells keep their places
  add_row(&sample, 5, {"only one"});  // a row after a quoted line break
  add_row(&sample, 6, {});
  ASSERT_EQ(sample.size(), 4u);

  std::int64_t line = 0;
  EXPECT_EQ(row_of(sample, 0, &line), (std::vector<std::string>{"A-1", "Acme, Inc.", "2024-01-15", "1200.00"}));
  EXPECT_EQ(line, 2);
  EXPECT_EQ(row_of(sample, 1, &line), (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(line, 3);
  EXPECT_EQ(row_of(sample, 2, &line), (std::vector<std::string>{"only one"}));
  EXPECT_EQ(line, 5);
  EXPECT_TRUE(row_of(sample, 3, &line).empty());
  EXPECT_EQ(line, 6);

  EXPECT_EQ(sample.width(0), 4u);
  EXPECT_EQ(sample.width(1), 3u);
  EXPECT_EQ(sample.width(3), 0u);
  EXPECT_EQ(sample.cell(0, 1), "Acme, Inc.");
  EXPECT_EQ(sample.cell(2, 0), "only one");
  EXPECT_EQ(sample.cell(1, 2), "");
  // Cells and one delimiter or line end each: 3+10+10+7 + 4, 0 + 3, 8 + 1.
  EXPECT_EQ(sample.bytes(), 34u + 3u + 9u);
}

TEST(SampleRows, KeepsItsCellsWhenTheRecordsTheyCameFromAreGone) {
  SampleRows sample;
  for (int i = 0; i < 1000; ++i) {
    std::string id = "ID-" + std::to_string(i), customer(static_cast<std::size_t>(i % 40), 'x');
    add_row(&sample, i + 2, {id, customer});
  }  // every record's text freed here
  std::int64_t line = 0;
  EXPECT_EQ(row_of(sample, 999, &line), (std::vector<std::string>{"ID-999", std::string(39, 'x')}));
  EXPECT_EQ(line, 1001);
  EXPECT_EQ(row_of(sample, 40, &line), (std::vector<std::string>{"ID-40", ""}));
  sample.clear();
  EXPECT_EQ(sample.size(), 0u);
  EXPECT_EQ(sample.bytes(), 0u);
  add_row(&sample, 7, {"again"});
  EXPECT_EQ(row_of(sample, 0, &line), (std::vector<std::string>{"again"}));
  EXPECT_EQ(line, 7);
}

}  // namespace
}  // namespace bbb
