// TextDecoder and the UTF-8 helpers, one behaviour per test.
#include "text/text_decoder.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using bbb::Encoding;
using bbb::TextDecoder;

// Decodes `bytes` fed in pieces of `chunk` bytes.
std::string decode(Encoding e, const std::string& bytes, std::size_t chunk) {
  TextDecoder decoder(e);
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += chunk)
    decoder.decode(bytes.data() + i, std::min(chunk, bytes.size() - i), out);
  decoder.finish(out);
  return out;
}

TEST(Utf8Validation, AcceptsValidText) {
  EXPECT_TRUE(bbb::is_valid_utf8(""));
  EXPECT_TRUE(bbb::is_valid_utf8("plain ascii, long enough for the 8-byte path"));
  EXPECT_TRUE(bbb::is_valid_utf8("Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
}

TEST(Utf8Validation, FindsTheFirstInvalidByte) {
  EXPECT_EQ(bbb::find_invalid_utf8("abc\xE9xyz"), 3u);             // Latin-1 byte
  EXPECT_EQ(bbb::find_invalid_utf8("ab\xC0\xAF"), 2u);             // overlong '/'
  EXPECT_EQ(bbb::find_invalid_utf8("\xE0\x80\x80"), 0u);           // overlong 3-byte
  EXPECT_EQ(bbb::find_invalid_utf8("x\xED\xA0\x80"), 1u);          // surrogate U+D800
  EXPECT_EQ(bbb::find_invalid_utf8("\xF4\x90\x80\x80"), 0u);       // above U+10FFFF
  EXPECT_EQ(bbb::find_invalid_utf8("0123456789\x80"), 10u);         // lone continuation
  EXPECT_EQ(bbb::find_invalid_utf8("\xC3\xA9\xFF"), 2u);
}

TEST(Utf8Validation, TruncatedTailIsValidOnlyWhenAllowed) {
  EXPECT_FALSE(bbb::is_valid_utf8("abc\xE2\x82"));
  EXPECT_TRUE(bbb::is_valid_utf8("abc\xE2\x82", /*allow_truncated_tail=*/true));
  EXPECT_FALSE(bbb::is_valid_utf8("abc\xE2\x41", true));  // cut is not the problem here
}

TEST(Utf8Validation, ReplacesEachInvalidByte) {
  std::string out;
  bbb::append_utf8_replacing_invalid("a\xE9" "b\xC3", out);
  EXPECT_EQ(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

TEST(Windows1252, MapsEveryHighByte) {
  EXPECT_EQ(bbb::windows1252_to_unicode(0x80), 0x20ACu);  // euro
  EXPECT_EQ(bbb::windows1252_to_unicode(0x92), 0x2019u);  // right single quote
  EXPECT_EQ(bbb::windows1252_to_unicode(0x9F), 0x0178u);  // Y diaeresis
  for (unsigned char undefined : {0x81, 0x8D, 0x8F, 0x90, 0x9D})
    EXPECT_EQ(bbb::windows1252_to_unicode(undefined), undefined);
  EXPECT_EQ(bbb::windows1252_to_unicode(0xE9), 0xE9u);
  EXPECT_EQ(bbb::windows1252_to_unicode('A'), static_cast<char32_t>('A'));
}

TEST(Windows1252, DecodesToUtf8InAnyChunking) {
  for (std::size_t chunk = 1; chunk <= 8; ++chunk)
    EXPECT_EQ(decode(Encoding::kWindows1252, "caf\xE9 \x80\x31 \x93ok\x94", chunk),
              "caf\xC3\xA9 \xE2\x82\xAC" "1 \xE2\x80\x9Cok\xE2\x80\x9D")
        << chunk;
}

TEST(Utf16, DecodesLittleAndBigEndianWithSurrogatePairsInAnyChunking) {
  const std::string le("a\0\xE9\0\xAC\x20\x3D\xD8\x00\xDE", 10);  // a é € U+1F600
  const std::string be("\0a\0\xE9\x20\xAC\xD8\x3D\xDE\x00", 10);
  const std::string expected = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  for (std::size_t chunk = 1; chunk <= 10; ++chunk) {
    EXPECT_EQ(decode(Encoding::kUtf16Le, le, chunk), expected) << chunk;
    EXPECT_EQ(decode(Encoding::kUtf16Be, be, chunk), expected) << chunk;
  }
}

TEST(Utf16, MalformedInputStaysDetectablyInvalid) {
  // Lone high surrogate, lone low surrogate, odd final byte.
  const std::string le("\x3D\xD8" "a\0" "\x00\xDE" "b", 7);
  for (std::size_t chunk = 1; chunk <= 7; ++chunk) {
    const std::string out = decode(Encoding::kUtf16Le, le, chunk);
    EXPECT_EQ(out, "\xED\xA0\xBD" "a" "\xED\xB8\x80" "\xFF") << chunk;
    EXPECT_EQ(bbb::find_invalid_utf8(out), 0u);
  }
  // A high surrogate at the very end.
  EXPECT_EQ(decode(Encoding::kUtf16Le, std::string("x\0\x3D\xD8", 4), 3), "x\xED\xA0\xBD");
}

TEST(Utf8PassThrough, CopiesBytesUnchanged) {
  EXPECT_EQ(decode(Encoding::kUtf8, "a\xE9\xC3\xA9", 1), "a\xE9\xC3\xA9");
}

}  // namespace
