// CsvReader: line ends, blank lines, quoting, sep= line, delimiters, limits.
// Encodings and binary input are in csv_encoding_test.cpp. Every case is also
// read in chunks of 1 to 64 bytes (read_every_chunking).
#include "text/csv_reader.h"
#include "text/csv_tokenizer.h"

#include <gtest/gtest.h>

#include <string>

#include "csv_test_support.h"

namespace {

using bbb_test::IssueSeen;
using bbb_test::read_csv;
using bbb_test::read_every_chunking;
using bbb_test::Rows;

TEST(CsvReader, SimpleFileWithHeader) {
  auto r = read_every_chunking("id,amount\n1,100\n2,250\n");
  EXPECT_EQ(r.rows, (Rows{{"id", "amount"}, {"1", "100"}, {"2", "250"}}));
  EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(r.dialect.delimiter, ',');
  EXPECT_TRUE(r.dialect.delimiter_detected);
  EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kUtf8);
  EXPECT_TRUE(r.dialect.encoding_detected);
  EXPECT_FALSE(r.dialect.had_bom);
  EXPECT_FALSE(r.dialect.had_sep_line);
}

TEST(CsvReader, CrlfLfAndLoneCrMixedInOneFile) {
  auto r = read_every_chunking("a,b\r\n1,2\n3,4\r5,6\r\n7,8");
  EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}, {"5", "6"}, {"7", "8"}}));
  EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
  EXPECT_TRUE(r.issues.empty());
}

TEST(CsvReader, NoFinalNewline) {
  auto r = read_every_chunking("a,b\n1,");
  EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"1", ""}}));
}

TEST(CsvReader, BlankLinesAreSkippedButCounted) {
  auto r = read_every_chunking("a,b\n\n1,2\r\n\r\n\r3,4\n\n");
  EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 3, 6}));
}

TEST(CsvReader, ALoneEmptyQuotedFieldIsBlankButDelimitersOrSpacesAreRecords) {
  auto r = read_every_chunking("a,b\n\"\"\n,\n \n\"\"  \r\n\"\",\n");
  EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"", ""}, {" "}, {"", ""}}));
  EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 3, 4, 6}));
  EXPECT_TRUE(r.issues.empty());
}

TEST(CsvReader, LoneUnterminatedQuoteIsStillDelivered) {
  auto r = read_every_chunking("a\n\"");
  EXPECT_EQ(r.rows, (Rows{{"a"}, {""}}));
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{2, 1, "error", "unterminated_quote"}}));
}

TEST(CsvReader, HeaderOnly) {
  auto r = read_every_chunking("id,amount,date\r\n");
  EXPECT_EQ(r.rows, (Rows{{"id", "amount", "date"}}));
  EXPECT_TRUE(r.issues.empty());
}

TEST(CsvReader, EmptyFileGivesNothing) {
  auto r = read_every_chunking("");
  EXPECT_TRUE(r.rows.empty());
  EXPECT_TRUE(r.issues.empty());
  auto only_newlines = read_every_chunking("\r\n\n\r");
  EXPECT_TRUE(only_newlines.rows.empty());
  EXPECT_TRUE(only_newlines.issues.empty());
}

TEST(CsvReader, QuotedFieldsHoldDelimitersQuotesAndNewlines) {
  auto r = read_every_chunking("id,note,x\n1,\"a, b\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",y\n3,z,\"\"\n");
  EXPECT_EQ(r.rows, (Rows{{"id", "note", "x"}, {"1", "a, b", "say \"hi\""}, {"2", "two\nlines", "y"}, {"3", "z", ""}}));
  EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 2, 3, 5}));
  EXPECT_TRUE(r.issues.empty());
}

TEST(CsvReader, LineEndsInsideQuotesAreKeptAsIsAndCounted) {
  auto r = read_every_chunking("\"a\r\nb\",c\r\n\"d\re\",f\n\"g\n\nh\",i\nj,k");
  EXPECT_EQ(r.rows, (Rows{{"a\r\nb", "c"}, {"d\re", "f"}, {"g\n\nh", "i"}, {"j", "k"}}));
  EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 3, 5, 8}));
}

