// Chunk-wise transcoding to UTF-8 and UTF-8 validation. See text_decoder.h.
#include "text/text_decoder.h"

#include <cstdint>
#include <cstring>

namespace bbb {
namespace {

// Windows-1252 bytes 80..9F. Undefined bytes keep their Latin-1 code point.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// Writes the UTF-8 form of `cp` at `out` and returns the byte count.
inline std::size_t encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

inline bool is_high_surrogate(char32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
inline bool is_low_surrogate(char32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

}  // namespace

void append_utf8(char32_t code_point, std::string& out) {
  char buf[4];
  out.append(buf, encode_utf8(code_point, buf));
}

char32_t windows1252_to_unicode(unsigned char byte) {
  if (byte >= 0x80 && byte <= 0x9F) return kWindows1252High[byte - 0x80];
  return byte;
}

std::size_t find_invalid_utf8(std::string_view text, bool allow_truncated_tail) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Most CSV text is ASCII: skip it eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & kHighBits) break;
      i += 8;
    }
    while (i < n && p[i] < 0x80) ++i;
    if (i >= n) break;

    // Table 3-7 of the Unicode standard: the second byte's range depends on
    // the first, which rules out overlong forms, surrogates and > U+10FFFF.
    const unsigned char lead = p[i];
    std::size_t length;
    unsigned char second_lo = 0x80, second_hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_lo = 0xA0;
      if (lead == 0xED) second_hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_lo = 0x90;
      if (lead == 0xF4) second_hi = 0x8F;
    } else {
      return i;
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= n) return allow_truncated_tail ? n : i;
      const unsigned char c = p[i + k];
      const unsigned char lo = k == 1 ? second_lo : 0x80;
      const unsigned char hi = k == 1 ? second_hi : 0xBF;
      if (c < lo || c > hi) return i;
    }
    i += length;
  }
  return n;
}

void append_utf8_replacing_invalid(std::string_view text, std::string& out) {
  while (!text.empty()) {
    const std::size_t bad = find_invalid_utf8(text);
    out.append(text.data(), bad);
    if (bad == text.size()) return;
    out.append("\xEF\xBF\xBD");  // U+FFFD, one per invalid byte
    text.remove_prefix(bad + 1);
  }
}

void TextDecoder::decode(const char* data, std::size_t size, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  switch (encoding_) {
    case Encoding::kAuto:
    case Encoding::kUtf8:
      out.append(data, size);
      return;
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be:
      decode_utf16(p, size, out);
      return;
    case Encoding::kWindows1252: {
      std::size_t i = 0;
      while (i < size) {
        std::size_t run = i;
        while (run < size && p[run] < 0x80) ++run;  // ASCII is copied as is
        out.append(data + i, run - i);
        i = run;
        if (i < size) append_utf8(windows1252_to_unicode(p[i++]), out);
      }
      return;
    }
  }
}

void TextDecoder::push_utf16_unit(char16_t unit, std::string& out) {
  if (high_surrogate_ != 0) {
    const char32_t high = high_surrogate_;
    high_surrogate_ = 0;
    if (is_low_surrogate(unit)) {
      append_utf8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), out);
      return;
    }
    append_utf8(high, out);  // unpaired: stays invalid UTF-8 on purpose
  }
  if (is_high_surrogate(unit)) {
    high_surrogate_ = unit;
    return;
  }
  append_utf8(unit, out);  // an unpaired low surrogate also stays invalid
}

void TextDecoder::decode_utf16(const unsigned char* p, std::size_t n, std::string& out) {
  const bool little_endian = encoding_ == Encoding::kUtf16Le;
  auto unit_at = [little_endian](unsigned char first, unsigned char second) -> char16_t {
    return static_cast<char16_t>(little_endian ? (first | (second << 8)) : ((first << 8) | second));
  };
  std::size_t i = 0;
  if (pending_byte_ >= 0 && n > 0) {
    push_utf16_unit(unit_at(static_cast<unsigned char>(pending_byte_), p[0]), out);
    pending_byte_ = -1;
    i = 1;
  }
  // Write straight into the string: at most 3 UTF-8 bytes per code unit,
  // plus a flushed unpaired surrogate.
  const std::size_t old_size = out.size();
  out.resize(old_size + (n - i) / 2 * 3 + 4);
  char* w = &out[old_size];
  for (; i + 1 < n; i += 2) {
    const char16_t unit = unit_at(p[i], p[i + 1]);
    if (high_surrogate_ == 0 && !is_high_surrogate(unit) && !is_low_surrogate(unit)) {
      w += encode_utf8(unit, w);
      continue;
    }
    if (high_surrogate_ != 0 && is_low_surrogate(unit)) {
      w += encode_utf8(0x10000 + ((high_surrogate_ - 0xD800) << 10) + (unit - 0xDC00), w);
      high_surrogate_ = 0;
      continue;
    }
    if (high_surrogate_ != 0) {  // the previous high surrogate is unpaired
      w += encode_utf8(high_surrogate_, w);
      high_surrogate_ = 0;
    }
    if (is_high_surrogate(unit)) high_surrogate_ = unit;
    else w += encode_utf8(unit, w);  // unpaired low surrogate
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  if (i < n) pending_byte_ = p[i];
}

void TextDecoder::finish(std::string& out) {
  if (high_surrogate_ != 0) {
    append_utf8(high_surrogate_, out);
    high_surrogate_ = 0;
  }
  if (pending_byte_ >= 0) {
    out.push_back('\xFF');  // an odd byte count: never valid UTF-8
    pending_byte_ = -1;
  }
}

}  // namespace bbb
