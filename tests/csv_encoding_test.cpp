// CsvReader and encodings: BOMs, UTF-16, Windows-1252 detection, invalid
// UTF-8 after the sample, binary input. Every case is also read in chunks of
// 1 to 64 bytes, so characters and code units get cut everywhere.
#include <gtest/gtest.h>

#include <string>

#include "text/csv_reader.h"
#include "csv_test_support.h"

namespace {

using bbb_test::IssueSeen;
using bbb_test::read_csv;
using bbb_test::read_every_chunking;
using bbb_test::Rows;

// UTF-16 bytes of an ASCII/BMP/astral test string given as UTF-32.
std::string utf16(const std::u32string& text, bool little_endian, bool bom) {
  std::string out;
  auto unit = [&](char16_t u) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  };
  if (bom) unit(0xFEFF);
  for (char32_t c : text) {
    if (c >= 0x10000) {
      unit(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      unit(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      unit(static_cast<char16_t>(c));
    }
  }
  return out;
}

TEST(CsvEncoding, Utf8BomIsSkipped) {
  auto r = read_every_chunking("\xEF\xBB\xBFid,name\n1,Jos\xC3\xA9\n");
  EXPECT_TRUE(r.dialect.had_bom);
  EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kUtf8);
  EXPECT_EQ(r.rows, (Rows{{"id", "name"}, {"1", "Jos\xC3\xA9"}}));
  EXPECT_TRUE(r.issues.empty());
}

TEST(CsvEncoding, Utf16LeWithBomTabDelimitedLikeExcelUnicodeText) {
  const std::string bytes = utf16(U"id\tname\r\n1\t\u00C5sa \U0001F600\r\n2\t\"q\"\"\u20AC\"\r\n", true, true);
  auto r = read_every_chunking(bytes);
  EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kUtf16Le);
  EXPECT_TRUE(r.dialect.had_bom);
  EXPECT_EQ(r.dialect.delimiter, '\t');
  EXPECT_EQ(r.rows, (Rows{{"id", "name"}, {"1", "\xC3\x85sa \xF0\x9F\x98\x80"}, {"2", "q\"\xE2\x82\xAC"}}));
  EXPECT_TRUE(r.issues.empty());
}

TEST(CsvEncoding, Utf16BeWithBom) {
  auto r = read_every_chunking(utf16(U"a;b\n\u00FC;\U00010348\n", false, true));
  EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kUtf16Be);
  EXPECT_EQ(r.rows, (Rows{{"a", "b"}, {"\xC3\xBC", "\xF0\x90\x8D\x88"}}));
}

TEST(CsvEncoding, Utf16SurrogatePairSplitAcrossChunksAtEveryByte) {
  const std::string bytes = utf16(U"x,\U0001F600y\n", true, true);
  // The pair occupies bytes 6..9: cut before, inside each unit and between.
  for (std::size_t cut = 1; cut < bytes.size(); ++cut) {
    std::vector<std::string> fields;
    bbb::CsvReader reader({}, [&](const bbb::CsvRecord& rec) {
      for (std::size_t i = 0; i < rec.field_count; ++i) fields.emplace_back(rec.field(i));
    }, nullptr);
    reader.feed(bytes.data(), cut);
    reader.feed(bytes.data() + cut, bytes.size() - cut);
    reader.finish();
    EXPECT_EQ(fields, (std::vector<std::string>{"x", "\xF0\x9F\x98\x80y"})) << cut;
  }
}

TEST(CsvEncoding, Utf16WithoutBomIsRecognisedFromItsNulBytes) {
  auto r = read_every_chunking(utf16(U"id,amount\n1,5\n", true, false));
  EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kUtf16Le);
  EXPECT_FALSE(r.dialect.had_bom);
  EXPECT_EQ(r.rows, (Rows{{"id", "amount"}, {"1", "5"}}));
  auto be = read_every_chunking(utf16(U"id,amount\n1,5\n", false, false));
  EXPECT_EQ(be.dialect.encoding, bbb::Encoding::kUtf16Be);
  EXPECT_EQ(be.rows, (Rows{{"id", "amount"}, {"1", "5"}}));
}

TEST(CsvEncoding, UnpairedSurrogateAndOddByteAreRecordErrors) {
  std::string bytes = utf16(U"a,b\n1,x", true, true);
  bytes += std::string("\x00\xD8", 2);  // a high surrogate followed by a comma: unpaired
  bytes += utf16(U",z\n2,ok\n", true, false);
  bytes += "Q";  // odd final byte
  auto r = read_every_chunking(bytes);
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.rows[1], (std::vector<std::string>{"1", "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "z"}));
  EXPECT_EQ(r.rows[2], (std::vector<std::string>{"2", "ok"}));
  EXPECT_EQ(r.rows[3], (std::vector<std::string>{"\xEF\xBF\xBD"}));
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{2, 2, "error", "invalid_utf16"}, {4, 1, "error", "invalid_utf16"}}));
}