TEST(CsvReader, QuoteStraddlingChunkBoundaries) {
  // Every cut of the doubled quotes and of the CRLF, checked explicitly.
  const std::string text = "a,\"x\"\"y\"\r\nb,\"\"\"\"\r\n";
  for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
    auto r = read_csv(text, chunk);
    EXPECT_EQ(r.rows, (Rows{{"a", "x\"y"}, {"b", "\""}})) << chunk;
    EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 2})) << chunk;
  }
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorAndTheRecordIsStillDelivered) {
  auto r = read_every_chunking("a,b\n1,\"oops\n2,3\n");
  EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"1", "oops\n2,3\n"}}));
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0], (IssueSeen{2, 2, "error", "unterminated_quote"}));
  EXPECT_EQ(r.events, (std::vector<std::string>{"R1", "I2:2 unterminated_quote", "R2"}));
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsKeptWithAWarning) {
  auto r = read_every_chunking("name,height\nbob,5'11\"\nann \"the\" best,6\"\"\n");
  EXPECT_EQ(r.rows, (Rows{{"name", "height"}, {"bob", "5'11\""}, {"ann \"the\" best", "6\"\""}}));
  // One warning per field, before its record.
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{2, 2, "warning", "quote_in_unquoted_field"},
                                              {3, 1, "warning", "quote_in_unquoted_field"},
                                              {3, 2, "warning", "quote_in_unquoted_field"}}));
  EXPECT_EQ(r.events[1], "I2:2 quote_in_unquoted_field");
  EXPECT_EQ(r.events[2], "R2");
}

TEST(CsvReader, TextAfterClosingQuoteIsAppendedWithAWarning) {
  auto r = read_every_chunking("\"abc\"def,x\ny,\"a\" b\"c\"\n");
  EXPECT_EQ(r.rows, (Rows{{"abcdef", "x"}, {"y", "a b\"c\""}}));
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{1, 1, "warning", "text_after_closing_quote"},
                                              {2, 2, "warning", "text_after_closing_quote"}}));
}

TEST(CsvReader, SpacesAfterClosingQuoteArePadding) {
  auto r = read_every_chunking("\"a\"  ,\"b\" \r\n\"c\"\t\n\"d\"   ");
  EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"c"}, {"d"}}));
  EXPECT_TRUE(r.issues.empty());
  bbb::CsvOptions tab;
  tab.delimiter = '\t';
  auto t = read_every_chunking("\"a\"\t\"b\" \tc\n", tab);
  EXPECT_EQ(t.rows, (Rows{{"a", "b", "c"}}));
}

TEST(CsvReader, SpaceBeforeOpeningQuoteMakesTheFieldUnquoted) {
  auto r = read_every_chunking("a, \"b,c\"\n");
  EXPECT_EQ(r.rows, (Rows{{"a", " \"b", "c\""}}));
  EXPECT_EQ(r.issues.size(), 2u);
}

TEST(CsvReader, SepLineSetsTheDelimiterAndIsNotARecord) {
  auto r = read_every_chunking("sep=;\r\nid;amount\r\n1;1,50\r\n");
  EXPECT_TRUE(r.dialect.had_sep_line);
  EXPECT_EQ(r.dialect.delimiter, ';');
  EXPECT_EQ(r.rows, (Rows{{"id", "amount"}, {"1", "1,50"}}));
  EXPECT_EQ(r.lines, (std::vector<std::int64_t>{2, 3}));

  auto pipe = read_every_chunking("\xEF\xBB\xBFSEP=|\nid|x,y\n");  // after a BOM, any case
  EXPECT_TRUE(pipe.dialect.had_bom);
  EXPECT_TRUE(pipe.dialect.had_sep_line);
  EXPECT_EQ(pipe.rows, (Rows{{"id", "x,y"}}));

  auto only = read_every_chunking("sep=,");
  EXPECT_TRUE(only.dialect.had_sep_line);
  EXPECT_TRUE(only.rows.empty());
}

TEST(CsvReader, SepLikeTextIsData) {
  auto r = read_every_chunking("sep=;x\na;b\n");
  EXPECT_FALSE(r.dialect.had_sep_line);
  EXPECT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][0], "sep=");
}

TEST(CsvReader, DetectsEachDelimiter) {
  struct Case { const char* text; char delimiter; };
  for (const Case& c : {Case{"a,b,c\n1,2,3\n", ','}, Case{"a;b;c\n1;2,5;3\n", ';'},
                        Case{"a\tb\tc\n1\t2\t3\n", '\t'}, Case{"a|b|c\n1|2|3\n", '|'}}) {
    auto r = read_every_chunking(c.text);
    EXPECT_EQ(r.dialect.delimiter, c.delimiter) << c.text;
    ASSERT_EQ(r.rows.size(), 2u) << c.text;
    EXPECT_EQ(r.rows[0], (std::vector<std::string>{"a", "b", "c"})) << c.text;
  }
}

