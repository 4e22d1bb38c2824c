// Sample-based decisions of the CSV reader. The rules are documented in
// csv_sniffer.h; this file only implements them.
#include "text/csv_sniffer.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "text/text_decoder.h"

namespace bbb {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// UTF-16 without a BOM: Latin text has a NUL in every code unit's high byte.
Encoding guess_bomless_utf16(std::string_view raw) {
  const std::size_t units = std::min<std::size_t>(raw.size() / 2, 4096);
  if (units < 2) return Encoding::kAuto;
  std::size_t le_like = 0, be_like = 0;
  for (std::size_t i = 0; i < units; ++i) {
    const char a = raw[2 * i], b = raw[2 * i + 1];
    if (a != 0 && b == 0) ++le_like;
    if (a == 0 && b != 0) ++be_like;
  }
  if (le_like * 4 >= units * 3 && be_like * 10 < units) return Encoding::kUtf16Le;
  if (be_like * 4 >= units * 3 && le_like * 10 < units) return Encoding::kUtf16Be;
  return Encoding::kAuto;
}

constexpr char kCandidates[] = {',', ';', '\t', '|'};
constexpr std::size_t kRecordsToSample = 20;

// Count of `delimiter` outside quotes in each of the first non-blank records,
// with the same quoting rules as the reader (a quote opens a quoted field
// only at the start of a field; "" inside one is a literal quote).
std::vector<int> delimiters_per_record(std::string_view text, char delimiter, bool is_whole_file) {
  std::vector<int> counts;
  int count = 0;
  bool in_quotes = false, field_start = true, blank = true;
  for (std::size_t i = 0; i < text.size() && counts.size() < kRecordsToSample; ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') ++i;
        else in_quotes = false;
      }
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!blank) counts.push_back(count);
      count = 0;
      field_start = blank = true;
      continue;
    }
    blank = false;
    if (c == delimiter) {
      ++count;
      field_start = true;
    } else {
      if (c == '"' && field_start) in_quotes = true;
      field_start = false;
    }
  }
  if (!blank && counts.size() < kRecordsToSample && (is_whole_file || counts.empty())) counts.push_back(count);
  return counts;
}

}  // namespace

EncodingChoice choose_encoding(std::string_view raw, Encoding forced, bool is_whole_file) {
  EncodingChoice choice;
  const bool utf8_bom = starts_with(raw, "\xEF\xBB\xBF");
  const bool utf16le_bom = starts_with(raw, "\xFF\xFE");
  const bool utf16be_bom = starts_with(raw, "\xFE\xFF");
  if (forced != Encoding::kAuto) {
    choice.encoding = forced;
    if ((forced == Encoding::kUtf8 && utf8_bom)) choice.bom_size = 3;
    if ((forced == Encoding::kUtf16Le && utf16le_bom) || (forced == Encoding::kUtf16Be && utf16be_bom))
      choice.bom_size = 2;
    return choice;
  }
  if (utf8_bom) {
    choice.bom_size = 3;
  } else if (utf16le_bom || utf16be_bom) {
    choice.encoding = utf16le_bom ? Encoding::kUtf16Le : Encoding::kUtf16Be;
    choice.bom_size = 2;
  } else if (std::memchr(raw.data(), 0, raw.size()) != nullptr) {
    // NULs: UTF-16 without a BOM, or binary (looks_binary() will say so).
    const Encoding utf16 = guess_bomless_utf16(raw);
    if (utf16 != Encoding::kAuto) choice.encoding = utf16;
  } else if (!is_valid_utf8(raw, /*allow_truncated_tail=*/!is_whole_file)) {
    choice.encoding = Encoding::kWindows1252;
    choice.assumed_windows_1252 = true;
  }
  return choice;
}

const char* binary_kind(std::string_view sample) {
  struct Signature { std::string_view magic; const char* kind; };
  static constexpr Signature kSignatures[] = {
      {"PK\x03\x04", "a zip archive (an Excel .xlsx workbook is one: save it as CSV)"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an Excel .xls workbook or another Office file (save it as CSV)"},
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"%PDF", "a PDF document"},
      {"\x1F\x8B", "a gzip archive (unpack it first)"},
  };
  for (const Signature& s : kSignatures)
    if (sample.substr(0, s.magic.size()) == s.magic) return s.kind;
  return nullptr;
}

bool looks_binary(std::string_view utf8_sample, char delimiter_option) {
  if (binary_kind(utf8_sample) != nullptr) return true;
  // Counted with no early exit and no branch, so that the loop vectorises:
  // it runs once a file over the whole sample, in V8's baseline tier.
  std::size_t controls = 0;
  for (char ch : utf8_sample) {
    const auto c = static_cast<unsigned char>(ch);
    const bool control = c < 0x20 || c == 0x7F;
    controls += control && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A && (c == 0 || ch != delimiter_option);
  }
  // Text with a stray NUL or control byte is text (the row that holds it is
  // rejected); past one byte in 20 it is not text.
  return controls * 20 > utf8_sample.size();
}

std::size_t sep_line_length(std::string_view text, char* delimiter) {
  if (text.size() < 5) return 0;
  const char s = text[0], e = text[1], p = text[2];
  if ((s != 's' && s != 'S') || (e != 'e' && e != 'E') || (p != 'p' && p != 'P') || text[3] != '=') return 0;
  const char d = text[4];
  if (d == '"' || d == '\n' || d == '\r') return 0;
  std::size_t length = 5;
  if (length < text.size()) {
    if (text[length] == '\r') ++length;
    if (length < text.size() && text[length] == '\n') ++length;
    if (length == 5) return 0;  // more text on the line: not a sep= line
  }
  *delimiter = d;
  return length;
}

char detect_delimiter(std::string_view text, bool is_whole_file) {
  char best = ',';
  bool best_consistent = false;
  int best_header = 0;
  std::size_t best_matching = 0;
  for (char candidate : kCandidates) {
    const std::vector<int> counts = delimiters_per_record(text, candidate, is_whole_file);
    if (counts.empty() || counts[0] == 0) continue;
    const int header = counts[0];
    std::size_t matching = 0;
    for (int c : counts) matching += c == header ? 1 : 0;
    const bool consistent = matching * 10 >= counts.size() * 8;
    bool better;
    if (consistent != best_consistent) better = consistent;
    else if (consistent) better = header > best_header;
    else better = matching > best_matching || (matching == best_matching && header > best_header);
    if (best_header == 0 || better) {
      best = candidate;
      best_consistent = consistent;
      best_header = header;
      best_matching = matching;
    }
  }
  return best;
}

}  // namespace bbb