TEST(CsvEncoding, InvalidUtf8SampleIsReadAsWindows1252WithOneWarning) {
  auto r = read_every_chunking("name,city,price\nJos\xE9,M\xFCnchen,\x80 5\n\x93q\x94,\x81\x9D,x\n");
  EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kWindows1252);
  EXPECT_TRUE(r.dialect.encoding_detected);
  EXPECT_EQ(r.rows, (Rows{{"name", "city", "price"},
                          {"Jos\xC3\xA9", "M\xC3\xBCnchen", "\xE2\x82\xAC 5"},
                          {"\xE2\x80\x9Cq\xE2\x80\x9D", "\xC2\x81\xC2\x9D", "x"}}));
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{0, 0, "warning", "assumed_windows_1252"}}));
  EXPECT_NE(r.messages[0].find("Windows-1252"), std::string::npos);
  EXPECT_NE(r.messages[0].find("not valid UTF-8"), std::string::npos);
  EXPECT_EQ(r.events[0], "I0:0 assumed_windows_1252");
}

TEST(CsvEncoding, ForcedEncodingIsUsedWithoutWarning) {
  bbb::CsvOptions latin;
  latin.encoding = bbb::Encoding::kWindows1252;
  auto r = read_every_chunking("a\n\xE9\n", latin);
  EXPECT_EQ(r.rows, (Rows{{"a"}, {"\xC3\xA9"}}));
  EXPECT_TRUE(r.issues.empty());
  EXPECT_FALSE(r.dialect.encoding_detected);

  bbb::CsvOptions utf8;
  utf8.encoding = bbb::Encoding::kUtf8;
  auto u = read_every_chunking("a,b\nx,\xE9t\xE9\n", utf8);
  EXPECT_EQ(u.rows[1], (std::vector<std::string>{"x", "\xEF\xBF\xBDt\xEF\xBF\xBD"}));
  EXPECT_EQ(u.issues, (std::vector<IssueSeen>{{2, 2, "error", "invalid_utf8"}}));
}

TEST(CsvEncoding, CharacterSplitByADelimiterIsInvalidInBothFields) {
  // E9 | AF 80 would be a valid character if the fields were joined.
  bbb::CsvOptions utf8;
  utf8.encoding = bbb::Encoding::kUtf8;
  auto r = read_every_chunking("a,b,c\nx,\xE9,\xAF\x80\n", utf8);
  EXPECT_EQ(r.rows[1], (std::vector<std::string>{"x", "\xEF\xBF\xBD", "\xEF\xBF\xBD\xEF\xBF\xBD"}));
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{2, 2, "error", "invalid_utf8"}}));
}

// Records read in place skip the UTF-8 check when the 16-byte scan saw no
// byte above 0x7F in them: a high byte just before or after an ASCII record,
// in the same block, must not hide an invalid one, nor make a valid one fail.
TEST(CsvEncoding, InvalidBytesAreFoundNextToAsciiRecordsInTheSameBlock) {
  bbb::CsvOptions utf8;
  utf8.encoding = bbb::Encoding::kUtf8;
  const std::string text =
      "id,name,note\n"
      "1,plain ascii,row one\n"
      "2,M\xC3\xBCller GmbH,ok\n"
      "3,ascii again,x\n"
      "4,bad byte,Caf\xE9 noir\n"
      "5,ascii after,y\n"
      "6,\xC3\xA9,z\n"
      "7,last ascii row,w\n";
  auto r = read_every_chunking(text, utf8);
  ASSERT_EQ(r.rows.size(), 8u);
  EXPECT_EQ(r.rows[2][1], "M\xC3\xBCller GmbH");
  EXPECT_EQ(r.rows[4][2], "Caf\xEF\xBF\xBD noir");
  EXPECT_EQ(r.rows[6][1], "\xC3\xA9");
  EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{5, 3, "error", "invalid_utf8"}}));
}

// Records read in place are scanned 64 bytes a block and checked as text
// only when the scan saw a byte above 0x7F in them: one invalid byte at any
// place of a long record, in any block and at any offset in it, is found,
// on its own record, and the ASCII records around it stay clean.
TEST(CsvEncoding, AnInvalidByteAnywhereInALongRecordIsFound) {
  bbb::CsvOptions utf8;
  utf8.encoding = bbb::Encoding::kUtf8;
  const std::string head = "id,note\n1,ascii before\n";
  const std::string note(180, 'x');
  for (std::size_t at = 0; at < note.size(); ++at) {
    std::string bad = note;
    bad[at] = '\xFF';
    const std::string text = head + "2," + bad + "\n3,ascii after\n";
    const auto r = read_csv(text, 0, utf8);
    ASSERT_EQ(r.rows.size(), 4u) << at;
    ASSERT_EQ(r.issues, (std::vector<IssueSeen>{{3, 2, "error", "invalid_utf8"}})) << at;
    EXPECT_EQ(r.rows[3][1], "ascii after") << at;
  }
}

