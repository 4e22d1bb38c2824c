// Third-party conformance material, read in place from ../shared (see
// ../shared/conformance/csv/README.md; never copied here): csv-spectrum and
// DuckDB's fuzz corpus and encodings. Papa Parse's cases are in
// csv_papaparse_test.cpp. Every input is also read in chunks of 1 to 64 bytes
// and must give the same records and issues.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "text/csv_reader.h"
#include "csv_test_support.h"

namespace {

namespace fs = std::filesystem;
using bbb_test::IssueSeen;
using bbb_test::read_every_chunking;
using bbb_test::read_file;
using bbb_test::Rows;
using nlohmann::json;

// Rows after the header as objects keyed by the header, like the JSON files.
json as_objects(const Rows& rows) {
  json out = json::array();
  for (std::size_t r = 1; r < rows.size(); ++r) {
    json object = json::object();
    for (std::size_t c = 0; c < rows[r].size() && c < rows[0].size(); ++c) object[rows[0][c]] = rows[r][c];
    out.push_back(object);
  }
  return out;
}

TEST(CsvSpectrum, EveryCaseGivesItsExpectedRows) {
  BBB_CONFORMANCE_DIR_OR_SKIP(dir);
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir / "csv-spectrum" / "csvs")) {
    const std::string name = entry.path().stem().string();
    auto r = read_every_chunking(read_file(entry.path()), {}, name);
    if (name == "location_coordinates") {
      // Its JSON is wrong upstream (SOURCE.md): check what the CSV says.
      ASSERT_EQ(r.rows.size(), 2u);
      EXPECT_EQ(r.rows[1].size(), 4u);
      EXPECT_EQ(r.rows[1][0], "2095257564");
      EXPECT_EQ(r.rows[1][1], "37\xEF\xBF\xBD" "36'37.8\"N 121\xEF\xBF\xBD" "2'17.9\"W");
      EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{2, 2, "warning", "quote_in_unquoted_field"}}));
    } else {
      const json expected = json::parse(read_file(dir / "csv-spectrum" / "json" / (name + ".json")));
      EXPECT_EQ(as_objects(r.rows), expected) << name;
      EXPECT_TRUE(r.issues.empty()) << name;
    }
    EXPECT_EQ(r.dialect.delimiter, ',') << name;
    ++checked;
  }
  EXPECT_EQ(checked, 12);
}

// DuckDB's AFL corpus: garbage that crashed a CSV reader once. Each input
// must end in records and clean issues, identical for every chunking; also
// read forced as UTF-16 and Windows-1252 to stress the decoders.
TEST(DuckDbAfl, EveryInputEndsInRecordsOrCleanIssues) {
  BBB_CONFORMANCE_DIR_OR_SKIP(dir);
  const json manifest = json::parse(read_file(dir / "duckdb" / "afl-manifest.json"));
  int files = 0, with_records = 0, with_errors = 0;
  for (const auto& file : manifest.at("files")) {
    const std::string name = file.get<std::string>();
    const std::string bytes = read_file(dir / "duckdb" / name);
    auto r = read_every_chunking(bytes, {}, name);
    for (const IssueSeen& issue : r.issues) {
      const bool known = issue.code == "not_text" || issue.code == "assumed_windows_1252" ||
                         issue.code == "invalid_utf8" || issue.code == "invalid_utf16" ||
                         issue.code == "unterminated_quote" || issue.code == "quote_in_unquoted_field" ||
                         issue.code == "text_after_closing_quote" || issue.code == "record_too_long";
      EXPECT_TRUE(known) << name << ": " << issue;
    }
    if (r.has_issue("not_text")) {
      EXPECT_TRUE(r.rows.empty()) << name;
      EXPECT_EQ(r.issues.size(), 1u) << name;
    }
    if (r.has_issue("not_text")) {
      // Most of the corpus holds NUL bytes, which stop the reader at once.
      // Without them, the same garbage exercises the tokenizer.
      std::string text = bytes;
      for (char& ch : text) ch = ch == '\0' ? ' ' : ch;
      read_every_chunking(text, {}, name + " without NULs");
    }
    bbb::CsvOptions small_sample;  // decisions on 16 bytes: the rest streams
    small_sample.sample_bytes = 16;
    read_every_chunking(bytes, small_sample, name + " with a 16-byte sample");
    for (bbb::Encoding forced : {bbb::Encoding::kUtf16Le, bbb::Encoding::kUtf16Be, bbb::Encoding::kWindows1252}) {
      bbb::CsvOptions options;
      options.encoding = forced;
      bbb_test::read_csv(bytes, 0, options);
      bbb_test::read_csv(bytes, 3, options);
    }
    ++files;
    with_records += r.rows.empty() ? 0 : 1;
    with_errors += r.has_issue("not_text") || r.has_issue("unterminated_quote") ? 1 : 0;
  }
  EXPECT_EQ(files, 244);
  std::printf("[ afl      ] %d inputs: %d gave records, %d had a file or quoting error\n", files, with_records,
              with_errors);
}

struct EncodingCase {
  json expected_rows;
  bool header = true;
};

EncodingCase find_case(const json& cases, const std::string& file, const std::string& read_as) {
  for (const auto& c : cases) {
    if (c.at("file") == file && c.at("read_as").get<std::string>().rfind(read_as, 0) == 0 &&
        c.contains("expected_rows"))
      return {c.at("expected_rows"), c.value("header", true)};
  }
  ADD_FAILURE() << "no case " << file << " read as " << read_as;
  return {};
}

