// Helpers for the CSV tests: read bytes with CsvReader and keep everything
// that came out, and check that every way of cutting the bytes into chunks
// gives exactly the same result.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/csv_reader.h"
#include "text/text_decoder.h"

namespace bbb_test {

using Rows = std::vector<std::vector<std::string>>;

struct IssueSeen {
  std::int64_t line;
  int column;
  std::string severity;
  std::string code;
  bool operator==(const IssueSeen& o) const {
    return line == o.line && column == o.column && severity == o.severity && code == o.code;
  }
};

inline std::ostream& operator<<(std::ostream& os, const IssueSeen& i) {
  return os << i.line << ":" << i.column << " " << i.severity << " " << i.code;
}

struct ReadResult {
  Rows rows;
  std::vector<std::int64_t> lines;  // CsvRecord::line of each row
  std::vector<IssueSeen> issues;
  std::vector<std::string> messages;
  // Records and issues in the order they came, to check that issues come
  // before their record: "I<line>:<col> <code>" or "R<line>".
  std::vector<std::string> events;
  bbb::CsvDialect dialect;

  bool has_issue(const std::string& code) const {
    return std::any_of(issues.begin(), issues.end(), [&](const IssueSeen& i) { return i.code == code; });
  }
};

// chunk == 0: the whole buffer in one feed() call.
inline ReadResult read_csv(std::string_view bytes, std::size_t chunk = 0, bbb::CsvOptions options = {}) {
  ReadResult out;
  bbb::CsvReader reader(
      options,
      [&](const bbb::CsvRecord& r) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < r.field_count; ++i) {
          // Whatever the input, the reader never hands out invalid UTF-8.
          EXPECT_TRUE(bbb::is_valid_utf8(r.field(i))) << "line " << r.line << " field " << i + 1;
          row.emplace_back(r.field(i));
        }
        out.rows.push_back(std::move(row));
        out.lines.push_back(r.line);
        out.events.push_back("R" + std::to_string(r.line));
      },
      [&](const bbb::CsvIssue& i) {
        EXPECT_TRUE(i.severity == "error" || i.severity == "warning") << i.severity;
        EXPECT_FALSE(i.code.empty());
        EXPECT_FALSE(i.message.empty());
        out.issues.push_back({i.line, i.column, i.severity, i.code});
        out.messages.push_back(i.message);
        out.events.push_back("I" + std::to_string(i.line) + ":" + std::to_string(i.column) + " " + i.code);
      });
  if (chunk == 0) chunk = std::max<std::size_t>(bytes.size(), 1);
  for (std::size_t i = 0; i < bytes.size(); i += chunk)
    reader.feed(bytes.data() + i, std::min(chunk, bytes.size() - i));
  reader.finish();
  out.dialect = reader.dialect();
  EXPECT_EQ(reader.bytes_fed(), bytes.size());
  return out;
}

// Reads `bytes` whole, then in chunks of every size from 1 to 64, and expects
// the same rows, lines, issues (in the same order) and dialect each time.
// Returns the whole-buffer result. `label` names the case in failures.
inline ReadResult read_every_chunking(std::string_view bytes, bbb::CsvOptions options = {},
                                      const std::string& label = "") {
  ReadResult whole = read_csv(bytes, 0, options);
  for (std::size_t chunk = 1; chunk <= 64; ++chunk) {
    ReadResult cut = read_csv(bytes, chunk, options);
    EXPECT_EQ(cut.rows, whole.rows) << label << " chunk " << chunk;
    EXPECT_EQ(cut.lines, whole.lines) << label << " chunk " << chunk;
    EXPECT_EQ(cut.issues, whole.issues) << label << " chunk " << chunk;
    EXPECT_EQ(cut.events, whole.events) << label << " chunk " << chunk;
    EXPECT_EQ(cut.dialect.delimiter, whole.dialect.delimiter) << label << " chunk " << chunk;
    EXPECT_EQ(cut.dialect.encoding, whole.dialect.encoding) << label << " chunk " << chunk;
    if (cut.rows != whole.rows || cut.issues != whole.issues) break;  // one report is enough
  }
  return whole;
}

// ../shared/conformance/csv, read in place (never copied into the repo), or
// an empty path when it is not there.
inline std::filesystem::path conformance_dir() {
#ifdef BBB_SHARED_DIR
  const std::filesystem::path dir = std::filesystem::path(BBB_SHARED_DIR) / "conformance" / "csv";
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return dir;
#endif
  return {};
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace bbb_test

// Declares `dir` as the conformance folder, or skips the test without it.
#define BBB_CONFORMANCE_DIR_OR_SKIP(dir)                                                   \
  const std::filesystem::path dir = bbb_test::conformance_dir();                          \
  if (dir.empty()) {                                                                       \
    GTEST_SKIP() << "../shared/conformance/csv not found (BBB_SHARED_DIR): conformance " \
                    "cases skipped";                                                       \
  }