TEST(CsvReader, DetectionPrefersConsistentCountsOutsideQuotes) {
  // Decimal commas in a semicolon file; the header has no comma.
  EXPECT_EQ(read_csv("id;amount;date\n1;1,5;x\n2;1.234,56;y\n").dialect.delimiter, ';');
  // Commas inside quotes do not count.
  EXPECT_EQ(read_csv("\"a,b,c\";d\n\"e,f,g\";h\n").dialect.delimiter, ';');
  // More pipes than commas on each line, both consistent: the higher wins.
  EXPECT_EQ(read_csv("one|two,two|three\nfour|five,five|six").dialect.delimiter, '|');
  // Pipes only on a later line: not consistent with the header.
  EXPECT_EQ(read_csv("a,b,c\na,b,c|d|e|f").dialect.delimiter, ',');
  // One column keeps ','.
  auto single = read_every_chunking("name\nalice\nbob\n");
  EXPECT_EQ(single.dialect.delimiter, ',');
  EXPECT_EQ(single.rows, (Rows{{"name"}, {"alice"}, {"bob"}}));
}

TEST(CsvReader, DelimiterOptionWins) {
  bbb::CsvOptions options;
  options.delimiter = ';';
  auto r = read_every_chunking("a,b;c\nsep=x", options);
  EXPECT_EQ(r.rows, (Rows{{"a,b", "c"}, {"sep=x"}}));
  EXPECT_FALSE(r.dialect.delimiter_detected);
  EXPECT_EQ(r.dialect.delimiter, ';');
}

TEST(CsvReader, UnusableDelimiterOptionFallsBackToDetection) {
  bbb::CsvOptions options;
  options.delimiter = '\n';
  auto r = read_every_chunking("a;b\n1;2", options);
  EXPECT_EQ(r.dialect.delimiter, ';');
  EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{0, 0, "warning", "bad_delimiter_option"}}));
}

TEST(CsvReader, RecordLongerThanTheLimitIsCutWithAnError) {
  bbb::CsvOptions options;
  options.max_record_bytes = 8;
  auto r = read_every_chunking("a,\"bbbbbbbbbbbb\",c\nd,e\n", options);
  EXPECT_EQ(r.rows, (Rows{{"a", "bbbbbbb", ""}, {"d", "e"}}));
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{1, 0, "error", "record_too_long"}}));
}

TEST(CsvReader, LimitStillHoldsAfterReplacementCharactersGrewTheBuffer) {
  bbb::CsvOptions options;
  options.max_record_bytes = 8;
  options.encoding = bbb::Encoding::kUtf8;
  auto r = read_every_chunking("\xE9\xE9\xE9\xE9\xE9\xE9\nabcdefghijkl\n", options);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][0].size(), 18u);  // six U+FFFD
  EXPECT_EQ(r.rows[1][0], "abcdefgh");
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{1, 1, "error", "invalid_utf8"}, {2, 0, "error", "record_too_long"}}));
}

TEST(CsvReader, RecordCapCuttingADecodedCharacterStillGivesValidText) {
  bbb::CsvOptions options;
  options.max_record_bytes = 4;
  options.encoding = bbb::Encoding::kWindows1252;
  auto r = read_every_chunking("ab\x80\n", options);  // a, b, then 3-byte euro sign
  EXPECT_EQ(r.rows, (Rows{{"ab\xEF\xBF\xBD\xEF\xBF\xBD"}}));
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{1, 0, "error", "record_too_long"}}));
}

TEST(CsvReader, StreamsLargeInputInAnyChunking) {
  // Past the 64 KiB sample, with records cut by chunk ends everywhere.
  std::string text = "id;customer;amount\r\n";
  for (int i = 0; i < 5000; ++i)
    text += std::to_string(i) + ";\"Cust; " + std::to_string(i) + "\";" + std::to_string(i * 7) + ",5\r\n";
  ASSERT_GT(text.size(), 65536u);
  for (std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{4096}, std::size_t{65537}}) {
    auto r = read_csv(text, chunk);
    ASSERT_EQ(r.rows.size(), 5001u) << chunk;
    EXPECT_EQ(r.dialect.delimiter, ';');
    EXPECT_EQ(r.rows[4321], (std::vector<std::string>{"4320", "Cust; 4320", "30240,5"})) << chunk;
    EXPECT_EQ(r.lines[5000], 5001);
    EXPECT_TRUE(r.issues.empty());
  }
}

TEST(CsvReader, WideRecordsReadInPlaceKeepEveryField) {
  // 70 unquoted fields a record: the field views grow while a record is
  // read in place, and a wider record follows a narrower one.
  std::string text;
  Rows want;
  for (int row = 0; row < 40; ++row) {
    const int fields = row % 2 == 0 ? 70 : 17;
    std::vector<std::string> cells;
    for (int f = 0; f < fields; ++f) cells.push_back("r" + std::to_string(row) + "c" + std::to_string(f));
    for (int f = 0; f < fields; ++f) text += (f ? "," : "") + cells[static_cast<std::size_t>(f)];
    text += "\n";
    want.push_back(cells);
  }
  for (std::size_t chunk : {std::size_t{0}, std::size_t{5}, std::size_t{64}, std::size_t{1000}}) {
    auto r = read_csv(text, chunk);
    EXPECT_EQ(r.rows, want) << chunk;
  }
}

