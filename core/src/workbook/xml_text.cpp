#include "workbook/xml_text.h"

namespace bbb {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code point of "#NN" or "#xHH" (an entity's name without & and ;), or -1.
long character_reference(std::string_view name) {
  if (name.size() < 2 || name[0] != '#') return -1;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return -1;
  long value = 0;
  for (char c : digits) {
    const int d = hex ? hex_value(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
    if (d < 0) return -1;
    value = value * (hex ? 16 : 10) + d;
  }
  return value;
}

// The UTF-16 unit of "_xHHHH_" at text[at], or -1.
long ooxml_escape_at(std::string_view text, std::size_t at) {
  if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return -1;
  long unit = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) {
    const int d = hex_value(text[i]);
    if (d < 0) return -1;
    unit = unit * 16 + d;
  }
  return unit;
}

}  // namespace

void append_utf8(std::uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_xml_text(std::string_view raw, std::string* out) {
  std::size_t at = 0;
  while (at < raw.size()) {
    const std::size_t amp = raw.find('&', at);
    if (amp == std::string_view::npos) break;
    out->append(raw.data() + at, amp - at);
    const std::size_t semi = raw.find(';', amp + 1);
    const std::string_view name =
        semi == std::string_view::npos || semi - amp > 12 ? std::string_view() : raw.substr(amp + 1, semi - amp - 1);
    if (name == "amp") *out += '&';
    else if (name == "lt") *out += '<';
    else if (name == "gt") *out += '>';
    else if (name == "quot") *out += '"';
    else if (name == "apos") *out += '\'';
    else if (const long cp = character_reference(name); cp > 0) append_utf8(static_cast<std::uint32_t>(cp), out);
    else {
      *out += '&';
      at = amp + 1;
      continue;
    }
    at = semi + 1;
  }
  out->append(raw.data() + at, raw.size() - at);
}

void append_ooxml_string(std::string_view text, std::string* out) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t mark = text.find("_x", at);
    if (mark == std::string_view::npos) break;
    out->append(text.data() + at, mark - at);
    const long unit = ooxml_escape_at(text, mark);
    if (unit < 0) {
      *out += '_';
      at = mark + 1;
      continue;
    }
    at = mark + 7;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const long low = ooxml_escape_at(text, at);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(static_cast<std::uint32_t>(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)), out);
        at += 7;
        continue;
      }
    }
    append_utf8(static_cast<std::uint32_t>(unit), out);
  }
  out->append(text.data() + at, text.size() - at);
}

}  // namespace bbb
