// The sample-based decisions: encoding, binary input, sep= line, delimiter.
#include "text/csv_sniffer.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using bbb::Encoding;

TEST(ChooseEncoding, BomsWin) {
  auto utf8 = bbb::choose_encoding("\xEF\xBB\xBF" "a\xE9", Encoding::kAuto, true);
  EXPECT_EQ(utf8.encoding, Encoding::kUtf8);  // invalid bytes after a UTF-8 BOM: still UTF-8
  EXPECT_EQ(utf8.bom_size, 3u);
  EXPECT_FALSE(utf8.assumed_windows_1252);
  auto le = bbb::choose_encoding(std::string("\xFF\xFE" "a\0", 4), Encoding::kAuto, true);
  EXPECT_EQ(le.encoding, Encoding::kUtf16Le);
  EXPECT_EQ(le.bom_size, 2u);
  auto be = bbb::choose_encoding(std::string("\xFE\xFF\0a", 4), Encoding::kAuto, true);
  EXPECT_EQ(be.encoding, Encoding::kUtf16Be);
}

TEST(ChooseEncoding, InvalidUtf8MeansWindows1252) {
  auto c = bbb::choose_encoding("name\nJos\xE9\n", Encoding::kAuto, true);
  EXPECT_EQ(c.encoding, Encoding::kWindows1252);
  EXPECT_TRUE(c.assumed_windows_1252);
  auto ok = bbb::choose_encoding("name\nJos\xC3\xA9\n", Encoding::kAuto, true);
  EXPECT_EQ(ok.encoding, Encoding::kUtf8);
}

TEST(ChooseEncoding, CharacterCutAtTheEndOfAPartialSampleIsFine) {
  EXPECT_EQ(bbb::choose_encoding("abc\xC3", Encoding::kAuto, false).encoding, Encoding::kUtf8);
  EXPECT_EQ(bbb::choose_encoding("abc\xC3", Encoding::kAuto, true).encoding, Encoding::kWindows1252);
}

TEST(ChooseEncoding, ForcedEncodingSkipsOnlyItsOwnBom) {
  auto c = bbb::choose_encoding("\xEF\xBB\xBF" "a", Encoding::kWindows1252, true);
  EXPECT_EQ(c.encoding, Encoding::kWindows1252);
  EXPECT_EQ(c.bom_size, 0u);
  EXPECT_FALSE(c.assumed_windows_1252);
  EXPECT_EQ(bbb::choose_encoding("\xEF\xBB\xBF" "a", Encoding::kUtf8, true).bom_size, 3u);
  EXPECT_EQ(bbb::choose_encoding("\xFF\xFE" "a", Encoding::kUtf16Le, true).bom_size, 2u);
}

TEST(LooksBinary, NulOrManyControlCharacters) {
  EXPECT_TRUE(bbb::looks_binary(std::string("ab\0cd", 5), 0));
  EXPECT_TRUE(bbb::looks_binary("\x01\x02\x03" "abcdefgh", 0));
  EXPECT_FALSE(bbb::looks_binary("a\tb\r\nc\fd\x1a", 0));
  EXPECT_FALSE(bbb::looks_binary("a\x1e" "b\x1e" "c", '\x1e'));
  EXPECT_FALSE(bbb::looks_binary("", 0));
  // One stray control character in ordinary text is fine.
  EXPECT_FALSE(bbb::looks_binary("id,name\n1,bell\x07 here\n2,other\n", 0));
}

TEST(SepLine, RecognisedForms) {
  char d = 0;
  EXPECT_EQ(bbb::sep_line_length("sep=;\r\nid;x", &d), 7u);
  EXPECT_EQ(d, ';');
  EXPECT_EQ(bbb::sep_line_length("Sep=\t\nid", &d), 6u);
  EXPECT_EQ(d, '\t');
  EXPECT_EQ(bbb::sep_line_length("sep=|\rid", &d), 6u);
  EXPECT_EQ(bbb::sep_line_length("sep=,", &d), 5u);
  EXPECT_EQ(bbb::sep_line_length("sep=;;\n", &d), 0u);
  EXPECT_EQ(bbb::sep_line_length("sep=\"\n", &d), 0u);
  EXPECT_EQ(bbb::sep_line_length("sep=\n", &d), 0u);
  EXPECT_EQ(bbb::sep_line_length("id,sep\n", &d), 0u);
}

TEST(DetectDelimiter, HeaderCountConsistentOverRecords) {
  EXPECT_EQ(bbb::detect_delimiter("a,b,c\n1,2,3\n", true), ',');
  EXPECT_EQ(bbb::detect_delimiter("a;b\n1,5;2,5\n", true), ';');
  EXPECT_EQ(bbb::detect_delimiter("a\tb, c\n1\t2\n", true), '\t');
  EXPECT_EQ(bbb::detect_delimiter("a|b|c\n1|2|3\n", true), '|');
  EXPECT_EQ(bbb::detect_delimiter("single\ncolumn\n", true), ',');
  EXPECT_EQ(bbb::detect_delimiter("", true), ',');
}

TEST(DetectDelimiter, QuotedNewlinesAndDelimitersAreNotCounted) {
  EXPECT_EQ(bbb::detect_delimiter("\"x;y\nz;w\",b\n\"1;2\",3\n", true), ',');
}

TEST(DetectDelimiter, TiesGoToTheFixedOrder) {
  EXPECT_EQ(bbb::detect_delimiter("a,b;c\n1,2;3\n", true), ',');
  EXPECT_EQ(bbb::detect_delimiter("a|b;c\n1|2;3\n", true), ';');
}

TEST(DetectDelimiter, RaggedFilePicksTheMostConsistent) {
  // No candidate reaches 80%: most records matching the header wins.
  EXPECT_EQ(bbb::detect_delimiter("a;b;c\n1;2\n3;4\n5;6;7\n8;9;10\n", true), ';');
  EXPECT_EQ(bbb::detect_delimiter("a;b,c\n1;2\n3;4,5,6\n7,8\n", true), ';');
}

TEST(DetectDelimiter, CutLastRecordOfAPartialSampleIsIgnored) {
  // Cut by the sample end, "5;6" may be the start of "5|6|7;8": it must not
  // count. Were it the whole file, ';' would be the consistent one.
  EXPECT_EQ(bbb::detect_delimiter("a|b|c;d\n1|2|3;4\n5;6", false), '|');
  EXPECT_EQ(bbb::detect_delimiter("a|b|c;d\n1|2|3;4\n5;6", true), ';');
}

}  // namespace