// Quoted fields with no doubled quote and no line end inside are read in
// place (their text is the view between the quotes); every other shape goes
// through the state machine. Both must give the same rows, lines and issues
// in any chunking, and an invalid byte inside quotes read in place is still
// found.
TEST(CsvReader, QuotedFieldsReadInPlaceGiveWhatTheStateMachineGives) {
  bbb::CsvOptions utf8;
  utf8.encoding = bbb::Encoding::kUtf8;
  const std::string text =
      "id,customer,amount,note\n"
      "L0001,\"Smith, John\",1200.00,plain note here\n"
      "L0002,\"\",50.00,\"quoted at the end\"\n"
      "L0003,\"Say \"\"hi\"\" Ltd\",75.00,after a doubled quote\n"
      "L0004,\"M\xC3\xBCller, Z\xC3\xBCrich\",80.00,\"two, commas, here\"\n"
      "L0005,\"two\nlines\",90.00,after a line break\n"
      "L0006,\"padded\"  ,91.00,spaces after the quote\n"
      "L0007,\"A customer name of over sixteen bytes, then Caf\xE9\",92.00,an invalid byte inside quotes\n"
      "\"L0008\",\"a\",\"b\",\"c\"\n"
      "L0009,\"last, with no line end\",93.00,\"x\"";
  auto r = read_every_chunking(text, utf8);
  const Rows want = {{"id", "customer", "amount", "note"},
                     {"L0001", "Smith, John", "1200.00", "plain note here"},
                     {"L0002", "", "50.00", "quoted at the end"},
                     {"L0003", "Say \"hi\" Ltd", "75.00", "after a doubled quote"},
                     {"L0004", "M\xC3\xBCller, Z\xC3\xBCrich", "80.00", "two, commas, here"},
                     {"L0005", "two\nlines", "90.00", "after a line break"},
                     {"L0006", "padded", "91.00", "spaces after the quote"},
                     {"L0007", "A customer name of over sixteen bytes, then Caf\xEF\xBF\xBD", "92.00", "an invalid byte inside quotes"},
                     {"L0008", "a", "b", "c"},
                     {"L0009", "last, with no line end", "93.00", "x"}};
  EXPECT_EQ(r.rows, want);
  EXPECT_EQ(r.lines, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 8, 9, 10, 11}));
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{9, 2, "error", "invalid_utf8"}}));
}

TEST(CsvReader, FinishTwiceAndFeedAfterFinishAreHarmless) {
  int records = 0;
  bbb::CsvReader reader({}, [&](const bbb::CsvRecord&) { ++records; }, nullptr);
  reader.feed("a,b\n1,2", 7);
  reader.finish();
  reader.finish();
  reader.feed("\n3,4\n", 5);
  EXPECT_EQ(records, 2);
  EXPECT_EQ(reader.bytes_fed(), 12u);
}

TEST(CsvReader, EncodingNames) {
  bbb::Encoding e;
  ASSERT_TRUE(bbb::parse_encoding_name("Latin-1", &e));
  EXPECT_EQ(e, bbb::Encoding::kWindows1252);
  ASSERT_TRUE(bbb::parse_encoding_name("UTF-16LE", &e));
  EXPECT_EQ(e, bbb::Encoding::kUtf16Le);
  ASSERT_TRUE(bbb::parse_encoding_name("", &e));
  EXPECT_EQ(e, bbb::Encoding::kAuto);
  EXPECT_FALSE(bbb::parse_encoding_name("shift_jis", &e));
  EXPECT_STREQ(bbb::encoding_name(bbb::Encoding::kUtf16Be), "utf-16be");
}

}  // namespace

TEST(CsvTokenizerMask, PortableMaskFlagsExactlyTheSpecialBytes) {
  // Every byte value at every position, next to every other special byte:
  // a false flag after a true one (a borrow across bytes) would show here.
  const char specials[] = {',', '"', '\n', '\r'};
  for (const char delimiter : {',', ';', '\t', '|'}) {
    for (int pos = 0; pos < 16; ++pos) {
      for (int value = 0; value < 256; ++value) {
        for (const char neighbour : specials) {
          char block[16];
          for (int i = 0; i < 16; ++i) block[i] = static_cast<char>(i % 2 ? 'a' : 0x80 + i);
          block[pos] = static_cast<char>(value);
          if (pos + 1 < 16) block[pos + 1] = neighbour;
          std::uint32_t expected = 0;
          for (int i = 0; i < 16; ++i) {
            const char c = block[i];
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') expected |= 1u << i;
          }
          ASSERT_EQ(bbb::special_bytes_16_portable(block, delimiter), expected)
              << "delimiter " << int(delimiter) << " byte " << value << " at " << pos;
        }
      }
    }
  }
}