// The expected rows hold numbers where DuckDB typed the column: compare as text.
Rows as_text_rows(const json& rows) {
  Rows out;
  for (const auto& row : rows) {
    std::vector<std::string> fields;
    for (const auto& v : row) fields.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    out.push_back(fields);
  }
  return out;
}

Rows without_header(Rows rows, bool header) {
  if (header && !rows.empty()) rows.erase(rows.begin());
  return rows;
}

TEST(DuckDbEncodings, Latin1AndUtf16GiveTheExpectedText) {
  BBB_CONFORMANCE_DIR_OR_SKIP(dir);
  const json cases = json::parse(read_file(dir / "duckdb" / "encodings-expected.json")).at("cases");
  const fs::path enc = dir / "duckdb" / "encodings";
  bbb::CsvOptions latin1;
  latin1.encoding = bbb::Encoding::kWindows1252;
  bbb::CsvOptions utf16;
  utf16.encoding = bbb::Encoding::kUtf16Le;

  for (const char* file : {"latin1.csv", "only_latin1.csv"}) {
    const EncodingCase expected = find_case(cases, std::string("encodings/") + file, "latin-1");
    const std::string bytes = read_file(enc / file);
    // Auto: detected as Windows-1252, with the warning.
    auto detected = read_every_chunking(bytes, {}, file);
    EXPECT_EQ(without_header(detected.rows, expected.header), as_text_rows(expected.expected_rows)) << file;
    EXPECT_EQ(detected.dialect.encoding, bbb::Encoding::kWindows1252);
    EXPECT_EQ(detected.issues, (std::vector<IssueSeen>{{0, 0, "warning", "assumed_windows_1252"}})) << file;
    // Forced: same text, no warning.
    auto forced = read_every_chunking(bytes, latin1, file);
    EXPECT_EQ(without_header(forced.rows, expected.header), as_text_rows(expected.expected_rows)) << file;
    EXPECT_TRUE(forced.issues.empty()) << file;
  }
  for (const char* file : {"utf16.csv", "only_utf16.csv"}) {
    const EncodingCase expected = find_case(cases, std::string("encodings/") + file, "utf-16");
    const std::string bytes = read_file(enc / file);
    for (const bbb::CsvOptions& options : {bbb::CsvOptions{}, utf16}) {
      auto r = read_every_chunking(bytes, options, file);
      EXPECT_EQ(without_header(r.rows, expected.header), as_text_rows(expected.expected_rows)) << file;
      EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kUtf16Le);
      EXPECT_TRUE(r.dialect.had_bom);
      EXPECT_TRUE(r.issues.empty()) << file;
    }
  }
}

TEST(DuckDbEncodings, Latin1ReadAsUtf8IsAnErrorOnEachAffectedRecord) {
  BBB_CONFORMANCE_DIR_OR_SKIP(dir);
  bbb::CsvOptions utf8;
  utf8.encoding = bbb::Encoding::kUtf8;
  auto r = read_every_chunking(read_file(dir / "duckdb" / "encodings" / "latin1.csv"), utf8);
  ASSERT_EQ(r.rows.size(), 13u);
  // All 12 names hold a non-ASCII letter: each record is reported, in column 1.
  ASSERT_EQ(r.issues.size(), 12u);
  for (std::size_t i = 0; i < r.issues.size(); ++i)
    EXPECT_EQ(r.issues[i], (IssueSeen{static_cast<std::int64_t>(i + 2), 1, "error", "invalid_utf8"}));
}

TEST(DuckDbEncodings, AllLatin1CharactersOnePerLine) {
  BBB_CONFORMANCE_DIR_OR_SKIP(dir);
  // 0x21..0x7E then 0xA0..0xFF, one per line ('"' and ',' quoted).
  Rows expected;
  for (char32_t c = 0x21; c <= 0xFF; ++c) {
    if (c >= 0x7F && c < 0xA0) continue;
    std::string s;
    bbb::append_utf8(c, s);
    expected.push_back({s});
  }
  auto r = read_every_chunking(read_file(dir / "duckdb" / "encodings" / "all_latin1.csv"));
  EXPECT_EQ(r.rows, expected);
  EXPECT_EQ(r.dialect.delimiter, ',');
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{0, 0, "warning", "assumed_windows_1252"}}));
}

// Shift-JIS is not supported. Its bytes are not valid UTF-8, so the reader
// takes them as Windows-1252: the rows come out (as mojibake) with the one
// warning that tells the user the file was not UTF-8. No crash, no error.
TEST(DuckDbEncodings, ShiftJisIsReadAsWindows1252WithTheWarning) {
  BBB_CONFORMANCE_DIR_OR_SKIP(dir);
  const std::string bytes = read_file(dir / "duckdb" / "encodings" / "shift_jis.csv");
  auto r = read_every_chunking(bytes);
  EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kWindows1252);
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{0, 0, "warning", "assumed_windows_1252"}}));
  ASSERT_FALSE(r.rows.empty());
  for (const auto& row : r.rows) EXPECT_EQ(row.size(), 2u);
  // Forced to UTF-16 it is nonsense, but still clean.
  bbb::CsvOptions utf16;
  utf16.encoding = bbb::Encoding::kUtf16Le;
  read_every_chunking(bytes, utf16, "shift_jis as utf-16");
}

}  // namespace
