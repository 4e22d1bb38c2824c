// Papa Parse's parser cases (../shared/conformance/csv/papaparse, read in
// place). A case runs when our reader can express its config: Papa's
// defaults, a one-character delimiter, or skipEmptyLines: true (what we always
// do). CORE_PARSER_TESTS use Papa's raw parser, whose delimiter is ',' with no
// detection, so they run with delimiter ','; PARSE_TESTS detect it as we do.
// Every run case gives Papa's rows, or is listed in kDeliberateDifferences
// with our rows and the reason. Papa's UndetectableDelimiter error is never
// ours: a file without any candidate delimiter is simply one column. Unparse cases, disabled cases and cases with
// other config are skipped and counted.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "text/csv_reader.h"
#include "csv_test_support.h"

namespace {

using bbb_test::read_every_chunking;
using bbb_test::read_file;
using bbb_test::Rows;
using nlohmann::json;

struct Difference {
  const char* suite;
  int index;
  const char* reason;
  Rows our_rows;
};

// Where we deliberately read differently from Papa Parse.
const std::vector<Difference>& deliberate_differences() {
  static const char* kCloseAtFirstQuote =
      "a quote inside a quoted field that is not doubled closes the field; what follows is appended "
      "with a text_after_closing_quote warning. Papa instead keeps the field open until a quote that is "
      "followed by a delimiter or line end, which swallows the following lines";
  static const char* kBlankLines = "physically empty lines are not records: we skip them (Papa: [\"\"] rows)";
  static const std::vector<Difference> differences = {
      {"CORE_PARSER_TESTS", 20, kCloseAtFirstQuote, {{"a,b", "c\""}, {"d", "e", "f"}}},
      {"CORE_PARSER_TESTS", 21, kCloseAtFirstQuote, {{"a", "b,c"}, {"d", "e", "f"}}},
      {"CORE_PARSER_TESTS", 22, kCloseAtFirstQuote, {{"a", "bc", "d"}, {"e", "f", "g"}}},
      {"CORE_PARSER_TESTS", 23, kCloseAtFirstQuote, {{"a", "b,c\nde", "f", "g"}}},
      {"CORE_PARSER_TESTS", 54, kBlankLines, {{"a"}, {"b"}, {"c"}, {"d"}, {"e"}}},
      {"PARSE_TESTS", 9,
       "every lone CR, LF and CRLF ends a line, mixed freely (old Mac exports, hand-merged files); Papa "
       "uses only the first kind of line end it sees",
       {{"a", "b", "c"}, {"d", "e", "f"}, {"g", "h", "i"}}},
      {"PARSE_TESTS", 44, kBlankLines, {{"a", "b", "c"}, {"d", "e", "f"}}},
      {"PARSE_TESTS", 59, kBlankLines, {{"a", "b", "c"}, {"d", "e", "f"}}},
  };
  return differences;
}

const Difference* find_difference(const std::string& suite, int index) {
  for (const Difference& d : deliberate_differences())
    if (suite == d.suite && index == d.index) return &d;
  return nullptr;
}

// Null when the config cannot be expressed with CsvOptions.
bool options_for(const std::string& suite, const json& config, bbb::CsvOptions* options, std::string* why) {
  *options = {};
  if (suite == "CORE_PARSER_TESTS") options->delimiter = ',';
  if (config.is_null()) return true;
  for (const auto& [key, value] : config.items()) {
    if (key == "delimiter" && value.is_string() && value.get<std::string>().size() == 1) {
      options->delimiter = value.get<std::string>()[0];
    } else if (key == "skipEmptyLines" && value == true) {
      // We always skip empty lines.
    } else {
      *why = key;
      return false;
    }
  }
  return true;
}

Rows papa_rows(const json& data) {
  Rows rows;
  for (const auto& row : data) rows.push_back(row.get<std::vector<std::string>>());
  return rows;
}

bool papa_expects(const json& expected, const char* code) {
  if (!expected.contains("errors")) return false;
  for (const auto& e : expected.at("errors"))
    if (e.value("code", "") == code) return true;
  return false;
}

TEST(PapaParse, ParseCasesGiveTheirRowsOrADocumentedDifference) {
  BBB_CONFORMANCE_DIR_OR_SKIP(dir);
  const json suites = json::parse(read_file(dir / "papaparse" / "papaparse-test-cases.json")).at("suites");
  int run = 0, matched = 0, differ = 0, skipped_config = 0, skipped_disabled = 0;
  std::vector<std::string> used_differences;
  for (const char* suite : {"CORE_PARSER_TESTS", "PARSE_TESTS"}) {
    for (const auto& c : suites.at(suite)) {
      const int index = c.at("index").get<int>();
      const std::string label = std::string(suite) + " #" + std::to_string(index) + " " + c.value("name", "");
      if (c.value("disabled", false)) {
        ++skipped_disabled;
        continue;
      }
      bbb::CsvOptions options;
      std::string why;
      if (!options_for(suite, c.at("config"), &options, &why) || !c.at("expected").contains("data")) {
        ++skipped_config;
        continue;
      }
      ++run;
      const json& expected = c.at("expected");
      auto r = read_every_chunking(c.at("input").get<std::string>(), options, label);
      const Rows papa = papa_rows(expected.at("data"));
      if (const Difference* d = find_difference(suite, index)) {
        ++differ;
        used_differences.push_back(label);
        EXPECT_EQ(r.rows, d->our_rows) << label << " (documented difference: " << d->reason << ")";
        EXPECT_NE(r.rows, papa) << label << ": now matches Papa; drop it from kDeliberateDifferences";
        continue;
      }
      EXPECT_EQ(r.rows, papa) << label << "\n  input: " << c.at("input").dump();
      // Papa's MissingQuotes is our unterminated_quote; no other error-level
      // issue is expected where Papa sees none (warnings are fine).
      EXPECT_EQ(r.has_issue("unterminated_quote"), papa_expects(expected, "MissingQuotes")) << label;
      for (const auto& issue : r.issues)
        if (issue.severity == "error" && issue.code != "unterminated_quote") ADD_FAILURE() << label << ": " << issue;
      if (r.rows == papa) ++matched;
    }
  }
  EXPECT_EQ(used_differences.size(), deliberate_differences().size());
  std::printf("[ papa     ] %d parse cases run: %d as Papa, %d documented differences; skipped %d with config "
              "we do not support, %d disabled upstream, %zu unparse cases\n",
              run, matched, differ, skipped_config, skipped_disabled, suites.at("UNPARSE_TESTS").size());
}

}  // namespace