// A record read in place is checked only up to the last byte above 0x7F
// the scan saw in it (the rest is ASCII): with a valid accent in it, an
// invalid byte or a cut character before or after the accent, at any
// place, is still found; valid accents alone anywhere are not flagged.
TEST(CsvEncoding, AnInvalidByteBesideAValidAccentIsFound) {
  bbb::CsvOptions utf8;
  utf8.encoding = bbb::Encoding::kUtf8;
  const std::string head = "id,note\n1,ascii before\n";
  for (const char* bad_bytes : {"\xFF", "\xC3", "\xE2\x82"}) {  // invalid, a cut 2-byte and a cut 3-byte character
    const std::string bad_text(bad_bytes);
    for (std::size_t at = 0; at < 180; ++at) {
      std::string note(180, 'x');
      const std::size_t accent = at < 60 ? 120 : 20;  // "\xC3\xA9" away from the bad bytes
      note.replace(accent, 2, "\xC3\xA9");
      note.replace(at, bad_text.size(), bad_text);
      const auto r = read_csv(head + "2," + note + "\n3,ascii after\n", 0, utf8);
      ASSERT_EQ(r.rows.size(), 4u) << at;
      ASSERT_EQ(r.issues, (std::vector<IssueSeen>{{3, 2, "error", "invalid_utf8"}})) << bad_text.size() << " at " << at;
    }
  }
  for (std::size_t at = 0; at + 1 < 180; ++at) {
    std::string note(180, 'x');
    note.replace(at, 2, "\xC3\xA9");
    const auto r = read_csv(head + "2," + note + "\n3,ascii after\n", 0, utf8);
    ASSERT_TRUE(r.issues.empty()) << at;
    EXPECT_EQ(r.rows[2][1], note) << at;
  }
}

TEST(CsvEncoding, InvalidUtf8AfterTheSampleIsAnErrorOnThatRecord) {
  std::string text = "id,name,amount\n";
  for (int i = 0; text.size() < 70000; ++i) text += std::to_string(i) + ",Jos\xC3\xA9,10\n";
  const std::int64_t bad_line = std::count(text.begin(), text.end(), '\n') + 1;
  text += "x,ok,Caf\xE9\n";
  text += "y,fine,1\n";
  auto r = read_every_chunking(text);
  EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kUtf8);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0], (IssueSeen{bad_line, 3, "error", "invalid_utf8"}));
  EXPECT_NE(r.messages[0].find("windows-1252"), std::string::npos);
  ASSERT_GE(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[r.rows.size() - 2], (std::vector<std::string>{"x", "ok", "Caf\xEF\xBF\xBD"}));
  EXPECT_EQ(r.rows.back(), (std::vector<std::string>{"y", "fine", "1"}));
}

TEST(CsvEncoding, CharacterCutByTheSampleEndIsNotInvalid) {
  // A two-byte character across byte 65536, where the sample stops.
  std::string text = "a,b\n";
  while (text.size() < 65535 - 4) text += "x,y\n";
  text += std::string(65535 - text.size(), 'z');
  text += "\xC3\xA9,1\n";
  ASSERT_EQ(static_cast<unsigned char>(text[65535]), 0xC3);
  auto r = read_csv(text);
  EXPECT_EQ(r.dialect.encoding, bbb::Encoding::kUtf8);
  EXPECT_TRUE(r.issues.empty());
  const std::string& last = r.rows.back()[0];
  ASSERT_GE(last.size(), 2u);
  EXPECT_EQ(last.substr(last.size() - 2), "\xC3\xA9");
  EXPECT_EQ(r.rows.back()[1], "1");
}

TEST(CsvEncoding, BinaryInputGivesOneNotTextErrorAndNoRecords) {
  static const char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  static const char kZip[] = "PK\x03\x04\x14\0\0\0\x08\0abc,def\n";
  const std::string png(kPng, sizeof kPng - 1);
  const std::string zip(kZip, sizeof kZip - 1);
  const std::string controls = "\x01\x02\x03\x04,\x05\x06\x07\x08\nabcdefgh\n";
  for (const std::string& bytes : {png, zip, controls}) {
    auto r = read_every_chunking(bytes);
    EXPECT_TRUE(r.rows.empty());
    EXPECT_EQ(r.issues, (std::vector<IssueSeen>{{0, 0, "error", "not_text"}}));
  }
}

TEST(CsvEncoding, ControlCharacterDelimiterIsNotBinary) {
  bbb::CsvOptions options;
  options.delimiter = '\x1f';
  auto r = read_every_chunking("a\x1f" "b\x1f" "c\r\nd\x1f" "e\x1f" "f", options);
  EXPECT_EQ(r.rows, (Rows{{"a", "b", "c"}, {"d", "e", "f"}}));
  EXPECT_TRUE(r.issues.empty());
}

}  // namespace
