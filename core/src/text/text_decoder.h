// Turns the bytes of a file in any supported encoding into UTF-8, chunk by
// chunk (a code unit or character may straddle two chunks), plus the UTF-8
// checks the CSV reader needs.
//
// Malformed input is never silently "fixed" here: a lone UTF-16 surrogate is
// written out in its generalized-UTF-8 form (ED A0..BF xx), and an odd final
// byte of a UTF-16 file as the byte FF. Both are invalid UTF-8, so the CSV
// reader's per-record UTF-8 check finds them, reports the record and only
// then replaces them with U+FFFD.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/csv_reader.h"  // Encoding

namespace bbb {

// Appends the UTF-8 form of a code point (surrogates included, see above).
void append_utf8(char32_t code_point, std::string& out);

// The Unicode code point of a Windows-1252 byte. The five bytes the code page
// leaves undefined (81 8D 8F 90 9D) map to the same code point (as Latin-1).
char32_t windows1252_to_unicode(unsigned char byte);

// Offset of the first byte that is not part of a valid UTF-8 sequence, or
// text.size() when all of it is valid. Overlong forms, surrogates and code
// points above U+10FFFF are invalid. With allow_truncated_tail, a sequence
// that is only cut short by the end of `text` counts as valid (the rest may
// be in the next chunk).
std::size_t find_invalid_utf8(std::string_view text, bool allow_truncated_tail = false);

inline bool is_valid_utf8(std::string_view text, bool allow_truncated_tail = false) {
  return find_invalid_utf8(text, allow_truncated_tail) == text.size();
}

// Appends `text` to `out`, each invalid byte replaced by U+FFFD.
void append_utf8_replacing_invalid(std::string_view text, std::string& out);

// Streaming decoder from one encoding to UTF-8. kUtf8 (and kAuto) copy the
// bytes through unchanged: UTF-8 is validated per record by the reader.
class TextDecoder {
 public:
  explicit TextDecoder(Encoding encoding = Encoding::kUtf8) : encoding_(encoding) {}

  // Appends the UTF-8 text of `size` more bytes to `out`.
  void decode(const char* data, std::size_t size, std::string& out);
  // End of input: flushes what is left of a cut code unit or surrogate pair.
  void finish(std::string& out);

  Encoding encoding() const { return encoding_; }

 private:
  void decode_utf16(const unsigned char* p, std::size_t n, std::string& out);
  void push_utf16_unit(char16_t unit, std::string& out);

  Encoding encoding_;
  int pending_byte_ = -1;         // first byte of a UTF-16 code unit cut by the chunk end
  char16_t high_surrogate_ = 0;   // a high surrogate waiting for its low half
};

}  // namespace bbb
