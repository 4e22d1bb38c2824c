#include "bbb/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, std::size_t chunk) {
  std::vector<std::vector<std::string>> rows;
  bbb::CsvReader reader({}, [&](const bbb::CsvRecord& r) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < r.field_count; ++i) row.emplace_back(r.fields[i]);
    rows.push_back(row);
  }, [](const bbb::CsvIssue&) {});
  for (std::size_t i = 0; i < text.size(); i += chunk) reader.feed(text.data() + i, std::min(chunk, text.size() - i));
  reader.finish();
  return rows;
}

TEST(CsvReader, QuotedFieldsWithDelimiterQuoteAndNewline) {
  const std::string text = "a,b\r\n\"x,1\",\"say \"\"hi\"\"\nthere\"\r\n";
  for (std::size_t chunk = 1; chunk <= 64; ++chunk) {
    auto rows = read_all(text, chunk);
    ASSERT_EQ(rows.size(), 2u) << chunk;
    EXPECT_EQ(rows[1][0], "x,1");
    EXPECT_EQ(rows[1][1], "say \"hi\"\nthere");
  }
}

}  // namespace
